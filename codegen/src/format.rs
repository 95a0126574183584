//! Printing generated token streams as formatted Rust.

use proc_macro2::TokenStream;

/// Formats a whole file with prettyplease and adds the preamble.
pub fn rust(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generated code does not parse: {e}"))?;
    // rustfmt would reformat prettyplease's output; generated files are formatted here only.
    Ok(format!(
        "{}\n#![cfg_attr(rustfmt, rustfmt::skip)]\n{}",
        crate::PREAMBLE,
        spaced(&prettyplease::unparse(&file))
    ))
}

/// Puts a blank line between items, which prettyplease leaves out, so that generated files
/// read like hand-written ones. Generated code has no multi-line literals, so every line that
/// starts an item after a closing brace is an item boundary.
fn spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut prev = "";
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let closes =
            prev.trim_start() == "}" || prev.ends_with(';') && !prev.trim_start().starts_with("//");
        let prev_indent = prev.len() - prev.trim_start().len();
        let starts_item = ["///", "#[", "pub ", "impl", "fn ", "const ", "mod ", "use "]
            .iter()
            .any(|p| trimmed.starts_with(p));
        if closes
            && starts_item
            && indent == prev_indent
            && !(prev.starts_with("use ") && trimmed.starts_with("use "))
        {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        prev = line;
    }
    out
}
