//! Reading wire-style parameters (`Limit=20`, `UHostIds.0=x`, `Disks.0.Size=60`) into typed
//! requests, so that by-name calls get the same types and validation as typed ones.

use std::collections::BTreeMap;

use crate::suggest::closest;
use crate::validate::{Rule, Violations};

/// How a param with an empty name is reported.
const EMPTY_NAME: &str = "(an empty name)";

/// The highest array index a wire param may have (`Disks.999.Size`). Requests never carry
/// that many elements; a bigger index is reported, not allocated for.
pub const MAX_INDEX: usize = 999;

/// A scalar that can be read from one wire value.
pub trait FromWire: Sized {
    /// The value, or the rule the text breaks.
    fn from_wire(text: &str) -> Result<Self, Rule>;
}

impl FromWire for String {
    fn from_wire(text: &str) -> Result<Self, Rule> {
        Ok(text.to_owned())
    }
}

impl FromWire for i64 {
    fn from_wire(text: &str) -> Result<Self, Rule> {
        text.trim().parse().map_err(|_| Rule::Type("an integer"))
    }
}

impl FromWire for f64 {
    fn from_wire(text: &str) -> Result<Self, Rule> {
        match text.trim().parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(f),
            _ => Err(Rule::Type("a number")),
        }
    }
}

impl FromWire for bool {
    fn from_wire(text: &str) -> Result<Self, Rule> {
        match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(true),
            "false" | "0" => Ok(false),
            _ => Err(Rule::Type("true or false")),
        }
    }
}

/// A request, or a nested request object, that can be read from wire-style parameters.
pub trait FromParams: Sized {
    /// Reads the value, reporting problems to the reader.
    fn read_params(r: &mut ParamReader<'_>) -> Self;
}

impl<T: FromParams> FromParams for Box<T> {
    fn read_params(r: &mut ParamReader<'_>) -> Self {
        Box::new(T::read_params(r))
    }
}

/// Reads a whole request from wire-style parameters. Every problem found (a bad number, a value
/// outside a closed enum, an unknown or repeated name) is returned with the request.
pub fn from_params<T: FromParams>(params: &[(String, String)]) -> (T, Violations) {
    let mut violations = Violations::new();
    let mut reader = ParamReader::new(params, &mut violations);
    let value = T::read_params(&mut reader);
    reader.finish();
    (value, violations)
}

impl<'v> ParamReader<'v> {
    /// A reader over `params`, reporting empty and repeated names to `violations` at once.
    fn new(params: &[(String, String)], violations: &'v mut Violations) -> Self {
        let mut remaining = BTreeMap::new();
        for (name, value) in params {
            if name.is_empty() {
                violations.push(
                    EMPTY_NAME,
                    Rule::UnknownParam { suggestion: None },
                    Some(value.clone()),
                );
                continue;
            }
            if remaining.insert(name.clone(), value.clone()).is_some() {
                violations.push(name, Rule::Duplicate, None);
            }
        }
        ParamReader {
            remaining,
            asked: Vec::new(),
            v: violations,
        }
    }
}

/// Takes the parameters of one object, one name at a time; whatever is left at the end is
/// reported as unknown.
pub struct ParamReader<'v> {
    remaining: BTreeMap<String, String>,
    asked: Vec<&'static str>,
    v: &'v mut Violations,
}

