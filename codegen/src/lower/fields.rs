//! Lowering one table row: its Rust names, type, constraints and example.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ir::{self, Check, Num, Presence, Ty};
use crate::naming::{IdentKind, rust_name};
use crate::spec::{BoundKind, FieldSpec, Format, SCALAR_TYPES, TypeExpr};
use crate::suggest::did_you_mean;

use super::enums::EnumRegistry;
use super::examples;
use super::graph::ModelGraph;

/// A model-shaped example, typed once every model is lowered.
pub struct PendingExample {
    pub side: Side,
    pub field: String,
    pub node: crate::yaml::Node,
    pub loc: Loc,
}

/// Which way a field travels; decides whether enums may be closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// Lowers the fields of one action or model, sharing its module's enum names.
pub struct FieldCtx<'g> {
    graph: &'g ModelGraph,
    /// The model whose fields these are, for boxing fields on a cycle.
    owner: Option<String>,
    enums: EnumRegistry,
    pending: Vec<PendingExample>,
}

impl<'g> FieldCtx<'g> {
    pub fn new<'a>(
        graph: &'g ModelGraph,
        owner: Option<String>,
        reserved: impl IntoIterator<Item = &'a String>,
    ) -> Self {
        Self {
            graph,
            owner,
            enums: EnumRegistry::new(reserved),
            pending: Vec::new(),
        }
    }

    /// The module's enums, and the model-shaped examples still to type.
    pub fn into_parts(self) -> (Vec<ir::Enum>, Vec<PendingExample>) {
        (self.enums.into_enums(), self.pending)
    }

    pub fn field(&mut self, f: &FieldSpec, side: Side, d: &mut Diagnostics) -> Option<ir::Field> {
        let wire = &f.name.value;
        let Some(ident) = rust_name(wire, IdentKind::Field).filter(|_| is_wire_name(wire)) else {
            d.push(
                Diagnostic::new(f.name.loc.clone(), format!("`{wire}` cannot become a Rust name"))
                    .label("not a field name")
                    .help("field names are the API's names: ASCII letters, digits and `_`, not starting with a digit"),
            );
            return None;
        };
        let setter = rust_name(wire, IdentKind::Setter)?;
        let expr = self.type_expr(f, d)?;
        let ty = self.ty(f, &expr, side, d)?;
        let (min, max) = self.range(f, &ty, d);
        let mut checks: Vec<Check> = min
            .map(Check::Min)
            .into_iter()
            .chain(max.map(Check::Max))
            .collect();
        if let Some(m) = f.bound(BoundKind::MaxLength) {
            if matches!(ty.element(), Ty::Str | Ty::Enum { .. }) {
                checks.push(Check::MaxLength(m.value.number() as u64));
            } else {
                wrong_constraint(d, &m.loc, "max_length", "String", &f.ty.value);
            }
        }
        if let Some(m) = f.bound(BoundKind::MaxItems) {
            if matches!(ty, Ty::List(_)) {
                checks.push(Check::MaxItems(m.value.number() as u64));
            } else {
                wrong_constraint(d, &m.loc, "max_items", "Array", &f.ty.value);
            }
        }
        let mut field = ir::Field {
            wire: wire.clone(),
            ident,
            setter,
            description: f.description.clone(),
            presence: if f.required {
                Presence::Required
            } else {
                Presence::Optional
            },
            ty,
            text_format: f.format.is_some(),
            checks,
            default: None,
            example: None,
            deprecated: f.deprecated.clone(),
            sensitive: f.sensitive,
        };
        let enums = |name: &str| self.enums.get(name).cloned();
        if let Some(default) = &f.default
            && examples::scalar(&default.value, &field, &enums, "default", &default.loc, d)
                .is_some()
        {
            field.default = Some(default.value.clone());
        }
        if let Some(node) = &f.example {
            if matches!(field.ty.element(), Ty::Model { .. }) {
                self.pending.push(PendingExample {
                    side,
                    field: field.wire.clone(),
                    node: node.value.clone(),
                    loc: node.loc.clone(),
                });
            } else {
                field.example = examples::lower(&node.value, &field, &enums, &node.loc, d);
            }
        }
        Some(field)
    }

    fn type_expr(&self, f: &FieldSpec, d: &mut Diagnostics) -> Option<TypeExpr> {
        let expr = &f.ty.value;
        let text = expr.to_string();
        let known = || SCALAR_TYPES.iter().copied().chain(self.graph.names());
        if let TypeExpr::Array(inner) = expr
            && inner.is_array()
        {
            d.push(
                    Diagnostic::new(f.ty.loc.clone(), "arrays of arrays are not supported")
                        .label("nested array")
                        .help("the form encoding has no way to send them; use `Array of <Model>` with an array field"),
                );
            return None;
        }
        if let Some(model) = expr.model()
            && !self.graph.contains(model)
        {
            // A model file that could not be read has its own diagnostic already.
            if !self.graph.is_unreadable(model) {
                let help = suggestion(model, &text, known()).unwrap_or_else(|| {
                    format!(
                        "add `models/{model}.yaml` with `model: {model}`, or use String, Integer, Boolean or Float"
                    )
                });
                d.push(
                    Diagnostic::new(f.ty.loc.clone(), format!("unknown type `{text}`"))
                        .label("no scalar type or model has this name")
                        .help(help),
                );
            }
            return None;
        }
        Some(expr.clone())
    }

    fn ty(
        &mut self,
        f: &FieldSpec,
        expr: &TypeExpr,
        side: Side,
        d: &mut Diagnostics,
    ) -> Option<Ty> {
        let scalar = match (expr.element(), &f.format) {
            (TypeExpr::String, Some(format)) => {
                if f.enumeration.is_some() {
                    d.push(
                        Diagnostic::new(
                            format.loc.clone(),
                            "a field cannot have both `format` and `enum`",
                        )
                        .label("format")
                        .help("remove one of them"),
                    );
                    return None;
                }
                match format.value {
                    Format::Integer => Ty::Int,
                    Format::Bool => Ty::Bool,
                }
            }
            (_, Some(format)) => {
                wrong_constraint(d, &format.loc, "format", "String", &f.ty.value);
                return None;
            }
            (TypeExpr::String, None) => match &f.enumeration {
                Some(e) => {
                    let closed = e.closed && side == Side::Request && self.owner_is_request_only();
                    let name = self.enums.add(f, e, closed, d)?;
                    Ty::Enum { name, closed }
                }
                None => Ty::Str,
            },
            (other, None) if f.enumeration.is_some() => {
                let e = f
                    .enumeration
                    .as_ref()
                    .map(|e| e.loc.clone())
                    .unwrap_or(f.loc.clone());
                let _ = other;
                wrong_constraint(d, &e, "enum", "String", &f.ty.value);
                return None;
            }
            (TypeExpr::Integer, None) => Ty::Int,
            (TypeExpr::Float, None) => Ty::Float,
            (TypeExpr::Boolean, None) => Ty::Bool,
            (TypeExpr::Model(name), None) => {
                let (type_name, module) = self.graph.rust_names(name)?;
                let boxed = !expr.is_array()
                    && self
                        .owner
                        .as_deref()
                        .is_some_and(|o| self.graph.on_cycle(o, name));
                if boxed && f.required {
                    d.push(
                        Diagnostic::new(f.ty.loc.clone(), format!(
                            "models form a cycle ({}), and this required field makes every `{}` contain another forever",
                            self.graph.cycle_text(self.owner.as_deref().unwrap_or_default(), name),
                            self.owner.as_deref().unwrap_or_default(),
                        ))
                        .label("required field on a cycle")
                        .help("make the field optional (`required: false`) or an array"),
                    );
                    return None;
                }
                Ty::Model {
                    name: type_name,
                    module,
                    boxed,
                }
            }
            (TypeExpr::Array(_), None) => unreachable!("element() never returns an array"),
        };
        Some(if expr.is_array() {
            Ty::List(Box::new(scalar))
        } else {
            scalar
        })
    }

    fn owner_is_request_only(&self) -> bool {
        match &self.owner {
            None => true,
            Some(model) => !self.graph.in_response(model),
        }
    }

    fn range(&self, f: &FieldSpec, ty: &Ty, d: &mut Diagnostics) -> (Option<Num>, Option<Num>) {
        let mut bound = |kind: BoundKind| -> Option<Num> {
            let b = f.bound(kind)?;
            let key = kind.key();
            let value = b.value.number();
            match ty.element() {
                Ty::Int if value.fract() == 0.0 && value.abs() < 9.0e15 => {
                    Some(Num::Int(value as i64))
                }
                Ty::Int => {
                    d.push(
                        Diagnostic::new(
                            b.loc.clone(),
                            format!("`{key}` of an Integer field must be a whole number"),
                        )
                        .label("not a whole number")
                        .help("write an integer"),
                    );
                    None
                }
                Ty::Float => Some(Num::Float(value)),
                _ => {
                    wrong_constraint(d, &b.loc, key, "Integer or Float", &f.ty.value);
                    None
                }
            }
        };
        let min = bound(BoundKind::Min);
        let max = bound(BoundKind::Max);
        if let (Some(lo), Some(hi), Some(min_at)) = (min, max, f.bound(BoundKind::Min))
            && lo.as_f64() > hi.as_f64()
        {
            let max_loc = f
                .bound(BoundKind::Max)
                .map(|m| m.loc.clone())
                .unwrap_or(min_at.loc.clone());
            d.push(
                Diagnostic::new(
                    min_at.loc.clone(),
                    format!("`min` ({lo}) is greater than `max` ({hi})"),
                )
                .label("min")
                .related(max_loc, "max")
                .help("swap them, or fix the one that is wrong"),
            );
            return (None, None);
        }
        (min, max)
    }
}

