//! The check-id table: every kind of change the report knows, its severity under each Rust API
//! style, a title and why. The code, the README of this module and the tests all read it.

use std::fmt;

/// How much a change matters to a caller of the generated crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Code that compiled and worked may no longer compile or work.
    Breaking,
    /// New API; existing code keeps compiling and working.
    Additive,
    /// No Rust signature changes: docs, examples, notes, or wire-only behaviour.
    Docs,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Breaking, Severity::Additive, Severity::Docs];

    pub fn word(self) -> &'static str {
        match self {
            Severity::Breaking => "breaking",
            Severity::Additive => "additive",
            Severity::Docs => "docs",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The shape of the generated types, which decides whether some additions break callers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeStyle {
    /// Plain structs with pub fields and exhaustive enums: a new field breaks struct literals,
    /// a new variant breaks exhaustive matches.
    Exhaustive,
    /// `#[non_exhaustive]` structs and enums, requests built through builders and setters.
    NonExhaustive,
}

impl TypeStyle {
    /// The style the report judges by: the generator is moving to `#[non_exhaustive]` types.
    pub const CURRENT: TypeStyle = TypeStyle::NonExhaustive;

    pub const ALL: [TypeStyle; 2] = [TypeStyle::Exhaustive, TypeStyle::NonExhaustive];

    pub fn word(self) -> &'static str {
        match self {
            TypeStyle::Exhaustive => "exhaustive",
            TypeStyle::NonExhaustive => "non_exhaustive",
        }
    }
}

/// Every check, in table order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckId {
    ActionRemoved,
    ActionUnavailable,
    ResponseBodyChanged,
    RequestFieldRemoved,
    RequiredRequestFieldAdded,
    FieldBecameRequired,
    FieldBecameOptional,
    RequestTypeChanged,
    EnumValueRemoved,
    EnumClosed,
    EnumOpened,
    ConstraintAdded,
    ConstraintTightened,
    CommonParamRemoved,
    CommonParamBecameRequired,
    ResponseFieldRemoved,
    ResponseTypeChanged,
    ResponsePresenceChanged,
    ModelRemoved,
    ActionAdded,
    ActionAvailableAgain,
    OptionalRequestFieldAdded,
    RequestArrayBecameOptional,
    ConstraintLoosened,
    ConstraintRemoved,
    EnumValueAdded,
    CommonParamAdded,
    CommonParamBecameOptional,
    ResponseFieldAdded,
    ModelAdded,
    FieldDeprecated,
    SummaryChanged,
    DescriptionChanged,
    ExampleChanged,
    NoteChanged,
    DefaultChanged,
    RetryChanged,
    RequestBodyChanged,
    WireTypeChanged,
    ResponseConstraintChanged,
    ResponseArrayPresenceChanged,
    CommonParamRequiredWithDefault,
}

/// One row of the table.
pub struct Check {
    pub id: CheckId,
    /// The stable name used in reports, JSON and test directories.
    pub name: &'static str,
    pub exhaustive: Severity,
    pub non_exhaustive: Severity,
    pub title: &'static str,
    pub why: &'static str,
}

use Severity::{Additive as A, Breaking as B, Docs as D};

const fn c(
    id: CheckId,
    name: &'static str,
    exhaustive: Severity,
    non_exhaustive: Severity,
    title: &'static str,
    why: &'static str,
) -> Check {
    Check {
        id,
        name,
        exhaustive,
        non_exhaustive,
        title,
        why,
    }
}