impl ParamReader<'_> {
    fn take(&mut self, name: &'static str) -> Option<String> {
        self.asked.push(name);
        self.remaining.remove(name)
    }

    fn parse<T: FromWire>(&mut self, name: &str, text: String) -> Option<T> {
        match T::from_wire(&text) {
            Ok(value) => Some(value),
            Err(rule) => {
                self.v.push(name, rule, Some(text));
                None
            }
        }
    }

    /// An optional scalar.
    pub fn opt<T: FromWire>(&mut self, name: &'static str) -> Option<T> {
        let text = self.take(name)?;
        self.parse(name, text)
    }

    /// A required scalar; when missing, a `Required` violation and a placeholder.
    pub fn req<T: FromWire + Default>(&mut self, name: &'static str) -> T {
        match self.take(name) {
            Some(text) => self.parse(name, text).unwrap_or_default(),
            None => {
                self.v.push(name, Rule::Required, None);
                T::default()
            }
        }
    }

    /// A required scalar held as an `Option` (a closed enum has no empty value); when
    /// missing, a `Required` violation and `None`.
    pub fn req_opt<T: FromWire>(&mut self, name: &'static str) -> Option<T> {
        match self.take(name) {
            Some(text) => self.parse(name, text),
            None => {
                self.v.push(name, Rule::Required, None);
                None
            }
        }
    }

    /// The remaining names that start with `prefix`, in order.
    fn keys_under(&self, prefix: &str) -> Vec<String> {
        self.remaining
            .range(prefix.to_owned()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// Removes every parameter under `name.` and returns them keyed by index, relative names
    /// inside. Reports indices that are not `0..N`.
    fn take_indexed(&mut self, name: &'static str) -> Vec<BTreeMap<String, String>> {
        self.asked.push(name);
        let prefix = format!("{name}.");
        let keys = self.keys_under(&prefix);
        let mut by_index: BTreeMap<usize, BTreeMap<String, String>> = BTreeMap::new();
        for key in keys {
            let rest = &key[prefix.len()..];
            let (index, inner) = rest.split_once('.').unwrap_or((rest, ""));
            match index.parse::<usize>() {
                Ok(i) if i > MAX_INDEX && index == i.to_string() => {
                    let value = self.remaining.remove(&key);
                    self.v.push(&key, Rule::IndexTooLarge(MAX_INDEX), value);
                }
                Ok(i) if index == i.to_string() => {
                    let value = self.remaining.remove(&key).unwrap_or_default();
                    by_index
                        .entry(i)
                        .or_default()
                        .insert(inner.to_owned(), value);
                }
                _ => {} // left in place: reported as unknown at the end
            }
        }
        if by_index.keys().enumerate().any(|(pos, &i)| pos != i) {
            self.v.push(name, Rule::Index, None);
        }
        by_index.into_values().collect()
    }

    /// An array of scalars: `Name.0`, `Name.1`, ...
    pub fn list<T: FromWire>(&mut self, name: &'static str) -> Vec<T> {
        let items = self.take_indexed(name);
        let mut out = Vec::with_capacity(items.len());
        for (i, mut item) in items.into_iter().enumerate() {
            let field = format!("{name}.{i}");
            match item.remove("") {
                Some(text) => out.extend(self.parse(&field, text)),
                None => self.v.push(&field, Rule::Type("a single value"), None),
            }
            for key in item.into_keys() {
                self.v.push(
                    &format!("{field}.{key}"),
                    Rule::UnknownParam { suggestion: None },
                    None,
                );
            }
        }
        out
    }

    fn read_nested<T: FromParams>(
        &mut self,
        field: &str,
        remaining: BTreeMap<String, String>,
    ) -> T {
        let mut value = None;
        self.v.nested(field, |v| {
            let mut sub = ParamReader {
                remaining,
                asked: Vec::new(),
                v,
            };
            value = Some(T::read_params(&mut sub));
            sub.finish();
        });
        value.expect("the closure always runs")
    }

    /// A nested object: `Name.Field`.
    pub fn object<T: FromParams>(&mut self, name: &'static str) -> Option<T> {
        self.asked.push(name);
        let prefix = format!("{name}.");
        let keys = self.keys_under(&prefix);
        if keys.is_empty() {
            return None;
        }
        let inner = keys
            .into_iter()
            .map(|k| {
                let value = self.remaining.remove(&k).unwrap_or_default();
                (k[prefix.len()..].to_owned(), value)
            })
            .collect();
        Some(self.read_nested(name, inner))
    }

    /// A required nested object; when missing, a `Required` violation and a default.
    pub fn req_object<T: FromParams + Default>(&mut self, name: &'static str) -> T {
        match self.object(name) {
            Some(value) => value,
            None => {
                self.v.push(name, Rule::Required, None);
                T::default()
            }
        }
    }

    /// An array of objects: `Name.N.Field`.
    pub fn objects<T: FromParams>(&mut self, name: &'static str) -> Vec<T> {
        let items = self.take_indexed(name);
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| self.read_nested(&format!("{name}.{i}"), item))
            .collect()
    }

    /// Reports every parameter nobody asked for.
    fn finish(self) {
        for (name, value) in self.remaining {
            let head = name.split('.').next().unwrap_or(&name);
            let suggestion = closest(head, self.asked.iter().copied()).map(|s| {
                let rest = &name[head.len()..];
                format!("{s}{rest}")
            });
            self.v
                .push(&name, Rule::UnknownParam { suggestion }, Some(value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Disk {
        size: i64,
        kind: Option<String>,
    }

    impl FromParams for Disk {
        fn read_params(r: &mut ParamReader<'_>) -> Self {
            Self {
                size: r.req("Size"),
                kind: r.opt("Type"),
            }
        }
    }

    #[derive(Debug, Default, PartialEq)]
    struct Req {
        limit: Option<i64>,
        ids: Vec<String>,
        disks: Vec<Disk>,
    }

    impl FromParams for Req {
        fn read_params(r: &mut ParamReader<'_>) -> Self {
            Self {
                limit: r.opt("Limit"),
                ids: r.list("Ids"),
                disks: r.objects("Disks"),
            }
        }
    }

    fn params(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_scalars_lists_and_nested_objects_in_index_order() {
        let (req, v) = from_params::<Req>(&params(&[
            ("Limit", "20"),
            ("Ids.1", "b"),
            ("Ids.0", "a"),
            ("Disks.0.Size", "60"),
            ("Disks.1.Size", "100"),
            ("Disks.1.Type", "CLOUD_SSD"),
        ]));
        assert!(v.is_empty(), "{v:?}");
        assert_eq!(
            req,
            Req {
                limit: Some(20),
                ids: vec!["a".into(), "b".into()],
                disks: vec![
                    Disk {
                        size: 60,
                        kind: None
                    },
                    Disk {
                        size: 100,
                        kind: Some("CLOUD_SSD".into())
                    }
                ],
            }
        );
    }

    #[test]
    fn reports_every_problem_with_its_full_path() {
        let (_, v) = from_params::<Req>(&params(&[
            ("Limit", "twenty"),
            ("Limitt", "1"),
            ("Ids.1", "b"),
            ("Disks.0.Sise", "60"),
        ]));
        let shown: Vec<String> = v.into_vec().iter().map(|v| v.to_string()).collect();
        assert_eq!(
            shown,
            [
                "Limit must be an integer (got \"twenty\")",
                "Ids has array indices that are not 0, 1, 2, ...",
                "Disks.0.Size is required",
                "Disks.0.Sise is not a parameter of this action (did you mean `Size`?) (got \"60\")",
                "Limitt is not a parameter of this action (did you mean `Limit`?) (got \"1\")",
            ]
        );
    }

    #[test]
    fn huge_indices_are_reported_not_allocated() {
        let (req, v) = from_params::<Req>(&params(&[
            ("Disks.99999999999.Size", "1"),
            ("Ids.1000", "x"),
        ]));
        assert!(req.disks.is_empty() && req.ids.is_empty());
        let rules: Vec<Rule> = v.into_vec().into_iter().map(|v| v.rule).collect();
        assert_eq!(
            rules,
            [
                Rule::IndexTooLarge(MAX_INDEX),
                Rule::IndexTooLarge(MAX_INDEX)
            ]
        );
    }
}
