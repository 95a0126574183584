//! Checks the specs and lowers them to the IR. Every problem found is reported; the IR is
//! returned only when there is none.

mod enums;
mod examples;
mod fields;
mod models;

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Diagnostics, FileId, Loc};
use crate::ir;
use crate::naming::{Kind, rust_name};
use crate::spec::{ActionSpec, At, Requiredness, SpecSet, keys};

use fields::{FieldCtx, Side};
use models::ModelGraph;

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
    }
    for m in models.values() {
        check_file_name(&m.model, "model", stem, d);
        check_type_name(&m.model, "a model", d);
    }
    let graph = ModelGraph::build(&actions, &models, &set.unreadable_models, d);

    let mut modules: BTreeMap<String, Loc> = BTreeMap::new();
    let mut lowered_models = Vec::new();
    for m in models.values() {
        if let Some(model) = models::lower_model(m, &graph, d) {
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
        if let Some(action) = lower_action(a, set, &graph, d) {
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
    let service = ir::Service {
        name: service.service.value.clone(),
        crate_name: crate_name.value.clone(),
        product: service.product.clone(),
        description: service.description.clone(),
        base_url: service.base_url.clone(),
        region: service.region.clone(),
        zone: service.zone.clone(),
        actions: lowered_actions,
        models: lowered_models,
    };
    examples::check_models(&service, d);
    d.is_empty().then_some(service)
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
    d: &mut Diagnostics,
) -> Option<ir::Action> {
    let wire = &a.action.value;
    let type_base = rust_name(wire, Kind::Type)?;
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
    let response_example = a
        .response_example
        .as_ref()
        .and_then(|ex| examples::response_json(ex, d));
    let request: Vec<ir::Field> = request.into_iter().map(|(f, _)| f).collect();
    let response: Vec<ir::Field> = response.into_iter().map(|(f, _)| f).collect();
    Some(ir::Action {
        wire: wire.clone(),
        module: rust_name(wire, Kind::Module)?,
        method: rust_name(wire, Kind::ClientMethod)?,
        pagination: pagination(&request, &response),
        request_type,
        response_type,
        builder_type,
        summary: a.summary.clone(),
        description: a.description.clone(),
        retryable: a.retryable,
        request,
        response,
        enums: ctx.into_enums(),
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
    let page_size = match (
        limit.max,
        limit.default.as_deref().and_then(|d| d.parse().ok()),
    ) {
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
