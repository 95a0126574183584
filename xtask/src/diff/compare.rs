//! Compares two spec sets by meaning: actions by wire name, fields by wire name within each
//! table, models by name, enum values by value. Text layout, order and comments do not count.

use std::collections::{BTreeMap, BTreeSet};

use codegen::LoadedSpecs;
use codegen::diag::Loc;
use codegen::spec::{ActionSpec, Requiredness};

use super::change::{Change, Place, Side};
use super::checks::CheckId;
use super::rust;
use super::usage::Usage;

/// Every change from `base` to `head`, sorted.
pub fn compare(base: &LoadedSpecs, head: &LoadedSpecs) -> Vec<Change> {
    let mut cx = Cx {
        base,
        head,
        base_usage: Usage::of(&base.set),
        head_usage: Usage::of(&head.set),
        out: Vec::new(),
    };
    cx.actions();
    cx.models();
    let mut out = cx.out;
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // A model used on both sides is compared once per side; its side-free rows match.
    out.dedup_by(|a, b| {
        (a.check, &a.subject, &a.path, &a.before, &a.after)
            == (b.check, &b.subject, &b.path, &b.before, &b.after)
    });
    out
}

/// What a row is about: an action, or a model with its uses.
pub struct Subject {
    pub name: String,
    pub is_model: bool,
    pub used_by: Vec<String>,
}

pub struct Cx<'a> {
    pub base: &'a LoadedSpecs,
    pub head: &'a LoadedSpecs,
    pub base_usage: Usage,
    pub head_usage: Usage,
    pub out: Vec<Change>,
}

/// A row's values, before it is given its subject.
pub struct Row {
    pub check: CheckId,
    pub path: String,
    pub before: String,
    pub after: String,
    pub effect: String,
    pub at: Option<Place>,
}

impl<'a> Cx<'a> {
    pub fn push(&mut self, subject: &Subject, row: Row) {
        self.out.push(Change {
            check: row.check,
            subject: subject.name.clone(),
            is_model: subject.is_model,
            used_by: subject.used_by.clone(),
            path: row.path,
            before: row.before,
            after: row.after,
            effect: row.effect,
            at: row.at,
        });
    }

    /// Where `loc` is, on `side`.
    pub fn place(&self, side: Side, loc: &Loc) -> Option<Place> {
        let specs = match side {
            Side::Base => self.base,
            Side::Head => self.head,
        };
        if loc.is_nowhere() {
            return None;
        }
        let path = &specs.sources.get(loc.file).path;
        let file = path
            .strip_prefix(crate::SPEC_DIR)
            .unwrap_or(path)
            .trim_start_matches('/')
            .to_owned();
        Some(Place {
            file,
            line: specs.sources.line_col(loc).0,
            side,
        })
    }

    fn actions(&mut self) {
        let base = by_name(&self.base.set.actions, |a| &a.action.value);
        let head = by_name(&self.head.set.actions, |a| &a.action.value);
        for name in keys(&base, &head) {
            let subject = Subject {
                name: name.to_owned(),
                is_model: false,
                used_by: Vec::new(),
            };
            let method = rust::method(name);
            let ty = rust::type_name(name);
            match (base.get(name), head.get(name)) {
                (Some(b), None) => {
                    let at = self.place(Side::Base, &b.action.loc);
                    self.push(&subject, Row {
                        check: CheckId::ActionRemoved,
                        path: String::new(),
                        before: name.to_owned(),
                        after: String::new(),
                        effect: format!("`Client::{method}`, `{ty}Request`, `{ty}Response` and `{ty}Builder` are gone"),
                        at,
                    });
                }
                (None, Some(h)) => {
                    let at = self.place(Side::Head, &h.action.loc);
                    self.push(
                        &subject,
                        Row {
                            check: CheckId::ActionAdded,
                            path: String::new(),
                            before: String::new(),
                            after: name.to_owned(),
                            effect: format!(
                                "new `Client::{method}` with `{ty}Request` and `{ty}Response`"
                            ),
                            at,
                        },
                    );
                }
                (Some(b), Some(h)) => self.action(&subject, b, h),
                (None, None) => {}
            }
        }
    }

