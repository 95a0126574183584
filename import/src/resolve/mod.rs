//! Gives every row of a page a spec type. Nested request params become models named like the
//! reference does (`<Action>Param<X>`), model and element tables are bound to the fields that
//! use them, and a field the page leaves open (`Array of Object`) keeps the model the existing
//! spec names.
//!
//! Binding a vague field to a table goes from sure to less sure: a table named after the
//! field, a table its description mentions, then (with a warning) the next table no field
//! uses, as in ucloud-style pages where `UHostSet | array` is described by `## CompShareInstanceSet`.

use serde_json::Value;

use crate::doc::{Doc, ParamRow, Warnings};
use crate::extract::constraints::Found;
use codegen::spec::{SCALAR_TYPES, TypeExpr};

use crate::page::types::{PageType, model_name};
use crate::specs::{Owner, Specs};
use nesting::Node;

mod examples;
mod infer;
pub mod nesting;
mod settle;
mod tables;

/// A row with its spec type decided.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    /// `None` keeps the spec's type: the page gives none we can use.
    pub ty: Option<TypeExpr>,
    pub required: Option<bool>,
    pub description: String,
    pub example: Option<String>,
    pub found: Found,
    pub line: usize,
    /// Read from the response example, not from a table: a reviewer should confirm it.
    pub from_example: bool,
    /// The type is what the page says, not a stand-in for a type a spec cannot express.
    pub stated: bool,
}

#[derive(Clone, Debug)]
pub struct ModelPlan {
    pub name: String,
    pub description: String,
    pub fields: Vec<Field>,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Resolved {
    pub request: Vec<Field>,
    pub response: Vec<Field>,
    pub models: Vec<ModelPlan>,
}

pub fn resolve(
    doc: &Doc,
    action: &str,
    specs: &Specs,
    warnings: &mut Warnings,
    conflicts: &mut Warnings,
) -> Resolved {
    let mut r = Resolver {
        doc,
        specs,
        json: doc
            .response_example
            .as_deref()
            .and_then(|j| serde_json::from_str(j).ok()),
        used: vec![None; doc.tables.len()],
        sources: Vec::new(),
        pending: Vec::new(),
        out: Resolved::default(),
        warnings: Vec::new(),
        conflicts: Vec::new(),
        fell_back: false,
        depth: 0,
        computing: Vec::new(),
    };
    r.out.request = r.fields(
        &doc.request,
        &Owner::Request(action.into()),
        None,
        Place::Request,
    );
    r.out.response = r.fields(
        &doc.response,
        &Owner::Response(action.into()),
        None,
        Place::Response,
    );
    r.settle();
    r.leftover_tables();
    examples::add_missing(&mut r.out, doc, action, specs, &mut r.warnings);
    warnings.append(&mut r.warnings);
    conflicts.append(&mut r.conflicts);
    r.out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Request,
    Response,
    Model(usize),
}

/// A vague field waiting for the tables no field claims.
struct Pending {
    place: Place,
    index: usize,
    row: ParamRow,
    owner: Owner,
    owner_table: Option<usize>,
    array: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Source {
    Table(usize),
    Made,
}

struct Resolver<'a> {
    doc: &'a Doc,
    specs: &'a Specs,
    json: Option<Value>,
    /// The model each table was first written as.
    used: Vec<Option<String>>,
    sources: Vec<Source>,
    pending: Vec<Pending>,
    out: Resolved,
    warnings: Warnings,
    conflicts: Warnings,
    /// The last row's type was a stand-in (`String` for a map or an unknown word).
    fell_back: bool,
    depth: usize,
    /// Models whose fields are being read, innermost last.
    computing: Vec<usize>,
}

impl Resolver<'_> {
    fn fields(
        &mut self,
        rows: &[ParamRow],
        owner: &Owner,
        owner_table: Option<usize>,
        place: Place,
    ) -> Vec<Field> {
        self.fields_at(rows, owner, owner_table, place, 0)
    }

    /// Fields that will sit at `base..` in their place.
    fn fields_at(
        &mut self,
        rows: &[ParamRow],
        owner: &Owner,
        owner_table: Option<usize>,
        place: Place,
        base: usize,
    ) -> Vec<Field> {
        let nodes = nesting::group(rows, &mut self.warnings);
        let mut out = Vec::new();
        for node in &nodes {
            let field = self.node(node, owner, owner_table, place, base + out.len());
            out.push(field);
        }
        out
    }

