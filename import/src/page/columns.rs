//! Finding a parameter table's columns by their header names, in any order.

use crate::page::cells::clean_word;

/// Where each column of a parameter table is. A table without a name and a type column is
/// not a parameter table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    pub name: usize,
    pub ty: usize,
    pub required: Option<usize>,
    pub description: Option<usize>,
    pub example: Option<usize>,
}

const NAME: &[&str] = &[
    "名称",
    "参数名",
    "参数名称",
    "参数",
    "字段名",
    "字段名称",
    "字段",
    "属性",
    "属性名",
    "name",
    "parameter name",
    "parameter",
    "param",
    "field",
    "field name",
];
const TYPE: &[&str] = &[
    "类型",
    "参数类型",
    "字段类型",
    "数据类型",
    "type",
    "data type",
];
const REQUIRED: &[&str] = &[
    "必填",
    "是否必填",
    "必选",
    "是否必选",
    "必需",
    "是否必需",
    "必传",
    "required",
    "mandatory",
];
const DESCRIPTION: &[&str] = &[
    "描述",
    "描述信息",
    "说明",
    "参数说明",
    "参数描述",
    "字段说明",
    "字段描述",
    "备注",
    "含义",
    "description",
    "desc",
    "remarks",
];
const EXAMPLE: &[&str] = &[
    "示例值",
    "示例",
    "例子",
    "样例",
    "example",
    "example value",
    "sample",
];

impl Columns {
    pub fn find(header: &[String]) -> Option<Columns> {
        let names: Vec<String> = header
            .iter()
            .map(|h| clean_word(h).trim().to_lowercase())
            .collect();
        let at = |words: &[&str]| names.iter().position(|n| words.contains(&n.as_str()));
        Some(Columns {
            name: at(NAME)?,
            ty: at(TYPE)?,
            required: at(REQUIRED),
            description: at(DESCRIPTION),
            example: at(EXAMPLE),
        })
    }
}

/// Reads a required cell: 是/否, Yes/No, true/false. `None` when it says neither.
pub fn required(cell: &str) -> Option<bool> {
    let word = clean_word(cell).to_lowercase();
    let word = word.trim();
    const YES: &[&str] = &[
        "是", "yes", "y", "true", "必填", "必选", "required", "✓", "✔", "√",
    ];
    const NO: &[&str] = &[
        "否",
        "no",
        "n",
        "false",
        "选填",
        "可选",
        "非必填",
        "optional",
        "×",
        "✗",
        "-",
    ];
    if YES.contains(&word) || word.starts_with('是') || word.starts_with("yes") {
        Some(true)
    } else if NO.contains(&word) || word.starts_with('否') || word.starts_with("no") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_columns_in_any_order() {
        let header: Vec<String> = ["Parameter name", "Type", "Description", "Required"]
            .map(String::from)
            .into();
        let c = Columns::find(&header).unwrap();
        assert_eq!(
            (c.name, c.ty, c.required, c.description),
            (0, 1, Some(3), Some(2))
        );
        let quota: Vec<String> = ["账户等级", "最大实例数"].map(String::from).into();
        assert_eq!(Columns::find(&quota), None);
    }

    #[test]
    fn reads_required_words() {
        assert_eq!(required("**Yes**"), Some(true));
        assert_eq!(required("否"), Some(false));
        assert_eq!(required(""), None);
    }
}