    fn action(&mut self, s: &Subject, b: &ActionSpec, h: &ActionSpec) {
        let name = &s.name;
        let method = rust::method(name);
        let ty = rust::type_name(name);
        let at = self.place(Side::Head, &h.action.loc);
        match (&b.unavailable, &h.unavailable) {
            (None, Some(why)) => {
                let at = self.place(Side::Head, &why.loc);
                self.push(s, Row {
                    check: CheckId::ActionUnavailable,
                    path: "unavailable".into(),
                    before: "served".into(),
                    after: why.value.clone(),
                    effect: format!("`Client::{method}` is now `#[deprecated]` and tools refuse to send it: production does not serve it"),
                    at,
                });
            }
            (Some(_), None) => self.push(
                s,
                Row {
                    check: CheckId::ActionAvailableAgain,
                    path: "unavailable".into(),
                    before: "unavailable".into(),
                    after: "served".into(),
                    effect: format!("`Client::{method}` is no longer deprecated"),
                    at: at.clone(),
                },
            ),
            (Some(x), Some(y)) if x.value != y.value => {
                let at = self.place(Side::Head, &y.loc);
                self.text(
                    s,
                    CheckId::NoteChanged,
                    "unavailable",
                    &x.value,
                    &y.value,
                    format!("the deprecation message of `Client::{method}`"),
                    at,
                );
            }
            _ => {}
        }
        if b.response_body != h.response_body {
            self.push(
                s,
                Row {
                    check: CheckId::ResponseBodyChanged,
                    path: "response_body".into(),
                    before: format!("{:?}", b.response_body).to_lowercase(),
                    after: format!("{:?}", h.response_body).to_lowercase(),
                    effect: format!(
                        "`Client::{method}` now returns {} instead",
                        match h.response_body {
                            codegen::spec::ResponseBody::Bytes =>
                                "the body as a byte stream".to_owned(),
                            codegen::spec::ResponseBody::Json =>
                                format!("a decoded `{ty}Response`"),
                        }
                    ),
                    at: at.clone(),
                },
            );
        }
        if b.request_body != h.request_body {
            self.push(s, Row {
                check: CheckId::RequestBodyChanged,
                path: "request_body".into(),
                before: format!("{:?}", b.request_body).to_lowercase(),
                after: format!("{:?}", h.request_body).to_lowercase(),
                effect: format!("no Rust signature changes; `Client::{method}` encodes `{ty}Request` differently on the wire"),
                at: at.clone(),
            });
        }
        self.text(
            s,
            CheckId::SummaryChanged,
            "summary",
            &b.summary,
            &h.summary,
            format!("the doc comment of `Client::{method}`"),
            at.clone(),
        );
        self.text(
            s,
            CheckId::DescriptionChanged,
            "description",
            &b.description,
            &h.description,
            format!("the doc comment of `Client::{method}`"),
            at.clone(),
        );
        self.text(
            s,
            CheckId::NoteChanged,
            "note",
            opt(&b.note),
            opt(&h.note),
            "nothing: notes are for reviewers".into(),
            at.clone(),
        );
        self.text(
            s,
            CheckId::NoteChanged,
            "live",
            opt(&b.live),
            opt(&h.live),
            "nothing: live evidence is for reviewers".into(),
            at.clone(),
        );
        let retry = |a: &ActionSpec| {
            let mut text = format!("retryable: {}", a.retryable);
            if !a.retry.codes.is_empty() {
                text.push_str(&format!(", retry codes {:?}", a.retry.codes));
            }
            if let Some(ms) = a.retry.backoff_ms {
                text.push_str(&format!(", backoff {ms} ms"));
            }
            text
        };
        self.text(
            s,
            CheckId::RetryChanged,
            "retry",
            &retry(b),
            &retry(h),
            format!("which failures the client retries for `{ty}Request` (its `RETRYABLE` and retry codes)"),
            at.clone(),
        );
        let example = |a: &ActionSpec| {
            a.response_example
                .as_ref()
                .map(|e| json_text(&e.value))
                .unwrap_or_default()
        };
        self.text(
            s,
            CheckId::ExampleChanged,
            "response_example",
            &example(b),
            &example(h),
            format!("the example in `{ty}Response`'s wire test"),
            at.clone(),
        );
        self.common(s, b, h, at);
        self.table(
            s,
            &super::fields::Owner::Request(name),
            &b.request,
            &h.request,
            true,
        );
        self.table(
            s,
            &super::fields::Owner::Response(name),
            &b.response,
            &h.response,
            false,
        );
    }

