//! Client-side validation: every violated rule is collected, and nothing is sent if any is.

use std::fmt;

/// The rule a value broke.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// A required parameter is missing or empty.
    Required,
    /// A number above its documented maximum.
    Max(String),
    /// A number below its documented minimum.
    Min(String),
    /// A string longer than its documented maximum length, in characters.
    MaxLength(usize),
    /// An array with more elements than documented.
    MaxItems(usize),
    /// A value outside a closed enum.
    OneOf(Vec<&'static str>),
    /// A wire value that does not parse as the field's type.
    Type(&'static str),
    /// A parameter name the action does not have.
    UnknownParam { suggestion: Option<String> },
    /// The same parameter given twice.
    Duplicate,
    /// An array whose indices are not `0..N`.
    Index,
    /// An action name the API does not have.
    UnknownAction { suggestion: Option<String> },
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
            Rule::UnknownAction { suggestion } => {
                f.write_str("is not a CompShare action")?;
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
    pub field: String,
    pub rule: Rule,
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
    pub action: String,
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
    fn validate_into(&self, v: &mut Violations);
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, v: &mut Violations) {
        (**self).validate_into(v)
    }
}

/// Validates a whole request: `Err` with every violation, or `Ok`.
pub fn validate<T: Validate + ?Sized>(value: &T, action: &str) -> Result<(), ValidationError> {
    let mut v = Violations::new();
    value.validate_into(&mut v);
    v.finish(action)
}

/// Collects violations under a field-name prefix.
#[derive(Debug, Default)]
pub struct Violations {
    prefix: String,
    found: Vec<Violation>,
}

impl Violations {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub fn push(&mut self, field: &str, rule: Rule, value: Option<String>) {
        let field = format!("{}{field}", self.prefix);
        let violation = Violation { field, rule, value };
        // The by-name path and validate() can both notice a missing field.
        if !self.found.contains(&violation) {
            self.found.push(violation);
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

    pub fn object(&mut self, name: &str, value: &dyn Validate) {
        self.nested(name, |v| value.validate_into(v));
    }

    pub fn objects<T: Validate>(&mut self, name: &str, values: &[T]) {
        for (i, value) in values.iter().enumerate() {
            self.object(&format!("{name}.{i}"), value);
        }
    }

    pub fn required_str(&mut self, name: &str, value: &str) {
        if value.is_empty() {
            self.push(name, Rule::Required, None);
        }
    }

    pub fn required_opt<T>(&mut self, name: &str, value: &Option<T>) {
        if value.is_none() {
            self.push(name, Rule::Required, None);
        }
    }

    pub fn required_list<T>(&mut self, name: &str, value: &[T]) {
        if value.is_empty() {
            self.push(name, Rule::Required, None);
        }
    }

    pub fn max<T: PartialOrd + fmt::Display>(&mut self, name: &str, value: T, max: T) {
        if value > max {
            self.push(name, Rule::Max(max.to_string()), Some(value.to_string()));
        }
    }

    pub fn min<T: PartialOrd + fmt::Display>(&mut self, name: &str, value: T, min: T) {
        if value < min {
            self.push(name, Rule::Min(min.to_string()), Some(value.to_string()));
        }
    }

    pub fn max_items<T>(&mut self, name: &str, values: &[T], max: usize) {
        if values.len() > max {
            self.push(
                name,
                Rule::MaxItems(max),
                Some(format!("{} items", values.len())),
            );
        }
    }

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
        v.max("Limit", 101, 100);
        v.min("Offset", -1, 0);
        v.nested("Disks.0", |v| v.required_str("Type", ""));
        v.max_len("Name", "abcdef", 3);
        v.max("Fine", 1, 2);
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
    fn max_len_counts_characters_not_bytes() {
        let mut v = Violations::new();
        v.max_len("Name", "深度学习", 4);
        assert!(v.is_empty());
    }
}
