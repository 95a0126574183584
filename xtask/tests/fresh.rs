//! `generated/` matches `specs/`: the same check as `cargo xtask codegen --check`.

#[test]
fn generated_is_up_to_date() {
    let root = xtask::root();
    let output =
        xtask::generate(&root).unwrap_or_else(|report| panic!("specs do not check:\n{report}"));
    let plan = xtask::sync::plan(&root.join(xtask::GENERATED_DIR), &output.files).unwrap();
    assert!(
        plan.is_empty(),
        "generated/ is out of date; run `cargo xtask codegen`.\nstale: {:?}\nmissing: {:?}\nextra: {:?}",
        plan.stale,
        plan.missing,
        plan.extra
    );
}
