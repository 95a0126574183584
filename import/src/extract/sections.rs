//! What a heading (or a label line above a table) says a section holds, in the words of all
//! three doc formats and the seed's plain text.

use crate::page::cells::clean_word;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Intro,
    Request,
    Response,
    /// 公共参数: request rows when under 请求参数, skipped elsewhere (ucloud-docs' 定义).
    Common,
    /// 数据模型: a container of model tables.
    Models,
    /// A table defining the named model (`## Model`, `#### Model`, `### Model 结构`).
    Model(String),
    /// The element fields of the named field (`### Field 元素主要字段`).
    Element(String),
    RequestExample,
    ResponseExample,
    Other,
}

const INTRO: &[&str] = &[
    "接口说明",
    "接口描述",
    "简介",
    "功能说明",
    "功能描述",
    "概述",
    "描述",
    "description",
    "overview",
];
const REQUEST: &[&str] = &[
    "请求参数",
    "输入参数",
    "请求字段",
    "request parameters",
    "request parameter",
    "request params",
];
const RESPONSE: &[&str] = &[
    "响应参数",
    "响应字段",
    "返回参数",
    "返回字段",
    "返回值",
    "输出参数",
    "响应元素",
    "response elements",
    "response parameters",
    "response fields",
    "response params",
];
const COMMON: &[&str] = &["公共参数", "公共请求参数", "common parameters"];
const MODELS: &[&str] = &["数据模型", "数据结构", "data model", "data models"];
const REQUEST_EXAMPLE: &[&str] = &[
    "请求示例",
    "请求例子",
    "request example",
    "request examples",
];
const RESPONSE_EXAMPLE: &[&str] = &[
    "响应示例",
    "返回示例",
    "响应例子",
    "response example",
    "response examples",
];

/// Words after a name that make the heading a model's table.
const MODEL_SUFFIXES: &[&str] = &[
    "结构",
    "结构体",
    "对象",
    "模型",
    "数据结构",
    "结构说明",
    "对象结构",
    "model",
    "structure",
    "object",
];
/// Words after a name that make the heading the element table of a field.
const ELEMENT_SUFFIXES: &[&str] = &["字段", "字段说明", "主要字段", "子字段", "成员"];

fn normalize(text: &str) -> String {
    let text = clean_word(text);
    let text = text.trim().trim_end_matches([':', '：']).trim();
    text.to_lowercase()
}

/// The role of a heading's text.
pub fn heading_role(text: &str) -> Role {
    let norm = normalize(text);
    let known = [
        (INTRO, Role::Intro),
        (REQUEST, Role::Request),
        (RESPONSE, Role::Response),
        (COMMON, Role::Common),
        (MODELS, Role::Models),
        (REQUEST_EXAMPLE, Role::RequestExample),
        (RESPONSE_EXAMPLE, Role::ResponseExample),
    ];
    for (words, role) in known {
        if words.contains(&norm.as_str()) {
            return role;
        }
    }
    // "Python（使用 UCloud SDK）" under 请求示例 and the like.
    for (words, role) in [
        (REQUEST_EXAMPLE, Role::RequestExample),
        (RESPONSE_EXAMPLE, Role::ResponseExample),
    ] {
        if words.iter().any(|w| norm.ends_with(w)) {
            return role;
        }
    }
    named_table(text, true).unwrap_or(Role::Other)
}

/// A line of prose right above a table that names it: `Collection 元素：`, `ImageSet 元素主要字段`.
pub fn label_role(text: &str) -> Option<Role> {
    named_table(text, false)
}

/// `Name`, `Name 结构` or `Name 元素主要字段`. A bare name only counts in a heading.
fn named_table(text: &str, bare_ok: bool) -> Option<Role> {
    let text = clean_word(text);
    let text = text.trim().trim_end_matches([':', '：', '。']).trim();
    let ident_len = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(text.len(), |(i, _)| i);
    let ident = &text[..ident_len];
    if ident.is_empty() || !ident.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let rest = text[ident_len..].trim().to_lowercase();
    let rest = rest.trim_start_matches('的').trim();
    if rest.is_empty() {
        return (bare_ok && ident.starts_with(|c: char| c.is_ascii_uppercase()))
            .then(|| Role::Model(ident.to_owned()));
    }
    if rest.contains("元素") || ELEMENT_SUFFIXES.contains(&rest) {
        return Some(Role::Element(ident.to_owned()));
    }
    if MODEL_SUFFIXES.contains(&rest) {
        return Some(Role::Model(ident.to_owned()));
    }
    None
}

/// A line of the plain-text rendering that is a section title (its `#` were stripped).
pub fn plain_title(text: &str) -> Option<Role> {
    let role = heading_role(text);
    match role {
        Role::Model(_) | Role::Element(_) | Role::Other => None,
        _ if normalize(text).chars().count() > 24 => None,
        _ => Some(role),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_sections() {
        assert_eq!(heading_role("请求参数"), Role::Request);
        assert_eq!(heading_role("Response Elements"), Role::Response);
        assert_eq!(heading_role("响应字段"), Role::Response);
        assert_eq!(heading_role("公共参数"), Role::Common);
        assert_eq!(heading_role("实例规格参数"), Role::Other);
        assert_eq!(heading_role("GPU 类型列表"), Role::Other);
        assert_eq!(
            heading_role("CompShareImage"),
            Role::Model("CompShareImage".into())
        );
        assert_eq!(
            heading_role("CpuPlatforms 结构"),
            Role::Model("CpuPlatforms".into())
        );
        assert_eq!(
            heading_role("PriceDetail 元素主要字段"),
            Role::Element("PriceDetail".into())
        );
        assert_eq!(heading_role("Python（使用 UCloud SDK）"), Role::Other);
        assert_eq!(
            label_role("Collection 元素："),
            Some(Role::Element("Collection".into()))
        );
        assert_eq!(label_role("Collection"), None);
        assert_eq!(plain_title("响应参数"), Some(Role::Response));
    }
}
