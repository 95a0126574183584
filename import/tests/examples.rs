//! Members only a response example shows become optional rows marked `from_example`, at any
//! depth; the tables win where they disagree with the example.

mod support;

use import::{ImportPlan, Page};
use serde_yaml::{Mapping, Value};
use support::{applied, page, render, service_only};

fn file(plan: &ImportPlan, path: &str) -> Mapping {
    let f = plan
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} is not planned"));
    serde_yaml::from_str::<Value>(&f.contents)
        .unwrap()
        .as_mapping()
        .cloned()
        .unwrap()
}

fn rows(map: &Mapping, key: &str) -> Vec<(String, String, bool)> {
    map[key]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_owned(),
                r["type"].as_str().unwrap().to_owned(),
                r.get("from_example") == Some(&Value::Bool(true)),
            )
        })
        .collect()
}

fn row(name: &str, ty: &str, from_example: bool) -> (String, String, bool) {
    (name.to_owned(), ty.to_owned(), from_example)
}

fn warnings(plan: &ImportPlan) -> String {
    plan.warnings
        .iter()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

const PAGE: &str = "variants/example-only-members.md";

#[test]
fn snapshot() {
    let existing = service_only();
    let plan = import::import(&[page(PAGE)], &existing, "specs");
    codegen::check(&applied(&existing, &plan), "specs").unwrap_or_else(|f| panic!("{f}"));
    assert!(plan.held_back.is_empty() && plan.writable());
    insta::assert_snapshot!(render(&plan));
}

#[test]
fn members_no_table_lists_become_optional_rows_at_any_depth() {
    let plan = import::import(&[page(PAGE)], &service_only(), "specs");
    let action = file(&plan, "actions/ListGizmos.yaml");
    assert_eq!(
        rows(&action, "response"),
        [
            row("Total", "Integer", false),
            row("Items", "Array of Items", false),
            row("Owner", "Owner", true),
            row("Events", "Array of Events", true),
            row("Labels", "Array of String", true),
            row("Deleted", "String", true),
            row("Enabled", "Boolean", true),
        ]
    );
    for r in action["response"].as_sequence().unwrap() {
        if r.get("from_example").is_some() {
            assert_eq!(r["required"], false, "{r:?}");
        }
    }
    assert_eq!(
        rows(&file(&plan, "models/Items.yaml"), "fields"),
        [
            row("GizmoId", "String", false),
            row("Name", "String", false),
            row("Size", "Integer", true),
            row("Spec", "Spec", true),
            row("Weight", "Float", true),
        ]
    );
    assert_eq!(
        rows(&file(&plan, "models/Spec.yaml"), "fields"),
        [row("Cores", "Integer", true), row("Turbo", "Boolean", true)]
    );
    assert_eq!(
        rows(&file(&plan, "models/Owner.yaml"), "fields"),
        [
            row("OwnerId", "String", true),
            row("Tags", "Array of String", true)
        ]
    );
    assert_eq!(
        rows(&file(&plan, "models/Events.yaml"), "fields"),
        [
            row("At", "Integer", true),
            row("Kind", "String", true),
            row("Note", "String", true)
        ]
    );
    let w = warnings(&plan);
    for line in [
        // At the member's own line in the example.
        "example-only-members.md:41: warning: `Size` (Items): the response example has it but no table lists it; added it as an optional `Integer` row marked from_example: true",
        "example-only-members.md:42: warning: `Spec` (Items): the response example has it but no table lists it; added it as an optional `Spec` row marked from_example: true, with the new model `Spec` (Cores, Turbo)",
        "example-only-members.md:47: warning: `Weight` (Items)",
        "example-only-members.md:50: warning: `Owner` (ListGizmos)",
        "example-only-members.md:51: warning: `Events` (ListGizmos): the response example has it but no table lists it; added it as an optional `Array of Events` row marked from_example: true, with the new model `Events` (At, Kind, Note)",
        "example-only-members.md:55: warning: `Labels`: the response example has an empty list; wrote `Array of String`",
        "example-only-members.md:56: warning: `Deleted`: the response example has null; wrote `String`",
        "example-only-members.md:58: warning: the response example has `bad key`, which cannot be a field name; left it out",
        // The table wins over the example.
        "example-only-members.md:36: warning: `Total`: the table says `Integer` but the response example has the text `\"many\"`; kept the table's type",
    ] {
        assert!(w.contains(line), "{line}\n{w}");
    }
    // The envelope is no row.
    for envelope in ["`Action`", "`RetCode`", "`Message`"] {
        assert!(!w.contains(envelope), "{envelope}\n{w}");
    }
    // The rows of a model made from the example are named in the warning about its row.
    assert!(!w.contains("`Cores` (Spec)"), "{w}");
    let summary = plan.summary().to_string();
    assert!(
        summary.contains("rows inferred from response examples: 15"),
        "{summary}"
    );
}

/// A spec that already has the rows: nothing is added twice, and the marks stay until a
/// table lists the row.
#[test]
fn rows_already_in_the_spec_are_not_added_again() {
    let existing = service_only();
    let first = import::import(&[page(PAGE)], &existing, "specs");
    let written = applied(&existing, &first);
    let again = import::import(&[page(PAGE)], &written, "specs");
    let changed: Vec<&str> = again.changes().map(|f| f.path.as_str()).collect();
    assert!(changed.is_empty(), "{changed:?}");
    assert!(
        !warnings(&again).contains("no table lists it"),
        "{}",
        warnings(&again)
    );

    // A later page whose table lists `Size` and `Owner` confirms them.
    let confirming = Page::new(
        "confirm.md",
        "# ListGizmos — 列出小工具\n\n## 响应参数\n\n| 名称 | 类型 | 描述 |\n|------|------|------|\n| Owner | Object | 所有者 |\n| Items | Array of Object | 列表 |\n\n### Items 元素主要字段\n\n| 名称 | 类型 | 描述 |\n|------|------|------|\n| Size | Integer | 大小 |\n",
    );
    let plan = import::import(&[confirming], &written, "specs");
    let action = file(&plan, "actions/ListGizmos.yaml");
    let owner = action["response"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Owner")
        .unwrap();
    assert!(owner.get("from_example").is_none(), "{owner:?}");
    assert_eq!(owner["type"], "Owner");
    let items = rows(&file(&plan, "models/Items.yaml"), "fields");
    assert!(items.contains(&row("Size", "Integer", false)), "{items:?}");
    assert!(items.contains(&row("Weight", "Float", true)), "{items:?}");
    let summary = plan.summary().to_string();
    assert!(
        summary.contains("~ response.Owner: a table lists it now (no longer from_example)"),
        "{summary}"
    );
    assert!(
        summary.contains("~ Size: a table lists it now (no longer from_example)"),
        "{summary}"
    );
}

/// A member the spec has under a name that differs only in case is the spec's row, not a
/// new one.
#[test]
fn a_member_the_spec_has_in_another_case_is_not_added() {
    let mut existing = service_only();
    existing.push(codegen::SpecFile {
        path: "actions/ListGizmos.yaml".into(),
        bytes: b"action: ListGizmos\nresponse:\n- name: Items\n  type: Array of Items\n  required: false\n".to_vec(),
    });
    existing.push(codegen::SpecFile {
        path: "models/Items.yaml".into(),
        bytes: b"model: Items\nfields:\n- name: SIZE\n  type: Integer\n  required: false\n- name: weight\n  type: Float\n  required: false\n".to_vec(),
    });
    let plan = import::import(&[page(PAGE)], &existing, "specs");
    let items = rows(&file(&plan, "models/Items.yaml"), "fields");
    let names: Vec<&str> = items.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, ["GizmoId", "Name", "SIZE", "weight", "Spec"]);
}

/// In the summary of a changed action, the rows read from the example are one line.
#[test]
fn the_summary_lists_rows_from_the_example_on_one_line() {
    let existing = service_only();
    let text = std::fs::read_to_string(support::fixtures().join(PAGE)).unwrap();
    let without = text.replace("  \"Enabled\": false,\n", "").replace(
        "      \"Weight\": 1.5\n",
        "      \"Weight\": 1.5,\n      \"Colour\": \"red\"\n",
    );
    let first = import::import(&[Page::new("p.md", text)], &existing, "specs");
    let written = applied(&existing, &first);
    let plan = import::import(&[Page::new("p.md", without)], &written, "specs");
    let summary = plan.summary().to_string();
    for line in [
        "changed ListGizmos (actions/ListGizmos.yaml",
        "  changed model Items (models/Items.yaml)\n    + 1 row from the response example (confirm them): Colour: String\n",
        "rows inferred from response examples: 1 ",
    ] {
        assert!(summary.contains(line), "{line}\n{summary}");
    }
    // Enabled is no longer in the example, but the spec keeps it.
    assert!(
        plan.files
            .iter()
            .any(|f| f.contents.contains("name: Enabled"))
    );
}

/// A response example that is not JSON is reported with its line, and the rest of the page
/// is imported.
#[test]
fn an_example_that_is_not_json_is_a_warning() {
    let text = std::fs::read_to_string(support::fixtures().join(PAGE))
        .unwrap()
        .replace("\"Total\": \"many\",", "\"Total\": many,");
    let plan = import::import(&[Page::new("broken.md", text)], &service_only(), "specs");
    assert!(plan.writable());
    assert!(
        warnings(&plan).contains(
            "broken.md:31: warning: the response example is not a JSON object; wrote none"
        ),
        "{}",
        warnings(&plan)
    );
    let action = file(&plan, "actions/ListGizmos.yaml");
    assert_eq!(action["response"].as_sequence().unwrap().len(), 2);
}
