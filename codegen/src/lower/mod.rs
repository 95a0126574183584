//! Checks the specs and lowers them to the IR. Every problem found is reported; the IR is
//! returned only when there is none.

mod enums;
mod examples;
mod fields;
mod graph;
mod models;
mod service;

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Diagnostics, FileId, Loc};
use crate::ir;
use crate::naming::{IdentKind, rust_name};
use crate::spec::{ActionSpec, At, Requiredness, SpecSet, keys};

use fields::{FieldCtx, PendingExample, Side};
use graph::ModelGraph;

/// Whose field a pending example belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Model(String),
    Request(String),
    Response(String),
}

/// A model-shaped example and the field it belongs to.
pub struct Pending {
    owner: Owner,
    example: PendingExample,
}

impl PendingExample {
    pub fn of(self, owner: Owner) -> Pending {
        Pending {
            owner,
            example: self,
        }
    }
}

/// Lowers a whole spec set. `stem` gives each file's name without extension, to check that it
/// matches what the file defines.
pub fn lower(
    set: &SpecSet,
    stem: &dyn Fn(FileId) -> String,
    d: &mut Diagnostics,
) -> Option<ir::Service> {
    let actions = unique(&set.actions, |a| &a.action, "action", d);
    let models = unique(&set.models, |m| &m.model, "model", d);
    for a in actions.values() {
        check_file_name(&a.action, "action", stem, d);
        check_type_name(&a.action, "an action", d);
        check_not_retried(a, d);
    }
    for m in models.values() {
        check_file_name(&m.model, "model", stem, d);
        check_type_name(&m.model, "a model", d);
    }
    let graph = ModelGraph::build(&actions, &models, &set.unreadable_models, d);

    let mut modules: BTreeMap<String, Loc> = BTreeMap::new();
    let mut pending = Vec::new();
    let mut lowered_models = Vec::new();
    for m in models.values() {
        if let Some(model) = models::lower_model(m, &graph, &mut pending, d) {
            claim(
                &mut modules,
                &format!("models::{}", model.module),
                &m.model.loc,
                d,
            );
            lowered_models.push(model);
        }
    }
    let mut lowered_actions = Vec::new();
    for a in actions.values() {
        if let Some(action) = lower_action(a, set, &graph, &mut pending, d) {
            claim(
                &mut modules,
                &format!("actions::{}", action.module),
                &a.action.loc,
                d,
            );
            lowered_actions.push(action);
        }
    }

    let Some(service) = &set.service else {
        return None; // reported by the loader
    };
    let crate_name = &service.crate_name;
    if !crate_name
        .value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        d.push(
            Diagnostic::new(
                crate_name.loc.clone(),
                format!("`{}` is not a crate name", crate_name.value),
            )
            .label("not a crate name")
            .help("use lowercase letters, digits, `_` and `-`"),
        );
    }
    if !d.is_empty() {
        return None;
    }
    let crate_ident = crate_name.value.replace('-', "_");
    let text_or =
        |v: &Option<At<String>>, default: String| v.as_ref().map_or(default, |v| v.value.clone());
    let groups = groups(service, &lowered_actions);
    let mut service = ir::Service {
        guide: set.guide.clone(),
        groups,
        errors: Vec::new(),
        waiters: Vec::new(),
        name: service.service.value.clone(),
        crate_name: crate_name.value.clone(),
        runtime: text_or(&service.runtime, "compshare_runtime".to_owned()),
        env_prefix: text_or(&service.env_prefix, crate_ident.to_uppercase()),
        config_dir: text_or(&service.config_dir, crate_name.value.clone()),
        crate_ident,
        product: service.product.clone(),
        description: service.description.clone(),
        base_url: service.base_url.clone(),
        region: service.region.clone(),
        zone: service.zone.clone(),
        actions: lowered_actions,
        models: lowered_models,
    };
    type_model_examples(&mut service, pending, d);
    service::sensitive_params(&mut service);
    if let Some(spec) = &set.service {
        service.errors = service::errors(spec, d);
        service.waiters = service::waiters(spec, &service, d);
    }
    d.is_empty().then_some(service)
}

