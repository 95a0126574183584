//! Dotted row names as a tree: `Disks.N.Size` is the field `Size` of the elements of the array
//! `Disks`, `Softwares.Framework` a field of the object `Softwares`, `UHostIds.N` an array.

use crate::doc::{ParamRow, Warnings};

#[derive(Debug)]
pub struct Node<'r> {
    pub name: String,
    /// `.N` followed the name somewhere.
    pub array: bool,
    /// The row naming exactly this path, if there is one.
    pub row: Option<&'r ParamRow>,
    pub children: Vec<Node<'r>>,
    pub line: usize,
}

/// Groups rows by their dotted names, in the order names first appear. Rows whose names cannot
/// be field names are skipped with a warning.
pub fn group<'r>(rows: &'r [ParamRow], warnings: &mut Warnings) -> Vec<Node<'r>> {
    let mut roots: Vec<Node<'r>> = Vec::new();
    for row in rows {
        let Some(path) = parse(&row.name) else {
            warnings.push((
                row.line,
                format!(
                    "`{}` cannot be a field name (ASCII letters, digits and `_`, with `.N` for arrays); skipped the row",
                    row.name
                ),
            ));
            continue;
        };
        let mut level = &mut roots;
        let last = path.len() - 1;
        for (i, (name, array)) in path.into_iter().enumerate() {
            let at = match level.iter().position(|n| n.name == name) {
                Some(at) => at,
                None => {
                    level.push(Node {
                        name,
                        array: false,
                        row: None,
                        children: Vec::new(),
                        line: row.line,
                    });
                    level.len() - 1
                }
            };
            let node = &mut level[at];
            node.array |= array;
            if i == last {
                if node.row.is_some() {
                    warnings.push((
                        row.line,
                        format!("`{}` is listed twice; used the first row", row.name),
                    ));
                } else {
                    node.row = Some(row);
                }
            }
            level = &mut node.children;
        }
    }
    roots
}

/// `Disks.N.Size` as `[("Disks", true), ("Size", false)]`.
fn parse(name: &str) -> Option<Vec<(String, bool)>> {
    let mut path: Vec<(String, bool)> = Vec::new();
    for segment in name.split('.') {
        let segment = segment.trim();
        let is_index = segment == "N"
            || segment == "n"
            || segment == "[N]"
            || segment == "*"
            || (!segment.is_empty() && segment.chars().all(|c| c.is_ascii_digit()));
        if is_index {
            let last = path.last_mut()?;
            if last.1 {
                return None; // arrays of arrays cannot be sent
            }
            last.1 = true;
        } else if is_identifier(segment) {
            path.push((segment.to_owned(), false));
        } else {
            return None;
        }
    }
    (!path.is_empty()).then_some(path)
}

pub fn is_identifier(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::types::PageType;

    fn row(name: &str) -> ParamRow {
        ParamRow::new(1, name, PageType::Object)
    }

    #[test]
    fn groups_dotted_names() {
        let rows: Vec<ParamRow> = [
            "Disks.N.IsBoot",
            "Name",
            "Disks.N.Size",
            "UHostIds.N",
            "Softwares.Application.N",
            "bad name",
        ]
        .map(row)
        .into();
        let mut warnings = Vec::new();
        let nodes = group(&rows, &mut warnings);
        let names: Vec<(&str, bool, usize)> = nodes
            .iter()
            .map(|n| (n.name.as_str(), n.array, n.children.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("Disks", true, 2),
                ("Name", false, 0),
                ("UHostIds", true, 0),
                ("Softwares", false, 1)
            ]
        );
        assert!(nodes[3].children[0].array);
        assert_eq!(warnings.len(), 1);
    }
}
