//! A cursor over description text, by characters, with the few readers the phrases need.

use super::Number;

pub struct Text {
    chars: Vec<char>,
}

impl Text {
    pub fn new(text: &str) -> Self {
        Self {
            chars: text.chars().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub fn slice(&self, from: usize, to: usize) -> String {
        let to = to.min(self.chars.len());
        let from = from.min(to);
        self.chars[from..to].iter().collect()
    }

    pub fn starts_with(&self, i: usize, word: &str) -> bool {
        (i..)
            .zip(word.chars())
            .all(|(at, c)| self.get(at) == Some(c))
    }

    /// Where `word` starts, each time it occurs.
    pub fn find_all(&self, word: &str) -> Vec<usize> {
        (0..self.chars.len())
            .filter(|&i| self.starts_with(i, word))
            .collect()
    }

    /// Skips any of `words`, as often as they occur.
    pub fn skip(&self, mut i: usize, words: &[&str]) -> usize {
        'outer: loop {
            for w in words {
                if !w.is_empty() && self.starts_with(i, w) {
                    i += w.chars().count();
                    continue 'outer;
                }
            }
            return i;
        }
    }

    /// A decimal number: `-3`, `100`, `1.5`, or one in backticks.
    pub fn number(&self, i: usize) -> Option<(Number, usize)> {
        if self.get(i) == Some('`') {
            let (n, end) = self.number(i + 1)?;
            return (self.get(end) == Some('`')).then_some((n, end + 1));
        }
        let mut end = i;
        if self.get(end) == Some('-') {
            end += 1;
        }
        let digits_start = end;
        while self.get(end).is_some_and(|c| c.is_ascii_digit()) {
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        let mut is_float = false;
        if self.get(end) == Some('.') && self.get(end + 1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            end += 1;
            while self.get(end).is_some_and(|c| c.is_ascii_digit()) {
                end += 1;
            }
        }
        let text = self.slice(i, end);
        let n = if is_float {
            Number::Float(text.parse().ok().filter(|x: &f64| x.is_finite())?)
        } else {
            Number::Int(text.parse().ok()?)
        };
        Some((n, end))
    }

    /// A value as docs write one: quoted (`` `A` ``, `"A"`, `“A”`) or a bare run of ASCII
    /// letters, digits and `_./-+`. Surrounding spaces are skipped.
    pub fn value(&self, i: usize) -> Option<(String, usize)> {
        let i = self.skip(i, &[" "]);
        let open = self.get(i)?;
        let close = match open {
            '`' | '"' | '\'' => Some(open),
            '“' => Some('”'),
            '‘' => Some('’'),
            '「' => Some('」'),
            _ => None,
        };
        if let Some(close) = close {
            let mut end = i + 1;
            while let Some(c) = self.get(end) {
                if c == close {
                    let value = self.slice(i + 1, end).trim().to_owned();
                    return (!value.is_empty()).then_some((value, end + 1));
                }
                end += 1;
            }
            return None;
        }
        let mut end = i;
        while self.get(end).is_some_and(is_value_char) {
            end += 1;
        }
        let value = self.slice(i, end);
        let value = value.trim_end_matches(['.', '-', '/']);
        let end = i + value.chars().count();
        (!value.is_empty()).then(|| (value.to_owned(), end))
    }

    /// Up to 2 + `n` characters from `at`, for messages.
    pub fn snippet(&self, at: usize, n: usize) -> String {
        let end = (at + 2 + n).min(self.chars.len());
        let mut s = self.slice(at, end).replace('\n', " ");
        if end < self.chars.len() {
            s.push('…');
        }
        s
    }
}

pub fn is_value_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-' | '+')
}

/// A Chinese character: a letter, not punctuation.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF)
}

/// Chinese text, including full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}