/// Each action in the first group one of whose keywords its name contains; the rest in
/// "Other actions".
fn groups(service: &crate::spec::ServiceSpec, actions: &[ir::Action]) -> Vec<ir::Group> {
    let mut groups: Vec<ir::Group> = service
        .groups
        .iter()
        .map(|g| ir::Group {
            name: g.name.value.clone(),
            description: g.description.clone(),
            actions: Vec::new(),
        })
        .collect();
    let mut other = Vec::new();
    for a in actions {
        let found = service
            .groups
            .iter()
            .position(|g| g.keywords.iter().any(|k| a.wire.contains(k.as_str())));
        match found {
            Some(i) => groups[i].actions.push(a.wire.clone()),
            None => other.push(a.wire.clone()),
        }
    }
    groups.retain(|g| !g.actions.is_empty());
    if !other.is_empty() {
        groups.push(ir::Group {
            name: if groups.is_empty() {
                "All actions"
            } else {
                "Other actions"
            }
            .to_owned(),
            description: String::new(),
            actions: other,
        });
    }
    groups
}

/// Types the model-shaped examples, now that every model is lowered.
fn type_model_examples(service: &mut ir::Service, pending: Vec<Pending>, d: &mut Diagnostics) {
    for p in pending {
        let models = &service.models;
        let fields = match &p.owner {
            Owner::Model(wire) => models.iter().find(|m| &m.wire == wire).map(|m| &m.fields),
            Owner::Request(wire) => service
                .actions
                .iter()
                .find(|a| &a.wire == wire)
                .map(|a| &a.request),
            Owner::Response(wire) => service
                .actions
                .iter()
                .find(|a| &a.wire == wire)
                .map(|a| &a.response),
        };
        let Some(field) = fields.and_then(|fs| fs.iter().find(|f| f.wire == p.example.field))
        else {
            continue;
        };
        let typed = examples::object(
            &p.example.node,
            field,
            models,
            &field.wire,
            &p.example.loc,
            d,
        );
        let fields = match &p.owner {
            Owner::Model(wire) => service
                .models
                .iter_mut()
                .find(|m| &m.wire == wire)
                .map(|m| &mut m.fields),
            Owner::Request(wire) => service
                .actions
                .iter_mut()
                .find(|a| &a.wire == wire)
                .map(|a| &mut a.request),
            Owner::Response(wire) => service
                .actions
                .iter_mut()
                .find(|a| &a.wire == wire)
                .map(|a| &mut a.response),
        };
        if let Some(field) = fields.and_then(|fs| fs.iter_mut().find(|f| f.wire == p.example.field))
        {
            field.example = typed;
        }
    }
}

/// Indexes items by name, reporting duplicates.
fn unique<'a, T>(
    items: &'a [T],
    name: impl Fn(&T) -> &At<String>,
    what: &str,
    d: &mut Diagnostics,
) -> BTreeMap<String, &'a T> {
    let mut out: BTreeMap<String, &T> = BTreeMap::new();
    for item in items {
        let n = name(item);
        if let Some(first) = out.get(&n.value) {
            d.push(
                Diagnostic::new(
                    n.loc.clone(),
                    format!("the {what} `{}` is defined twice", n.value),
                )
                .label("second definition")
                .related(name(first).loc.clone(), "first definition")
                .help(format!(
                    "keep one definition of `{}` and delete the other",
                    n.value
                )),
            );
        } else {
            out.insert(n.value.clone(), item);
        }
    }
    out
}