    fn node(
        &mut self,
        node: &Node<'_>,
        owner: &Owner,
        owner_table: Option<usize>,
        place: Place,
        index: usize,
    ) -> Field {
        let existing = self.specs.field_type(owner, &node.name);
        let mut field = Field {
            name: node.name.clone(),
            ty: None,
            required: node.row.and_then(|r| r.required),
            description: node.row.map(|r| r.description.clone()).unwrap_or_default(),
            example: node.row.and_then(|r| r.example.clone()),
            found: node.row.map(|r| r.found.clone()).unwrap_or_default(),
            line: node.line,
            from_example: node.row.is_some_and(|r| r.from_example),
            stated: false,
        };
        if !node.children.is_empty() {
            let name = match existing.as_ref().and_then(TypeExpr::model) {
                Some(m) => m.to_owned(),
                None => self.nested_name(owner, &node.name),
            };
            if let Some(row) = node.row
                && matches!(row.ty, PageType::Scalar(_))
            {
                self.warn(
                    row.line,
                    format!(
                        "`{}` has sub-rows, so it is a model, not a scalar",
                        node.name
                    ),
                );
            }
            let array = node.array || node.row.is_some_and(|r| r.ty.is_array());
            self.made_model(&name, node.line, |r, idx| {
                r.fields_of_nodes(&node.children, &Owner::Model(name.clone()), idx)
            });
            field.ty = Some(TypeExpr::Model(name).array_of(array));
            return field;
        }
        let Some(row) = node.row else {
            return field;
        };
        let mut ty = row.ty.clone();
        if node.array && !ty.is_array() {
            ty = PageType::Array(Box::new(ty));
        }
        let (element, array) = match ty {
            PageType::Array(inner) => (*inner, true),
            PageType::AnyArray => (PageType::Object, true),
            other => (other, false),
        };
        self.fell_back = false;
        field.ty = match element {
            PageType::Scalar(s) => Some(s.array_of(array)),
            PageType::Model(m) => {
                Some(TypeExpr::Model(self.named(&m, existing.as_ref(), row, owner)).array_of(array))
            }
            PageType::Array(_) | PageType::AnyArray => {
                self.warn(
                    row.line,
                    format!("`{}` is an array of arrays, which cannot be sent; kept the spec's type or wrote `Array of String`", row.name),
                );
                self.fell_back = true;
                existing.is_none().then(|| TypeExpr::String.array_of(true))
            }
            PageType::Object
                if self.table_named(&row.name).is_none() && is_map_text(&row.description) =>
            {
                self.map_field(row, existing.as_ref(), array)
            }
            PageType::Map => self.map_field(row, existing.as_ref(), array),
            PageType::Unknown(word) => {
                let why = format!("`{}`: unknown type word `{word}`", row.name);
                self.string_instead(row, existing.as_ref(), array, why)
            }
            PageType::Object => {
                let vague_array = array || matches!(row.ty, PageType::AnyArray);
                match self.bind_vague(row, existing.as_ref(), owner, owner_table) {
                    Some(name) => Some(TypeExpr::Model(name).array_of(vague_array)),
                    None => {
                        self.pending.push(Pending {
                            place,
                            index,
                            row: row.clone(),
                            owner: owner.clone(),
                            owner_table,
                            array: vague_array,
                        });
                        None
                    }
                }
            }
        };
        field.stated = field.ty.is_some() && !self.fell_back;
        field
    }

    /// A map from data keys to values: no model can list its fields.
    fn map_field(
        &mut self,
        row: &ParamRow,
        existing: Option<&TypeExpr>,
        array: bool,
    ) -> Option<TypeExpr> {
        let why = format!(
            "`{}` is a map with data as keys, which a spec cannot describe",
            row.name
        );
        self.string_instead(row, existing, array, why)
    }

    /// A type the spec cannot say: keep the spec's, or write `String`, and say which.
    fn string_instead(
        &mut self,
        row: &ParamRow,
        existing: Option<&TypeExpr>,
        array: bool,
        why: String,
    ) -> Option<TypeExpr> {
        let string = TypeExpr::String.array_of(array);
        let instead = match existing {
            Some(_) => "kept the spec's type".to_owned(),
            None => format!("wrote `{string}`"),
        };
        self.warn(row.line, format!("{why}; {instead}"));
        self.fell_back = true;
        existing.is_none().then_some(string)
    }

    fn fields_of_nodes(&mut self, nodes: &[Node<'_>], owner: &Owner, idx: usize) -> Vec<Field> {
        let mut out = Vec::new();
        for node in nodes {
            let field = self.node(node, owner, None, Place::Model(idx), out.len());
            out.push(field);
        }
        out
    }

    /// `<Action>Param<X>` for request params, `<Owner><X>` below that.
    fn nested_name(&self, owner: &Owner, field: &str) -> String {
        let field = model_name(field).unwrap_or_else(|| "Item".into());
        match owner {
            Owner::Request(a) => format!("{a}Param{field}"),
            Owner::Response(a) => format!("{a}{field}"),
            Owner::Model(m) => format!("{m}{field}"),
        }
    }

    fn planned(&self, name: &str) -> bool {
        self.out.models.iter().any(|m| m.name == name)
    }

    fn warn(&mut self, line: usize, message: String) {
        self.warnings.push((line, message));
    }

    fn conflict(&mut self, line: usize, message: String) {
        self.conflicts.push((line, message));
    }
}

/// A request param's model is `<Action>Param<Field>`, as the reference names them; other
/// models take the field's name when no model of that name exists yet, else
/// `<Owner><Field>`.
pub fn element_name(field: &str, owner: &Owner, specs: &Specs, planned: &[ModelPlan]) -> String {
    let base = model_name(field).unwrap_or_else(|| "Item".into());
    if let Owner::Request(action) = owner {
        return format!("{action}Param{base}");
    }
    let taken = SCALAR_TYPES.contains(&base.as_str())
        || specs.has_model(&base)
        || planned.iter().any(|m| m.name == base);
    if taken {
        format!("{}{base}", model_name(owner.name()).unwrap_or_default())
    } else {
        base
    }
}

/// A description that says the object maps keys to values.
fn is_map_text(text: &str) -> bool {
    ["键值对", "映射", "key-value", "key/value"]
        .iter()
        .any(|w| text.contains(w))
}
