//! The generator's fingerprint: a hash of its own sources, its YAML reader's and the lock file
//! (the versions of syn and prettyplease decide the output too). Codegen mixes it into every
//! file's fingerprint, so a cached output is reused only by the generator that made it.

use std::path::Path;

fn main() {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    collect(Path::new("yaml/src"), &mut files);
    files.push(Path::new("../Cargo.lock").to_owned());
    files.sort();
    for file in &files {
        feed(file.to_string_lossy().as_bytes());
        feed(&std::fs::read(file).unwrap_or_default());
    }
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=yaml/src");
    println!("cargo:rerun-if-changed=../Cargo.lock");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fingerprint.rs");
    std::fs::write(out, format!("{hash:#018x}")).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