fn check_file_name(
    name: &At<String>,
    what: &str,
    stem: &dyn Fn(FileId) -> String,
    d: &mut Diagnostics,
) {
    let file = stem(name.loc.file);
    if file != name.value {
        d.push(
            Diagnostic::new(
                name.loc.clone(),
                format!(
                    "the {what} `{}` is in a file named `{file}.yaml`",
                    name.value
                ),
            )
            .label(format!("this {what} belongs in `{}.yaml`", name.value))
            .help(format!(
                "rename the file to `{}.yaml`, or fix the name here",
                name.value
            )),
        );
    }
}

/// Action and model names are UpperCamelCase wire names.
fn check_type_name(name: &At<String>, what: &str, d: &mut Diagnostics) {
    let ok = name.value.starts_with(|c: char| c.is_ascii_uppercase())
        && name.value.chars().all(|c| c.is_ascii_alphanumeric());
    if !ok {
        d.push(
            Diagnostic::new(
                name.loc.clone(),
                format!("`{}` is not a valid name for {what}", name.value),
            )
            .label("not an UpperCamelCase name")
            .help(
                "use letters and digits only, starting with an uppercase letter, as the API does",
            ),
        );
    }
}

/// A create-like action is never retried on a transient failure: if the first attempt's
/// answer was lost, a retry could create a second resource.
fn check_not_retried(a: &ActionSpec, d: &mut Diagnostics) {
    let Some(verb) = keys::create_verb(&a.action.value) else {
        return;
    };
    if !a.retryable {
        return;
    }
    let loc = a
        .retryable_at
        .clone()
        .unwrap_or_else(|| a.action.loc.clone());
    d.push(
        Diagnostic::new(
            loc,
            format!(
                "`{}` is create-like, so it must not be retried",
                a.action.value
            ),
        )
        .label(format!("a `{verb}` action marked retryable"))
        .help(
            "set `retryable: false`: when an attempt's answer is lost, a retry can create a second \
             resource and bill for it; to retry errors that mean nothing was done, list their \
             codes under `retry: codes:` instead",
        ),
    );
}

/// Records a generated name, reporting a second claim on it.
pub(crate) fn claim(
    taken: &mut BTreeMap<String, Loc>,
    name: &str,
    loc: &Loc,
    d: &mut Diagnostics,
) -> bool {
    if let Some(first) = taken.get(name) {
        d.push(
            Diagnostic::new(
                loc.clone(),
                format!("this name becomes `{name}` in Rust, which is already taken"),
            )
            .label(format!("becomes `{name}`"))
            .related(first.clone(), format!("this also becomes `{name}`"))
            .help("names must stay distinct after case conversion; rename one of them"),
        );
        false
    } else {
        taken.insert(name.to_owned(), loc.clone());
        true
    }
}

