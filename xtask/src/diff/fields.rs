//! Comparing one table (a request, a response, or a model's fields) row by row.

use codegen::spec::FieldSpec;
use codegen::yaml::{Node, NodeKind};

use super::change::Side;
use super::checks::CheckId;
use super::compare::{Cx, Row, Subject, by_name, keys};
use super::rust;

/// Whose table it is, which decides the Rust names and which way values travel.
pub enum Owner<'a> {
    Request(&'a str),
    Response(&'a str),
    /// A model, compared as used in requests or in responses.
    Model {
        name: &'a str,
        request: bool,
    },
}

impl Owner<'_> {
    fn prefix(&self) -> String {
        match self {
            Owner::Request(_) => "request.".into(),
            Owner::Response(_) => "response.".into(),
            Owner::Model { name, .. } => format!("model {name}."),
        }
    }

    pub(super) fn is_request(&self) -> bool {
        matches!(self, Owner::Request(_) | Owner::Model { request: true, .. })
    }

    fn strukt(&self) -> String {
        match self {
            Owner::Request(a) => format!("{}Request", rust::type_name(a)),
            Owner::Response(a) => format!("{}Response", rust::type_name(a)),
            Owner::Model { name, .. } => format!("models::{}", rust::type_name(name)),
        }
    }

    /// `XRequest::field`, with the builder's setter for an action's request.
    fn field(&self, wire: &str) -> String {
        format!("`{}::{}`", self.strukt(), rust::field(wire))
    }

    fn setter(&self, wire: &str) -> String {
        match self {
            Owner::Request(a) => format!(
                " and its setter `{}Builder::{}`",
                rust::type_name(a),
                rust::setter(wire)
            ),
            _ => String::new(),
        }
    }
}

