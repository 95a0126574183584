//! codegen's own checks over the result, the last guard before anything is written.

use crate::specs::Specs;

/// Runs codegen's checks on the result, when the directory is a whole service.
pub fn run(specs: &Specs, shown_dir: &str) -> Option<String> {
    if !specs.exists("service.yaml") {
        return None;
    }
    let files = |original: bool| -> Vec<codegen::SpecFile> {
        specs
            .files
            .iter()
            .filter_map(|(path, f)| {
                let text = if original {
                    f.original.as_ref()?
                } else {
                    &f.text
                };
                Some(codegen::SpecFile {
                    path: path.clone(),
                    bytes: text.as_bytes().to_vec(),
                })
            })
            .collect()
    };
    // A checker panic must not take the import down with it: report it instead.
    let check = |files: Vec<codegen::SpecFile>| {
        std::panic::catch_unwind(|| {
            codegen::check(&files, shown_dir)
                .err()
                .map(|f| f.render(false))
        })
        .unwrap_or_else(|_| Some("codegen's checker panicked on the imported specs".into()))
    };
    let failure = check(files(false))?;
    check(files(true)).is_none().then_some(failure)
}
