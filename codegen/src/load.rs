//! Finding and reading the spec files of one service directory.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics, FileId, Loc, Sources};
use crate::spec::{FileKind, SpecSet, read_file};

/// One spec file's path (relative to the service directory, `/`-separated) and bytes.
#[derive(Clone, Debug)]
pub struct SpecFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Reads every file under `dir`. I/O errors are returned as they are: they are not spec
/// problems.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<SpecFile>> {
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<SpecFile>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(SpecFile {
                path: rel.join("/"),
                bytes: std::fs::read(&path)?,
            });
        }
    }
    Ok(())
}

/// The result of loading: what was read, where it came from, and each file's name stem.
pub struct Loaded {
    pub set: SpecSet,
    pub sources: Sources,
    pub stems: Vec<String>,
}

/// Reads spec files given in any order. `shown_dir` prefixes paths in diagnostics.
pub fn load(files: &[SpecFile], shown_dir: &str, d: &mut Diagnostics) -> Loaded {
    let mut files: Vec<&SpecFile> = files.iter().collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut loaded = Loaded {
        set: SpecSet::default(),
        sources: Sources::default(),
        stems: Vec::new(),
    };
    let mut service_seen = false;
    for file in files {
        let shown = format!("{shown_dir}/{}", file.path);
        if file.path == GUIDE {
            loaded.set.guide = String::from_utf8_lossy(&file.bytes).into_owned();
            continue;
        }
        let Some(kind) = kind_of(&file.path) else {
            if file.path.ends_with(".yaml") || file.path.ends_with(".yml") {
                let id = add(
                    &mut loaded,
                    shown,
                    String::from_utf8_lossy(&file.bytes).into_owned(),
                    &file.path,
                );
                d.push(
                    Diagnostic::new(Loc { file: id, span: 0..0 }, "this spec file is not where specs are read from")
                        .label("unexpected file")
                        .help("actions go in `actions/<Action>.yaml`, models in `models/<Model>.yaml`, and the service in `service.yaml`"),
                );
            }
            continue;
        };
        let text = match std::str::from_utf8(&file.bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = e.valid_up_to();
                let id = add(
                    &mut loaded,
                    shown,
                    String::from_utf8_lossy(&file.bytes).into_owned(),
                    &file.path,
                );
                let at = String::from_utf8_lossy(&file.bytes[..valid]).len();
                d.push(
                    Diagnostic::new(
                        Loc {
                            file: id,
                            span: at..at + 1,
                        },
                        "the spec file is not valid UTF-8",
                    )
                    .label("invalid byte here")
                    .help("save the file as UTF-8"),
                );
                if kind == FileKind::Model {
                    loaded
                        .set
                        .unreadable_models
                        .insert(stem(&file.path).to_owned());
                }
                continue;
            }
        };
        service_seen |= kind == FileKind::Service;
        let id = add(&mut loaded, shown, text.to_owned(), &file.path);
        let models = loaded.set.models.len();
        read_file(id, text, kind, &mut loaded.set, d);
        if kind == FileKind::Model && loaded.set.models.len() == models {
            let stem = loaded.stems[id.0].clone();
            loaded.set.unreadable_models.insert(stem);
        }
    }
    if !service_seen {
        let id = add(
            &mut loaded,
            format!("{shown_dir}/service.yaml"),
            String::new(),
            "service.yaml",
        );
        d.push(
            Diagnostic::new(
                Loc {
                    file: id,
                    span: 0..0,
                },
                "the service file is missing",
            )
            .label("no such file")
            .help("create `service.yaml` with `service`, `crate` and `base_url`"),
        );
    }
    loaded
}

/// The Markdown guide on the generated crate's front page.
const GUIDE: &str = "guide.md";

fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".yaml").unwrap_or(name)
}

fn add(loaded: &mut Loaded, shown: String, text: String, path: &str) -> FileId {
    loaded.stems.push(stem(path).to_owned());
    loaded.sources.add(shown, text)
}

fn kind_of(path: &str) -> Option<FileKind> {
    match path.split('/').collect::<Vec<_>>().as_slice() {
        ["service.yaml"] => Some(FileKind::Service),
        ["actions", name] if name.ends_with(".yaml") => Some(FileKind::Action),
        ["models", name] if name.ends_with(".yaml") => Some(FileKind::Model),
        _ => None,
    }
}
