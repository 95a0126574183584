//! Importing over the committed specs: the seed gives back the request table the spec written
//! from it holds, keeps the model fields the page does not list, and an unchanged import
//! changes no byte.

mod support;

use import::Status;
use serde_yaml::{Mapping, Value};
use support::{applied, page, render_report, specs};

fn parse(text: &str) -> Mapping {
    serde_yaml::from_str::<Value>(text)
        .unwrap()
        .as_mapping()
        .cloned()
        .unwrap()
}

fn planned<'p>(plan: &'p import::ImportPlan, path: &str) -> &'p import::PlannedFile {
    plan.files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} is not planned"))
}

fn rows(map: &Mapping, key: &str) -> Vec<Mapping> {
    map.get(key)
        .and_then(Value::as_sequence)
        .unwrap()
        .iter()
        .map(|v| v.as_mapping().cloned().unwrap())
        .collect()
}

/// The files the seed page describes, as they were written from it. Doc syncs move the
/// committed ones on (the official page now wins for DescribeCompShareImages), so the round
/// trip runs over these, with the committed specs for everything else.
const SEED_SPECS: [(&str, &str); 2] = [
    (
        "actions/DescribeCompShareImages.yaml",
        "seed-specs/DescribeCompShareImages.yaml",
    ),
    (
        "models/CompShareImage.yaml",
        "seed-specs/CompShareImage.yaml",
    ),
];

fn original(path: &str) -> String {
    let (_, fixture) = SEED_SPECS.iter().find(|(p, _)| *p == path).unwrap();
    std::fs::read_to_string(support::fixtures().join(fixture)).unwrap()
}

fn seed_specs() -> Vec<codegen::SpecFile> {
    specs()
        .into_iter()
        .map(|mut f| {
            if SEED_SPECS.iter().any(|(p, _)| *p == f.path) {
                f.bytes = original(&f.path).into_bytes();
            }
            f
        })
        .collect()
}

#[test]
fn seed_round_trips_the_request_table_and_keeps_the_model() {
    let existing = seed_specs();
    let plan = import::import(
        &[page("seed/DescribeCompShareImages.md")],
        &existing,
        "specs",
    );
    assert_eq!(plan.check_failure, None);

    let action = planned(&plan, "actions/DescribeCompShareImages.yaml");
    let old = parse(&original("actions/DescribeCompShareImages.yaml"));
    let new = parse(&action.contents);
    // Same names, types, required flags, examples and constraints, in the same order.
    assert_eq!(rows(&new, "request"), rows(&old, "request"));
    assert_eq!(new, old);
    assert_eq!(action.status, Status::Unchanged);
    assert_eq!(
        action.contents,
        original("actions/DescribeCompShareImages.yaml")
    );

    let model = parse(&planned(&plan, "models/CompShareImage.yaml").contents);
    let names = |m: &Mapping| -> Vec<String> {
        rows(m, "fields")
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = names(&parse(&original("models/CompShareImage.yaml")));
    let after = names(&model);
    assert_eq!(before.len(), 30);
    assert_eq!(after.len(), 30);
    for name in &before {
        assert!(after.contains(name), "{name} was dropped");
    }
    // The page's rows first, in its order; then the spec's own rows, in the spec's order.
    assert_eq!(
        &after[..7],
        [
            "CompShareImageId",
            "Name",
            "ImageType",
            "Author",
            "Status",
            "Tags",
            "Description"
        ]
    );
    let kept: Vec<&String> = before.iter().filter(|n| !after[..7].contains(n)).collect();
    assert_eq!(after[7..].iter().collect::<Vec<_>>(), kept);
    // Hand-written keys of the rows the page updates survive.
    let image_type = rows(&model, "fields")
        .into_iter()
        .find(|f| f["name"] == "ImageType")
        .unwrap();
    assert!(image_type.contains_key("enum"));
    assert_eq!(image_type["example"], "System");

    codegen::check(&applied(&existing, &plan), "specs").unwrap_or_else(|f| panic!("{f}"));
}

#[test]
fn importing_the_same_page_twice_changes_nothing_the_second_time() {
    let existing = specs();
    let pages = [
        page("seed/DescribeCompShareImages.md"),
        page("formats/compshare-style.md"),
        page("formats/ucloud-docs-style.md"),
        page("formats/ucloud-style.md"),
    ];
    let first = import::import(&pages, &existing, "specs");
    let written = applied(&existing, &first);
    let second = import::import(&pages, &written, "specs");
    let changed: Vec<&str> = second.changes().map(|f| f.path.as_str()).collect();
    assert!(changed.is_empty(), "{changed:?}");
}

/// The specs are written the way serde_yaml writes a value, so an import that changes
/// nothing writes the same bytes.
#[test]
fn committed_specs_are_in_serde_yaml_style() {
    for f in specs().into_iter().filter(|f| f.path.ends_with(".yaml")) {
        let text = String::from_utf8(f.bytes).unwrap();
        let value: Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(serde_yaml::to_string(&value).unwrap(), text, "{}", f.path);
    }
}

/// The format examples over the real specs: what changed is reported key by key, and the
/// result still passes codegen's checks.
#[test]
fn format_examples_over_the_specs() {
    let existing = specs();
    let pages = [
        page("formats/compshare-style.md"),
        page("formats/ucloud-style.md"),
        page("formats/ucloud-docs-style.md"),
    ];
    let plan = import::import(&pages, &existing, "specs");
    codegen::check(&applied(&existing, &plan), "specs").unwrap_or_else(|f| panic!("{f}"));
    insta::assert_snapshot!(render_report(&plan));
}
