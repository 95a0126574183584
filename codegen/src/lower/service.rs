//! What `service.yaml` declares beyond the actions: documented error codes and waiters, and
//! facts that need every action and model lowered.

use heck::{ToKebabCase, ToShoutySnakeCase, ToSnakeCase};

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ir::{self, Ty};
use crate::naming::{IdentKind, rust_name};
use crate::spec::{At, ServiceSpec, WaiterSpec};

/// Each action's sensitive request params, from its fields and the models its request uses.
pub fn sensitive_params(service: &mut ir::Service) {
    let models = &service.models;
    for action in &mut service.actions {
        let mut names = Vec::new();
        let mut queue: Vec<&ir::Field> = action.request.iter().collect();
        let mut seen = Vec::new();
        while let Some(f) = queue.pop() {
            if f.sensitive && !names.contains(&f.wire) {
                names.push(f.wire.clone());
            }
            if let Ty::Model { name, .. } = f.ty.element()
                && !seen.contains(name)
                && let Some(m) = models.iter().find(|m| &m.type_name == name)
            {
                seen.push(name.clone());
                queue.extend(&m.fields);
            }
        }
        names.sort();
        action.sensitive = names;
    }
}

pub fn errors(spec: &ServiceSpec, d: &mut Diagnostics) -> Vec<ir::ErrorCode> {
    let mut out: Vec<ir::ErrorCode> = Vec::new();
    for e in &spec.errors {
        let constant = e.name.value.to_shouty_snake_case();
        if rust_name(&e.name.value, IdentKind::Type).is_none() || constant.is_empty() {
            not_a_name(&e.name, "an error", d);
            continue;
        }
        if out
            .iter()
            .any(|o| o.code == e.code.value || o.constant == constant)
        {
            d.push(
                Diagnostic::new(
                    e.code.loc.clone(),
                    format!(
                        "the error `{}` ({}) is listed twice",
                        e.name.value, e.code.value
                    ),
                )
                .label("second time")
                .help("each code and name appears once under `errors:`"),
            );
            continue;
        }
        out.push(ir::ErrorCode {
            code: e.code.value,
            constant,
            message: e.message.clone(),
            description: e.description.clone(),
        });
    }
    out.sort_by_key(|e| e.code);
    out
}

fn not_a_name(name: &At<String>, what: &str, d: &mut Diagnostics) {
    d.push(
        Diagnostic::new(
            name.loc.clone(),
            format!("`{}` cannot name {what}", name.value),
        )
        .label("not an UpperCamelCase name")
        .help("use letters and digits, starting with an uppercase letter"),
    );
}

pub fn waiters(spec: &ServiceSpec, service: &ir::Service, d: &mut Diagnostics) -> Vec<ir::Waiter> {
    spec.waiters
        .iter()
        .filter_map(|w| waiter(w, service, d))
        .collect()
}

fn missing(d: &mut Diagnostics, loc: &Loc, message: String, help: String) {
    d.push(
        Diagnostic::new(loc.clone(), message)
            .label("not found")
            .help(help),
    );
}

fn waiter(w: &WaiterSpec, service: &ir::Service, d: &mut Diagnostics) -> Option<ir::Waiter> {
    let Some(resource) = rust_name(&w.name.value, IdentKind::Type).map(|n| n.to_snake_case())
    else {
        not_a_name(&w.name, "a waiter", d);
        return None;
    };
    let Some(action) = service
        .actions
        .iter()
        .position(|a| a.wire == w.action.value)
    else {
        missing(
            d,
            &w.action.loc,
            format!(
                "the waiter polls `{}`, which is not an action",
                w.action.value
            ),
            "name an action of `actions/`".into(),
        );
        return None;
    };
    let a = &service.actions[action];
    let text_like = |f: &ir::Field| matches!(f.ty.element(), Ty::Str | Ty::Enum { .. });
    let id_param = a
        .request
        .iter()
        .find(|f| f.wire == w.id_param.value && text_like(f));
    let items = a.response.iter().find(|f| {
        f.wire == w.items.value
            && matches!(&f.ty, Ty::List(inner) if matches!(**inner, Ty::Model { .. }))
    });
    let (Some(id_param), Some(items)) = (id_param, items) else {
        missing(
            d,
            &w.loc,
            format!(
                "`{}` must take `{}` (a String or an array of them) and answer with `{}` (an array of models)",
                w.action.value, w.id_param.value, w.items.value
            ),
            "point `id_param` and `items` at fields of the polled action".into(),
        );
        return None;
    };
    let Ty::List(inner) = &items.ty else {
        return None;
    };
    let Ty::Model { name, .. } = &**inner else {
        return None;
    };
    let model = service.models.iter().position(|m| &m.type_name == name)?;
    let m = &service.models[model];
    let field = |at: &At<String>, d: &mut Diagnostics| {
        let found = m
            .fields
            .iter()
            .find(|f| f.wire == at.value && !f.ty.is_list() && text_like(f));
        if found.is_none() {
            missing(
                d,
                &at.loc,
                format!("`{}` has no text field `{}`", m.wire, at.value),
                format!("name a String or enum field of `{}`", m.wire),
            );
        }
        found.cloned()
    };
    let id_field = field(&w.id_field, d);
    let state_field = field(&w.state_field, d);
    let (id_field, state_field) = (id_field?, state_field?);
    let targets = w
        .targets
        .iter()
        .map(|t| ir::WaitTarget {
            state: t.state.value.clone(),
            failure: t.failure.clone(),
            gone: t.gone,
            command: format!(
                "{}-{}",
                w.name.value.to_kebab_case(),
                t.state.value.to_kebab_case()
            ),
        })
        .collect();
    Some(ir::Waiter {
        name: w.name.value.clone(),
        method: format!("wait_until_{resource}"),
        resource: resource.replace('_', " "),
        action,
        id_param: id_param.clone(),
        items: items.clone(),
        model,
        id_field,
        state_field,
        interval_ms: w.interval_ms,
        targets,
    })
}
