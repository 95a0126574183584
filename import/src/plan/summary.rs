//! The summary a reviewer reads in a minute: totals first, then one compact block per action
//! that changed, then the conflicts to settle and what was held back.

use std::fmt;

use super::ImportPlan;
use super::diff::Change;
use super::report::{ActionReport, FileReport, Status};

/// A plan, shown as its summary.
pub struct Summary<'p>(pub &'p ImportPlan);

#[derive(Default)]
struct Totals {
    added: usize,
    removed: usize,
    retyped: usize,
    required: usize,
    constraints_added: usize,
    constraints_lost: usize,
    constraints_changed: usize,
    from_example: usize,
}

impl Totals {
    fn count(&mut self, c: &Change) {
        match c {
            Change::Added { from_example, .. } => {
                self.added += 1;
                self.from_example += usize::from(*from_example);
            }
            Change::Removed { .. } => self.removed += 1,
            Change::Retyped { .. } => self.retyped += 1,
            Change::Required { .. } => self.required += 1,
            Change::EnumAdded { values, .. } => self.constraints_added += values.len(),
            Change::EnumLost { values, .. } => self.constraints_lost += values.len(),
            Change::Constraint { old, new, .. } => match (old, new) {
                (None, Some(_)) => self.constraints_added += 1,
                (Some(_), None) => self.constraints_lost += 1,
                _ => self.constraints_changed += 1,
            },
            Change::Confirmed { .. }
            | Change::Other { .. }
            | Change::Own { .. }
            | Change::Reordered { .. } => {}
        }
    }

    fn file(&mut self, f: &FileReport) {
        match f.status {
            Status::New => {
                self.added += f.rows;
                self.from_example += f.from_example;
                self.constraints_added += f.constraints;
            }
            _ => f.changes.iter().for_each(|c| self.count(c)),
        }
    }
}

fn counts<'a>(files: impl Iterator<Item = &'a FileReport>) -> [usize; 3] {
    let mut n = [0; 3];
    for f in files {
        n[match f.status {
            Status::New => 0,
            Status::Changed => 1,
            Status::Unchanged => 2,
        }] += 1;
    }
    n
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plan = self.0;
        let mut totals = Totals::default();
        for a in &plan.actions {
            totals.file(&a.file);
            a.models.iter().for_each(|m| totals.file(m));
        }
        let pages: usize = plan.actions.iter().map(|a| a.pages.len()).sum();
        writeln!(f, "import summary")?;
        write!(f, "  pages: {pages} imported")?;
        if !plan.skipped.is_empty() {
            write!(f, ", {} skipped (not action pages)", plan.skipped.len())?;
        }
        writeln!(f)?;
        let [new, changed, same] = counts(plan.actions.iter().map(|a| &a.file));
        writeln!(
            f,
            "  actions: {new} new, {changed} changed, {same} unchanged"
        )?;
        let [new, changed, same] = counts(plan.actions.iter().flat_map(|a| &a.models));
        writeln!(
            f,
            "  models: {new} new, {changed} changed, {same} unchanged"
        )?;
        writeln!(
            f,
            "  fields: {} added, {} removed, {} retyped, {} required flipped",
            totals.added, totals.removed, totals.retyped, totals.required
        )?;
        writeln!(
            f,
            "  constraints: {} added, {} lost, {} changed",
            totals.constraints_added, totals.constraints_lost, totals.constraints_changed
        )?;
        writeln!(
            f,
            "  rows inferred from response examples: {} (marked from_example: true; confirm them)",
            totals.from_example
        )?;
        writeln!(f, "  conflicts: {}", plan.conflicts.len())?;
        if !plan.held_back.is_empty() {
            writeln!(
                f,
                "  held back: {} (codegen's check fails on them; their files were left as they were)",
                plan.held_back.len()
            )?;
        }
        writeln!(f, "  warnings: {} (on stderr)", plan.warnings.len())?;
        let changed: Vec<&ActionReport> = plan.actions.iter().filter(|a| a.changed()).collect();
        if !changed.is_empty() {
            writeln!(f)?;
        }
        for a in changed {
            action(f, a, plan)?;
        }
        if !plan.skipped.is_empty() {
            writeln!(f, "skipped (not action pages):")?;
            for s in &plan.skipped {
                writeln!(f, "  {}: {}", s.path, s.why)?;
            }
        }
        if !plan.conflicts.is_empty() {
            writeln!(
                f,
                "conflicts (the import went on with the choice named; settle them):"
            )?;
            for c in &plan.conflicts {
                writeln!(f, "  {c}")?;
            }
        }
        for h in &plan.held_back {
            writeln!(
                f,
                "held back {}: left {} as they were",
                h.action,
                h.files.join(", ")
            )?;
            for r in &h.reasons {
                writeln!(f, "  {r}")?;
            }
        }
        Ok(())
    }
}

