//! Vague fields no table describes: the spec's model, a guessed table, the page's example,
//! or an empty model.

use super::infer;
use super::*;

impl Resolver<'_> {
    /// A model for an object the page gives no fields for: read from an example, or empty.
    /// Rows read from the response example (not from the row's own example cell) are marked
    /// as such.
    pub(super) fn made_from_example(&mut self, name: &str, row: &ParamRow, owner: &Owner) {
        let cell = || -> Option<Value> { serde_json::from_str(row.example.as_deref()?).ok() };
        let (example, from_response) = match (&row.json, cell()) {
            (Some(json), _) => (Some(json.clone()), row.from_example),
            (None, Some(cell)) => (Some(cell), false),
            (None, None) => (
                self.json
                    .as_ref()
                    .and_then(|j| infer::find(j, &row.name))
                    .cloned(),
                true,
            ),
        };
        let map = example
            .as_ref()
            .and_then(infer::object_of)
            .filter(|m| !m.is_empty());
        let Some(map) = map else {
            self.warn(
                row.line,
                format!(
                    "`{}`: the page lists no fields for this object and shows no example of it; wrote the model `{name}` with no fields",
                    row.name
                ),
            );
            self.made_model(name, row.line, |_, _| Vec::new());
            return;
        };
        let rows = infer::rows(&map, row.line, from_response);
        let listed: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        self.warn(
            row.line,
            format!(
                "`{}` ({}): the page lists no fields for this object; read them from its example: {}",
                row.name,
                owner.name(),
                listed.join(", ")
            ),
        );
        self.made_model(name, row.line, |r, idx| {
            r.fields(
                &rows,
                &Owner::Model(name.to_owned()),
                None,
                Place::Model(idx),
            )
        });
    }

    /// Vague fields no sure table matched: the spec's model, a guessed table, an example, or
    /// a plain array of strings.
    pub(super) fn settle(&mut self) {
        while !self.pending.is_empty() {
            for p in std::mem::take(&mut self.pending) {
                let existing = self.specs.field_type(&p.owner, &p.row.name);
                if let Some(e) = &existing {
                    if e.model().is_none() {
                        self.warn(
                            p.row.line,
                            format!(
                                "`{}`: the page says it is an object but lists no fields; kept the spec's `{e}`",
                                p.row.name
                            ),
                        );
                    }
                    continue; // the spec's type stays
                }
                let ty = self.settle_one(&p);
                if let Some(field) = self.field_mut(p.place, p.index) {
                    field.ty = Some(ty);
                }
            }
        }
    }

    pub(super) fn settle_one(&mut self, p: &Pending) -> TypeExpr {
        let free = (0..self.doc.tables.len()).find(|&t| {
            self.used[t].is_none() && !self.doc.tables[t].element && Some(t) != p.owner_table
        });
        if let Some(t) = free
            && let Some(name) = model_name(&self.doc.tables[t].key)
        {
            self.warn(
                p.row.line,
                format!(
                    "`{}`: no table is named after it or mentioned by it; guessed it is `{name}`, the next table no field uses",
                    p.row.name
                ),
            );
            self.table_model(&name, t);
            return TypeExpr::Model(name).array_of(p.array);
        }
        let is_any_array = matches!(p.row.ty, PageType::AnyArray) && p.row.json.is_none();
        let has_example = p.row.json.is_some()
            || p.row
                .example
                .as_deref()
                .is_some_and(|e| e.starts_with(['{', '[']))
            || self
                .json
                .as_ref()
                .is_some_and(|j| infer::find(j, &p.row.name).is_some());
        if is_any_array && !has_example {
            self.warn(
                p.row.line,
                format!(
                    "`{}`: an array with nothing said of its elements; wrote `Array of String`",
                    p.row.name
                ),
            );
            return TypeExpr::String.array_of(true);
        }
        let name = self.element_name(&p.row.name, &p.owner);
        self.made_from_example(&name, &p.row, &p.owner);
        TypeExpr::Model(name).array_of(p.array)
    }

    pub(super) fn field_mut(&mut self, place: Place, index: usize) -> Option<&mut Field> {
        match place {
            Place::Request => self.out.request.get_mut(index),
            Place::Response => self.out.response.get_mut(index),
            Place::Model(m) => self.out.models.get_mut(m)?.fields.get_mut(index),
        }
    }
}
