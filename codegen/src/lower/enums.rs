//! The enums of one module: naming, member checks, and sharing between fields.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ir;
use crate::naming::{IdentKind, rust_name};
use crate::spec::{EnumSpec, FieldSpec};

pub struct EnumRegistry {
    /// Type names the module already uses.
    reserved: BTreeSet<String>,
    enums: BTreeMap<String, (ir::Enum, Loc)>,
}

impl EnumRegistry {
    pub fn new<'a>(reserved: impl IntoIterator<Item = &'a String>) -> Self {
        Self {
            reserved: reserved.into_iter().cloned().collect(),
            enums: BTreeMap::new(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&ir::Enum> {
        self.enums.get(name).map(|(e, _)| e)
    }

    pub fn into_enums(self) -> Vec<ir::Enum> {
        self.enums.into_values().map(|(e, _)| e).collect()
    }

    /// Adds the enum of field `f`, returning its type name.
    pub fn add(
        &mut self,
        f: &FieldSpec,
        e: &EnumSpec,
        closed: bool,
        d: &mut Diagnostics,
    ) -> Option<String> {
        let (source, loc) = match &e.name {
            Some(n) => (&n.value, n.loc.clone()),
            None => (&f.name.value, f.name.loc.clone()),
        };
        let Some(name) = rust_name(source, IdentKind::Type) else {
            d.push(
                Diagnostic::new(loc, format!("`{source}` cannot become an enum name"))
                    .label("not a type name")
                    .help("set `name:` under `enum:` to an UpperCamelCase name"),
            );
            return None;
        };
        if e.values.is_empty() {
            d.push(
                Diagnostic::new(
                    e.loc.clone(),
                    format!("the enum of `{}` has no values", f.name.value),
                )
                .label("empty enum")
                .help("list the values under `values:`, or remove `enum:`"),
            );
            return None;
        }
        let variants = variants(e, d)?;
        let other = if variants.iter().any(|v| v.ident == "Unknown") {
            "UnknownValue"
        } else {
            "Unknown"
        };
        let built = ir::Enum {
            name: name.clone(),
            description: f.description.clone(),
            closed,
            variants,
            other: other.to_owned(),
        };
        if self.reserved.contains(&name) {
            d.push(
                Diagnostic::new(
                    loc,
                    format!(
                        "the enum of `{}` would be named `{name}`, which this module already uses",
                        f.name.value
                    ),
                )
                .label(format!("becomes `{name}`"))
                .help("set `name:` under `enum:` to another name"),
            );
            return None;
        }
        match self.enums.get(&name) {
            Some((existing, _)) if same(existing, &built) => Some(name),
            Some((_, first)) => {
                d.push(
                    Diagnostic::new(loc, format!("two different enums would both be named `{name}`"))
                        .label("second enum")
                        .related(first.clone(), "first enum")
                        .help("give one of them another name with `name:` under `enum:`, or make their values the same"),
                );
                None
            }
            None => {
                self.enums.insert(name.clone(), (built, e.loc.clone()));
                Some(name)
            }
        }
    }
}

fn same(a: &ir::Enum, b: &ir::Enum) -> bool {
    a.closed == b.closed
        && a.variants.len() == b.variants.len()
        && a.variants
            .iter()
            .zip(&b.variants)
            .all(|(x, y)| x.wire == y.wire)
}

fn variants(e: &EnumSpec, d: &mut Diagnostics) -> Option<Vec<ir::Variant>> {
    let mut out: Vec<ir::Variant> = Vec::new();
    let mut locs: Vec<&Loc> = Vec::new();
    let mut ok = true;
    for v in &e.values {
        let wire = &v.value.value;
        if let Some(i) = out.iter().position(|x| &x.wire == wire) {
            d.push(
                Diagnostic::new(
                    v.value.loc.clone(),
                    format!("the enum value `{wire}` is listed twice"),
                )
                .label("second time")
                .related(locs[i].clone(), "first time")
                .help("remove one of them"),
            );
            ok = false;
            continue;
        }
        let Some(ident) = rust_name(wire, IdentKind::Variant) else {
            d.push(
                Diagnostic::new(
                    v.value.loc.clone(),
                    format!("the enum value `{wire}` cannot become a Rust name"),
                )
                .label("no letters or digits")
                .help("enum values need at least one ASCII letter or digit"),
            );
            ok = false;
            continue;
        };
        if let Some(i) = out.iter().position(|x| x.ident == ident) {
            d.push(
                Diagnostic::new(
                    v.value.loc.clone(),
                    format!(
                        "the enum values `{}` and `{wire}` both become `{ident}` in Rust",
                        out[i].wire
                    ),
                )
                .label(format!("becomes `{ident}`"))
                .related(locs[i].clone(), format!("also becomes `{ident}`"))
                .help("enum values must stay distinct after case conversion"),
            );
            ok = false;
            continue;
        }
        out.push(ir::Variant {
            wire: wire.clone(),
            ident,
            description: v.description.clone(),
        });
        locs.push(&v.value.loc);
    }
    ok.then_some(out)
}