fn action(f: &mut fmt::Formatter<'_>, a: &ActionReport, plan: &ImportPlan) -> fmt::Result {
    let warnings = plan
        .warnings
        .iter()
        .filter(|w| a.pages.contains(&w.path))
        .count();
    let conflicts = plan
        .conflicts
        .iter()
        .filter(|c| a.pages.contains(&c.path))
        .count();
    write!(f, "{} {} ({}", a.file.status, a.action, a.file.path)?;
    if a.pages.len() > 1 {
        write!(f, ", from {} pages", a.pages.len())?;
    }
    for (n, what) in [(warnings, "warning"), (conflicts, "conflict")] {
        if n > 0 {
            write!(f, ", {}", plural(n, what))?;
        }
    }
    write!(f, ")")?;
    if a.file.status == Status::New {
        write!(f, ": {}", new_file(&a.file))?;
        if let Some(note) = &a.retryable {
            write!(f, "; {note}")?;
        }
    }
    writeln!(f)?;
    changes(f, &a.file.changes, "  ")?;
    for m in a.models.iter().filter(|m| m.status != Status::Unchanged) {
        write!(f, "  {} model {} ({})", m.status, m.name, m.path)?;
        if m.status == Status::New {
            write!(f, ": {}", new_file(m))?;
        }
        writeln!(f)?;
        changes(f, &m.changes, "    ")?;
    }
    Ok(())
}

fn new_file(r: &FileReport) -> String {
    let mut out = plural(r.rows, "row");
    if r.from_example > 0 {
        out.push_str(&format!(" ({} from the response example)", r.from_example));
    }
    out.push_str(&format!(", {}", plural(r.constraints, "constraint")));
    out
}

fn plural(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

/// One line per change that matters; rows from the response example on one line; the rest
/// (descriptions, examples, …) one line per key.
fn changes(f: &mut fmt::Formatter<'_>, list: &[Change], indent: &str) -> fmt::Result {
    let mut minor: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut from_example: Vec<String> = Vec::new();
    for c in list {
        match c {
            Change::Added {
                field,
                ty,
                from_example: true,
            } => from_example.push(format!("{field}: {ty}")),
            Change::Other { field, keys } => {
                for k in keys {
                    match minor.iter_mut().find(|(key, _)| key == k) {
                        Some((_, fields)) => fields.push(field),
                        None => minor.push((k, vec![field])),
                    }
                }
            }
            other => writeln!(f, "{indent}{other}")?,
        }
    }
    if !from_example.is_empty() {
        let names: Vec<&str> = from_example.iter().map(String::as_str).collect();
        writeln!(
            f,
            "{indent}+ {} from the response example (confirm them): {}",
            plural(names.len(), "row"),
            shorten(&names, 8)
        )?;
    }
    for (key, fields) in minor {
        writeln!(f, "{indent}~ {key}: {}", shorten(&fields, 6))?;
    }
    Ok(())
}

/// The first `n` names, and how many more.
fn shorten(names: &[&str], n: usize) -> String {
    let mut out = names.iter().take(n).copied().collect::<Vec<_>>().join(", ");
    if names.len() > n {
        out.push_str(&format!(" and {} more", names.len() - n));
    }
    out
}
