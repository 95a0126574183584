//! The Markdown report: a marker line for CI, a summary, breaking and additive rows as tables,
//! docs-only rows folded away.

use std::fmt::Write as _;

use super::change::{Change, Side};
use super::checks::{Severity, TypeStyle};
use super::{MARKER, Report, SideInfo};

pub fn render(report: &Report, link_base: &str) -> String {
    let mut out = format!(
        "{MARKER}\n## API changes: {} → {}\n\n",
        side(&report.base),
        side(&report.head)
    );
    let _ = writeln!(out, "**{}**\n", report.summary());
    let _ = writeln!(
        out,
        "Judged with {} generated types (`TypeStyle::CURRENT`); under {} types {} of these rows would be breaking.\n",
        TypeStyle::CURRENT.word(),
        other_style().word(),
        report.breaking_under(other_style())
    );
    if report.changes.is_empty() {
        out.push_str("No API changes.\n");
        return out;
    }
    for (severity, title) in [
        (Severity::Breaking, "Breaking"),
        (Severity::Additive, "Additive"),
    ] {
        let rows: Vec<&Change> = report
            .changes
            .iter()
            .filter(|c| c.severity() == severity)
            .collect();
        if !rows.is_empty() {
            let _ = writeln!(out, "### {title} ({})\n", rows.len());
            table(&mut out, &rows, link_base);
            out.push('\n');
        }
    }
    let docs: Vec<&Change> = report
        .changes
        .iter()
        .filter(|c| c.severity() == Severity::Docs)
        .collect();
    if !docs.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} docs-only change{}</summary>\n",
            docs.len(),
            if docs.len() == 1 { "" } else { "s" }
        );
        table(&mut out, &docs, link_base);
        out.push_str("\n</details>\n");
    }
    out
}

fn other_style() -> TypeStyle {
    match TypeStyle::CURRENT {
        TypeStyle::Exhaustive => TypeStyle::NonExhaustive,
        TypeStyle::NonExhaustive => TypeStyle::Exhaustive,
    }
}

fn side(s: &SideInfo) -> String {
    let mut text = format!("`{}`", s.label);
    if let Some(v) = &s.version {
        let _ = write!(text, " ({v})");
    }
    text
}

fn table(out: &mut String, rows: &[&Change], link_base: &str) {
    out.push_str("| check | action | field | before → after | effect on the Rust API | spec |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for c in rows {
        let subject = if c.is_model {
            let mut uses: Vec<String> =
                c.used_by.iter().take(3).map(|u| format!("`{u}`")).collect();
            if c.used_by.len() > 3 {
                uses.push(format!("and {} more", c.used_by.len() - 3));
            }
            if uses.is_empty() {
                format!("model `{}` (unused)", c.subject)
            } else {
                format!("model `{}`, used by {}", c.subject, uses.join(", "))
            }
        } else {
            format!("`{}`", c.subject)
        };
        let path = if c.path.is_empty() {
            String::new()
        } else {
            format!("`{}`", c.path)
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} → {} | {} | {} |",
            c.check.name(),
            subject,
            path,
            value(&c.before),
            value(&c.after),
            cell(&effect(c)),
            place(c, link_base),
        );
    }
}

/// The effect, with why it is additive (or breaking) when that depends on the style.
pub fn effect(c: &Change) -> String {
    let info = c.check.info();
    if info.exhaustive == info.non_exhaustive {
        return c.effect.clone();
    }
    format!(
        "{} ({} because generated types are {})",
        c.effect,
        c.severity().word(),
        TypeStyle::CURRENT.word()
    )
}

fn value(text: &str) -> String {
    if text.is_empty() {
        return "—".into();
    }
    let short: String = text.chars().take(60).collect();
    let short = if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    };
    format!("`{}`", cell(&short).replace('`', "'"))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn place(c: &Change, link_base: &str) -> String {
    match &c.at {
        None => String::new(),
        Some(p) if p.side == Side::Base => format!("`{}:{}` (base)", p.file, p.line),
        Some(p) => format!(
            "[{}:{}]({}/{}/{}#L{})",
            p.file,
            p.line,
            link_base.trim_end_matches('/'),
            crate::SPEC_DIR,
            p.file,
            p.line
        ),
    }
}
