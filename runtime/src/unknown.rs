//! The members of a response that its spec does not name, kept as they arrived.

use std::fmt;

use serde_json::{Map, Value};

/// JSON members a response type does not name, and values that did not fit the type of the
/// field they arrived in, kept exactly as the server sent them.
///
/// Every generated response and response model has one, in its `unknown_fields` field.
/// Serializing the type writes these members back under their original keys, so printing or
/// storing a response loses nothing. A member kept here is written instead of the typed field of
/// the same name; remove it from the map to have the typed field written.
#[derive(Clone, Default, PartialEq)]
pub struct UnknownFields(Map<String, Value>);

impl UnknownFields {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The member named `key`, if one was kept.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Whether a member of this name was kept.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// The members, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter()
    }

    /// The number of members kept.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing was kept: the response matched its spec exactly.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps a member, replacing one of the same name.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        self.0.insert(key.into(), value)
    }

    /// Removes a member, so that the typed field of that name is written instead.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key)
    }

    /// The members as a JSON map.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }

    /// `Debug` with the values of these keys hidden, for types with sensitive fields.
    pub fn redacted<'a>(&'a self, keys: &'a [&'a str]) -> impl fmt::Debug + 'a {
        Redacted { fields: self, keys }
    }
}

impl fmt::Debug for UnknownFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

struct Redacted<'a> {
    fields: &'a UnknownFields,
    keys: &'a [&'a str],
}

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (k, v) in self.fields.iter() {
            if self.keys.contains(&k.as_str()) {
                map.entry(k, &"<redacted>");
            } else {
                map.entry(k, v);
            }
        }
        map.finish()
    }
}

impl IntoIterator for UnknownFields {
    type Item = (String, Value);
    type IntoIter = serde_json::map::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
