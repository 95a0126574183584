//! Enum members in description text, in the list styles the docs use:
//! `枚举值：`A`（a）、`B`（b）`, `枚举值:A(a)、B(b)`, `枚举值为： > A，a； > B，b`,
//! `枚举值["A", "B"]` (sometimes with a quote missing), `枚举值：A/B`, and, without the keyword,
//! `- A a；- B b` and `` `A`：a；`B`：b ``.

use codegen::naming::{IdentKind, rust_name};

use super::scan::{Text, is_cjk, is_value_char};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumValue {
    pub value: String,
    pub description: String,
}

type Items = Vec<(String, String)>;

/// The members, and the defaults marked among them (`Soft，软关机（默认）`).
pub fn read(t: &Text, warnings: &mut Vec<String>) -> Option<(Vec<EnumValue>, Vec<String>)> {
    let keyword = ["枚举值", "枚举", "可选值"]
        .iter()
        .find_map(|k| t.find_all(k).first().map(|&at| (at, k.chars().count())));
    // `枚举映射` (an enum-keyed map) and the like use the word without stating members.
    let keyword = keyword.filter(|&(at, len)| {
        len == 3
            || t.get(at + len)
                .is_none_or(|c| "值为如下是有:： [［>-".contains(c))
    });
    let items = match keyword {
        Some((at, len)) => {
            let i = t.skip(
                at + len,
                &["值", "为", "如下", "是", "有", ":", "：", " ", "\n"],
            );
            let items = match t.get(i) {
                Some('[' | '［') => bracketed(t, i + 1),
                Some('>') => arrowed(t, i),
                Some('-') if t.get(i + 1) == Some(' ') => dashed(t, i, 1),
                _ => plain(t, i),
            };
            let Some(items) = items.filter(|items| !items.is_empty()) else {
                warnings.push(format!(
                    "cannot read the enum values in `{}`; wrote no enum",
                    t.snippet(at, 20)
                ));
                return None;
            };
            items
        }
        None => dashed(t, 0, 2).or_else(|| ticked(t))?,
    };
    finish(items, t, warnings)
}

fn finish(
    items: Items,
    t: &Text,
    warnings: &mut Vec<String>,
) -> Option<(Vec<EnumValue>, Vec<String>)> {
    let mut values: Vec<EnumValue> = Vec::new();
    let mut defaults = Vec::new();
    let mut idents: Vec<String> = Vec::new();
    for (value, meaning) in items {
        if values.iter().any(|v| v.value == value) {
            continue;
        }
        let Some(ident) = rust_name(&value, IdentKind::Variant) else {
            warnings.push(format!(
                "the enum value `{value}` in `{}` cannot become a Rust name; wrote no enum",
                t.snippet(0, 40)
            ));
            return None;
        };
        if idents.contains(&ident) {
            warnings.push(format!(
                "two enum values in `{}` both become `{ident}` in Rust; wrote no enum",
                t.snippet(0, 40)
            ));
            return None;
        }
        idents.push(ident);
        let (description, is_default) = default_marker(&meaning);
        if is_default {
            defaults.push(value.clone());
        }
        values.push(EnumValue { value, description });
    }
    Some((values, defaults))
}

/// `（默认）` or a trailing `，默认` marks the default member; the marker leaves the meaning.
fn default_marker(meaning: &str) -> (String, bool) {
    for marker in ["（默认）", "(默认)"] {
        if meaning.contains(marker) {
            return (tidy(&meaning.replace(marker, "")), true);
        }
    }
    for marker in ["，默认", ",默认", " 默认"] {
        if let Some(rest) = meaning.strip_suffix(marker) {
            return (tidy(rest), true);
        }
    }
    if meaning.trim() == "默认" {
        return (String::new(), true);
    }
    (tidy(meaning), false)
}

fn tidy(text: &str) -> String {
    text.trim()
        .trim_matches(|c: char| c.is_whitespace() || "；;。，,：:、".contains(c))
        .to_owned()
}

/// `["A", "B",C"]`: split on commas, drop quotes, whatever their balance.
fn bracketed(t: &Text, from: usize) -> Option<Items> {
    let mut end = from;
    while t.get(end).is_some_and(|c| c != ']' && c != '］') {
        end += 1;
    }
    let inner = t.slice(from, end);
    let mut items = Vec::new();
    for part in inner.split([',', '，']) {
        let value = part
            .trim()
            .trim_matches(|c: char| "\"'“”‘’`".contains(c))
            .trim();
        if value.is_empty() {
            continue;
        }
        if !value.chars().all(is_value_char) {
            return None;
        }
        items.push((value.to_owned(), String::new()));
    }
    Some(items)
}

