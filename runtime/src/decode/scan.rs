//! A JSON reader specialised for decoding response bodies: it walks the text once, hands
//! strings out as slices of the body when they hold no escape, and builds a `Value` only for
//! what a slot does not take.
//!
//! It accepts exactly what serde_json accepts (RFC 8259, nesting up to 128 levels, no trailing
//! characters); the property tests compare the two. It exists because decoding through serde's
//! visitors spent most of its time in generic dispatch, not in reading.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::Scalar;

/// Nesting deeper than this is refused, as serde_json refuses it, so recursion stays bounded.
pub const MAX_DEPTH: usize = 128;

/// Where and why the text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset into the body.
    pub at: usize,
    /// What was expected.
    pub what: &'static str,
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

pub type Result<T> = std::result::Result<T, SyntaxError>;

/// Bytes that end the fast scan of a string: the quote, the backslash and control characters.
static STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = true;
        i += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

pub struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    pub fn error<T>(&self, what: &'static str) -> Result<T> {
        Err(SyntaxError { at: self.pos, what })
    }

    /// Skips whitespace and returns the next byte, if any.
    pub fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b' ' | b'\n' | b'\r' | b'\t' => self.pos += 1,
                _ => return Some(b),
            }
        }
        None
    }

    fn eat(&mut self, byte: u8, what: &'static str) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.error(what)
        }
    }

    /// Fails unless only whitespace is left.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.error("trailing characters"),
        }
    }

    pub fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error("recursion limit exceeded");
        }
        Ok(())
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Reads an object's members, calling `member` with each key with the reader before its
    /// value; `member` must read the value.
    pub fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, Cow<'a, str>) -> Result<()>,
    ) -> Result<()> {
        self.eat(b'{', "expected an object")?;
        self.enter()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.leave();
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return self.error("expected a key");
            }
            self.pos += 1;
            let key = self.string_body()?;
            self.eat(b':', "expected `:`")?;
            member(self, key)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.leave();
                    return Ok(());
                }
                _ => return self.error("expected `,` or `}`"),
            }
        }
    }

    /// Reads an array's elements, calling `element` with the reader before each.
    pub fn array(&mut self, mut element: impl FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.eat(b'[', "expected an array")?;
        self.enter()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.leave();
            return Ok(());
        }
        loop {
            element(self)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.leave();
                    return Ok(());
                }
                _ => return self.error("expected `,` or `]`"),
            }
        }
    }

    /// A scalar; the next value must not be an object or an array.
    pub fn scalar(&mut self) -> Result<Token<'a>> {
        match self.peek() {
            Some(b'"') => {
                self.pos += 1;
                Ok(match self.string_body()? {
                    Cow::Borrowed(s) => Token::Scalar(Scalar::Str(s)),
                    Cow::Owned(s) => Token::Escaped(s),
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number().map(Token::Scalar),
            Some(b't') => self.literal("true", Scalar::Bool(true)),
            Some(b'f') => self.literal("false", Scalar::Bool(false)),
            Some(b'n') => self.literal("null", Scalar::Null),
            _ => self.error("expected a value"),
        }
    }

    fn literal(&mut self, word: &'static str, value: Scalar<'a>) -> Result<Token<'a>> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(Token::Scalar(value))
        } else {
            self.error("expected a value")
        }
    }

    /// A string after its opening quote.
    fn string_body(&mut self) -> Result<Cow<'a, str>> {
        let start = self.pos;
        let mut i = start;
        while let Some(&b) = self.bytes.get(i) {
            if STOP[b as usize] {
                if b == b'"' {
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&self.text[start..i]));
                }
                if b == b'\\' {
                    self.pos = i;
                    let mut out = String::with_capacity(i - start + 16);
                    out.push_str(&self.text[start..i]);
                    return self.escaped(out).map(Cow::Owned);
                }
                self.pos = i;
                return self.error("control character in a string");
            }
            i += 1;
        }
        self.pos = i;
        self.error("unterminated string")
    }

    /// The rest of a string that has escapes, appended to `out`.
    fn escaped(&mut self, mut out: String) -> Result<String> {
        loop {
            let start = self.pos;
            let mut i = start;
            while let Some(&b) = self.bytes.get(i) {
                if STOP[b as usize] {
                    break;
                }
                i += 1;
            }
            out.push_str(&self.text[start..i]);
            self.pos = i;
            match self.bytes.get(i) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.bytes.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return self.error("invalid escape"),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return self.error("control character in a string"),
                None => return self.error("unterminated string"),
            }
        }
    }

    fn hex4(&mut self) -> Result<u16> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|d| u16::from_str_radix(d, 16).ok()) {
            Some(n) => {
                self.pos += 4;
                Ok(n)
            }
            None => self.error("invalid \\u escape"),
        }
    }

    /// After `\u`: one code point, joining a surrogate pair. A lone surrogate is refused, as
    /// serde_json refuses it.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return self.error("lone leading surrogate");
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.error("invalid surrogate pair");
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.error("lone trailing surrogate"),
            other => u32::from(other),
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.error("invalid code point"),
        }
    }

    fn number(&mut self) -> Result<Scalar<'a>> {
        let start = self.pos;
        let bytes = self.bytes;
        let mut i = start;
        let negative = bytes[i] == b'-';
        if negative {
            i += 1;
        }
        let digits = i;
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            _ => {
                self.pos = i;
                return self.error("invalid number");
            }
        }
        let int_end = i;
        let mut float = false;
        if bytes.get(i) == Some(&b'.') {
            float = true;
            i += 1;
            if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                self.pos = i;
                return self.error("invalid number");
            }
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            float = true;
            i += 1;
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !bytes.get(i).is_some_and(u8::is_ascii_digit) {
                self.pos = i;
                return self.error("invalid number");
            }
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        self.pos = i;
        if !float {
            let mut n: u64 = 0;
            let mut fits = true;
            for &b in &bytes[digits..int_end] {
                match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(u64::from(b - b'0')))
                {
                    Some(next) => n = next,
                    None => {
                        fits = false;
                        break;
                    }
                }
            }
            if fits {
                if !negative {
                    return Ok(Scalar::U64(n));
                }
                // `-0` is a float, as serde_json reads it.
                if n != 0 && n <= i64::MAX as u64 + 1 {
                    return Ok(Scalar::I64((n as i64).wrapping_neg()));
                }
            }
        }
        match self.text[start..i].parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Scalar::F64(f)),
            _ => {
                self.pos = start;
                self.error("number out of range")
            }
        }
    }

    /// Any value, built as a `Value`.
    pub fn value(&mut self) -> Result<Value> {
        match self.peek() {
            Some(b'{') => {
                let mut map = Map::new();
                self.object(|r, key| {
                    let v = r.value()?;
                    map.insert(key.into_owned(), v);
                    Ok(())
                })?;
                Ok(Value::Object(map))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.array(|r| {
                    items.push(r.value()?);
                    Ok(())
                })?;
                Ok(Value::Array(items))
            }
            _ => Ok(self.scalar()?.into_value()),
        }
    }
}

/// A scalar as read: borrowed from the body, or a string whose escapes had to be decoded.
pub enum Token<'a> {
    Scalar(Scalar<'a>),
    Escaped(String),
}

impl Token<'_> {
    pub fn as_scalar(&self) -> Scalar<'_> {
        match self {
            Token::Scalar(s) => *s,
            Token::Escaped(s) => Scalar::Str(s),
        }
    }

    /// The scalar as JSON, to keep it.
    pub fn into_value(self) -> Value {
        match self {
            Token::Escaped(s) => Value::String(s),
            Token::Scalar(s) => s.to_value(),
        }
    }
}
