//! Client-side validation: every violated rule is collected, and nothing is sent if any is.

use std::fmt;

/// A documented bound: a whole number or a fraction.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub enum Number {
    /// A whole number.
    Int(i64),
    /// A number with a fraction.
    Float(f64),
}

impl Number {
    fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        Number::Int(i)
    }
}

impl From<f64> for Number {
    fn from(f: f64) -> Self {
        Number::Float(f)
    }
}

/// The rule a value broke.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// A required parameter is missing or empty.
    Required,
    /// A number above its documented maximum.
    Max(Number),
    /// A number below its documented minimum.
    Min(Number),
    /// A string longer than its documented maximum length, in characters.
    MaxLength(usize),
    /// An array with more elements than documented.
    MaxItems(usize),
    /// A value outside a closed enum.
    OneOf(&'static [&'static str]),
    /// A wire value that does not parse as the field's type.
    Type(&'static str),
    /// A parameter name the action does not have.
    UnknownParam {
        /// The closest known name, if one is close.
        suggestion: Option<String>,
    },
    /// The same parameter given twice.
    Duplicate,
    /// An array whose indices are not `0..N`.
    Index,
    /// An array index above the most elements a request may carry.
    IndexTooLarge(usize),
    /// An action name the API does not have.
    UnknownAction {
        /// The closest known action, if one is close.
        suggestion: Option<String>,
    },
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Required => f.write_str("is required"),
            Rule::Max(max) => write!(f, "must be at most {max}"),
            Rule::Min(min) => write!(f, "must be at least {min}"),
            Rule::MaxLength(n) => write!(f, "must be at most {n} characters long"),
            Rule::MaxItems(n) => write!(f, "must have at most {n} items"),
            Rule::OneOf(allowed) => write!(f, "must be one of {}", allowed.join(", ")),
            Rule::Type(expected) => write!(f, "must be {expected}"),
            Rule::UnknownParam { suggestion } => {
                f.write_str("is not a parameter of this action")?;
                did_you_mean(f, suggestion)
            }
            Rule::Duplicate => f.write_str("is given more than once"),
            Rule::Index => f.write_str("has array indices that are not 0, 1, 2, ..."),
            Rule::IndexTooLarge(max) => write!(f, "has an array index above {max}"),
            Rule::UnknownAction { suggestion } => {
                f.write_str("is not an action of this API")?;
                did_you_mean(f, suggestion)
            }
        }
    }
}

fn did_you_mean(f: &mut fmt::Formatter<'_>, suggestion: &Option<String>) -> fmt::Result {
    match suggestion {
        Some(s) => write!(f, " (did you mean `{s}`?)"),
        None => Ok(()),
    }
}

/// One broken rule: which field (its wire name, such as `Disks.0.Size`), which rule, and the
/// offending value when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    /// The wire name, such as `Disks.0.Size`.
    pub field: String,
    /// The rule broken.
    pub rule: Rule,
    /// The offending value, when there is one.
    pub value: Option<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.rule)?;
        if let Some(value) = &self.value {
            write!(f, " (got {value:?})")?;
        }
        Ok(())
    }
}

/// Every violation found in one request. Nothing was sent.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    /// The action whose request was invalid.
    pub action: String,
    /// Every violation, in the order found.
    pub violations: Vec<Violation>,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} request is invalid: ", self.action)?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Something whose fields can be checked against the spec's constraints.
pub trait Validate {
    /// Reports every violation to `v`.
    fn validate_into(&self, v: &mut Violations);
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, v: &mut Violations) {
        (**self).validate_into(v)
    }
}

/// Validates a whole request: `Err` with every violation, or `Ok`.
pub fn validate(value: &dyn Validate, action: &str) -> Result<(), ValidationError> {
    let mut v = Violations::new();
    value.validate_into(&mut v);
    v.finish(action)
}

/// Collects violations under a field-name prefix.
#[derive(Debug, Default)]
pub struct Violations {
    prefix: String,
    found: Vec<Violation>,
    /// The fields in `found`, so that a request with many bad params is checked in linear time.
    fields: std::collections::HashSet<String>,
}

impl Violations {
    /// No violations yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Reports a violation of `field` (under the current prefix), unless that field already
    /// has one.
    pub fn push(&mut self, field: &str, rule: Rule, value: Option<String>) {
        let field = format!("{}{field}", self.prefix);
        // One problem per field: the first found. The by-name path reports a missing or
        // unreadable param before validate() sees the default it left in its place, which
        // would be reported again ("Memory must be at least 1024 (got 0)") though never sent.
        if self.fields.insert(field.clone()) {
            self.found.push(Violation { field, rule, value });
        }
    }