/// A wire name: ASCII letters, digits and `_`, not starting with a digit.
fn is_wire_name(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

fn suggestion<'a>(bad: &str, whole: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    let s = did_you_mean(bad, known)?;
    Some(format!("did you mean `{}`?", whole.replacen(bad, s, 1)))
}

fn wrong_constraint(d: &mut Diagnostics, loc: &Loc, key: &str, allowed: &str, ty: &TypeExpr) {
    d.push(
        Diagnostic::new(
            loc.clone(),
            format!("`{key}` does not apply to a field of type `{ty}`"),
        )
        .label(format!("only for {allowed} fields"))
        .help(format!("remove `{key}`, or fix the field's type")),
    );
}

/// A common param as a request field.
pub fn common_field(name: &str, presence: Presence, service: &[FieldSpec]) -> ir::Field {
    let spec = service.iter().find(|f| f.name.value == name);
    let example = spec
        .and_then(|s| s.example.as_ref())
        .and_then(|e| match &e.value.kind {
            crate::yaml::NodeKind::Scalar { text, .. } => Some(ir::Example::Str(text.clone())),
            _ => None,
        });
    ir::Field {
        wire: name.to_owned(),
        ident: rust_name(name, IdentKind::Field).unwrap_or_default(),
        setter: rust_name(name, IdentKind::Setter).unwrap_or_default(),
        description: spec.map(|s| s.description.clone()).unwrap_or_default(),
        presence,
        ty: Ty::Str,
        text_format: false,
        checks: Vec::new(),
        default: None,
        example,
        deprecated: None,
        sensitive: false,
    }
}

/// Reports wire names given twice, and Rust names that collide after case conversion.
pub fn check_names(fields: &[(ir::Field, Loc)], with_setters: bool, d: &mut Diagnostics) {
    let mut wire: BTreeMap<&str, &Loc> = BTreeMap::new();
    let mut idents: BTreeMap<String, Loc> = BTreeMap::new();
    let mut setters: BTreeMap<String, Loc> = BTreeMap::new();
    for (f, loc) in fields {
        if let Some(first) = wire.get(f.wire.as_str()) {
            d.push(
                Diagnostic::new(
                    loc.clone(),
                    format!("the field `{}` is listed twice", f.wire),
                )
                .label("second time")
                .related((*first).clone(), "first time")
                .help("remove one of the rows"),
            );
            continue;
        }
        wire.insert(&f.wire, loc);
        if super::claim(&mut idents, &f.ident, loc, d) && with_setters {
            super::claim(&mut setters, &f.setter, loc, d);
        }
    }
}
