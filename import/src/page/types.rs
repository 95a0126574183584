//! Type words as the docs write them, and the spec types they become.

use std::fmt;

use crate::page::cells::unescape;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalar {
    String,
    Integer,
    Boolean,
    Float,
}

/// A type as a page states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageType {
    Scalar(Scalar),
    Array(Box<PageType>),
    /// A named model: `[*Model*](#Model)`, `[Model](#model-结构)` or a bare `Model`.
    Model(String),
    /// `Object`/`object`: some model, not named.
    Object,
    /// `Map<K, V>`: keys that are data, which a spec cannot express.
    Map,
    /// `array` with nothing about its elements.
    AnyArray,
    /// A word we do not know.
    Unknown(String),
}

impl PageType {
    pub fn is_array(&self) -> bool {
        matches!(self, PageType::Array(_) | PageType::AnyArray)
    }
}

/// A type as a spec writes it: `String`, a model name, `Array of <type>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecType {
    Scalar(Scalar),
    Model(String),
    Array(Box<SpecType>),
}

impl SpecType {
    pub fn model(&self) -> Option<&str> {
        match self {
            SpecType::Model(m) => Some(m),
            SpecType::Array(inner) => inner.model(),
            SpecType::Scalar(_) => None,
        }
    }

    pub fn array_of(self, array: bool) -> SpecType {
        if array {
            SpecType::Array(Box::new(self))
        } else {
            self
        }
    }

    /// Reads a spec's `type:` text; `None` for what a spec cannot say.
    pub fn parse(text: &str) -> Option<SpecType> {
        let text = text.trim();
        if let Some(inner) = text.strip_prefix("Array of ") {
            return Some(SpecType::Array(Box::new(SpecType::parse(inner)?)));
        }
        Some(match text {
            "String" => SpecType::Scalar(Scalar::String),
            "Integer" => SpecType::Scalar(Scalar::Integer),
            "Boolean" => SpecType::Scalar(Scalar::Boolean),
            "Float" => SpecType::Scalar(Scalar::Float),
            _ if is_model_name(text) => SpecType::Model(text.to_owned()),
            _ => return None,
        })
    }
}

impl fmt::Display for SpecType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecType::Scalar(Scalar::String) => f.write_str("String"),
            SpecType::Scalar(Scalar::Integer) => f.write_str("Integer"),
            SpecType::Scalar(Scalar::Boolean) => f.write_str("Boolean"),
            SpecType::Scalar(Scalar::Float) => f.write_str("Float"),
            SpecType::Model(m) => f.write_str(m),
            SpecType::Array(inner) => write!(f, "Array of {inner}"),
        }
    }
}

/// What codegen accepts as a model or action name: ASCII letters and digits, starting with an
/// uppercase letter.
pub fn is_model_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Turns a doc's name for a model into a valid one (`cpu_platforms` becomes `CpuPlatforms`).
pub fn model_name(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut upper = true;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(if upper { c.to_ascii_uppercase() } else { c });
            upper = false;
        } else if c == '_' || c == '-' || c == ' ' {
            upper = true;
        } else {
            return None;
        }
    }
    is_model_name(&out).then_some(out)
}

/// Parses a type cell (markdown and all).
pub fn parse(cell: &str) -> PageType {
    let text = unescape(cell)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("**", "")
        .replace('`', "");
    parse_text(text.trim(), 0)
}

