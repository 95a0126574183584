//! `generated/` matches `specs/`: the same check as `cargo xtask codegen --check`, every file
//! rendered and compared.

#[test]
fn generated_is_up_to_date() {
    let root = xtask::root();
    let plan = xtask::plan(&root).unwrap_or_else(|report| panic!("specs do not check:\n{report}"));
    let staged = xtask::sync::run(&root.join(xtask::GENERATED_DIR), &plan, false)
        .unwrap_or_else(|_| panic!("cannot render or read generated/"));
    let report = &staged.report;
    assert!(
        report.is_clean(),
        "generated/ is out of date; run `cargo xtask codegen`.\nstale: {:?}\nmissing: {:?}\nextra: {:?}",
        report.stale,
        report.missing,
        report.extra
    );
}
