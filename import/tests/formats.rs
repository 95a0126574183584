//! Snapshots of the specs imported into an empty spec directory from the seed, the three
//! format examples, and variants that reproduce what real pages do.

mod support;

use support::{applied, page, render, service_only};

fn snapshot(name: &str, pages: &[&str]) {
    let pages: Vec<import::Page> = pages.iter().map(|p| page(p)).collect();
    let existing = service_only();
    let plan = import::import(&pages, &existing, "specs");
    // Whatever a page says, the result loads.
    codegen::check(&applied(&existing, &plan), "specs").unwrap_or_else(|f| panic!("{f}"));
    assert_eq!(plan.check_failure, None);
    insta::assert_snapshot!(name, render(&plan));
}

#[test]
fn seed() {
    snapshot("seed", &["seed/DescribeCompShareImages.md"]);
}

#[test]
fn compshare_style() {
    snapshot("compshare_style", &["formats/compshare-style.md"]);
}

#[test]
fn ucloud_style() {
    snapshot("ucloud_style", &["formats/ucloud-style.md"]);
}

#[test]
fn ucloud_docs_style() {
    snapshot("ucloud_docs_style", &["formats/ucloud-docs-style.md"]);
}

/// Columns in another order, a second table without 示例值, `X.N.Y` and `X.Y` params, a
/// range, a length and a count, and an element table.
#[test]
fn reordered_columns() {
    snapshot("reordered_columns", &["variants/reordered-columns.md"]);
}

/// ucloud-docs enums after `<br />`, `> Value，meaning` lists, a malformed `枚举值[...]`,
/// `A/B` lists, escaped and unescaped pipes, a short row, an unknown type word, a bad name,
/// and models that refer to themselves.
#[test]
fn br_enums() {
    snapshot("br_enums", &["variants/br-enums.md"]);
}

/// Several request tables (one under 公共参数), tables that are not parameter tables, an
/// ambiguous range, an unreadable enum and default, objects known only from examples, maps,
/// and an element table named by a line of prose.
#[test]
fn several_tables() {
    snapshot("several_tables", &["variants/several-tables.md"]);
}

/// Enum lists followed by more text (a default, a note, a unit) in every list style the
/// official pages use; defaults that are nouns (`默认为当前地域的默认Net`, `Web推荐防护`).
#[test]
fn enum_phrasings() {
    snapshot("enum_phrasings", &["variants/enum-phrasings.md"]);
}

/// ucloud-style `array`/`object` fields bound to `## Model` tables by name, by mention, and
/// by the next unused table.
#[test]
fn ucloud_style_guess() {
    snapshot("ucloud_style_guess", &["variants/ucloud-style-guess.md"]);
}

/// Output does not depend on anything but the inputs.
#[test]
fn deterministic() {
    let pages: Vec<import::Page> = ["formats/compshare-style.md", "variants/several-tables.md"]
        .iter()
        .map(|p| page(p))
        .collect();
    let a = import::import(&pages, &service_only(), "specs");
    let b = import::import(&pages, &service_only(), "specs");
    assert_eq!(render(&a), render(&b));
}