fn parse_text(text: &str, depth: usize) -> PageType {
    let text = text.trim();
    if depth > 8 {
        return PageType::Unknown(text.to_owned());
    }
    let lower = text.to_lowercase();
    if let Some(scalar) = scalar(&lower) {
        return PageType::Scalar(scalar);
    }
    match lower.as_str() {
        "object" | "obj" | "对象" | "struct" | "json" | "json object" => {
            return PageType::Object;
        }
        "map" | "dict" | "映射" => return PageType::Map,
        "array" | "数组" | "list" | "列表" => return PageType::AnyArray,
        _ => {}
    }
    for prefix in [
        "array of ",
        "list of ",
        "array<",
        "list<",
        "array[",
        "list[",
    ] {
        if text
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            let inner = &text[prefix.len()..];
            let inner = match prefix.chars().last() {
                Some('<') => inner.strip_suffix('>'),
                Some('[') => inner.strip_suffix(']'),
                _ => Some(inner),
            };
            if let Some(inner) = inner {
                return PageType::Array(Box::new(parse_text(inner, depth + 1)));
            }
        }
    }
    if ["map<", "map[", "dict<"].iter().any(|p| {
        text.get(..p.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(p))
    }) {
        return PageType::Map;
    }
    if let Some(inner) = text.strip_suffix("[]") {
        return PageType::Array(Box::new(parse_text(inner, depth + 1)));
    }
    if let Some(name) = link_name(text) {
        return match model_name(&name) {
            Some(name) => PageType::Model(name),
            None => PageType::Unknown(text.to_owned()),
        };
    }
    let bare = text.trim_matches('*');
    if is_model_name(bare) {
        return PageType::Model(bare.to_owned());
    }
    PageType::Unknown(text.to_owned())
}

fn scalar(lower: &str) -> Option<Scalar> {
    Some(match lower {
        "string" | "str" | "text" | "字符串" | "字符" | "varchar" => Scalar::String,
        "int" | "integer" | "int32" | "int64" | "long" | "uint" | "uint32" | "uint64" | "整数"
        | "整型" | "数字" => Scalar::Integer,
        "bool" | "boolean" | "布尔" | "布尔值" | "布尔型" => Scalar::Boolean,
        "float" | "double" | "float64" | "float32" | "number" | "decimal" | "浮点" | "浮点数"
        | "浮点型" => Scalar::Float,
        _ => return None,
    })
}

/// The text of a markdown link, `[*Model*](#Model)`, without its emphasis.
fn link_name(text: &str) -> Option<String> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find("](")?;
    if !rest.ends_with(')') {
        return None;
    }
    let name = rest[..close]
        .trim()
        .trim_matches('*')
        .trim_matches('_')
        .trim();
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(name: &str) -> PageType {
        PageType::Model(name.into())
    }

    fn array(t: PageType) -> PageType {
        PageType::Array(Box::new(t))
    }

    #[test]
    fn reads_every_format_s_type_words() {
        assert_eq!(parse("String"), PageType::Scalar(Scalar::String));
        assert_eq!(parse("int"), PageType::Scalar(Scalar::Integer));
        assert_eq!(parse("bool"), PageType::Scalar(Scalar::Boolean));
        assert_eq!(
            parse("Array of String"),
            array(PageType::Scalar(Scalar::String))
        );
        assert_eq!(parse("Array of Object"), array(PageType::Object));
        assert_eq!(
            parse("array[string]"),
            array(PageType::Scalar(Scalar::String))
        );
        assert_eq!(parse("array[[*Disks*](#Disks)]"), array(model("Disks")));
        assert_eq!(parse("[*Projects*](#Projects)"), model("Projects"));
        assert_eq!(
            parse("Array of [MachineSize](#machinesize-结构)"),
            array(model("MachineSize"))
        );
        assert_eq!(parse("Array of DiskType"), array(model("DiskType")));
        assert_eq!(parse("array"), PageType::AnyArray);
        assert_eq!(parse("object"), PageType::Object);
        assert_eq!(parse("长整数"), PageType::Unknown("长整数".into()));
        assert_eq!(
            parse("Array&lt;UserInfoItem&gt;"),
            array(model("UserInfoItem"))
        );
        assert_eq!(parse("Map&lt;Uint32, ErrorInfo&gt;"), PageType::Map);
        assert_eq!(parse("Uint32"), PageType::Scalar(Scalar::Integer));
    }

    #[test]
    fn prints_spec_types() {
        let t = SpecType::parse("Array of CompShareImage").unwrap();
        assert_eq!(t.to_string(), "Array of CompShareImage");
        assert_eq!(t.model(), Some("CompShareImage"));
        assert_eq!(model_name("cpu_platforms").as_deref(), Some("CpuPlatforms"));
    }
}
