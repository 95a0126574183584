//! Response examples as pages hold them: a JSON code block, or (in the plain text) the JSON
//! that follows the 响应示例 marker, its indentation stripped with the markdown.

/// The text of a code block, when it is a JSON object.
pub fn json_object(text: &str) -> Option<String> {
    let trimmed = text.trim();
    match serde_json::from_str::<serde_json::Value>(trimmed) {
        Ok(serde_json::Value::Object(_)) => Some(dedent(trimmed)),
        _ => None,
    }
}

/// The response example of a page whose example is not in a code block (the plain text): the
/// first JSON object after the last `响应示例` marker, and the line it starts on.
pub fn loose_response_example(text: &str) -> Option<(String, usize)> {
    let markers = ["响应示例", "返回示例", "Response Example"];
    let at = markers.iter().filter_map(|m| text.rfind(m)).max()?;
    let rest = &text[at..];
    let start = rest.find('{')?;
    let mut values =
        serde_json::Deserializer::from_str(&rest[start..]).into_iter::<serde_json::Value>();
    match values.next() {
        Some(Ok(serde_json::Value::Object(_))) => {
            let end = start + values.byte_offset();
            let line = text[..at + start].matches('\n').count() + 1;
            Some((reindent(&dedent(rest[start..end].trim())), line))
        }
        _ => None,
    }
}

/// Removes the indentation every line after the first shares (code blocks indented in lists).
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let closing = lines.last().map_or(0, |l| l.len() - l.trim_start().len());
    let cut = indent.min(closing);
    let mut out: Vec<String> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let l = l.trim_end();
        if i == 0 || l.len() < cut || !l.is_char_boundary(cut) {
            out.push(l.to_owned());
        } else {
            out.push(l[cut..].to_owned());
        }
    }
    out.join("\n")
}

/// Indents JSON whose indentation was stripped with the markdown (the plain-text rendering),
/// by bracket depth, keeping the key order and line breaks as written.
fn reindent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() < 3 || lines.iter().skip(1).any(|l| l.starts_with([' ', '\t'])) {
        return text.to_owned();
    }
    let mut depth = 0usize;
    let mut out = Vec::new();
    for line in lines {
        let line = line.trim();
        let closes = line.starts_with(['}', ']']);
        let indent = depth.saturating_sub(usize::from(closes));
        out.push(format!("{}{line}", "  ".repeat(indent)));
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '{' | '[' if !in_string => depth += 1,
                '}' | ']' if !in_string => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reindents_flat_json() {
        assert_eq!(
            reindent("{\n\"A\": [\n{\"B\": \"}\"}\n]\n}"),
            "{\n  \"A\": [\n    {\"B\": \"}\"}\n  ]\n}"
        );
    }
}
