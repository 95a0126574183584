//! Table cells: splitting a row, and cleaning markdown out of what a cell says.

/// Splits a markdown table row into cells. `\|` stays inside its cell; the outer pipes are
/// optional.
pub fn split_row(line: &str) -> Vec<String> {
    let line = line.trim();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push_str("\\|");
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells.push(cell);
    if line.starts_with('|') && !cells.is_empty() {
        cells.remove(0);
    }
    if line.ends_with('|') && !line.ends_with("\\|") && !cells.is_empty() {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// `|---|:---:|`: the line under a table's header.
pub fn is_separator(cells: &[String]) -> bool {
    cells.iter().any(|c| !c.is_empty())
        && cells.iter().all(|c| {
            let c = c.trim().trim_start_matches(':').trim_end_matches(':');
            c.is_empty() || c.chars().all(|ch| ch == '-')
        })
}

/// Removes markdown escapes: `\~` is `~`, `\|` is `|`.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

/// A short cell such as a name, a type or a required flag: no bold, no backticks, no escapes.
pub fn clean_word(cell: &str) -> String {
    let text = unescape(&replace_breaks(cell, " "));
    let text = text.replace("**", "").replace("__", "").replace('`', "");
    collapse(&text)
}

/// A description: `<br>` becomes a space, bold and backticks go, relative links keep only
/// their text, and runs of spaces collapse.
pub fn clean_text(cell: &str) -> String {
    collapse(&clean_text_with_ticks(cell).replace('`', ""))
}

/// [`clean_text`] that keeps backticks, which mark values.
pub fn clean_text_with_ticks(cell: &str) -> String {
    collapse(&clean_lines_with_ticks(cell))
}

/// [`clean_text_with_ticks`] that keeps each `<br>` as a line break, for the constraint
/// readers: a list item ends where its line does, so text after a list (`默认：System`) does
/// not stick to the last member.
pub fn clean_lines_with_ticks(cell: &str) -> String {
    let text = replace_breaks(cell, "\n").replace("**", "");
    let text = decode_entities(&text);
    let text = relative_links_to_text(&text);
    unescape(&text)
        .lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// An example cell: backticks and surrounding quotes of a whole-cell code span go.
pub fn clean_example(cell: &str) -> Option<String> {
    let text = clean_word(cell);
    let text = text.trim();
    if text.is_empty() || matches!(text, "—" | "-" | "–" | "无" | "N/A" | "n/a" | "/") {
        return None;
    }
    Some(text.to_owned())
}

/// `<br>`, `<br />` and the like become `with`; tabs become spaces.
fn replace_breaks(text: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let lower: String = tail
            .chars()
            .take(8)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<br") {
            match tail.find('>') {
                Some(end) => {
                    out.push_str(with);
                    rest = &tail[end + 1..];
                }
                None => {
                    out.push_str(with);
                    rest = "";
                }
            }
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out.replace('\t', " ")
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// `[text](target)` keeps only `text` unless the target is an absolute URL, which rustdoc
/// can show; the docs' relative links point into a site we do not ship.
fn relative_links_to_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let Some(close) = tail.find("](") else {
            out.push('[');
            rest = &tail[1..];
            continue;
        };
        let Some(end) = tail[close..].find(')') else {
            out.push('[');
            rest = &tail[1..];
            continue;
        };
        let label = &tail[1..close];
        let target = &tail[close + 2..close + end];
        if label.contains('[') || label.contains('\n') {
            out.push('[');
            rest = &tail[1..];
            continue;
        }
        if target.starts_with("http://") || target.starts_with("https://") {
            out.push_str(&tail[..close + end + 1]);
        } else {
            out.push_str(label.trim_matches('*'));
        }
        rest = &tail[close + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Trims and turns every run of whitespace into one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_rows_with_escaped_pipes() {
        assert_eq!(
            split_row("| **Name** | string | a \\| b |No|"),
            ["**Name**", "string", "a \\| b", "No"]
        );
        assert_eq!(split_row("a|b"), ["a", "b"]);
        assert!(is_separator(&split_row("|:---|:----:|---|")));
        assert!(!is_separator(&split_row("| a | --- |")));
    }

    #[test]
    fn cleans_cells() {
        assert_eq!(clean_word("**Yes**"), "Yes");
        assert_eq!(clean_text("范围 1\\~8<br />默认 `2`"), "范围 1~8 默认 2");
        assert_eq!(
            clean_text("见[磁盘类型](api/uhost-api/disk_type)。[列表](https://x.cn/a)"),
            "见磁盘类型。[列表](https://x.cn/a)"
        );
        assert_eq!(clean_example("`cn-wlcb`").as_deref(), Some("cn-wlcb"));
        assert_eq!(clean_example("—"), None);
        assert_eq!(
            clean_lines_with_ticks("枚举值<br />- `A` 甲<br /><br /> 默认：A "),
            "枚举值\n- `A` 甲\n默认：A"
        );
    }
}
