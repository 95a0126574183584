//! Type words as the docs write them: `int`, `array[string]`, `[*Model*](#Model)`,
//! `Array of Object`, `Map<K, V>`.

use codegen::spec::{TypeExpr, is_type_name};

use crate::page::cells::unescape;

/// A type as a page states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageType {
    /// One of the scalar [`TypeExpr`]s.
    Scalar(TypeExpr),
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
    is_type_name(&out).then_some(out)
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
    if is_type_name(bare) {
        return PageType::Model(bare.to_owned());
    }
    PageType::Unknown(text.to_owned())
}

fn scalar(lower: &str) -> Option<TypeExpr> {
    Some(match lower {
        "string" | "str" | "text" | "字符串" | "字符" | "varchar" => TypeExpr::String,
        "int" | "integer" | "int32" | "int64" | "long" | "uint" | "uint32" | "uint64" | "整数"
        | "整型" | "数字" => TypeExpr::Integer,
        "bool" | "boolean" | "布尔" | "布尔值" | "布尔型" => TypeExpr::Boolean,
        "float" | "double" | "float64" | "float32" | "number" | "decimal" | "浮点" | "浮点数"
        | "浮点型" => TypeExpr::Float,
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
        assert_eq!(parse("String"), PageType::Scalar(TypeExpr::String));
        assert_eq!(parse("int"), PageType::Scalar(TypeExpr::Integer));
        assert_eq!(parse("bool"), PageType::Scalar(TypeExpr::Boolean));
        assert_eq!(
            parse("Array of String"),
            array(PageType::Scalar(TypeExpr::String))
        );
        assert_eq!(parse("Array of Object"), array(PageType::Object));
        assert_eq!(
            parse("array[string]"),
            array(PageType::Scalar(TypeExpr::String))
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
        assert_eq!(parse("Uint32"), PageType::Scalar(TypeExpr::Integer));
    }

    #[test]
    fn makes_model_names() {
        assert_eq!(model_name("cpu_platforms").as_deref(), Some("CpuPlatforms"));
        assert_eq!(model_name("镜像"), None);
    }
}
