//! Binding fields to the page's model and element tables, and planning the models.

use super::*;

impl Resolver<'_> {
    /// A model the page names explicitly. The spec's name wins when the page's is new to the
    /// specs: the model is the same, only the docs call it differently.
    pub(super) fn named(
        &mut self,
        m: &str,
        existing: Option<&TypeExpr>,
        row: &ParamRow,
        owner: &Owner,
    ) -> String {
        let target = match existing.and_then(TypeExpr::model) {
            Some(e) if e != m && !self.specs.has_model(m) => {
                self.conflict(
                    row.line,
                    format!(
                        "`{}`: the page calls its model `{m}`, the spec `{e}`; kept `{e}`",
                        row.name
                    ),
                );
                e.to_owned()
            }
            _ => m.to_owned(),
        };
        if let Some(t) = self.table_named(m) {
            self.table_model(&target, t);
        } else if !self.specs.has_model(&target) && !self.planned(&target) {
            self.made_from_example(&target, row, owner);
        }
        target
    }

    /// A table for a field the page types only as object or array, if one is sure.
    pub(super) fn bind_vague(
        &mut self,
        row: &ParamRow,
        existing: Option<&TypeExpr>,
        owner: &Owner,
        owner_table: Option<usize>,
    ) -> Option<String> {
        let spec_model = existing.and_then(TypeExpr::model);
        let t = self
            .table_named(&row.name)
            .or_else(|| spec_model.and_then(|m| self.table_named(m)))
            .filter(|t| Some(*t) != owner_table)
            .or_else(|| self.table_mentioned(&row.description, owner_table))?;
        let name = self.table_target(t, &row.name, existing, owner);
        self.table_model(&name, t);
        Some(name)
    }

    /// The model a table becomes for a field: the spec's, the name the table already got, the
    /// table's own name, or one made from the field's.
    pub(super) fn table_target(
        &self,
        t: usize,
        field: &str,
        existing: Option<&TypeExpr>,
        owner: &Owner,
    ) -> String {
        if let Some(e) = existing.and_then(TypeExpr::model) {
            return e.to_owned();
        }
        if let Some(name) = &self.used[t] {
            return name.clone();
        }
        let table = &self.doc.tables[t];
        if !table.element
            && let Some(name) = model_name(&table.key)
        {
            return name;
        }
        self.element_name(field, owner)
    }

    /// The name of a new model for a field; see [`element_name`].
    pub(super) fn element_name(&self, field: &str, owner: &Owner) -> String {
        element_name(field, owner, self.specs, &self.out.models)
    }

    pub(super) fn table_named(&self, key: &str) -> Option<usize> {
        let tables = &self.doc.tables;
        tables
            .iter()
            .position(|t| t.key == key)
            .or_else(|| tables.iter().position(|t| t.key.eq_ignore_ascii_case(key)))
    }

    pub(super) fn table_mentioned(&self, text: &str, not: Option<usize>) -> Option<usize> {
        self.doc
            .tables
            .iter()
            .enumerate()
            .find(|(i, t)| Some(*i) != not && mentions(text, &t.key))
            .map(|(i, _)| i)
    }

    /// Plans `name` from table `t`, once.
    pub(super) fn table_model(&mut self, name: &str, t: usize) {
        let doc = self.doc;
        let table = &doc.tables[t];
        if let Some(i) = self.out.models.iter().position(|m| m.name == name) {
            if self.sources[i] != Source::Table(t) && self.used[t].is_none() {
                self.used[t] = Some(name.to_owned());
                if self.computing.contains(&i) {
                    self.warn(
                        table.line,
                        format!("this table describes `{name}` from inside it; ignored it"),
                    );
                } else {
                    self.merge_table(i, t);
                }
            }
            return;
        }
        if self.used[t].is_none() {
            self.used[t] = Some(name.to_owned());
        }
        self.push_model(
            name,
            &table.description,
            table.line,
            Source::Table(t),
            |r, idx| {
                r.fields(
                    &table.rows,
                    &Owner::Model(name.to_owned()),
                    Some(t),
                    Place::Model(idx),
                )
            },
        );
    }

    /// A second table for the same model (two fields the spec types alike): its rows the
    /// first table lacks are added.
    pub(super) fn merge_table(&mut self, i: usize, t: usize) {
        let doc = self.doc;
        let table = &doc.tables[t];
        let name = self.out.models[i].name.clone();
        let known: Vec<String> = self.out.models[i]
            .fields
            .iter()
            .map(|f| f.name.clone())
            .collect();
        let rows: Vec<ParamRow> = table
            .rows
            .iter()
            .filter(|r| {
                !known
                    .iter()
                    .any(|k| r.name == *k || r.name.starts_with(&format!("{k}.")))
            })
            .cloned()
            .collect();
        self.warn(
            table.line,
            format!(
                "this table and the one on line {} both describe `{name}`; added {} of its rows to it",
                self.out.models[i].line,
                rows.len()
            ),
        );
        let base = self.out.models[i].fields.len();
        let more = self.fields_at(&rows, &Owner::Model(name), Some(t), Place::Model(i), base);
        self.out.models[i].fields.extend(more);
    }

    pub(super) fn made_model(
        &mut self,
        name: &str,
        line: usize,
        fields: impl FnOnce(&mut Self, usize) -> Vec<Field>,
    ) {
        if self.planned(name) {
            self.warn(
                line,
                format!("the model `{name}` is described twice; used the first"),
            );
            return;
        }
        self.push_model(name, "", line, Source::Made, fields);
    }

    pub(super) fn push_model(
        &mut self,
        name: &str,
        description: &str,
        line: usize,
        source: Source,
        fields: impl FnOnce(&mut Self, usize) -> Vec<Field>,
    ) {
        let idx = self.out.models.len();
        self.out.models.push(ModelPlan {
            name: name.to_owned(),
            description: description.to_owned(),
            fields: Vec::new(),
            line,
        });
        self.sources.push(source);
        self.depth += 1;
        self.computing.push(idx);
        let fields = if self.depth > 16 {
            self.warn(
                line,
                format!("models nest too deep at `{name}`; wrote it with no fields"),
            );
            Vec::new()
        } else {
            fields(self, idx)
        };
        self.depth -= 1;
        self.computing.pop();
        self.out.models[idx].fields = fields;
    }

    /// Tables no field uses are reported, not written: a model nothing refers to would only
    /// be guessed at.
    pub(super) fn leftover_tables(&mut self) {
        let doc = self.doc;
        for (t, table) in doc.tables.iter().enumerate() {
            if self.used[t].is_some() {
                continue;
            }
            let what = if table.element { "field" } else { "model" };
            self.warn(
                table.line,
                format!(
                    "no field uses the {what} `{}` this table describes; ignored it",
                    table.key
                ),
            );
        }
    }
}

/// Whether `text` names `key` as a word of its own (`详情见UHostDiskSet` does).
fn mentions(text: &str, key: &str) -> bool {
    if key.is_empty() {
        return false;
    }
    text.match_indices(key).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + key.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::mentions;

    #[test]
    fn mentions_whole_words() {
        assert!(mentions("详情见UHostDiskSet", "UHostDiskSet"));
        assert!(mentions("结构同 PriceDetails）", "PriceDetails"));
        assert!(!mentions("详情见：WithoutGpuSpecInfo", "WithoutGpuSpec"));
    }
}
