//! Reading spec files into [`SpecSet`], reporting every shape problem with its location.

use crate::diag::{Diagnostic, Diagnostics, FileId, Loc};
use crate::suggest::did_you_mean;
use crate::yaml::{self, Node, NodeKind};

use super::{
    ActionSpec, At, BoundKind, EnumSpec, EnumValueSpec, ErrorSpec, FieldSpec, Format, GroupSpec,
    ModelSpec, RequestBody, Requiredness, ResponseBody, RetrySpec, SCALAR_TYPES, ServiceSpec,
    SpecSet, TargetSpec, TypeExpr, WaiterSpec, keys,
};

/// Which schema a file follows, decided by where it lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Service,
    Action,
    Model,
}

impl FileKind {
    fn first_key(self) -> &'static str {
        match self {
            FileKind::Service => "service",
            FileKind::Action => "action",
            FileKind::Model => "model",
        }
    }
}

/// Reads one file into `out`; problems go to `diags`.
pub fn read_file(
    file: FileId,
    text: &str,
    kind: FileKind,
    out: &mut SpecSet,
    diags: &mut Diagnostics,
) {
    let mut r = Reader { file, diags };
    let root = match yaml::parse(text) {
        Ok(Some(root)) => root,
        Ok(None) => {
            let what = kind.first_key();
            r.diags.push(
                Diagnostic::new(r.at(0..0), "the spec file is empty")
                    .label("nothing here")
                    .help(format!(
                        "{} {what} spec starts with `{what}: <Name>`; see specs/README.md",
                        if what == "action" { "an" } else { "a" }
                    )),
            );
            return;
        }
        Err(e) => {
            r.diags.push(super::syntax::diagnose(file, text, &e));
            return;
        }
    };
    match kind {
        FileKind::Service => out.service = r.service(&root),
        FileKind::Action => out.actions.extend(r.action(&root)),
        FileKind::Model => out.models.extend(r.model(&root)),
    }
}

struct Reader<'d> {
    file: FileId,
    diags: &'d mut Diagnostics,
}

/// The entries of a mapping whose keys were checked.
struct Entries<'n> {
    node: &'n Node,
    items: Vec<(&'n str, &'n Node, &'n Node)>,
}

impl<'n> Entries<'n> {
    fn key_loc(&self, key: &str, file: FileId) -> Option<Loc> {
        self.items
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, k, _)| Loc {
                file,
                span: k.span.clone(),
            })
    }

    fn get(&self, key: &str) -> Option<&'n Node> {
        self.items
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, v)| *v)
    }
}

