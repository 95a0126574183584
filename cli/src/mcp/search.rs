//! `search_actions`: finding actions by words from their name, summary or description, in
//! English or Chinese. Latin words match case-insensitively anywhere in a name (split at its
//! capitals too), summary, description or param name, with a plural `s` dropped and a few
//! synonyms (`delete` also finds `Terminate`); a run of Chinese characters matches where it
//! appears whole, or in part by its pairs of characters.

use compshare::runtime::schema::ActionInfo;

use super::classify;

/// Other words an English query word also finds.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("delete", &["terminate", "release", "remove"]),
    ("remove", &["delete", "terminate", "detach"]),
    ("destroy", &["terminate", "delete"]),
    ("list", &["describe"]),
    ("show", &["describe", "get"]),
    ("find", &["describe"]),
    ("query", &["describe", "get"]),
    ("machine", &["instance", "uhost"]),
    ("server", &["instance", "uhost"]),
    ("vm", &["instance", "uhost"]),
    ("host", &["instance", "uhost"]),
    ("gpu", &["instance", "gpu"]),
    ("cost", &["price"]),
    ("storage", &["disk", "cfs"]),
    ("filesystem", &["cfs"]),
    ("shutdown", &["stop"]),
    ("restart", &["reboot"]),
    ("rename", &["modify", "name"]),
    ("password", &["password"]),
    ("template", &["image"]),
];

/// One action found, with its score.
pub struct Found {
    pub info: &'static ActionInfo,
    pub score: f64,
}

/// The actions that match `query`, best first. Every word must match somewhere, unless no
/// action matches them all; then those matching most words come first.
pub fn search(query: &str, actions: &'static [ActionInfo]) -> Vec<Found> {
    let terms = terms(query);
    if terms.is_empty() {
        return actions
            .iter()
            .map(|info| Found { info, score: 0.0 })
            .collect();
    }
    let mut found: Vec<(Found, usize)> = actions
        .iter()
        .filter_map(|info| {
            let text = Texts::of(info);
            let scores: Vec<f64> = terms.iter().map(|t| t.score(&text)).collect();
            let matched = scores.iter().filter(|s| **s > 0.0).count();
            (matched > 0).then(|| {
                (
                    Found {
                        info,
                        score: scores.iter().sum(),
                    },
                    matched,
                )
            })
        })
        .collect();
    let all = terms.len();
    if found.iter().any(|(_, m)| *m == all) {
        found.retain(|(_, m)| *m == all);
    }
    found.sort_by(|(a, am), (b, bm)| {
        bm.cmp(am)
            .then(b.score.total_cmp(&a.score))
            .then(a.info.name.cmp(b.info.name))
    });
    found.into_iter().map(|(f, _)| f).collect()
}

/// An action's searchable texts, lowercased.
struct Texts {
    name: String,
    words: Vec<String>,
    summary: String,
    description: String,
    params: String,
}

impl Texts {
    fn of(info: &ActionInfo) -> Self {
        let params: Vec<String> = info
            .params
            .iter()
            .filter(|p| !p.common)
            .map(|p| format!("{} {}", p.name.to_lowercase(), p.description.to_lowercase()))
            .collect();
        Texts {
            name: info.name.to_lowercase(),
            words: camel_words(info.name),
            summary: info.summary.to_lowercase(),
            description: info.description.to_lowercase(),
            params: params.join("\n"),
        }
    }
}

/// `CreateCompShareInstance` → `create`, `comp`, `share`, `instance`, `compshare`.
fn camel_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase()
            && !current.is_empty()
            && !current
                .chars()
                .last()
                .is_some_and(|l| l.is_ascii_uppercase())
        {
            words.push(std::mem::take(&mut current));
        }
        current.push(c.to_ascii_lowercase());
    }
    words.push(current);
    words.push(classify::verb(name).to_lowercase());
    words
}

/// One word of a query.
enum Term {
    /// Latin text: itself and its synonyms.
    Latin(Vec<String>),
    /// A run of CJK characters.
    Cjk(String),
}

impl Term {
    fn score(&self, t: &Texts) -> f64 {
        match self {
            Term::Latin(forms) => forms
                .iter()
                .enumerate()
                .map(|(i, form)| {
                    // The word itself counts more than its synonyms.
                    let weight = if i == 0 { 1.0 } else { 0.6 };
                    weight * latin(form, t)
                })
                .fold(0.0, f64::max),
            Term::Cjk(run) => cjk(run, t),
        }
    }
}

