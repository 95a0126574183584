//! When codegen's check fails on what one page wrote, only that action (and the models its
//! page wrote) is left as it was; everything else is still written.

mod support;

use import::{Page, Status};
use support::{applied, page, service_only};

/// A model whose required field is the model itself: every `Node` would hold another forever,
/// which codegen rejects.
const CYCLE: &str = "\
# 获取节点 - GetNode

## 请求参数

| 参数名 | 类型 | 描述信息 | 必填 |
|:---|:---|:---|:---|
| **NodeId** | string | 节点 ID |**Yes**|

## 响应字段

| 字段名 | 类型 | 描述信息 | 必填 |
|:---|:---|:---|:---|
| **Node** | [*Node*](#Node) | 节点 |**Yes**|

#### Node

| 字段名 | 类型 | 描述信息 | 必填 |
|:---|:---|:---|:---|
| **Name** | string | 名称 |**Yes**|
| **Parent** | [*Node*](#Node) | 上级节点 |**Yes**|
";

#[test]
fn only_the_action_codegen_rejects_is_held_back() {
    let existing = service_only();
    let pages = [
        page("formats/ucloud-docs-style.md"),
        Page::new("cycle.md", CYCLE),
        page("formats/ucloud-style.md"),
    ];
    let plan = import::import(&pages, &existing, "specs");
    assert_eq!(plan.check_failure, None);
    assert!(plan.writable());
    assert_eq!(plan.held_back.len(), 1, "{:?}", plan.held_back);
    let held = &plan.held_back[0];
    assert_eq!(held.action, "GetNode");
    assert_eq!(held.files, ["actions/GetNode.yaml", "models/Node.yaml"]);
    assert!(
        held.reasons[0].starts_with("specs/models/Node.yaml:"),
        "{:?}",
        held.reasons
    );
    assert!(held.reasons[0].contains("cycle"), "{:?}", held.reasons);
    // The other pages' files are all there, and the result passes codegen's checks.
    let paths: Vec<&str> = plan.changes().map(|f| f.path.as_str()).collect();
    for written in [
        "actions/StopCompShareInstance.yaml",
        "actions/DescribeCompShareSupportZone.yaml",
    ] {
        assert!(paths.contains(&written), "{paths:?}");
    }
    assert!(!paths.iter().any(|p| p.contains("Node")), "{paths:?}");
    assert!(plan.files.iter().all(|f| f.status == Status::New));
    codegen::check(&applied(&existing, &plan), "specs").unwrap_or_else(|f| panic!("{f}"));
    let summary = plan.summary().to_string();
    assert!(summary.contains("held back: 1"), "{summary}");
    assert!(
        summary.contains(
            "held back GetNode: left actions/GetNode.yaml, models/Node.yaml as they were"
        ),
        "{summary}"
    );
}

/// An action held back over existing specs keeps its files byte for byte.
#[test]
fn a_held_back_action_keeps_its_existing_files() {
    let mut existing = service_only();
    existing.push(codegen::SpecFile {
        path: "actions/GetNode.yaml".into(),
        bytes: b"action: GetNode\nsummary: old\nretryable: true\n".to_vec(),
    });
    let plan = import::import(&[Page::new("cycle.md", CYCLE)], &existing, "specs");
    assert_eq!(plan.held_back.len(), 1);
    assert_eq!(plan.changes().count(), 0, "{:?}", plan.files);
    assert!(plan.writable());
}
