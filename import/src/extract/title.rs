//! The action name and summary from a page title, in any of `Action — 摘要`,
//! `摘要-Action` and `摘要 - Action`.

use crate::page::cells::clean_word;
use codegen::spec::is_type_name;

const SEPARATORS: &str = " -—–:：|·";

/// The action name (an UpperCamel word with lowercase letters) and what is left, the summary.
/// Of several such words (`获取OpenClaw模型列表 - GetOpenClawModelList`) the one `hint` names
/// wins, else the longest.
pub fn split(title: &str, hint: Option<&str>) -> (Option<String>, String) {
    let title = clean_word(title);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in title.char_indices().chain([(title.len(), ' ')]) {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let candidates: Vec<(usize, usize)> = runs
        .into_iter()
        .filter(|&(s, e)| {
            let word = &title[s..e];
            word.len() >= 4 && is_type_name(word) && word.chars().any(|c| c.is_ascii_lowercase())
        })
        .collect();
    let action = candidates
        .iter()
        .find(|&&(s, e)| Some(&title[s..e]) == hint)
        .or_else(|| candidates.iter().rev().max_by_key(|&&(s, e)| e - s))
        .copied();
    let Some((s, e)) = action else {
        return (None, title.trim().to_owned());
    };
    let before = title[..s].trim_end_matches(|c| SEPARATORS.contains(c));
    let after = title[e..].trim_start_matches(|c| SEPARATORS.contains(c));
    let summary = match (before.trim().is_empty(), after.trim().is_empty()) {
        (false, false) => format!("{} {}", before.trim(), after.trim()),
        _ => format!("{}{}", before.trim(), after.trim()),
    };
    (Some(title[s..e].to_owned()), summary)
}

/// The action a response example answers for: `"Action": "XResponse"`.
pub fn from_response_example(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let action = value.get("Action")?.as_str()?.strip_suffix("Response")?;
    is_type_name(action).then(|| action.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_titles() {
        assert_eq!(
            split("GetCompShareInstancePrice — 查询实例价格", None),
            (
                Some("GetCompShareInstancePrice".into()),
                "查询实例价格".into()
            )
        );
        assert_eq!(
            split("获取支持的可用区-DescribeCompShareSupportZone", None),
            (
                Some("DescribeCompShareSupportZone".into()),
                "获取支持的可用区".into()
            )
        );
        assert_eq!(
            split("关闭算力平台实例 - StopCompShareInstance", None),
            (
                Some("StopCompShareInstance".into()),
                "关闭算力平台实例".into()
            )
        );
        assert_eq!(
            split("CreateCompShareInstance — 创建GPU实例", None),
            (Some("CreateCompShareInstance".into()), "创建GPU实例".into())
        );
        assert_eq!(split("只有中文", None), (None, "只有中文".into()));
        assert_eq!(
            split("获取OpenClaw模型列表 - GetOpenClawModelList", None),
            (
                Some("GetOpenClawModelList".into()),
                "获取OpenClaw模型列表".into()
            )
        );
        assert_eq!(
            split("ListFoo 与 ListFooBar", Some("ListFoo")).0.as_deref(),
            Some("ListFoo")
        );
    }
}
