//! Reads a page into a [`Doc`]: which tables are request, response, model and element tables,
//! the title, the intro, and the response example.
//!
//! Sections are found by what their headings say, so the three markdown formats and the
//! seed's plain text (whose headings are bare lines) go through the same walk.

pub mod constraints;
mod rows;
mod sections;
mod title;

use codegen::spec::keys::{CLIENT_PARAMS, COMMON_PARAMS, ENVELOPE_FIELDS};

use crate::doc::{Doc, NamedTable, ParamRow};
use crate::page::cells::{clean_text, clean_word};
use crate::page::example::json_object;
use crate::page::{self, Block};

use sections::Role;

/// What a page's blocks say. `fallback_title` is the title when no heading or line gives one
/// (Markdown's front matter).
pub fn read(blocks: &[Block], fallback_title: Option<String>) -> Doc {
    let plain = !blocks.iter().any(|b| matches!(b, Block::Heading { .. }));
    let mut w = Walk {
        doc: Doc::default(),
        stack: Vec::new(),
        title: None,
        label: None,
        intro: Vec::new(),
        intro_done: false,
        action_row: None,
        since_heading: Vec::new(),
        message: None,
        bad_example: false,
    };
    for block in blocks {
        w.block(block, plain);
    }
    w.finish(fallback_title)
}

struct Walk {
    doc: Doc,
    /// Open headings: level and role.
    stack: Vec<(usize, Role)>,
    title: Option<(usize, String)>,
    /// A prose line right above the next table, which may name it.
    label: Option<String>,
    intro: Vec<String>,
    intro_done: bool,
    /// The `Action` row's example, a second opinion on the action name.
    action_row: Option<String>,
    /// Prose since the last heading: a model table's description.
    since_heading: Vec<String>,
    /// The envelope-like `Message` row and where it stood; see [`Walk::finish`].
    message: Option<(usize, ParamRow)>,
    /// A response example code block was not JSON; said once.
    bad_example: bool,
}

impl Walk {
    fn block(&mut self, block: &Block, plain: bool) {
        match block {
            Block::Heading { line, level, text } => self.heading(*line, *level, text),
            Block::Text { line, text } => {
                if plain && self.title.is_none() {
                    self.title = Some((*line, text.clone()));
                } else if let Some(role) = plain.then(|| sections::plain_title(text)).flatten() {
                    self.push(2, role);
                } else if let Some(role) = bold_title(text) {
                    // `**响应参数**` standing in for a heading: below every real one.
                    self.push(7, role);
                } else {
                    self.prose(text);
                }
            }
            Block::Blank => {
                if !self.intro.is_empty() {
                    self.intro_done = true;
                }
            }
            Block::Table(table) => {
                let role = match self.label.take().and_then(|l| sections::label_role(&l)) {
                    Some(role) => role,
                    None => self.role(),
                };
                self.intro_done |= !self.intro.is_empty();
                self.table(table, role);
            }
            Block::Code { line, text } => {
                self.label = None;
                self.intro_done |= !self.intro.is_empty();
                if self.role() == Role::ResponseExample && self.doc.response_example.is_none() {
                    self.doc.response_example = json_object(text);
                    let blank = text.len() - text.trim_start().len();
                    self.doc.response_example_line = line + 1 + text[..blank].matches('\n').count();
                    if self.doc.response_example.is_none() && !self.bad_example {
                        self.bad_example = true;
                        self.doc.warnings.push((
                            *line,
                            "the response example is not a JSON object; wrote none".into(),
                        ));
                    }
                }
            }
        }
    }

    fn heading(&mut self, line: usize, level: usize, text: &str) {
        self.label = None;
        self.intro_done |= !self.intro.is_empty();
        if self.title.is_none() {
            self.title = Some((line, text.to_owned()));
            self.stack.push((level, Role::Intro));
            return;
        }
        self.push(level, sections::heading_role(text));
    }

    fn push(&mut self, level: usize, role: Role) {
        self.label = None;
        self.since_heading.clear();
        while self.stack.last().is_some_and(|(l, _)| *l >= level) {
            self.stack.pop();
        }
        self.stack.push((level, role));
    }

    /// The role of the innermost heading that has one. 公共参数 counts as request rows only
    /// under 请求参数.
    fn role(&self) -> Role {
        for (i, (_, role)) in self.stack.iter().enumerate().rev() {
            match role {
                Role::Other | Role::Models => continue,
                Role::Common => {
                    let under_request = self.stack[..i].iter().any(|(_, r)| *r == Role::Request);
                    return if under_request {
                        Role::Request
                    } else {
                        Role::Common
                    };
                }
                other => return other.clone(),
            }
        }
        Role::Other
    }

    fn prose(&mut self, text: &str) {
        self.label = Some(text.to_owned());
        if sections::label_role(text).is_none() && !text.starts_with('>') {
            self.since_heading.push(text.to_owned());
        }
        if self.role() == Role::Intro && !self.intro_done {
            let line = text.trim_start_matches(['>', ' ']);
            if !line.is_empty() {
                self.intro.push(line.to_owned());
            }
        } else if !self.intro.is_empty() {
            self.intro_done = true;
        }
    }

