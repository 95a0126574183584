//! Printing results: pretty JSON with exactly the members the server sent, or a table; either after
//! an optional JMESPath `--query`.

use std::io::Write;

use clap::ArgMatches;
use serde_json::Value;

use crate::fail::Failure;

/// The most columns a table shows; `--query` picks others.
const MAX_COLUMNS: usize = 8;
/// The most characters a cell shows.
const MAX_CELL: usize = 40;

/// How results are printed.
pub struct Output {
    table: bool,
    query: Option<jmespath::Expression<'static>>,
}

impl Output {
    /// The output the flags ask for; a query that does not parse is a usage error.
    pub fn from_flags(matches: &ArgMatches) -> Result<Self, Failure> {
        let table = matches
            .try_get_one::<String>("output")
            .ok()
            .flatten()
            .map(String::as_str)
            == Some("table");
        let query = match matches.try_get_one::<String>("query").ok().flatten() {
            Some(text) => Some(
                jmespath::compile(text)
                    .map_err(|e| Failure::Usage(format!("--query is not valid JMESPath: {e}")))?,
            ),
            None => None,
        };
        Ok(Self { table, query })
    }

    /// Whether results must be seen whole before printing (a query or a table).
    pub fn needs_whole(&self) -> bool {
        self.table || self.query.is_some()
    }

    /// Prints `value`; `items` names the list a table shows when no query picked one.
    pub fn print(&self, value: &Value, items: Option<&str>) -> Result<(), Failure> {
        let selected;
        let value = match &self.query {
            Some(expr) => match expr.search(value) {
                Ok(found) => {
                    selected = serde_json::to_value(&*found)
                        .map_err(|e| Failure::Other(format!("--query: {e}")))?;
                    &selected
                }
                // The request was sent: its answer (such as a new instance's id) must not be
                // lost, and exit 2 would claim that nothing was sent.
                Err(e) => {
                    let mut text =
                        serde_json::to_string_pretty(value).expect("JSON values serialize");
                    text.push('\n');
                    write_stdout(text.as_bytes())?;
                    return Err(Failure::Other(format!(
                        "--query could not be evaluated on the answer, printed whole above: {e}"
                    )));
                }
            },
            None => value,
        };
        let text = if self.table {
            let rows = match (value, items, self.query.is_some()) {
                (Value::Object(o), Some(items), false) => o.get(items).unwrap_or(value),
                _ => value,
            };
            table(rows)
        } else {
            let mut text = serde_json::to_string_pretty(value).expect("JSON values serialize");
            text.push('\n');
            text
        };
        write_stdout(text.as_bytes())
    }
}

/// Writes to stdout; a closed pipe (`| head`) ends quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Other(format!("cannot write to stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// A list of objects as rows under their scalar members; an object as name/value rows;
/// anything else as JSON.
fn table(value: &Value) -> String {
    let (header, rows): (Vec<String>, Vec<Vec<String>>) = match value {
        Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
            let mut columns: Vec<&str> = Vec::new();
            for item in items {
                for (key, v) in item.as_object().into_iter().flatten() {
                    if is_scalar(v) && !columns.contains(&key.as_str()) {
                        columns.push(key);
                    }
                }
            }
            // Ids, names and states first: what a reader scans a list for.
            columns.sort_by_key(|c| rank(c));
            columns.truncate(MAX_COLUMNS);
            let rows = items
                .iter()
                .map(|item| columns.iter().map(|c| cell(item.get(*c))).collect())
                .collect();
            (columns.iter().map(|c| c.to_string()).collect(), rows)
        }
        Value::Array(items) => (
            vec!["Value".to_owned()],
            items.iter().map(|v| vec![cell(Some(v))]).collect(),
        ),
        Value::Object(members) => (
            vec!["Name".to_owned(), "Value".to_owned()],
            members
                .iter()
                .map(|(k, v)| vec![k.clone(), cell(Some(v))])
                .collect(),
        ),
        other => return format!("{}\n", cell(Some(other))),
    };
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - width(c))))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn rank(column: &str) -> u8 {
    if column.ends_with("Id") {
        0
    } else if column.ends_with("Name") {
        1
    } else if column == "State" || column == "Status" {
        2
    } else {
        3
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn cell(v: Option<&Value>) -> String {
    let text = match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let text = text.replace(['\n', '\t'], " ");
    if text.chars().count() > MAX_CELL {
        let cut: String = text.chars().take(MAX_CELL - 1).collect();
        format!("{cut}…")
    } else {
        text
    }
}

/// Columns a terminal gives the text: two for CJK characters.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{ffdc}').contains(&c) && c > '\u{2e7f}' {
                2
            } else {
                1
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_of_objects_become_rows_under_their_scalar_members() {
        let t = table(&json!([
            {"Id": "a", "Size": 10, "Tags": ["x"]},
            {"Id": "bbbb", "Name": "名字", "Size": 200},
        ]));
        assert_eq!(t, "Id    Name  Size\na           10\nbbbb  名字  200\n");
    }

    #[test]
    fn objects_become_name_value_rows() {
        let t = table(&json!({"TotalCount": 3, "Note": null}));
        assert_eq!(t, "Name        Value\nNote\nTotalCount  3\n");
    }
}
