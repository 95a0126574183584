//! The spec writer: every committed spec is in the house style (writing what was read gives
//! the same bytes), and reading what was written gives back the same spec.

use codegen::diag::{Diagnostics, Sources};
use codegen::spec::{self, FileKind, SpecSet};

fn kind(path: &str) -> Option<FileKind> {
    if path == "service.yaml" {
        Some(FileKind::Service)
    } else if path.starts_with("actions/") {
        Some(FileKind::Action)
    } else if path.starts_with("models/") {
        Some(FileKind::Model)
    } else {
        None
    }
}

fn read(path: &str, text: &str) -> SpecSet {
    let mut sources = Sources::default();
    let id = sources.add(path.to_owned(), text.to_owned());
    let mut set = SpecSet::default();
    let mut d = Diagnostics::default();
    spec::read_file(id, text, kind(path).unwrap(), &mut set, &mut d);
    assert!(d.is_empty(), "{path} does not read cleanly");
    set
}

fn write(set: &SpecSet) -> String {
    if let Some(s) = &set.service {
        spec::write::service(s)
    } else if let Some(a) = set.actions.first() {
        spec::write::action(a)
    } else {
        spec::write::model(&set.models[0])
    }
}

#[test]
fn committed_specs_are_in_the_house_style() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/compshare");
    let mut differ = Vec::new();
    for file in codegen::read_dir(&dir).unwrap() {
        if kind(&file.path).is_none() {
            continue;
        }
        let text = String::from_utf8(file.bytes).unwrap();
        let written = write(&read(&file.path, &text));
        if written != text {
            differ.push(file.path.clone());
        }
        assert_eq!(
            write(&read(&file.path, &written)),
            written,
            "{}: not stable",
            file.path
        );
    }
    assert!(differ.is_empty(), "not in the house style: {differ:?}");
}