fn latin(form: &str, t: &Texts) -> f64 {
    if t.words.iter().any(|w| w == form) {
        4.0
    } else if t.name.contains(form) {
        3.0
    } else if t.summary.contains(form) {
        2.0
    } else if t.description.contains(form) {
        1.0
    } else if t.params.contains(form) {
        0.5
    } else {
        0.0
    }
}

fn cjk(run: &str, t: &Texts) -> f64 {
    let whole = |text: &str| text.contains(run);
    if whole(&t.summary) {
        return 4.0;
    }
    if whole(&t.description) {
        return 2.0;
    }
    if whole(&t.params) {
        return 0.5;
    }
    // Part of a longer run: the share of its character pairs found.
    let chars: Vec<char> = run.chars().collect();
    if chars.len() < 3 {
        return 0.0;
    }
    let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    let hits = pairs
        .iter()
        .filter(|p| t.summary.contains(p.as_str()) || t.description.contains(p.as_str()))
        .count();
    let share = hits as f64 / pairs.len() as f64;
    if share >= 0.5 { 2.0 * share } else { 0.0 }
}

fn terms(query: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut latin = String::new();
    let mut cjk = String::new();
    let flush = |latin: &mut String, cjk: &mut String, terms: &mut Vec<Term>| {
        if !latin.is_empty() {
            let word = std::mem::take(latin).to_lowercase();
            let mut forms = vec![word.clone()];
            if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
                forms[0] = word.trim_end_matches('s').to_owned();
            }
            if let Some((_, more)) = SYNONYMS.iter().find(|(w, _)| *w == forms[0]) {
                forms.extend(more.iter().map(|m| m.to_string()));
            }
            terms.push(Term::Latin(forms));
        }
        if !cjk.is_empty() {
            terms.push(Term::Cjk(std::mem::take(cjk)));
        }
    };
    for c in query.chars() {
        if c.is_ascii_alphanumeric() {
            if !cjk.is_empty() {
                flush(&mut String::new(), &mut cjk, &mut terms);
            }
            latin.push(c);
        } else if c.is_alphanumeric() {
            if !latin.is_empty() {
                flush(&mut latin, &mut String::new(), &mut terms);
            }
            cjk.push(c);
        } else {
            flush(&mut latin, &mut cjk, &mut terms);
        }
    }
    flush(&mut latin, &mut cjk, &mut terms);
    terms
}

/// Up to three action names within a few edits of `name`, closest first; else the best
/// matches of a search for its words.
pub fn closest(name: &str, actions: &'static [ActionInfo]) -> Vec<&'static str> {
    let wanted = name.to_ascii_lowercase();
    let mut near: Vec<(usize, &str)> = actions
        .iter()
        .map(|a| (edits(&wanted, &a.name.to_ascii_lowercase()), a.name))
        .filter(|(d, n)| *d <= 3.max(n.len() / 5))
        .collect();
    near.sort();
    if !near.is_empty() {
        return near.into_iter().take(3).map(|(_, n)| n).collect();
    }
    // `DescribeImagez` → `Describe Imagez`: its words.
    let words: String = name
        .chars()
        .flat_map(|c| [(c.is_ascii_uppercase()).then_some(' '), Some(c)])
        .flatten()
        .collect();
    search(&words, actions)
        .iter()
        .take(3)
        .map(|f| f.info.name)
        .collect()
}

/// The Levenshtein distance between two ASCII strings.
fn edits(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(query: &str) -> Vec<&'static str> {
        search(query, compshare::schema::ACTIONS)
            .iter()
            .map(|f| f.info.name)
            .collect()
    }

    #[test]
    fn chinese_words_find_their_actions() {
        let found = names("镜像");
        assert!(found.contains(&"DescribeCompShareImages"), "{found:?}");
        assert!(found.contains(&"CreateCompShareCustomImage"), "{found:?}");
        assert!(!found.contains(&"StopCompShareInstance"), "{found:?}");
        let found = names("创建镜像");
        assert!(
            found.iter().take(5).any(|n| n.contains("Image")),
            "{found:?}"
        );
    }

    #[test]
    fn english_words_find_names_in_any_case() {
        let found = names("bandwidth");
        for name in [
            "CreateCompShareShareBandwidth",
            "DescribeCompShareShareBandwidth",
            "GetCompShareShareBandwidthPrice",
        ] {
            assert!(found.contains(&name), "{found:?}");
        }
        assert!(!found.contains(&"DescribeCompShareImages"));
        let found = names("stop instances");
        assert_eq!(found[0], "StopCompShareInstance", "{found:?}");
        let found = names("delete instance");
        assert!(
            found
                .iter()
                .take(3)
                .any(|n| *n == "TerminateCompShareInstance"),
            "{found:?}"
        );
        assert!(names("").len() == compshare::schema::ACTIONS.len());
    }
}