impl Cx<'_> {
    /// Compares two tables; `closed` says whether the owner's enums may be closed.
    pub fn table(
        &mut self,
        s: &Subject,
        owner: &Owner,
        base: &[FieldSpec],
        head: &[FieldSpec],
        closed: bool,
    ) {
        let b = by_name(base, |f| &f.name.value);
        let h = by_name(head, |f| &f.name.value);
        let removed: Vec<&str> = b.keys().filter(|k| !h.contains_key(*k)).copied().collect();
        let added: Vec<&str> = h.keys().filter(|k| !b.contains_key(*k)).copied().collect();
        // One row gone and one of the same type come: most likely a rename.
        let rename = match (removed.as_slice(), added.as_slice()) {
            ([old], [new]) if b[old].ty.value == h[new].ty.value => Some((*old, *new)),
            _ => None,
        };
        for name in keys(&b, &h) {
            let path = format!("{}{name}", owner.prefix());
            let field = owner.field(name);
            match (b.get(name), h.get(name)) {
                (Some(f), None) => {
                    let hint = match rename {
                        Some((_, new)) => {
                            format!("; probably renamed to `{new}` ({})", owner.field(new))
                        }
                        None => String::new(),
                    };
                    let (check, effect) = if owner.is_request() {
                        (
                            CheckId::RequestFieldRemoved,
                            format!("{field}{} are gone{hint}", owner.setter(name)),
                        )
                    } else {
                        (
                            CheckId::ResponseFieldRemoved,
                            format!(
                                "{field} is gone; the member, if still sent, is kept in `unknown_fields`{hint}"
                            ),
                        )
                    };
                    let at = self.place(Side::Base, &f.loc);
                    self.push(
                        s,
                        Row {
                            check,
                            path,
                            before: rust::full_type(f, closed),
                            after: String::new(),
                            effect,
                            at,
                        },
                    );
                }
                (None, Some(f)) => {
                    let hint = match rename {
                        Some((old, _)) => format!("; probably renamed from `{old}`"),
                        None => String::new(),
                    };
                    let ty = rust::full_type(f, closed);
                    let (check, effect) = match (owner.is_request(), f.required) {
                        (true, true) => (
                            CheckId::RequiredRequestFieldAdded,
                            format!(
                                "{field} (`{ty}`) must now be set{}{hint}",
                                owner.setter(name).replace(" and its setter", ", with")
                            ),
                        ),
                        (true, false) => (
                            CheckId::OptionalRequestFieldAdded,
                            format!(
                                "new optional {field} (`{ty}`){}{hint}",
                                owner.setter(name).replace(" and its setter", ", set with")
                            ),
                        ),
                        (false, _) => (
                            CheckId::ResponseFieldAdded,
                            format!(
                                "new {field} (`{ty}`); the member was kept in `unknown_fields` before{hint}"
                            ),
                        ),
                    };
                    let at = self.place(Side::Head, &f.loc);
                    self.push(
                        s,
                        Row {
                            check,
                            path,
                            before: String::new(),
                            after: ty,
                            effect,
                            at,
                        },
                    );
                }
                (Some(b), Some(h)) => self.field(s, owner, &path, b, h, closed),
                (None, None) => {}
            }
        }
    }

    fn field(
        &mut self,
        s: &Subject,
        owner: &Owner,
        path: &str,
        b: &FieldSpec,
        h: &FieldSpec,
        closed: bool,
    ) {
        let field = owner.field(&h.name.value);
        let at = self.place(Side::Head, &h.loc);
        let request = owner.is_request();
        let (bt, ht) = (rust::full_type(b, closed), rust::full_type(h, closed));
        let word = |f: &FieldSpec| if f.required { "required" } else { "optional" }.to_owned();
        if b.required != h.required {
            let array = h.ty.value.is_array();
            let (check, effect) = match (request, h.required) {
                (true, true) if array => (
                    CheckId::FieldBecameRequired,
                    format!("{field} must now be set (still `{ht}`)"),
                ),
                (true, true) => (
                    CheckId::FieldBecameRequired,
                    format!("{field} must now be set: `{bt}` becomes `{ht}`"),
                ),
                (true, false) if array => (
                    CheckId::RequestArrayBecameOptional,
                    format!("{field} may be left empty (still `{ht}`)"),
                ),
                (true, false) => (
                    CheckId::FieldBecameOptional,
                    format!(
                        "{field} may be left unset: `{bt}` becomes `{ht}`; the setter is unchanged"
                    ),
                ),
                (false, _) if bt == ht => (
                    CheckId::ResponseArrayPresenceChanged,
                    format!("nothing: {field} stays `{ht}`"),
                ),
                (false, _) => (
                    CheckId::ResponsePresenceChanged,
                    format!("{field} changes from `{bt}` to `{ht}`"),
                ),
            };
            self.push(
                s,
                Row {
                    check,
                    path: path.to_owned(),
                    before: word(b),
                    after: word(h),
                    effect,
                    at: at.clone(),
                },
            );
        }
        let (bv, hv) = (rust::value_type(b), rust::value_type(h));
        let spelled = |f: &FieldSpec| match &f.format {
            Some(fmt) => format!("{} (format: {})", f.ty.value, fmt.value.word()),
            None => f.ty.value.to_string(),
        };
        if bv != hv {
            let check = if request {
                CheckId::RequestTypeChanged
            } else {
                CheckId::ResponseTypeChanged
            };
            self.push(
                s,
                Row {
                    check,
                    path: path.to_owned(),
                    before: bv.clone(),
                    after: hv.clone(),
                    effect: format!("{field} changes type from `{bv}` to `{hv}`"),
                    at: at.clone(),
                },
            );
        } else if spelled(b) != spelled(h) {
            self.push(
                s,
                Row {
                    check: CheckId::WireTypeChanged,
                    path: path.to_owned(),
                    before: spelled(b),
                    after: spelled(h),
                    effect: format!("nothing: {field} stays `{hv}`"),
                    at: at.clone(),
                },
            );
        } else if let (Some(be), Some(he)) = (&b.enumeration, &h.enumeration) {
            self.enum_values(s, owner, path, h, be, he, closed);
        }
        self.bounds(s, request, path, b, h);
        self.text(
            s,
            CheckId::DescriptionChanged,
            path,
            &b.description,
            &h.description,
            format!("the doc comment of {field}"),
            at.clone(),
        );
        self.text(
            s,
            CheckId::ExampleChanged,
            path,
            &example(b),
            &example(h),
            format!("the example in the doc comment of {field} and in the wire tests"),
            at.clone(),
        );
        let default = |f: &FieldSpec| {
            f.default
                .as_ref()
                .map(|d| d.value.clone())
                .unwrap_or_default()
        };
        self.text(
            s,
            CheckId::DefaultChanged,
            path,
            &default(b),
            &default(h),
            format!("the documented default of {field}"),
            at.clone(),
        );
        let note = |f: &FieldSpec| {
            format!(
                "{}{}",
                f.note.as_deref().unwrap_or(""),
                f.live
                    .as_deref()
                    .map(|l| format!(" (live: {l})"))
                    .unwrap_or_default()
            )
        };
        self.text(
            s,
            CheckId::NoteChanged,
            path,
            &note(b),
            &note(h),
            "nothing: notes are for reviewers".into(),
            at.clone(),
        );
        match (&b.deprecated, &h.deprecated) {
            (None, Some(why)) => self.push(
                s,
                Row {
                    check: CheckId::FieldDeprecated,
                    path: path.to_owned(),
                    before: String::new(),
                    after: why.clone(),
                    effect: format!("{field} is now `#[deprecated]`: uses warn"),
                    at,
                },
            ),
            (x, y) if x != y => self.text(
                s,
                CheckId::NoteChanged,
                path,
                x.as_deref().unwrap_or(""),
                y.as_deref().unwrap_or(""),
                format!("the deprecation of {field}"),
                at,
            ),
            _ => {}
        }
    }
}

fn example(f: &FieldSpec) -> String {
    f.example
        .as_ref()
        .map(|e| node_text(&e.value))
        .unwrap_or_default()
}

/// A YAML value without its layout, so that moving or re-quoting it is not a change.
fn node_text(node: &Node) -> String {
    match &node.kind {
        NodeKind::Scalar { text, .. } => text.clone(),
        NodeKind::Seq(items) => format!(
            "[{}]",
            items.iter().map(node_text).collect::<Vec<_>>().join(", ")
        ),
        NodeKind::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", node_text(k), node_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