/// ` > A，meaning； > B，meaning` and the reversed ` >初始化: Initializing;`. A meaning ends at
/// the end of its line.
fn arrowed(t: &Text, from: usize) -> Option<Items> {
    let rest = t.slice(from, t.len());
    let mut items = Vec::new();
    for segment in rest.split('>').skip(1) {
        for part in segment.split(['；', ';']) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let p = Text::new(part);
            if part.starts_with(|c: char| c.is_ascii_alphanumeric() || "`\"“".contains(c)) {
                let (value, end) = p.value(0)?;
                let meaning_from = p.skip(end, &["，", ",", ":", "：", " "]);
                let (meaning, stop) = meaning_until_break(&p, meaning_from);
                items.push((value, meaning));
                if stop {
                    return Some(items);
                }
            } else if let Some(colon) = part.rfind([':', '：']) {
                let value = part[colon..].trim_start_matches([':', '：']).trim();
                let value = value.trim_matches(|c: char| "\"“”`".contains(c)).trim();
                if !value.is_empty() && value.chars().all(|c| is_value_char(c) || c == ' ') {
                    items.push((value.to_owned(), part[..colon].trim().to_owned()));
                }
            } else {
                return Some(items);
            }
        }
    }
    Some(items)
}

/// A meaning runs to `。`, to the end of its line, or to a space between two Chinese phrases
/// (where a `<br>` was before the page was flattened).
fn meaning_until_break(p: &Text, from: usize) -> (String, bool) {
    let mut depth = 0usize;
    let mut i = from;
    while let Some(c) = p.get(i) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '。' | '\n' if depth == 0 => return (p.slice(from, i), true),
            ' ' if depth == 0
                && i > from
                && p.get(i - 1).is_some_and(is_cjk_or_paren)
                && p.get(i + 1).is_some_and(is_cjk) =>
            {
                return (p.slice(from, i), true);
            }
            _ => {}
        }
        i += 1;
    }
    (p.slice(from, i), false)
}

fn is_cjk_or_paren(c: char) -> bool {
    is_cjk(c) || c == ')'
}

/// `- A meaning；- B meaning`, one per line or run together. `at_least` items make a list; an
/// item ends at `；`, `。` or its line's end, so what follows the list is no member's meaning.
fn dashed(t: &Text, from: usize, at_least: usize) -> Option<Items> {
    let starts: Vec<usize> = (from..t.len())
        .filter(|&p| {
            t.get(p) == Some('-')
                && t.get(p + 1) == Some(' ')
                && t.get(p + 2).is_some_and(|c| c.is_ascii_alphabetic())
                && (p == 0 || t.get(p - 1).is_some_and(|c| c.is_whitespace() || is_cjk(c)))
        })
        .collect();
    if starts.len() < at_least {
        return None;
    }
    let mut items = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(t.len());
        let (value, after) = t.value(start + 2)?;
        let from = t.skip(after, &["：", ":", "，", ",", " "]);
        let mut stop = from;
        while stop < end && !t.get(stop).is_some_and(|c| "；;。\n".contains(c)) {
            stop += 1;
        }
        items.push((value, t.slice(from, stop)));
    }
    Some(items)
}

/// `` `A`：meaning；`B`：meaning ``: every backticked value is a member with a meaning.
fn ticked(t: &Text) -> Option<Items> {
    let mut items = Vec::new();
    for at in t.find_all("`") {
        if t.slice(0, at).matches('`').count() % 2 == 1 {
            continue; // a closing tick
        }
        let (value, end) = t.value(at)?;
        let next = t.skip(end, &[" "]);
        let meaning = match t.get(next) {
            Some('：' | ':') => {
                let from = next + 1;
                let mut stop = from;
                while t.get(stop).is_some_and(|c| !"；;，,。`\n".contains(c)) {
                    stop += 1;
                }
                t.slice(from, stop)
            }
            Some('（' | '(') => parenthesized(t, next).0,
            _ => return None,
        };
        items.push((value, meaning));
    }
    (items.len() >= 2).then_some(items)
}

/// The text inside the parentheses that open at `open`, and where they close.
fn parenthesized(t: &Text, open: usize) -> (String, usize) {
    let mut depth = 0usize;
    let mut i = open;
    while let Some(c) = t.get(i) {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (t.slice(open + 1, i), i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    (t.slice(open + 1, i), i)
}

/// `A(a)、B(b)`, `` `A`（a）、`B`（b） ``, `A，a； B，b`, `A/B`.
fn plain(t: &Text, from: usize) -> Option<Items> {
    let mut items = Vec::new();
    let mut i = from;
    loop {
        i = t.skip(i, &[" ", "\n"]);
        let Some((value, end)) = t.value(i) else {
            break;
        };
        let mut j = t.skip(end, &[" "]);
        let meaning = match t.get(j) {
            Some('(' | '（') => {
                let (m, after) = parenthesized(t, j);
                j = after;
                m
            }
            Some('，' | ',' | ':' | '：') if t.get(t.skip(j + 1, &[" "])).is_some_and(is_cjk) => {
                let from = t.skip(j + 1, &[" "]);
                j = from;
                while t.get(j).is_some_and(|c| !"、；;。，,\n".contains(c)) {
                    j += 1;
                }
                t.slice(from, j)
            }
            _ => String::new(),
        };
        items.push((value, meaning));
        let k = t.skip(j, &[" "]);
        match t.get(k) {
            Some('、' | '；' | ';' | '，' | ',' | '/') => i = k + 1,
            _ => break,
        }
    }
    if let [(value, meaning)] = items.as_slice()
        && meaning.is_empty()
        && value.contains('/')
        && value.split('/').all(|p| {
            p.starts_with(|c: char| c.is_ascii_alphabetic())
                && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    {
        return Some(
            value
                .split('/')
                .map(|p| (p.to_owned(), String::new()))
                .collect(),
        );
    }
    Some(items)
}