    fn common(&mut self, s: &Subject, b: &ActionSpec, h: &ActionSpec, at: Option<Place>) {
        let ty = rust::type_name(&s.name);
        let base: BTreeMap<&str, Requiredness> = b
            .common
            .iter()
            .map(|(n, r)| (n.value.as_str(), *r))
            .collect();
        let head: BTreeMap<&str, Requiredness> = h
            .common
            .iter()
            .map(|(n, r)| (n.value.as_str(), *r))
            .collect();
        for name in keys(&base, &head) {
            let field = format!("`{ty}Request::{}`", rust::field(name));
            let word = |r: Option<&Requiredness>| match r {
                None => String::new(),
                Some(Requiredness::Required) => "required".to_owned(),
                Some(Requiredness::Optional) => "optional".to_owned(),
            };
            // Region and Zone fall back to the service's defaults, so requiring them fails no call.
            let fallback = match (name, &self.head.set.service) {
                ("Region", Some(svc)) if !svc.region.is_empty() => Some(svc.region.clone()),
                ("Zone", Some(svc)) if !svc.zone.is_empty() => Some(svc.zone.clone()),
                _ => None,
            };
            let (check, effect) = match (base.get(name), head.get(name)) {
                (Some(_), None) => (
                    CheckId::CommonParamRemoved,
                    format!("{field} and its setter are gone"),
                ),
                (Some(Requiredness::Optional), Some(Requiredness::Required))
                    if fallback.is_some() =>
                {
                    (
                        CheckId::CommonParamRequiredWithDefault,
                        format!(
                            "none: {field} is required now, but the client falls back to the service default `{}`, so no call fails",
                            fallback.as_deref().unwrap_or_default()
                        ),
                    )
                }
                (None, Some(Requiredness::Required)) if fallback.is_none() => (
                    CheckId::CommonParamBecameRequired,
                    format!(
                        "new {field}: calls fail validation unless it or the client config gives `{name}`"
                    ),
                ),
                (None, Some(_)) => (
                    CheckId::CommonParamAdded,
                    format!(
                        "new {field} (`Option<String>`), filled from the client config when unset"
                    ),
                ),
                (Some(Requiredness::Optional), Some(Requiredness::Required)) => (
                    CheckId::CommonParamBecameRequired,
                    format!(
                        "calls fail validation unless {field} or the client config gives `{name}`"
                    ),
                ),
                (Some(Requiredness::Required), Some(Requiredness::Optional)) => (
                    CheckId::CommonParamBecameOptional,
                    format!("{field} may now be left unset with no config value"),
                ),
                _ => continue,
            };
            self.push(
                s,
                Row {
                    check,
                    path: format!("common.{name}"),
                    before: word(base.get(name)),
                    after: word(head.get(name)),
                    effect,
                    at: at.clone(),
                },
            );
        }
    }

    /// A docs-level row when two texts differ.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        s: &Subject,
        check: CheckId,
        path: &str,
        before: &str,
        after: &str,
        what: String,
        at: Option<Place>,
    ) {
        if before.trim() == after.trim() {
            return;
        }
        let effect = if what.starts_with("nothing") {
            what
        } else {
            format!("{what} changes")
        };
        self.push(
            s,
            Row {
                check,
                path: path.to_owned(),
                before: before.trim().to_owned(),
                after: after.trim().to_owned(),
                effect,
                at,
            },
        );
    }
}

fn opt(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("")
}

/// JSON compared by value, so reformatting an example is not a change.
fn json_text(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => v.to_string(),
        Err(_) => text.trim().to_owned(),
    }
}

pub fn by_name<'t, T>(
    items: &'t [T],
    name: impl Fn(&'t T) -> &'t String,
) -> BTreeMap<&'t str, &'t T> {
    items.iter().map(|i| (name(i).as_str(), i)).collect()
}

/// The names of both maps, sorted, each once.
pub fn keys<'k, V, W>(a: &BTreeMap<&'k str, V>, b: &BTreeMap<&'k str, W>) -> Vec<&'k str> {
    let mut all: BTreeSet<&str> = a.keys().copied().collect();
    all.extend(b.keys().copied());
    all.into_iter().collect()
}