fn lower_action(
    a: &ActionSpec,
    set: &SpecSet,
    graph: &ModelGraph,
    pending: &mut Vec<Pending>,
    d: &mut Diagnostics,
) -> Option<ir::Action> {
    let wire = &a.action.value;
    let type_base = rust_name(wire, IdentKind::Type)?;
    let request_type = format!("{type_base}Request");
    let response_type = format!("{type_base}Response");
    let builder_type = format!("{type_base}Builder");
    let mut ctx = FieldCtx::new(graph, None, [&request_type, &response_type, &builder_type]);

    let service_common = set
        .service
        .as_ref()
        .map(|s| s.common.as_slice())
        .unwrap_or_default();
    let mut request: Vec<(ir::Field, Loc)> = a
        .common
        .iter()
        .map(|(name, requiredness)| {
            let presence = match requiredness {
                Requiredness::Required => ir::Presence::CommonRequired,
                Requiredness::Optional => ir::Presence::CommonOptional,
            };
            (
                fields::common_field(&name.value, presence, service_common),
                name.loc.clone(),
            )
        })
        .collect();
    for f in &a.request {
        let name = f.name.value.as_str();
        let reserved = if keys::COMMON_PARAMS.contains(&name) {
            Some((
                format!("`{name}` is a common param"),
                format!(
                    "remove this row and add `{name}: required` (or `optional`) under `common:`"
                ),
            ))
        } else if keys::CLIENT_PARAMS.contains(&name) {
            Some((
                format!("`{name}` is added to every request by the client"),
                "remove this row".to_owned(),
            ))
        } else {
            None
        };
        if let Some((message, help)) = reserved {
            d.push(
                Diagnostic::new(f.name.loc.clone(), message)
                    .label("reserved parameter")
                    .help(help),
            );
            continue;
        }
        request.extend(
            ctx.field(f, Side::Request, d)
                .map(|x| (x, f.name.loc.clone())),
        );
    }
    let mut response = Vec::new();
    for f in &a.response {
        if keys::ENVELOPE_FIELDS.contains(&f.name.value.as_str()) {
            d.push(
                Diagnostic::new(
                    f.name.loc.clone(),
                    format!("`{}` is part of every response", f.name.value),
                )
                .label("envelope field")
                .help("remove this row; the client reads it before decoding"),
            );
            continue;
        }
        response.extend(
            ctx.field(f, Side::Response, d)
                .map(|x| (x, f.name.loc.clone())),
        );
    }
    fields::check_names(&request, true, d);
    fields::check_names(&response, false, d);
    let (enums, examples) = ctx.into_parts();
    pending.extend(examples.into_iter().map(|e| {
        let owner = match e.side {
            Side::Request => Owner::Request(wire.clone()),
            Side::Response => Owner::Response(wire.clone()),
        };
        e.of(owner)
    }));
    let response_example = a
        .response_example
        .as_ref()
        .and_then(|ex| examples::response_json(ex, d));
    let request: Vec<ir::Field> = request.into_iter().map(|(f, _)| f).collect();
    let response: Vec<ir::Field> = response.into_iter().map(|(f, _)| f).collect();
    Some(ir::Action {
        wire: wire.clone(),
        module: rust_name(wire, IdentKind::Module)?,
        method: rust_name(wire, IdentKind::ClientMethod)?,
        pagination: pagination(&request, &response),
        request_type,
        response_type,
        builder_type,
        summary: a.summary.clone(),
        description: a.description.clone(),
        retryable: a.retryable,
        unavailable: a.unavailable.as_ref().map(|u| u.value.clone()),
        retry_codes: a.retry.codes.clone(),
        retry_backoff_ms: a.retry.backoff_ms,
        request_body: a.request_body,
        response_body: a.response_body,
        sensitive: Vec::new(),
        request,
        response,
        enums,
        response_example,
    })
}

/// A list action pages when it takes integer `Offset` and `Limit` and answers with exactly
/// one array of models; `TotalCount` (or `Total`), when present, bounds the walk.
fn pagination(request: &[ir::Field], response: &[ir::Field]) -> Option<ir::Pagination> {
    let find = |fields: &[ir::Field], wire: &str| {
        fields
            .iter()
            .find(|f| f.wire == wire && f.ty == ir::Ty::Int)
            .cloned()
    };
    let offset = find(request, "Offset")?;
    let limit = find(request, "Limit")?;
    let total = find(response, "TotalCount").or_else(|| find(response, "Total"));
    let mut lists = response.iter().filter(
        |f| matches!(&f.ty, ir::Ty::List(inner) if matches!(**inner, ir::Ty::Model { .. })),
    );
    let items = lists.next()?.clone();
    if lists.next().is_some() {
        return None;
    }
    let max = limit.checks.iter().find_map(|c| match c {
        ir::Check::Max(n) => Some(*n),
        _ => None,
    });
    let page_size = match (max, limit.default.as_deref().and_then(|d| d.parse().ok())) {
        (Some(ir::Num::Int(max)), _) => max,
        (_, Some(default)) => default,
        _ => 20,
    };
    Some(ir::Pagination {
        offset,
        limit,
        items,
        total,
        page_size,
    })
}
