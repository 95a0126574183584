//! Importing over hand-written specs: the page wins for what it states, and everything else
//! people wrote stays.

use import::{ImportPlan, Page};
use serde_yaml::{Mapping, Value};

fn spec(path: &str, text: &str) -> codegen::SpecFile {
    codegen::SpecFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn run(page: &str, existing: &[codegen::SpecFile]) -> ImportPlan {
    import::import(&[Page::new("page.md", page)], existing, "specs")
}

fn file(plan: &ImportPlan, path: &str) -> Mapping {
    let f = plan.files.iter().find(|f| f.path == path).unwrap();
    serde_yaml::from_str::<Value>(&f.contents)
        .unwrap()
        .as_mapping()
        .cloned()
        .unwrap()
}

fn field(map: &Mapping, list: &str, name: &str) -> Mapping {
    map[list]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_mapping().unwrap().clone())
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn names(map: &Mapping, list: &str) -> Vec<String> {
    map[list]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap().to_owned())
        .collect()
}

fn warnings(plan: &ImportPlan) -> String {
    plan.warnings
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn conflicts(plan: &ImportPlan) -> String {
    plan.conflicts
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

const HAND_WRITTEN: &str = "\
action: ListThings
summary: 列出
retryable: true
common:
  Region: required
  Zone: required
  ProjectId: optional
request:
- name: Limit
  type: Integer
  required: false
  description: 每页数量
  example: 20
  max: 100
- name: Kind
  type: String
  required: false
  enum:
    closed: true
    name: ThingKind
    values:
    - value: A
      description: 甲
    - value: B
- name: Password
  type: String
  required: false
  sensitive: true
- name: Count
  type: String
  required: false
  format: integer
- name: Flag
  type: String
  required: false
  format: bool
- name: Old
  type: String
  required: false
  deprecated: use New
- name: Only
  type: String
  required: false
  description: 只在规格里
response:
- name: Things
  type: Array of Thing
  required: true
";

const PAGE: &str = "\
# ListThings — 列出东西

## 请求参数

| 名称 | 类型 | 必填 | 描述 | 示例值 |
|------|------|:----:|------|--------|
| Zone | String | 否 | 可用区 | `cn-wlcb-01` |
| Count | Integer | 否 | 数量，取值范围 1\\~5 | `2` |
| Kind | String | 否 | 种类。枚举值：`A`、`B`、`C`（丙） | `C` |
| Password | String | 是 | 密码 | |
| Flag | Boolean | 否 | 开关 | `true` |
| Old | String | 否 | 旧字段 | |
| Limit | Integer | 否 | 返回数量 | |

## 响应参数

| 名称 | 类型 | 描述 |
|------|------|------|
| Things | Array of Object | 东西 |

### Things 元素主要字段

| 名称 | 类型 | 描述 |
|------|------|------|
| Id | String | 编号 |
";

#[test]
fn keeps_what_people_wrote_and_the_page_does_not_contradict() {
    let existing = [
        spec("actions/ListThings.yaml", HAND_WRITTEN),
        spec(
            "models/Thing.yaml",
            "model: Thing\nfields:\n- name: Name\n  type: String\n- name: Id\n  type: Integer\n",
        ),
    ];
    let plan = run(PAGE, &existing);
    let action = file(&plan, "actions/ListThings.yaml");

    // Page order first, then the spec's own rows.
    assert_eq!(
        names(&action, "request"),
        ["Count", "Kind", "Password", "Flag", "Old", "Limit", "Only"]
    );
    // The page states Zone optional; ProjectId only the spec has.
    assert_eq!(action["common"]["Zone"], "optional");
    assert_eq!(action["common"]["ProjectId"], "optional");
    assert_eq!(action["retryable"], true);

    let count = field(&action, "request", "Count");
    assert_eq!(
        count["type"], "String",
        "`Integer` on the page, `format: integer` in the spec"
    );
    assert_eq!(count["format"], "integer");
    assert_eq!(
        (count["min"].as_i64(), count["max"].as_i64()),
        (Some(1), Some(5))
    );

    let kind = field(&action, "request", "Kind");
    assert_eq!(kind["enum"]["closed"], true, "the spec closed it");
    assert_eq!(kind["enum"]["name"], "ThingKind");
    let values: Vec<&str> = kind["enum"]["values"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["A", "B", "C"]);
    assert_eq!(
        kind["enum"]["values"][0]["description"], "甲",
        "the spec's wording stays"
    );

    let password = field(&action, "request", "Password");
    assert_eq!(password["sensitive"], true);
    assert_eq!(
        password["required"], true,
        "the page wins for what it states"
    );

    let flag = field(&action, "request", "Flag");
    assert_eq!(
        (flag["type"].as_str(), flag["format"].as_str()),
        (Some("String"), Some("bool"))
    );
    assert_eq!(field(&action, "request", "Old")["deprecated"], "use New");

    let limit = field(&action, "request", "Limit");
    assert_eq!(limit["max"], 100, "a bound the page does not state stays");
    assert_eq!(limit["example"], 20, "an example the page lacks stays");
    assert_eq!(limit["description"], "返回数量");

    // `Array of Object` keeps the spec's model, and the element rows merge into it.
    assert_eq!(
        field(&action, "response", "Things")["type"],
        "Array of Thing"
    );
    let thing = file(&plan, "models/Thing.yaml");
    assert_eq!(names(&thing, "fields"), ["Id", "Name"]);
    assert_eq!(field(&thing, "fields", "Id")["type"], "String");

    assert_eq!(plan.check_failure, None);
    let summary = plan.summary().to_string();
    for line in [
        "changed ListThings (actions/ListThings.yaml)",
        "  ~ summary, common",
        "  + request.Count min: 1",
        "  + request.Count max: 5",
        "  + request.Kind enum: C",
        "  ~ request.Password: optional → required",
        "  ~ example: request.Count, request.Kind, request.Flag",
        "  changed model Thing (models/Thing.yaml)",
        "    ~ Id: Integer → String",
    ] {
        assert!(summary.contains(line), "{line}\n{summary}");
    }
}

#[test]
fn new_enums_are_open_and_new_actions_say_whether_they_retry() {
    let page = "\
# CreateThing — 创建

## 请求参数

| 名称 | 类型 | 必填 | 描述 |
|------|------|:----:|------|
| Kind | String | 是 | 种类。枚举值：`A`（甲）、`B`（乙） |
";
    let plan = run(page, &[]);
    let action = file(&plan, "actions/CreateThing.yaml");
    assert_eq!(action["retryable"], false);
    let kind = field(&action, "request", "Kind");
    assert!(kind["enum"].get("closed").is_none());
    assert!(plan.summary().to_string().contains("retryable: false"));
    let describe = run(&page.replace("CreateThing", "DescribeThing"), &[]);
    assert_eq!(
        file(&describe, "actions/DescribeThing.yaml")["retryable"],
        true
    );
}

#[test]
fn a_page_type_change_drops_keys_that_no_longer_fit() {
    let existing = [spec(
        "actions/GetThing.yaml",
        "action: GetThing\nrequest:\n- name: Size\n  type: Integer\n  min: 1\n  max: 9\n  example: 3\n",
    )];
    let page = "\
# GetThing — 获取

## 请求参数

| 名称 | 类型 | 必填 | 描述 |
|------|------|:----:|------|
| Size | String | 否 | 尺寸 |
";
    let plan = run(page, &existing);
    let size = field(&file(&plan, "actions/GetThing.yaml"), "request", "Size");
    assert_eq!(size["type"], "String");
    assert!(size.get("min").is_none() && size.get("max").is_none());
    assert_eq!(size["example"], 3);
    let w = warnings(&plan);
    assert!(w.contains("removed the spec's `min`"), "{w}");
    let summary = plan.summary().to_string();
    for line in [
        "~ request.Size: Integer → String",
        "- request.Size min: 1",
        "- request.Size max: 9",
        "~ description: request.Size",
    ] {
        assert!(summary.contains(line), "{line}\n{summary}");
    }
}

#[test]
fn the_spec_s_model_name_wins_over_a_new_name_on_the_page() {
    let existing = [
        spec(
            "actions/GetSizes.yaml",
            "action: GetSizes\nresponse:\n- name: Sizes\n  type: Array of MachineSizes\n",
        ),
        spec(
            "models/MachineSizes.yaml",
            "model: MachineSizes\nfields:\n- name: Gpu\n  type: Integer\n",
        ),
    ];
    let page = "\
# GetSizes — 规格

## 响应参数

| 名称 | 类型 | 描述 |
|------|------|------|
| Sizes | Array of [MachineSize](#machinesize-结构) | 规格 |

### MachineSize 结构

| 名称 | 类型 | 描述 |
|------|------|------|
| Gpu | Integer | GPU 数 |
| Cpu | Integer | CPU 数 |
";
    let plan = run(page, &existing);
    assert!(
        !plan
            .files
            .iter()
            .any(|f| f.path == "models/MachineSize.yaml")
    );
    let model = file(&plan, "models/MachineSizes.yaml");
    assert_eq!(names(&model, "fields"), ["Gpu", "Cpu"]);
    assert!(conflicts(&plan).contains("kept `MachineSizes`"));
}

#[test]
fn nested_request_params_merge_into_the_model_the_spec_names() {
    let existing = [
        spec(
            "actions/MakeThing.yaml",
            "action: MakeThing\nrequest:\n- name: Disks\n  type: Array of MyDisk\n  required: false\n",
        ),
        spec(
            "models/MyDisk.yaml",
            "model: MyDisk\nfields:\n- name: Size\n  type: Integer\n  max: 2000\n",
        ),
    ];
    let page = "\
# MakeThing — 做

## 请求参数

| 名称 | 类型 | 必填 | 描述 |
|------|------|:----:|------|
| Disks.N.Size | Integer | 是 | 大小 |
| Disks.N.Type | String | 是 | 类型 |
";
    let plan = run(page, &existing);
    let model = file(&plan, "models/MyDisk.yaml");
    assert_eq!(names(&model, "fields"), ["Size", "Type"]);
    assert_eq!(field(&model, "fields", "Size")["max"], 2000);
    let action = file(&plan, "actions/MakeThing.yaml");
    assert_eq!(
        field(&action, "request", "Disks")["type"],
        "Array of MyDisk"
    );
}

#[test]
fn values_that_do_not_fit_are_not_written() {
    let page = "\
# GetThing — 获取

## 请求参数

| 名称 | 类型 | 必填 | 描述 | 示例值 |
|------|------|:----:|------|--------|
| Count | Integer | 否 | 数量，默认 `many`，最大 `10` | `abc` |
| Mode | String | 否 | 模式。枚举值：`A`、`B`，默认 `C` | `A` |
| Big | Integer | 否 | 大，最大 5 | `9` |
";
    let plan = run(page, &[]);
    let action = file(&plan, "actions/GetThing.yaml");
    let count = field(&action, "request", "Count");
    assert!(count.get("example").is_none() && count.get("default").is_none());
    assert_eq!(count["max"], 10);
    assert!(field(&action, "request", "Mode").get("default").is_none());
    assert!(field(&action, "request", "Big").get("example").is_none());
    let w = warnings(&plan);
    assert!(
        w.contains("page.md:7: warning: `Count`: the example `abc`"),
        "{w}"
    );
    assert!(w.contains("removed the default `C`"), "{w}");
    assert!(w.contains("removed the example `9`"), "{w}");
}

#[test]
fn an_unreadable_spec_is_left_alone() {
    let page = "# GetThing — 获取\n\n## 请求参数\n\n| 名称 | 类型 |\n|---|---|\n| A | String |\n";
    for text in [
        "action: [unclosed\n",
        "action: GetThing\ncolour: red\n",
        "action: GetThing\nrequest:\n- name: A\n  type: string\n",
    ] {
        let plan = run(page, &[spec("actions/GetThing.yaml", text)]);
        assert!(plan.files.is_empty(), "{text}");
        let w = warnings(&plan);
        assert!(
            w.contains("actions/GetThing.yaml does not read cleanly"),
            "{w}"
        );
    }
}

/// A page named on its own that is not an action page stops the import: nothing may be
/// written, whatever the other pages say.
#[test]
fn a_page_that_is_not_an_action_page_stops_the_import() {
    let good = Page::new("good.md", PAGE);
    for (text, why) in [
        (
            "# 没有名字\n\n## 请求参数\n\n| 名称 | 类型 |\n|---|---|\n| A | String |\n",
            "page.md:1: not an action page: no action name in its title, an `Action` row or the response example",
        ),
        (
            "# ListThings — 列出\n\n只有文字。\n",
            "page.md:1: not an action page: no request or response table",
        ),
    ] {
        let plan = import::import(&[good.clone(), Page::new("page.md", text)], &[], "specs");
        assert_eq!(plan.errors, [why]);
        assert!(!plan.writable());
    }
}

#[test]
fn names_that_would_clash_in_rust_give_way() {
    let page = "\
# GetThing — 获取

## 请求参数

| 名称 | 类型 | 必填 | 描述 |
|------|------|:----:|------|
| HostId | String | 否 | 主机 |
| hostId | String | 否 | 同名 |
| State | String | 否 | 状态。枚举值：`A`、`B` |

## 响应参数

| 名称 | 类型 | 描述 |
|------|------|------|
| State | String | 状态。枚举值：`C`、`D` |
";
    let plan = run(page, &[]);
    let action = file(&plan, "actions/GetThing.yaml");
    assert_eq!(names(&action, "request"), ["HostId", "State"]);
    assert!(field(&action, "request", "State").contains_key("enum"));
    assert!(!field(&action, "response", "State").contains_key("enum"));
    let c = conflicts(&plan);
    assert!(
        c.contains("page.md:8: conflict: `hostId` and `HostId` become the same Rust name"),
        "{c}"
    );
    assert!(
        c.contains("its enum would clash with another enum named `State`"),
        "{c}"
    );
}

/// `CPU` on a page and `Cpu` in the spec are one field: the spec's name stays, the page's
/// type, text and constraints go into it, and the reviewer is told.
#[test]
fn names_that_differ_only_in_case_are_one_field_with_a_conflict() {
    let existing = [
        spec(
            "actions/GetPrice.yaml",
            "action: GetPrice\nrequest:\n- name: Cpu\n  type: Integer\n  required: false\n  description: 核数\n- name: name\n  type: String\n  required: false\nresponse:\n- name: Items\n  type: Array of PriceItem\n  required: true\n",
        ),
        spec(
            "models/PriceItem.yaml",
            "model: PriceItem\nfields:\n- name: GPU\n  type: Integer\n  required: false\n",
        ),
    ];
    let page = "\
# GetPrice — 价格

## 请求参数

| 名称 | 类型 | 必填 | 描述 |
|------|------|:----:|------|
| CPU | Integer | 是 | CPU 核数，最大 64 |
| Name | String | 否 | 名称 |

## 响应参数

| 名称 | 类型 | 描述 |
|------|------|------|
| items | Array of Object | 价格 |

### items 元素主要字段

| 名称 | 类型 | 描述 |
|------|------|------|
| Gpu | Integer | GPU 卡数 |
| Price | Float | 价格 |
";
    let plan = run(page, &existing);
    assert!(plan.writable());
    let action = file(&plan, "actions/GetPrice.yaml");
    assert_eq!(names(&action, "request"), ["Cpu", "name"]);
    let cpu = field(&action, "request", "Cpu");
    assert_eq!(cpu["required"], true);
    assert_eq!(cpu["max"], 64);
    assert_eq!(cpu["description"], "CPU 核数，最大 64");
    assert_eq!(names(&action, "response"), ["Items"]);
    assert_eq!(
        field(&action, "response", "Items")["type"],
        "Array of PriceItem"
    );
    let model = file(&plan, "models/PriceItem.yaml");
    assert_eq!(names(&model, "fields"), ["GPU", "Price"]);
    let c = conflicts(&plan);
    for line in [
        "page.md:7: conflict: `CPU` on the page is `Cpu` in the spec",
        "page.md:8: conflict: `Name` on the page is `name` in the spec",
        "page.md:14: conflict: `items` on the page is `Items` in the spec",
        "page.md:20: conflict: `Gpu` on the page is `GPU` in the spec",
    ] {
        assert!(c.contains(line), "{line}\n{c}");
    }
    let summary = plan.summary().to_string();
    assert!(summary.contains("conflicts: 4"), "{summary}");
    assert!(
        summary.contains("~ request.Cpu: optional → required"),
        "{summary}"
    );
}

/// A page row whose Rust name only clashes with a row the spec keeps gives way to it.
#[test]
fn a_page_row_gives_way_to_a_spec_row_with_the_same_rust_name() {
    let existing = [spec(
        "actions/GetThing.yaml",
        "action: GetThing\nrequest:\n- name: HostId\n  type: String\n  required: false\n",
    )];
    let page =
        "# GetThing — 获取\n\n## 请求参数\n\n| 名称 | 类型 |\n|---|---|\n| Host_Id | String |\n";
    let plan = run(page, &existing);
    let action = file(&plan, "actions/GetThing.yaml");
    assert_eq!(names(&action, "request"), ["HostId"]);
    assert!(
        conflicts(&plan)
            .contains("`Host_Id` and `HostId` become the same Rust name; skipped `Host_Id`"),
        "{}",
        conflicts(&plan)
    );
}

#[test]
fn live_evidence_survives_a_page_that_is_stricter() {
    let live = HAND_WRITTEN
        .replace(
            "summary: 列出\n",
            "summary: 列出\nlive: compshare-cli 0.5.6\nnote: the CLI lists without Zone\n",
        )
        .replace("  Zone: required\n", "  Zone: optional\n")
        .replace(
            "    - value: B\n",
            "    - value: B\n    - value: D\n  live: compshare-cli 0.5.6\n  note: the CLI sends D\n",
        )
        .replace(
            "  sensitive: true\n",
            "  sensitive: true\n  live: compshare-cli 0.5.6\n  note: the CLI omits it\n",
        );
    let page = PAGE.replace("| Zone | String | 否 |", "| Zone | String | 是 |");
    let plan = run(&page, &[spec("actions/ListThings.yaml", &live)]);
    let action = file(&plan, "actions/ListThings.yaml");
    assert_eq!(action["live"], "compshare-cli 0.5.6");
    assert_eq!(action["note"], "the CLI lists without Zone");
    assert_eq!(
        action["common"]["Zone"], "optional",
        "the page says required, the live API does not need it"
    );
    let password = field(&action, "request", "Password");
    assert_eq!(password["required"], false, "the page says required");
    assert_eq!(password["note"], "the CLI omits it");
    let kind = field(&action, "request", "Kind");
    let values: Vec<&str> = kind["enum"]["values"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        values,
        ["A", "B", "C", "D"],
        "the page's, then the live ones"
    );
    assert_eq!(kind["enum"]["closed"], true);

    // Without `live:`, the same page wins.
    let plan = run(&page, &[spec("actions/ListThings.yaml", HAND_WRITTEN)]);
    let action = file(&plan, "actions/ListThings.yaml");
    assert_eq!(action["common"]["Zone"], "required");
    assert_eq!(field(&action, "request", "Password")["required"], true);
}