impl Reader<'_> {
    fn at(&self, span: std::ops::Range<usize>) -> Loc {
        Loc {
            file: self.file,
            span,
        }
    }

    fn loc(&self, node: &Node) -> Loc {
        self.at(node.span.clone())
    }

    fn error(&mut self, node: &Node, message: String, label: &str, help: Option<String>) {
        let mut d = Diagnostic::new(self.loc(node), message).label(label);
        d.help = help;
        self.diags.push(d);
    }

    /// Checks a mapping's keys: unknown, duplicated and missing ones are reported.
    fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        keys: &[&str],
        required: &[&str],
    ) -> Option<Entries<'n>> {
        let NodeKind::Map(raw) = &node.kind else {
            self.error(
                node,
                format!(
                    "{what} must be a mapping of keys to values, but this is {}",
                    node.describe()
                ),
                "expected `key: value` lines here",
                Some(format!("the keys of {what} are: {}", keys.join(", "))),
            );
            return None;
        };
        let mut items: Vec<(&str, &Node, &Node)> = Vec::new();
        for (key, value) in raw {
            let NodeKind::Scalar { text, .. } = &key.kind else {
                self.error(
                    key,
                    format!("a key in {what} must be a plain name"),
                    "not a name",
                    None,
                );
                continue;
            };
            if let Some((_, first, _)) = items.iter().find(|(k, _, _)| k == text) {
                let d =
                    Diagnostic::new(self.loc(key), format!("`{text}` is given twice in {what}"))
                        .label("second time")
                        .related(self.loc(first), "first time")
                        .help("remove one of them");
                self.diags.push(d);
                continue;
            }
            if !keys.contains(&text.as_str()) {
                let help = match did_you_mean(text, keys.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the keys of {what} are: {}", keys.join(", ")),
                };
                self.error(
                    key,
                    format!("unknown key `{text}` in {what}"),
                    "unknown key",
                    Some(help),
                );
                continue;
            }
            items.push((text, key, value));
        }
        for key in required {
            if !items.iter().any(|(k, _, _)| k == key) {
                // Point at the first key: the whole mapping would underline many lines.
                let span = raw
                    .first()
                    .map_or(node.span.clone(), |(k, _)| k.span.clone());
                self.diags.push(
                    Diagnostic::new(self.at(span), format!("{what} has no `{key}`"))
                        .label(format!("`{key}` is missing from this mapping"))
                        .help(format!("add `{key}: ...` to {what}")),
                );
            }
        }
        Some(Entries { node, items })
    }

    fn text(&mut self, node: &Node, what: &str) -> Option<String> {
        match &node.kind {
            _ if node.is_null() => Some(String::new()),
            NodeKind::Scalar { text, .. } => Some(text.clone()),
            _ => {
                self.error(
                    node,
                    format!("{what} must be text, but this is {}", node.describe()),
                    "expected text",
                    Some("quote the value, or put it on one line".into()),
                );
                None
            }
        }
    }

    /// Non-empty text.
    fn name(&mut self, node: &Node, what: &str) -> Option<At<String>> {
        let value = self.text(node, what)?;
        if value.trim().is_empty() {
            self.error(
                node,
                format!("{what} is empty"),
                "empty",
                Some(format!("write {what} here")),
            );
            return None;
        }
        Some(At {
            value,
            loc: self.loc(node),
        })
    }

    fn bool(&mut self, node: &Node, what: &str) -> Option<bool> {
        // The YAML core schema's spellings.
        let parsed = match &node.kind {
            NodeKind::Scalar {
                text,
                quoted: false,
            } => match text.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if parsed.is_none() {
            self.error(
                node,
                format!(
                    "{what} must be `true` or `false`, but this is {}",
                    shown(node)
                ),
                "expected true or false",
                Some("write `true` or `false`, without quotes".into()),
            );
        }
        parsed
    }

    fn number(&mut self, node: &Node, what: &str) -> Option<At<f64>> {
        if let NodeKind::Scalar {
            text,
            quoted: false,
        } = &node.kind
            && let Ok(value) = text.parse::<f64>()
            && value.is_finite()
        {
            return Some(At {
                value,
                loc: self.loc(node),
            });
        }
        self.error(
            node,
            format!("{what} must be a number, but this is {}", shown(node)),
            "expected a number",
            None,
        );
        None
    }

    fn count(&mut self, node: &Node, what: &str) -> Option<At<u64>> {
        if let NodeKind::Scalar {
            text,
            quoted: false,
        } = &node.kind
            && let Ok(value) = text.parse::<u64>()
        {
            return Some(At {
                value,
                loc: self.loc(node),
            });
        }
        self.error(
            node,
            format!("{what} must be a whole number, but this is {}", shown(node)),
            "expected a count",
            None,
        );
        None
    }

    fn list<'n>(&mut self, node: &'n Node, what: &str) -> &'n [Node] {
        match &node.kind {
            NodeKind::Seq(items) => items,
            _ if node.is_null() => &[],
            _ => {
                self.error(
                    node,
                    format!(
                        "{what} must be a list (lines starting with `- `), but this is {}",
                        node.describe()
                    ),
                    "expected a list",
                    None,
                );
                &[]
            }
        }
    }

    fn service(&mut self, root: &Node) -> Option<ServiceSpec> {
        let m = self.mapping(
            root,
            "the service file",
            keys::SERVICE,
            &["service", "crate", "base_url"],
        )?;
        let common = match m.get("common") {
            Some(node) => self.fields(node, "a common param"),
            None => Vec::new(),
        };
        let opt_name =
            |r: &mut Self, key: &str| m.get(key).and_then(|n| r.name(n, &format!("`{key}`")));
        Some(ServiceSpec {
            loc: self.loc(root),
            service: self.name(m.get("service")?, "`service`")?,
            crate_name: self.name(m.get("crate")?, "`crate`")?,
            product: self.opt_text(&m, "product"),
            description: self.opt_text(&m, "description"),
            base_url: self.name(m.get("base_url")?, "`base_url`")?.value,
            region: self.opt_text(&m, "region"),
            zone: self.opt_text(&m, "zone"),
            runtime: opt_name(self, "runtime"),
            env_prefix: opt_name(self, "env_prefix"),
            config_dir: opt_name(self, "config_dir"),
            common,
            groups: m.get("groups").map(|n| self.groups(n)).unwrap_or_default(),
            errors: m.get("errors").map(|n| self.errors(n)).unwrap_or_default(),
            waiters: m
                .get("waiters")
                .map(|n| self.waiters(n))
                .unwrap_or_default(),
        })
    }

    fn groups(&mut self, node: &Node) -> Vec<GroupSpec> {
        let mut out = Vec::new();
        for item in self.list(node, "`groups`") {
            let Some(m) = self.mapping(item, "a group", keys::GROUP, &["name", "keywords"]) else {
                continue;
            };
            let Some(name) = m.get("name").and_then(|n| self.name(n, "a group's `name`")) else {
                continue;
            };
            let keywords = m
                .get("keywords")
                .map(|n| {
                    self.list(n, "`keywords`")
                        .iter()
                        .filter_map(|k| self.name(k, "a keyword").map(|k| k.value))
                        .collect()
                })
                .unwrap_or_default();
            out.push(GroupSpec {
                name,
                description: self.opt_text(&m, "description"),
                keywords,
            });
        }
        out
    }

    fn opt_text(&mut self, m: &Entries<'_>, key: &str) -> String {
        m.get(key)
            .and_then(|n| self.text(n, &format!("`{key}`")))
            .unwrap_or_default()
    }

    fn action(&mut self, root: &Node) -> Option<ActionSpec> {
        let m = self.mapping(root, "an action spec", keys::ACTION, &["action"])?;
        let action = self.name(m.get("action")?, "`action`");
        let retryable_at = m.get("retryable").map(|n| self.loc(n));
        let retryable = m
            .get("retryable")
            .and_then(|n| self.bool(n, "`retryable`"))
            .unwrap_or(false);
        let common = m.get("common").map(|n| self.common(n)).unwrap_or_default();
        let request = m
            .get("request")
            .map(|n| self.fields(n, "a request field"))
            .unwrap_or_default();
        let response = m
            .get("response")
            .map(|n| self.fields(n, "a response field"))
            .unwrap_or_default();
        let response_example = match m.get("response_example") {
            Some(node) => self.text(node, "`response_example`").map(|value| At {
                value,
                loc: self.loc(node),
            }),
            None => None,
        };
        let retry = m.get("retry").map(|n| self.retry(n)).unwrap_or_default();
        let request_body = match m.get("request_body") {
            Some(n) => self
                .word(n, "`request_body`", &[keys::FORM, keys::JSON])
                .map_or(RequestBody::Form, |w| match w {
                    keys::JSON => RequestBody::Json,
                    _ => RequestBody::Form,
                }),
            None => RequestBody::Form,
        };
        let response_body = match m.get("response_body") {
            Some(n) => self
                .word(n, "`response_body`", &[keys::JSON, keys::BYTES])
                .map_or(ResponseBody::Json, |w| match w {
                    keys::BYTES => ResponseBody::Bytes,
                    _ => ResponseBody::Json,
                }),
            None => ResponseBody::Json,
        };
        let unavailable = m.get("unavailable").and_then(|n| {
            let value = self.text(n, "`unavailable`")?;
            if value.trim().is_empty() {
                self.error(
                    n,
                    "`unavailable` is empty".to_owned(),
                    "no reason given",
                    Some(
                        "say why production does not serve the action, e.g. `unavailable: documented, but not served in production (compshare-cli 0.5.6)`"
                            .to_owned(),
                    ),
                );
                return None;
            }
            Some(At {
                value,
                loc: self.loc(n),
            })
        });
        Some(ActionSpec {
            loc: self.loc(m.node),
            action: action?,
            summary: self.opt_text(&m, "summary"),
            description: self.opt_text(&m, "description"),
            live: Some(self.opt_text(&m, "live")).filter(|t| !t.is_empty()),
            note: Some(self.opt_text(&m, "note")).filter(|t| !t.is_empty()),
            unavailable,
            retryable,
            retryable_at,
            retry,
            request_body,
            response_body,
            common,
            request,
            response,
            response_example,
        })
    }

    /// One of `allowed`, reported with a did-you-mean otherwise.
    fn word(&mut self, node: &Node, what: &str, allowed: &[&'static str]) -> Option<&'static str> {
        let text = self.text(node, what)?;
        if let Some(w) = allowed.iter().find(|w| **w == text) {
            return Some(w);
        }
        let help = match did_you_mean(&text, allowed.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("{what} is one of: {}", allowed.join(", ")),
        };
        self.error(
            node,
            format!("{what} cannot be `{text}`"),
            "unknown value",
            Some(help),
        );
        None
    }

    fn retry(&mut self, node: &Node) -> RetrySpec {
        let Some(m) = self.mapping(node, "`retry`", keys::RETRY, &["codes"]) else {
            return RetrySpec::default();
        };
        let codes = m
            .get("codes")
            .map(|n| {
                self.list(n, "`codes`")
                    .iter()
                    .filter_map(|c| self.integer(c, "a code").map(|c| c.value))
                    .collect()
            })
            .unwrap_or_default();
        let backoff_ms = m
            .get("backoff_ms")
            .and_then(|n| self.count(n, "`backoff_ms`"))
            .map(|c| c.value);
        RetrySpec { codes, backoff_ms }
    }

    fn integer(&mut self, node: &Node, what: &str) -> Option<At<i64>> {
        if let NodeKind::Scalar {
            text,
            quoted: false,
        } = &node.kind
            && let Ok(value) = text.parse::<i64>()
        {
            return Some(At {
                value,
                loc: self.loc(node),
            });
        }
        self.error(
            node,
            format!("{what} must be a whole number, but this is {}", shown(node)),
            "expected a whole number",
            None,
        );
        None
    }

    fn errors(&mut self, node: &Node) -> Vec<ErrorSpec> {
        let mut out = Vec::new();
        for item in self.list(node, "`errors`") {
            let Some(m) = self.mapping(item, "an error", keys::ERROR, &["code", "name"]) else {
                continue;
            };
            let code = m.get("code").and_then(|n| self.integer(n, "`code`"));
            let name = m.get("name").and_then(|n| self.name(n, "`name`"));
            if let (Some(code), Some(name)) = (code, name) {
                out.push(ErrorSpec {
                    code,
                    name,
                    message: self.opt_text(&m, "message"),
                    description: self.opt_text(&m, "description"),
                });
            }
        }
        out
    }

    fn waiters(&mut self, node: &Node) -> Vec<WaiterSpec> {
        let mut out = Vec::new();
        for item in self.list(node, "`waiters`") {
            let required = &[
                "name",
                "action",
                "id_param",
                "items",
                "id_field",
                "state_field",
                "targets",
            ];
            let Some(m) = self.mapping(item, "a waiter", keys::WAITER, required) else {
                continue;
            };
            let name =
                |r: &mut Self, key: &str| m.get(key).and_then(|n| r.name(n, &format!("`{key}`")));
            let (
                Some(w_name),
                Some(action),
                Some(id_param),
                Some(items),
                Some(id_field),
                Some(state_field),
            ) = (
                name(self, "name"),
                name(self, "action"),
                name(self, "id_param"),
                name(self, "items"),
                name(self, "id_field"),
                name(self, "state_field"),
            )
            else {
                continue;
            };
            let interval_ms = m
                .get("interval_ms")
                .and_then(|n| self.count(n, "`interval_ms`"))
                .map_or(3000, |c| c.value);
            let mut targets = Vec::new();
            if let Some(list) = m.get("targets") {
                for t in self.list(list, "`targets`") {
                    let Some(tm) = self.mapping(t, "a target", keys::TARGET, &["state"]) else {
                        continue;
                    };
                    let Some(state) = tm.get("state").and_then(|n| self.name(n, "`state`")) else {
                        continue;
                    };
                    let failure = tm
                        .get("failure")
                        .map(|n| {
                            self.list(n, "`failure`")
                                .iter()
                                .filter_map(|f| self.name(f, "a state").map(|f| f.value))
                                .collect()
                        })
                        .unwrap_or_default();
                    let gone = tm
                        .get("gone")
                        .and_then(|n| self.bool(n, "`gone`"))
                        .unwrap_or(false);
                    targets.push(TargetSpec {
                        state,
                        failure,
                        gone,
                    });
                }
            }
            out.push(WaiterSpec {
                loc: self.loc(item),
                name: w_name,
                action,
                id_param,
                items,
                id_field,
                state_field,
                interval_ms,
                targets,
            });
        }
        out
    }

    fn common(&mut self, node: &Node) -> Vec<(At<String>, Requiredness)> {
        let Some(m) = self.mapping(node, "`common`", &keys::COMMON_PARAMS, &[]) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, key_node, value) in &m.items {
            let requiredness = match &value.kind {
                NodeKind::Scalar { text, .. } if text == keys::REQUIRED => Requiredness::Required,
                NodeKind::Scalar { text, .. } if text == keys::OPTIONAL => Requiredness::Optional,
                _ => {
                    self.error(
                        value,
                        format!(
                            "`{key}` in `common` must be `required` or `optional`, but this is {}",
                            shown(value)
                        ),
                        "expected required or optional",
                        None,
                    );
                    continue;
                }
            };
            out.push((
                At {
                    value: key.to_string(),
                    loc: self.loc(key_node),
                },
                requiredness,
            ));
        }
        out.sort_by_key(|(name, _)| keys::COMMON_PARAMS.iter().position(|p| *p == name.value));
        out
    }

    fn model(&mut self, root: &Node) -> Option<ModelSpec> {
        let m = self.mapping(root, "a model spec", keys::MODEL, &["model", "fields"])?;
        let model = self.name(m.get("model")?, "`model`");
        let fields = m
            .get("fields")
            .map(|n| self.fields(n, "a model field"))
            .unwrap_or_default();
        Some(ModelSpec {
            loc: self.loc(m.node),
            model: model?,
            description: self.opt_text(&m, "description"),
            fields,
        })
    }

    fn fields(&mut self, node: &Node, what: &str) -> Vec<FieldSpec> {
        self.list(node, what)
            .iter()
            .filter_map(|n| self.field(n, what))
            .collect()
    }

    fn field(&mut self, node: &Node, what: &str) -> Option<FieldSpec> {
        let m = self.mapping(node, what, keys::FIELD, &["name", "type"])?;
        let name = m.get("name").and_then(|n| self.name(n, "`name`"));
        let ty = m.get("type").and_then(|n| self.type_expr(n));
        let flag = |r: &mut Self, key: &str| {
            m.get(key)
                .and_then(|n| r.bool(n, &format!("`{key}`")))
                .unwrap_or(false)
        };
        let required = flag(self, "required");
        let sensitive = flag(self, "sensitive");
        let from_example = flag(self, "from_example");
        let description = self.opt_text(&m, "description");
        let example = m.get("example").filter(|n| !n.is_null()).map(|n| At {
            value: n.clone(),
            loc: self.loc(n),
        });
        let default = m.get("default").and_then(|n| {
            let value = self.text(n, "`default`")?;
            Some(At {
                value,
                loc: self.loc(n),
            })
        });
        let mut bounds = Vec::new();
        for kind in BoundKind::ALL {
            let Some(n) = m.get(kind.key()) else { continue };
            let what = format!("`{}`", kind.key());
            let number = if kind.is_count() {
                self.count(n, &what).map(|c| c.value as f64)
            } else {
                self.number(n, &what).map(|c| c.value)
            };
            if let Some(bound) = number.and_then(|v| kind.with(v)) {
                bounds.push(At {
                    value: bound,
                    loc: self.loc(n),
                });
            }
        }
        let enumeration = m
            .get("enum")
            .and_then(|n| self.enumeration(n, m.key_loc("enum", self.file)));
        let format = m.get("format").and_then(|n| self.format(n));
        let deprecated = m.get("deprecated").and_then(|n| match &n.kind {
            NodeKind::Scalar {
                text,
                quoted: false,
            } if text.eq_ignore_ascii_case("true") => Some(String::new()),
            NodeKind::Scalar {
                text,
                quoted: false,
            } if text.eq_ignore_ascii_case("false") => None,
            _ => self.text(n, "`deprecated`").filter(|t| !t.is_empty()),
        });
        let note = Some(self.opt_text(&m, "note")).filter(|t| !t.is_empty());
        let live = Some(self.opt_text(&m, "live")).filter(|t| !t.is_empty());
        Some(FieldSpec {
            loc: self.loc(node),
            name: name?,
            ty: ty?,
            required,
            description,
            example,
            default,
            bounds,
            enumeration,
            format,
            deprecated,
            sensitive,
            from_example,
            live,
            note,
        })
    }

    /// A `type:`, parsed now; whether a model it names exists is checked when lowering.
    fn type_expr(&mut self, node: &Node) -> Option<At<TypeExpr>> {
        let text = self.name(node, "`type`")?;
        match TypeExpr::parse(&text.value) {
            Ok(value) => Some(At {
                value,
                loc: text.loc,
            }),
            Err(bad) => {
                let help = match did_you_mean(&bad, SCALAR_TYPES) {
                    Some(s) => format!("did you mean `{}`?", text.value.replacen(&bad, s, 1)),
                    None => "types are String, Integer, Boolean, Float, a model name, or `Array of <type>`".into(),
                };
                self.diags.push(
                    Diagnostic::new(text.loc, format!("unknown type `{}`", text.value))
                        .label("unknown type")
                        .help(help),
                );
                None
            }
        }
    }

    fn format(&mut self, node: &Node) -> Option<At<Format>> {
        let text = self.text(node, "`format`")?;
        let value = match Format::ALL.into_iter().find(|f| f.word() == text) {
            Some(format) => format,
            None => {
                let help = match did_you_mean(&text, Format::ALL.map(Format::word)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "`integer` types a String field as a whole number; `bool` reads True/False as a boolean".into(),
                };
                self.error(
                    node,
                    format!("unknown format `{text}`"),
                    "unknown format",
                    Some(help),
                );
                return None;
            }
        };
        Some(At {
            value,
            loc: self.loc(node),
        })
    }

    fn enumeration(&mut self, node: &Node, key: Option<Loc>) -> Option<EnumSpec> {
        let m = self.mapping(node, "`enum`", keys::ENUM, &["values"])?;
        let name = m
            .get("name")
            .and_then(|n| self.name(n, "the enum's `name`"));
        let closed = m
            .get("closed")
            .and_then(|n| self.bool(n, "`closed`"))
            .unwrap_or(false);
        let mut values = Vec::new();
        if let Some(list) = m.get("values") {
            for item in self.list(list, "`values`") {
                if let NodeKind::Map(_) = item.kind {
                    let Some(v) = self.mapping(item, "an enum value", keys::ENUM_VALUE, &["value"])
                    else {
                        continue;
                    };
                    let Some(value) = v.get("value").and_then(|n| self.name(n, "an enum value"))
                    else {
                        continue;
                    };
                    let description = self.opt_text(&v, "description");
                    values.push(EnumValueSpec { value, description });
                } else if let Some(value) = self.name(item, "an enum value") {
                    values.push(EnumValueSpec {
                        value,
                        description: String::new(),
                    });
                }
            }
        }
        Some(EnumSpec {
            loc: key.unwrap_or_else(|| self.loc(node)),
            name,
            closed,
            values,
        })
    }
}

fn shown(node: &Node) -> String {
    match &node.kind {
        // Quotes make `"100"` text, which is easy to miss in a message.
        NodeKind::Scalar { text, quoted: true } => {
            format!("the quoted text `{text}` (remove the quotes)")
        }
        NodeKind::Scalar { text, .. } => format!("`{text}`"),
        _ => node.describe().to_owned(),
    }
}
