//! Models as a graph: their Rust names, which side uses them, and cycles between them. It is
//! built from the specs alone, before any field is lowered.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::diag::{Diagnostics, Loc};
use crate::naming::{IdentKind, rust_name};
use crate::spec::{ActionSpec, FieldSpec, ModelSpec};

pub struct ModelGraph {
    /// Wire name to (type name, module name).
    names: BTreeMap<String, (String, String)>,
    /// Models each model refers to directly (not through an array).
    direct: BTreeMap<String, BTreeSet<String>>,
    /// Models each model refers to, directly or through arrays.
    edges: BTreeMap<String, BTreeSet<String>>,
    in_request: BTreeSet<String>,
    in_response: BTreeSet<String>,
    unreadable: BTreeSet<String>,
}

fn model_refs(fields: &[FieldSpec]) -> impl Iterator<Item = (String, bool)> + '_ {
    fields.iter().filter_map(|f| {
        let expr = &f.ty.value;
        Some((expr.model()?.to_owned(), expr.is_array()))
    })
}

impl ModelGraph {
    pub fn build(
        actions: &BTreeMap<String, &ActionSpec>,
        models: &BTreeMap<String, &ModelSpec>,
        unreadable: &BTreeSet<String>,
        d: &mut Diagnostics,
    ) -> Self {
        let mut names = BTreeMap::new();
        let mut types: BTreeMap<String, Loc> = BTreeMap::new();
        for (wire, m) in models {
            let (Some(type_name), Some(module)) = (
                rust_name(wire, IdentKind::Type),
                rust_name(wire, IdentKind::Module),
            ) else {
                continue;
            };
            super::claim(&mut types, &type_name, &m.model.loc, d);
            names.insert(wire.clone(), (type_name, module));
        }
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut direct: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (wire, m) in models {
            for (target, array) in model_refs(&m.fields).filter(|(t, _)| models.contains_key(t)) {
                edges
                    .entry(wire.clone())
                    .or_default()
                    .insert(target.clone());
                if !array {
                    direct.entry(wire.clone()).or_default().insert(target);
                }
            }
        }
        let mut graph = Self {
            names,
            direct,
            edges,
            in_request: BTreeSet::new(),
            in_response: BTreeSet::new(),
            unreadable: unreadable.clone(),
        };
        let mut req = Vec::new();
        let mut resp = Vec::new();
        for a in actions.values() {
            req.extend(model_refs(&a.request).map(|(t, _)| t));
            resp.extend(model_refs(&a.response).map(|(t, _)| t));
        }
        graph.in_request = graph.closure(req);
        graph.in_response = graph.closure(resp);
        // A model nobody uses is still generated, as a response model.
        let unused: Vec<String> = models
            .keys()
            .filter(|m| !graph.in_request.contains(*m) && !graph.in_response.contains(*m))
            .cloned()
            .collect();
        graph.in_response.extend(unused);
        graph
    }

    fn closure(&self, roots: Vec<String>) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<String> = roots.into();
        while let Some(m) = queue.pop_front() {
            if self.names.contains_key(&m) && seen.insert(m.clone()) {
                queue.extend(self.edges.get(&m).into_iter().flatten().cloned());
            }
        }
        seen
    }

    /// Whether a model of this name has a file that could not be read.
    pub fn is_unreadable(&self, wire: &str) -> bool {
        self.unreadable.contains(wire)
    }

    pub fn contains(&self, wire: &str) -> bool {
        self.names.contains_key(wire)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }

    pub fn rust_names(&self, wire: &str) -> Option<(String, String)> {
        self.names.get(wire).cloned()
    }

    pub fn in_request(&self, wire: &str) -> bool {
        self.in_request.contains(wire)
    }

    pub fn in_response(&self, wire: &str) -> bool {
        self.in_response.contains(wire)
    }

    /// The shortest path of direct references from `from` to `to`.
    fn path(&self, from: &str, to: &str) -> Option<Vec<String>> {
        let mut prev: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = VecDeque::from([from.to_owned()]);
        while let Some(m) = queue.pop_front() {
            for next in self.direct.get(&m).into_iter().flatten() {
                if next == to {
                    let mut path = vec![to.to_owned(), m.clone()];
                    let mut at = m.clone();
                    while let Some(p) = prev.get(&at) {
                        path.push(p.clone());
                        at = p.clone();
                    }
                    path.reverse();
                    return Some(path);
                }
                if !prev.contains_key(next) && next != from {
                    prev.insert(next.clone(), m.clone());
                    queue.push_back(next.clone());
                }
            }
        }
        None
    }

    /// Whether a direct field of `owner` typed `target` closes a cycle of direct references,
    /// which would make the type infinitely large unless boxed.
    pub fn on_cycle(&self, owner: &str, target: &str) -> bool {
        owner == target || self.path(target, owner).is_some()
    }

    /// `A → B → A`, for messages.
    pub fn cycle_text(&self, owner: &str, target: &str) -> String {
        let mut path = vec![owner.to_owned()];
        if owner == target {
            path.push(owner.to_owned());
        } else {
            path.extend(self.path(target, owner).unwrap_or_default());
        }
        path.join(" → ")
    }
}
