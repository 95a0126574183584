//! Models: compared once each, judged by where they are used, with their uses listed.

use std::collections::BTreeSet;

use codegen::spec::ModelSpec;

use super::change::Side;
use super::checks::CheckId;
use super::compare::{Cx, Row, Subject, by_name, keys};
use super::fields::Owner;
use super::rust;

impl Cx<'_> {
    pub(super) fn models(&mut self) {
        let base = by_name(&self.base.set.models, |m| &m.model.value);
        let head = by_name(&self.head.set.models, |m| &m.model.value);
        for name in keys(&base, &head) {
            let mut used: BTreeSet<String> = BTreeSet::new();
            for u in [&self.base_usage, &self.head_usage] {
                used.extend(u.paths.get(name).into_iter().flatten().cloned());
            }
            let subject = Subject {
                name: name.to_owned(),
                is_model: true,
                used_by: used.into_iter().collect(),
            };
            let ty = format!("models::{}", rust::type_name(name));
            match (base.get(name), head.get(name)) {
                (Some(b), None) => {
                    let at = self.place(Side::Base, &b.model.loc);
                    self.push(
                        &subject,
                        Row {
                            check: CheckId::ModelRemoved,
                            path: format!("model {name}"),
                            before: name.to_owned(),
                            after: String::new(),
                            effect: format!("`{ty}` is gone"),
                            at,
                        },
                    );
                }
                (None, Some(h)) => {
                    let at = self.place(Side::Head, &h.model.loc);
                    self.push(
                        &subject,
                        Row {
                            check: CheckId::ModelAdded,
                            path: format!("model {name}"),
                            before: String::new(),
                            after: name.to_owned(),
                            effect: format!("new `{ty}`"),
                            at,
                        },
                    );
                }
                (Some(b), Some(h)) => self.model(&subject, b, h),
                (None, None) => {}
            }
        }
    }

    fn model(&mut self, s: &Subject, b: &ModelSpec, h: &ModelSpec) {
        let name = &s.name;
        let at = self.place(Side::Head, &h.model.loc);
        let ty = format!("models::{}", rust::type_name(name));
        self.text(
            s,
            CheckId::DescriptionChanged,
            &format!("model {name}"),
            &b.description,
            &h.description,
            format!("the doc comment of `{ty}`"),
            at,
        );
        // Judge by where the model is used now; a model used nowhere is a plain public struct,
        // compared as a response is.
        let usage = if self.head_usage.paths.contains_key(name.as_str()) {
            &self.head_usage
        } else {
            &self.base_usage
        };
        let in_request = usage.in_request.contains(name.as_str());
        let in_response = usage.in_response.contains(name.as_str()) || !in_request;
        let closed = usage.request_only(name);
        if in_request {
            self.table(
                s,
                &Owner::Model {
                    name,
                    request: true,
                },
                &b.fields,
                &h.fields,
                closed,
            );
        }
        if in_response {
            self.table(
                s,
                &Owner::Model {
                    name,
                    request: false,
                },
                &b.fields,
                &h.fields,
                false,
            );
        }
    }
}
