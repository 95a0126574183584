//! `--history`: every consecutive pair of commits that changed `specs/`, with how many of its
//! changes break callers under each type style.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::checks::TypeStyle;
use super::git::git;

pub fn table(root: &Path) -> Result<String, String> {
    let log = git(
        root,
        &["log", "--reverse", "--format=%H%x09%s", "--", "specs"],
    )
    .map_err(|e| format!("error: {e}"))?;
    let commits: Vec<(&str, &str)> = log.lines().filter_map(|l| l.split_once('\t')).collect();
    let mut loaded = HashMap::new();
    let mut out = String::from(
        "| commit | subject | breaking (exhaustive) | breaking (non_exhaustive) |\n|---|---|---|---|\n",
    );
    let (mut pairs, mut exhaustive, mut non_exhaustive) = (0, 0, 0);
    for pair in commits.windows(2) {
        let ((base, _), (head, subject)) = (pair[0], pair[1]);
        for commit in [base, head] {
            if !loaded.contains_key(commit) {
                loaded.insert(
                    commit,
                    super::load_commit(root, commit).map(|(_, specs)| specs),
                );
            }
        }
        pairs += 1;
        let short = &head[..head.len().min(7)];
        let (Ok(b), Ok(h)) = (&loaded[base], &loaded[head]) else {
            let _ = writeln!(
                out,
                "| `{short}` | {} | does not load | does not load |",
                subject.replace('|', "\\|")
            );
            continue;
        };
        let changes = super::compare(b, h);
        let (e, n) = (
            super::breaking_under(&changes, TypeStyle::Exhaustive),
            super::breaking_under(&changes, TypeStyle::NonExhaustive),
        );
        exhaustive += usize::from(e > 0);
        non_exhaustive += usize::from(n > 0);
        let _ = writeln!(
            out,
            "| `{short}` | {} | {e} | {n} |",
            subject.replace('|', "\\|")
        );
    }
    let _ = writeln!(
        out,
        "\n{exhaustive} of {pairs} spec changes were breaking under exhaustive types, {non_exhaustive} under non_exhaustive types"
    );
    Ok(out)
}
