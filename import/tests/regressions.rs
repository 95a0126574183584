//! Pages that once made the importer write something the page does not clearly state.

mod support;

use import::ImportPlan;
use serde_yaml::{Mapping, Value};
use support::page;

fn spec(path: &str, text: &str) -> codegen::SpecFile {
    codegen::SpecFile {
        path: path.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn run(fixture: &str, existing: &[codegen::SpecFile]) -> ImportPlan {
    import::import(&[page(fixture)], existing, "specs")
}

fn row(plan: &ImportPlan, path: &str, list: &str, name: &str) -> Mapping {
    let f = plan.files.iter().find(|f| f.path == path).unwrap();
    let doc: Value = serde_yaml::from_str(&f.contents).unwrap();
    doc[list]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_mapping().unwrap().clone())
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {path}"))
}

fn warnings(plan: &ImportPlan) -> String {
    plan.warnings
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `范围 ：[1024, 262144]，…（可选范围参考控制台）` is a guide: hosts with 8 GPUs take more
/// memory. The spec's own minimum stays, and no maximum is added.
#[test]
fn a_range_left_to_the_console_is_no_limit() {
    let existing = [spec(
        "actions/CreateGadget.yaml",
        "\
action: CreateGadget
summary: 创建小部件
retryable: false
common:
  Region: required
request:
- name: Memory
  type: Integer
  required: true
  min: 1024
",
    )];
    let plan = run("regressions/console-range.md", &existing);
    let path = "actions/CreateGadget.yaml";

    let memory = row(&plan, path, "request", "Memory");
    assert_eq!(memory["min"], 1024);
    assert!(!memory.contains_key("max"), "{memory:?}");
    assert_eq!(memory["default"], 8192);

    let disk = row(&plan, path, "request", "Disk");
    assert!(!disk.contains_key("max"), "{disk:?}");

    // A range with no word about the console is still read.
    let count = row(&plan, path, "request", "Count");
    assert_eq!(
        (&count["min"], &count["max"]),
        (&Value::from(1), &Value::from(5))
    );

    let w = warnings(&plan);
    assert_eq!(
        w.matches("leaves the range to the console").count(),
        2,
        "{w}"
    );
}

/// `见下方` (see below) in the example column points at another table: it is no example, even
/// for a field the spec types as text (a map the spec can only hold as `String`).
#[test]
fn an_example_that_points_elsewhere_is_no_example() {
    let plan = run("regressions/examples-elsewhere.md", &[]);
    let path = "actions/InviteGadgetUsers.yaml";
    for (list, name) in [
        ("request", "Note"),
        ("response", "ErrorMap"),
        ("response", "Hint"),
    ] {
        let r = row(&plan, path, list, name);
        assert!(!r.contains_key("example"), "{name}: {r:?}");
    }
    assert_eq!(row(&plan, path, "request", "TeamId")["example"], 1001);
    assert_eq!(row(&plan, path, "response", "Title")["example"], "见面会");
}

/// A map the spec holds as `Array of String` (the official table's type) gets no example from
/// the page's JSON object, which is not one string of the list.
#[test]
fn a_json_object_is_no_example_of_a_list() {
    let existing = [spec(
        "actions/ListGadgetLogs.yaml",
        "\
action: ListGadgetLogs
summary: 查询操作日志
retryable: true
common:
  Region: required
response:
- name: KindList
  type: Array of String
  required: false
",
    )];
    let plan = run("regressions/map-examples.md", &existing);
    let path = "actions/ListGadgetLogs.yaml";
    let kinds = row(&plan, path, "response", "KindList");
    assert_eq!(kinds["type"], "Array of String");
    assert!(!kinds.contains_key("example"), "{kinds:?}");
    let states = row(&plan, path, "response", "StateList");
    assert!(!states.contains_key("example"), "{states:?}");
    // Lists of values still read, one bare value too.
    let s = |v: &[&str]| Value::from(v.iter().map(|x| Value::from(*x)).collect::<Vec<_>>());
    assert_eq!(
        row(&plan, path, "request", "Kinds")["example"],
        s(&["Create"])
    );
    assert_eq!(
        row(&plan, path, "request", "States")["example"],
        s(&["Success", "Failed"])
    );
    let w = warnings(&plan);
    assert!(w.contains("a JSON object, not a list"), "{w}");
}
