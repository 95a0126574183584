//! Reading a parameter table's rows into [`ParamRow`]s.

use crate::doc::{ParamRow, Warnings};
use crate::extract::constraints;
use crate::page::Table;
use crate::page::cells::{clean_example, clean_lines_with_ticks, clean_text, clean_word};
use crate::page::columns::{self, Columns};
use crate::page::types;

/// The rows of a parameter table, or `None` when the table is not one (no name or type
/// column, such as a quota table).
pub fn read(table: &Table, warnings: &mut Warnings) -> Option<Vec<ParamRow>> {
    let cols = Columns::find(&table.header)?;
    let width = table.header.len();
    let mut out = Vec::new();
    for row in &table.rows {
        let cells = fit(&row.cells, width, cols, row.line, warnings);
        let name = clean_word(&cells[cols.name]);
        if name.is_empty() {
            if cells.iter().any(|c| !c.trim().is_empty()) {
                warnings.push((row.line, "a row without a name; skipped it".into()));
            }
            continue;
        }
        let ty = types::parse(&cells[cols.ty]);
        let required = cols.required.and_then(|i| {
            let cell = &cells[i];
            let value = columns::required(cell);
            if value.is_none() && !clean_word(cell).is_empty() {
                warnings.push((
                    row.line,
                    format!(
                        "`{name}`: cannot read `{}` as required or not; left it unstated",
                        clean_word(cell)
                    ),
                ));
            }
            value
        });
        let raw_description = cols.description.map_or("", |i| cells[i].as_str());
        let mut found = constraints::extract(&clean_lines_with_ticks(raw_description));
        for w in std::mem::take(&mut found.warnings) {
            warnings.push((row.line, format!("`{name}`: {w}")));
        }
        out.push(ParamRow {
            line: row.line,
            name,
            ty,
            required,
            description: clean_text(raw_description),
            example: cols.example.and_then(|i| clean_example(&cells[i])),
            found,
            json: None,
            from_example: false,
        });
    }
    Some(out)
}

/// Cells padded or joined to the header's width. An unescaped `|` in a description makes a
/// row too wide; the extra cells are read back into the description.
fn fit(
    cells: &[String],
    width: usize,
    cols: Columns,
    line: usize,
    warnings: &mut Warnings,
) -> Vec<String> {
    let mut cells = cells.to_vec();
    if cells.len() > width {
        let extra = cells.len() - width;
        match cols.description {
            Some(d) if d < cells.len() => {
                let joined = cells[d..=d + extra].join("|");
                cells.splice(d..=d + extra, [joined]);
                warnings.push((
                    line,
                    format!(
                        "the row has {} cells but the header {width}; read the extra `|` as part of the description",
                        width + extra
                    ),
                ));
            }
            _ => {
                warnings.push((
                    line,
                    format!(
                        "the row has {} cells but the header {width}; ignored the extra cells",
                        cells.len()
                    ),
                ));
                cells.truncate(width);
            }
        }
    } else if cells.len() < width && !(cells.len() == 1 && cells[0].is_empty()) {
        warnings.push((
            line,
            format!(
                "the row has {} cells but the header {width}; read the missing ones as empty",
                cells.len()
            ),
        ));
    }
    cells.resize(width.max(1), String::new());
    cells
}