/// The table, indexed by `CheckId as usize`.
#[rustfmt::skip]
pub const CHECKS: &[Check] = &[
    c(CheckId::ActionRemoved, "action-removed", B, B, "action removed",
      "the client method and the request and response types are gone"),
    c(CheckId::ActionUnavailable, "action-unavailable", B, B, "action marked unavailable",
      "production no longer serves it: the method is #[deprecated] (an error under -D warnings) and tools refuse to send it"),
    c(CheckId::ResponseBodyChanged, "response-body-changed", B, B, "response body kind changed",
      "the method returns a byte stream instead of a typed response, or the other way round"),
    c(CheckId::RequestFieldRemoved, "request-field-removed", B, B, "request field removed",
      "the field and its setter are gone; a rename shows as removed + added and is flagged as probable"),
    c(CheckId::RequiredRequestFieldAdded, "required-request-field-added", B, B, "required request field added",
      "every call must now set it; struct literals without it no longer compile"),
    c(CheckId::FieldBecameRequired, "field-became-required", B, B, "request field became required",
      "calls that leave it unset now fail; its Rust type goes from Option<T> to T unless it is an array"),
    c(CheckId::FieldBecameOptional, "field-became-optional", B, B, "request field became optional",
      "calls without it are now valid, but the public field's type goes from T to Option<T> (unless it is an array): code that assigns or reads the field no longer compiles; the setter is unchanged"),
    c(CheckId::RequestTypeChanged, "request-type-changed", B, B, "request field type changed",
      "the field's Rust type changes, so values of the old type no longer fit"),
    c(CheckId::EnumValueRemoved, "enum-value-removed", B, B, "enum value removed",
      "the variant is gone: code naming it no longer compiles, and a closed request enum can no longer send it"),
    c(CheckId::EnumClosed, "enum-closed", B, B, "request enum became closed",
      "values outside the list, accepted before, can no longer be sent"),
    c(CheckId::EnumOpened, "enum-opened", B, B, "request enum became open",
      "other values are accepted through a new catch-all variant that holds data: exhaustive matches break, and, even behind #[non_exhaustive], so do casts of its values to integers (`as isize`), which a fieldless enum allowed"),
    c(CheckId::ConstraintAdded, "constraint-added", B, B, "request constraint added",
      "values that were sent before now fail validation before sending"),
    c(CheckId::ConstraintTightened, "constraint-tightened", B, B, "request constraint tightened",
      "min, max, max_length or max_items is stricter: some values that were sent now fail validation"),
    c(CheckId::CommonParamRemoved, "common-param-removed", B, B, "common param removed",
      "the request's Region, Zone or ProjectId field and its setter are gone"),
    c(CheckId::CommonParamBecameRequired, "common-param-became-required", B, B, "common param became required",
      "calls fail validation unless the request or the client config gives it (ProjectId, which has no default; also when added as required)"),
    c(CheckId::ResponseFieldRemoved, "response-field-removed", B, B, "response field removed",
      "code reading the field no longer compiles; the member, if still sent, lands in unknown_fields"),
    c(CheckId::ResponseTypeChanged, "response-type-changed", B, B, "response field type changed",
      "the field's Rust type changes, so code reading it no longer compiles; widening breaks as surely as narrowing"),
    c(CheckId::ResponsePresenceChanged, "response-presence-changed", B, B, "response field presence changed",
      "a required response field is a plain T and an optional one an Option<T>: code reading it no longer compiles"),
    c(CheckId::ModelRemoved, "model-removed", B, B, "model removed",
      "the public struct in models:: is gone"),
    c(CheckId::ActionAdded, "action-added", A, A, "action added",
      "a new client method with its own request and response types"),
    c(CheckId::ActionAvailableAgain, "action-available-again", A, A, "action available again",
      "the method is no longer #[deprecated] and tools send it again"),
    c(CheckId::OptionalRequestFieldAdded, "optional-request-field-added", B, A, "optional request field added",
      "a new Option field and setter: breaks struct literals of exhaustive structs, additive behind #[non_exhaustive] and builders"),
    c(CheckId::RequestArrayBecameOptional, "request-array-became-optional", A, A, "request array became optional",
      "calls without it are now valid; an array is a Vec whether required or not, so no Rust code changes"),
    c(CheckId::ConstraintLoosened, "constraint-loosened", A, A, "request constraint loosened",
      "values that failed validation before are now sent"),
    c(CheckId::ConstraintRemoved, "constraint-removed", A, A, "request constraint removed",
      "the value is no longer checked against that bound"),
    c(CheckId::EnumValueAdded, "enum-value-added", B, A, "enum value added",
      "a new variant: breaks exhaustive matches, additive for #[non_exhaustive] enums"),
    c(CheckId::CommonParamAdded, "common-param-added", B, A, "common param added",
      "a new Option field filled from the client config: breaks struct literals of exhaustive structs"),
    c(CheckId::CommonParamBecameOptional, "common-param-became-optional", A, A, "common param became optional",
      "calls without it, which failed validation, are now sent"),
    c(CheckId::ResponseFieldAdded, "response-field-added", B, A, "response field added",
      "a new field (its member was kept in unknown_fields before): breaks struct literals and exhaustive destructuring of exhaustive structs"),
    c(CheckId::ModelAdded, "model-added", A, A, "model added",
      "a new public struct in models::"),
    c(CheckId::FieldDeprecated, "field-deprecated", A, A, "field deprecated",
      "uses now warn; nothing stops compiling unless warnings are denied"),
    c(CheckId::SummaryChanged, "summary-changed", D, D, "summary changed",
      "the method's doc comment changes"),
    c(CheckId::DescriptionChanged, "description-changed", D, D, "description changed",
      "a doc comment changes"),
    c(CheckId::ExampleChanged, "example-changed", D, D, "example changed",
      "a doc comment and the generated wire tests change"),
    c(CheckId::NoteChanged, "note-changed", D, D, "note or live evidence changed",
      "reviewers' notes and live-evidence sources: nothing in the Rust API"),
    c(CheckId::DefaultChanged, "default-changed", D, D, "documented default changed",
      "the server applies its default; the client only documents it"),
    c(CheckId::RetryChanged, "retry-changed", D, D, "retry rule changed",
      "which failures are retried changes; no signature does"),
    c(CheckId::RequestBodyChanged, "request-body-changed", D, D, "request body encoding changed",
      "form versus JSON is the runtime's business: no Rust signature changes, callers' code is untouched"),
    c(CheckId::WireTypeChanged, "wire-type-changed", D, D, "spec type respelled",
      "the spec's type changed but the Rust type did not (such as String with format: integer and Integer)"),
    c(CheckId::ResponseConstraintChanged, "response-constraint-changed", D, D, "response constraint changed",
      "responses are never rejected on constraint grounds; only docs change"),
    c(CheckId::ResponseArrayPresenceChanged, "response-array-presence-changed", D, D, "response array presence changed",
      "an array is a Vec whether required or not; only docs change"),
    c(CheckId::CommonParamRequiredWithDefault, "common-param-required-with-default", D, D, "common param required, with a default",
      "Region or Zone became required, but the client falls back to the service's default region or zone, so no call fails"),
];

impl CheckId {
    pub fn info(self) -> &'static Check {
        &CHECKS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn severity(self, style: TypeStyle) -> Severity {
        let c = self.info();
        match style {
            TypeStyle::Exhaustive => c.exhaustive,
            TypeStyle::NonExhaustive => c.non_exhaustive,
        }
    }

    pub fn by_name(name: &str) -> Option<CheckId> {
        CHECKS.iter().find(|c| c.name == name).map(|c| c.id)
    }
}

/// The table as Markdown, for `README.md` next to this file (a test keeps the two equal).
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| check id | exhaustive types | non_exhaustive types | title | why |\n|---|---|---|---|---|\n",
    );
    for c in CHECKS {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.name, c.exhaustive, c.non_exhaustive, c.title, c.why
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_indexed_by_id_and_names_are_unique() {
        for (i, c) in CHECKS.iter().enumerate() {
            assert_eq!(c.id as usize, i, "{} is out of place", c.name);
        }
        let mut names: Vec<_> = CHECKS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CHECKS.len());
        assert_eq!(
            CHECKS.last().map(|c| c.id),
            Some(CheckId::CommonParamRequiredWithDefault)
        );
    }
}
