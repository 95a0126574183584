//! Constraints stated in description text: enums, defaults, bounds, ranges and lengths.
//!
//! A wrong constraint rejects valid calls, so each reader takes only the phrases it fully
//! understands. A phrase that promises a value but does not give one readably, or that gives
//! two different ones, becomes a warning instead of a constraint.

mod enums;
mod scan;

pub use enums::EnumValue;
use scan::{Text, is_cjk, is_han, is_value_char};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

/// What one description states.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub values: Option<Vec<EnumValue>>,
    pub default: Option<String>,
    pub min: Option<Number>,
    pub max: Option<Number>,
    pub max_length: Option<u64>,
    /// `最多 N 个`: the most elements, for an array.
    pub max_count: Option<u64>,
    pub warnings: Vec<String>,
}

/// Reads every constraint the text states. The text keeps its backticks, which mark values.
pub fn extract(text: &str) -> Found {
    let t = Text::new(text);
    let mut found = Found::default();
    let mut defaults: Vec<String> = Vec::new();
    if let Some((values, marked_default)) = enums::read(&t, &mut found.warnings) {
        defaults.extend(marked_default);
        found.values = Some(values);
    }
    defaults.extend(read_defaults(&t, &mut found.warnings));
    found.default = one(defaults, "default", &t, &mut found.warnings);

    let mut mins: Vec<Number> = Vec::new();
    let mut maxes: Vec<Number> = Vec::new();
    for (lo, hi) in read_ranges(&t, &mut found.warnings) {
        mins.push(lo);
        maxes.push(hi);
    }
    maxes.extend(read_bounds(&t, "最大", &mut found.warnings));
    mins.extend(read_bounds(&t, "最小", &mut found.warnings));
    found.min = one(mins, "minimum", &t, &mut found.warnings);
    found.max = one(maxes, "maximum", &t, &mut found.warnings);
    if let (Some(lo), Some(hi)) = (found.min, found.max)
        && lo.as_f64() > hi.as_f64()
    {
        found.warnings.push(format!(
            "the minimum {lo} is above the maximum {hi} in `{}`; wrote neither",
            t.snippet(0, 40)
        ));
        found.min = None;
        found.max = None;
    }

    let (lengths, counts) = read_counts(&t);
    found.max_length = one(lengths, "length", &t, &mut found.warnings);
    found.max_count = one(counts, "count", &t, &mut found.warnings);
    found
}

/// The one value stated, or nothing (and a warning) when the text states different ones.
fn one<T: PartialEq + std::fmt::Display>(
    mut values: Vec<T>,
    what: &str,
    t: &Text,
    warnings: &mut Vec<String>,
) -> Option<T> {
    values.dedup();
    let first = values.first()?;
    if values.iter().any(|v| v != first) {
        let listed: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        warnings.push(format!(
            "ambiguous {what}: `{}` states {}; wrote none",
            t.snippet(0, 60),
            listed.join(" and ")
        ));
        return None;
    }
    values.into_iter().next()
}

/// `默认 20`, `默认值：8192`, `默认为0`, `默认值是"Intel/Auto"`, `默认:值 1`. Not `的默认VPC`
/// (the default VPC), and not a bare word that runs on into Chinese (`默认：Web推荐防火墙`).
fn read_defaults(t: &Text, warnings: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for at in t.find_all("默认") {
        if at > 0 && t.get(at - 1) == Some('的') {
            continue;
        }
        let mut i = at + 2;
        let mut explicit = false;
        while let Some(c) = t.get(i) {
            match c {
                '值' | '为' | '是' | ':' | '：' => explicit = true,
                ' ' => {}
                _ => break,
            }
            i += 1;
        }
        let quoted = t.get(t.skip(i, &[" "])).is_some_and(|c| !is_value_char(c));
        // A bare word running on into Chinese is part of a longer name.
        let runs_on = |end: usize| !quoted && t.get(end).is_some_and(is_han);
        match t.value(i) {
            Some((value, end)) if value.is_ascii() && !runs_on(end) => out.push(value),
            _ if explicit => warnings.push(format!(
                "cannot read a default from `{}`; wrote no default",
                t.snippet(at, 16)
            )),
            _ => {}
        }
    }
    out
}