    /// `Err` with every violation, or `Ok` when there is none.
    pub fn finish(self, action: &str) -> Result<(), ValidationError> {
        if self.found.is_empty() {
            Ok(())
        } else {
            Err(ValidationError {
                action: action.to_owned(),
                violations: self.found,
            })
        }
    }

    /// The violations found.
    pub fn into_vec(self) -> Vec<Violation> {
        self.found
    }

    /// Runs `f` with `name.` added to the prefix.
    pub fn nested(&mut self, name: &str, f: impl FnOnce(&mut Self)) {
        let saved = self.prefix.len();
        self.prefix.push_str(name);
        self.prefix.push('.');
        f(self);
        self.prefix.truncate(saved);
    }

    /// Validates a nested object under `name.`.
    pub fn object(&mut self, name: &str, value: &dyn Validate) {
        self.nested(name, |v| value.validate_into(v));
    }

    /// Validates each object of a list under `name.N.`.
    pub fn objects<T: Validate>(&mut self, name: &str, values: &[T]) {
        for (i, value) in values.iter().enumerate() {
            self.object(&format!("{name}.{i}"), value);
        }
    }

    /// Reports an empty required string.
    pub fn required_str(&mut self, name: &str, value: &str) {
        if value.is_empty() {
            self.push(name, Rule::Required, None);
        }
    }

    /// Reports an unset required value.
    pub fn required_opt<T>(&mut self, name: &str, value: &Option<T>) {
        if value.is_none() {
            self.push(name, Rule::Required, None);
        }
    }

    /// Reports an empty required list.
    pub fn required_list<T>(&mut self, name: &str, value: &[T]) {
        if value.is_empty() {
            self.push(name, Rule::Required, None);
        }
    }

    /// Reports `value` above `max`.
    pub fn max(&mut self, name: &str, value: impl Into<Number>, max: Number) {
        let value = value.into();
        if value.as_f64() > max.as_f64() {
            self.push(name, Rule::Max(max), Some(value.to_string()));
        }
    }

    /// Reports `value` below `min`.
    pub fn min(&mut self, name: &str, value: impl Into<Number>, min: Number) {
        let value = value.into();
        if value.as_f64() < min.as_f64() {
            self.push(name, Rule::Min(min), Some(value.to_string()));
        }
    }

    /// Reports a list longer than `max`.
    pub fn max_items<T>(&mut self, name: &str, values: &[T], max: usize) {
        if values.len() > max {
            self.push(
                name,
                Rule::MaxItems(max),
                Some(format!("{} items", values.len())),
            );
        }
    }

    /// Reports a string of more than `max` characters.
    pub fn max_len(&mut self, name: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.push(name, Rule::MaxLength(max), Some(value.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_violation_with_nested_paths() {
        let mut v = Violations::new();
        v.max("Limit", 101, Number::Int(100));
        v.min("Offset", -1, Number::Int(0));
        v.nested("Disks.0", |v| v.required_str("Type", ""));
        v.max_len("Name", "abcdef", 3);
        v.max("Fine", 1, Number::Int(2));
        let err = v.finish("Act").unwrap_err();
        let shown: Vec<String> = err.violations.iter().map(|v| v.to_string()).collect();
        assert_eq!(
            shown,
            [
                "Limit must be at most 100 (got \"101\")",
                "Offset must be at least 0 (got \"-1\")",
                "Disks.0.Type is required",
                "Name must be at most 3 characters long (got \"abcdef\")",
            ]
        );
    }

    #[test]
    fn a_field_is_reported_once() {
        let mut v = Violations::new();
        v.push("Memory", Rule::Required, None);
        v.min("Memory", 0, Number::Int(1024));
        v.min("CPU", 0, Number::Int(1));
        let err = v.finish("Act").unwrap_err();
        let shown: Vec<String> = err.violations.iter().map(|v| v.to_string()).collect();
        assert_eq!(
            shown,
            ["Memory is required", "CPU must be at least 1 (got \"0\")"]
        );
    }

    #[test]
    fn max_len_counts_characters_not_bytes() {
        let mut v = Violations::new();
        v.max_len("Name", "深度学习", 4);
        assert!(v.is_empty());
    }
}