    fn table(&mut self, table: &page::Table, role: Role) {
        if !matches!(
            role,
            Role::Request | Role::Response | Role::Model(_) | Role::Element(_) | Role::Common
        ) {
            return;
        }
        let Some(rows) = rows::read(table, &mut self.doc.warnings) else {
            return; // not a parameter table
        };
        match role {
            Role::Request => {
                self.doc.has_request = true;
                for row in rows {
                    self.request_row(row);
                }
            }
            Role::Response => {
                self.doc.has_response = true;
                for row in rows {
                    if row.name == "Message" && is_envelope(&row) {
                        self.message = Some((self.doc.response.len(), row));
                    } else if !is_envelope(&row) {
                        self.doc.response.push(row);
                    }
                }
            }
            Role::Common => {
                // ucloud-docs' 公共参数 under 定义: Action, PublicKey, Signature.
                for row in rows.iter().filter(|r| r.name == "Action") {
                    self.note_action_row(row);
                }
            }
            Role::Model(ref key) | Role::Element(ref key) => {
                let element = matches!(role, Role::Element(_));
                let key = key.clone();
                self.doc.tables.push(NamedTable {
                    key,
                    element,
                    description: self
                        .since_heading
                        .first()
                        .map_or(String::new(), |t| clean_text(t)),
                    rows,
                    line: table.line,
                });
            }
            _ => {}
        }
    }

    fn request_row(&mut self, row: ParamRow) {
        match row.name.as_str() {
            // The Action row names the page's action; the client adds it and the others.
            "Action" => self.note_action_row(&row),
            name if CLIENT_PARAMS.contains(&name) => {}
            name if COMMON_PARAMS.contains(&name) => {
                self.doc
                    .common
                    .push((row.name.clone(), row.required, row.line));
            }
            _ => self.doc.request.push(row),
        }
    }

    fn note_action_row(&mut self, row: &ParamRow) {
        let from_example = row.example.as_deref().map(str::to_owned);
        let from_text = row.description.split("当前 API 为").nth(1).map(|rest| {
            clean_word(rest)
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_owned()
        });
        if self.action_row.is_none() {
            self.action_row = from_example
                .or(from_text)
                .filter(|a| codegen::spec::is_type_name(a));
        }
    }

    fn finish(mut self, fallback_title: Option<String>) -> Doc {
        let (title_line, title_text) = match self.title.take() {
            Some(t) => t,
            None => (1, fallback_title.unwrap_or_default()),
        };
        let example_action = self
            .doc
            .response_example
            .as_deref()
            .and_then(title::from_response_example);
        let second = self.action_row.or(example_action);
        let (action, summary) = title::split(&title_text, second.as_deref());
        let mut doc = self.doc;
        // Every response carries the envelope's `Message`; some actions also declare their
        // own, and their generated examples show it, while the others' do not.
        if let Some((at, row)) = self.message
            && doc
                .response_example
                .as_deref()
                .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
                .is_some_and(|j| j.get("Message").is_some())
        {
            doc.response.insert(at.min(doc.response.len()), row);
        }
        doc.title_line = title_line;
        doc.summary = clean_text(&summary);
        doc.description = clean_text(&self.intro.join(" "));
        doc.action = match (action, second) {
            (Some(a), Some(b)) if a != b => {
                doc.conflicts.push((
                    title_line,
                    format!("the title names `{a}` but the page's Action is `{b}`; used `{a}`"),
                ));
                Some(a)
            }
            (Some(a), _) => Some(a),
            (None, b) => b,
        };
        doc
    }
}

/// A line that is only a bold section title, such as `**请求参数：**`.
fn bold_title(text: &str) -> Option<Role> {
    let inner = text.trim().strip_prefix("**")?.strip_suffix("**")?;
    match sections::plain_title(inner)? {
        Role::Intro => None,
        role => Some(role),
    }
}

/// `Action` and `RetCode` are the envelope's; so is a `Message` described as the error text
/// of a failed call.
fn is_envelope(row: &ParamRow) -> bool {
    match row.name.as_str() {
        name if ENVELOPE_FIELDS.contains(&name) => true,
        "Message" => {
            let d = &row.description;
            d.contains("RetCode") || d.contains("返回错误消息") || d.contains("成功时为空")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::DocFormat;

    fn read(text: &str) -> Doc {
        crate::page::markdown::Markdown.read(text)
    }

    fn names(rows: &[ParamRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn bold_lines_can_stand_in_for_headings() {
        let doc = read(
            "# 做事 - DoThing\n\n**请求参数：**\n\n| 名称 | 类型 |\n|--|--|\n| A | String |\n\n\
             **响应参数**\n\n| 名称 | 类型 |\n|--|--|\n| B | Integer |\n",
        );
        assert_eq!(doc.action.as_deref(), Some("DoThing"));
        assert_eq!(names(&doc.request), ["A"]);
        assert_eq!(names(&doc.response), ["B"]);
    }

    #[test]
    fn message_is_kept_only_when_the_example_shows_it() {
        let page = |example: &str| {
            format!(
                "# X - GetX\n\n### 响应字段\n\n| 字段名 | 类型 | 描述信息 |\n|--|--|--|\n\
                 | **RetCode** | int | 返回状态码 |\n\
                 | **Message** | string | 返回错误消息，当 `RetCode` 非 0 时提供详细的描述信息 |\n\
                 | **Id** | string | 编号 |\n\n### 响应示例\n\n```json\n{example}\n```\n"
            )
        };
        let own = read(&page(r#"{"RetCode": 0, "Message": "x", "Id": "y"}"#));
        assert_eq!(names(&own.response), ["Message", "Id"]);
        let envelope = read(&page(r#"{"RetCode": 0, "Id": "y"}"#));
        assert_eq!(names(&envelope.response), ["Id"]);
    }

    #[test]
    fn the_action_row_names_an_untitled_page() {
        let doc = read(
            "# 只有中文\n\n## 请求参数\n\n| 名称 | 类型 | 示例值 |\n|--|--|--|\n\
             | Action | String | `GetThing` |\n",
        );
        assert_eq!(doc.action.as_deref(), Some("GetThing"));
        assert_eq!(doc.summary, "只有中文");
    }
}