/// `（可选范围参考控制台）`: the sentence sends the reader to the console for the values that
/// really apply, so the numbers it gives are a guide, not limits (CompShare's 8-GPU hosts take
/// more memory than `范围 ：[1024, 262144]`). The sentence ends at `。` or a line break.
fn defers_to_console(t: &Text, at: usize) -> bool {
    let ends = |c: char| matches!(c, '。' | '\n');
    let start = (0..at)
        .rev()
        .find(|&i| t.get(i).is_some_and(ends))
        .map_or(0, |i| i + 1);
    let end = (at..t.len())
        .find(|&i| t.get(i).is_some_and(ends))
        .unwrap_or(t.len());
    t.slice(start, end).contains("控制台")
}

fn deferred(t: &Text, at: usize, warnings: &mut Vec<String>) -> bool {
    let defers = defers_to_console(t, at);
    if defers {
        warnings.push(format!(
            "`{}` leaves the range to the console; wrote no minimum or maximum",
            t.snippet(at, 24)
        ));
    }
    defers
}

/// `最大 100`, `最小值为1`.
fn read_bounds(t: &Text, keyword: &str, warnings: &mut Vec<String>) -> Vec<Number> {
    let mut out = Vec::new();
    for at in t.find_all(keyword) {
        let mut i = at + keyword.chars().count();
        i = t.skip(
            i,
            &[
                "值",
                "为",
                "是",
                ":",
                "：",
                " ",
                "不超过",
                "不小于",
                "不低于",
            ],
        );
        if let Some((n, end)) = t.number(i)
            && !t.get(end).is_some_and(|c| c.is_ascii_alphabetic())
            && !deferred(t, at, warnings)
        {
            out.push(n);
        }
    }
    out
}

/// `取值范围 1~8`, `范围：[1024, 262144]`, `范围[1,5]`. `1~8 或 1~10` is ambiguous, and a range
/// the sentence leaves to the console is no limit.
fn read_ranges(t: &Text, warnings: &mut Vec<String>) -> Vec<(Number, Number)> {
    let mut out = Vec::new();
    for at in t.find_all("范围") {
        let i = t.skip(at + 2, &["是", "为", "在", ":", "：", " "]);
        let Some((lo, hi, end)) = range_at(t, i) else {
            continue;
        };
        let after = t.skip(end, &[" ", "，", ","]);
        let more = ["或", "or", "、", "/", "和"]
            .iter()
            .find(|w| t.starts_with(after, w))
            .map(|w| t.skip(after + w.chars().count(), &[" "]));
        if let Some(next) = more
            && range_at(t, next).is_some()
        {
            warnings.push(format!(
                "ambiguous range `{}`; wrote no minimum or maximum",
                t.snippet(at, 24)
            ));
            return Vec::new();
        }
        if deferred(t, at, warnings) {
            continue;
        }
        out.push((lo, hi));
    }
    out
}

fn range_at(t: &Text, i: usize) -> Option<(Number, Number, usize)> {
    if matches!(t.get(i), Some('[' | '［' | '(' | '（')) {
        let (lo, j) = t.number(t.skip(i + 1, &[" "]))?;
        let j = t.skip(j, &[" "]);
        if !matches!(t.get(j), Some(',' | '，' | '~' | '～')) {
            return None;
        }
        let (hi, k) = t.number(t.skip(j + 1, &[" "]))?;
        let k = t.skip(k, &[" "]);
        return matches!(t.get(k), Some(']' | '］' | ')' | '）')).then_some((lo, hi, k + 1));
    }
    let (lo, j) = t.number(i)?;
    let j = t.skip(j, &[" "]);
    let sep = ["~", "～", "-", "—", "到", "至"]
        .iter()
        .find(|s| t.starts_with(j, s))?;
    let (hi, k) = t.number(t.skip(j + sep.chars().count(), &[" "]))?;
    Some((lo, hi, k))
}

/// `最长 63 个字符` is a length; `最多 3 个` a count of elements.
fn read_counts(t: &Text) -> (Vec<u64>, Vec<u64>) {
    let mut lengths = Vec::new();
    let mut counts = Vec::new();
    for keyword in ["最长", "最多", "不超过"] {
        for at in t.find_all(keyword) {
            let i = t.skip(
                at + keyword.chars().count(),
                &["为", "支持", "可", "传", ":", "：", " "],
            );
            let Some((Number::Int(n), end)) = t.number(i) else {
                continue;
            };
            let Ok(n) = u64::try_from(n) else { continue };
            let unit = t.skip(end, &[" ", "个", " "]);
            if t.starts_with(unit, "字符") {
                lengths.push(n);
            } else if keyword == "最多"
                && (t.starts_with(end, "个") || t.get(end).is_none_or(|c| !is_cjk(c)))
                && !t.get(end).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                counts.push(n);
            }
        }
    }
    (lengths, counts)
}

#[cfg(test)]
mod tests;
