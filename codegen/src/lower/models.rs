//! Lowering one model: its fields and enums, and which sides of the API use it.

use crate::diag::{Diagnostics, Loc};
use crate::ir;
use crate::spec::ModelSpec;

use super::fields::{FieldCtx, Side, check_names};
use super::graph::ModelGraph;
use super::{Owner, Pending};

pub fn lower_model(
    m: &ModelSpec,
    graph: &ModelGraph,
    pending: &mut Vec<Pending>,
    d: &mut Diagnostics,
) -> Option<ir::Model> {
    let wire = &m.model.value;
    let (type_name, module) = graph.rust_names(wire)?;
    let in_request = graph.in_request(wire);
    let in_response = graph.in_response(wire);
    let side = if in_response {
        Side::Response
    } else {
        Side::Request
    };
    let mut ctx = FieldCtx::new(graph, Some(wire.clone()), [&type_name]);
    let fields: Vec<(ir::Field, Loc)> = m
        .fields
        .iter()
        .filter_map(|f| ctx.field(f, side, d).map(|x| (x, f.name.loc.clone())))
        .collect();
    check_names(&fields, in_request, d);
    let (enums, examples) = ctx.into_parts();
    pending.extend(
        examples
            .into_iter()
            .map(|e| e.of(Owner::Model(wire.clone()))),
    );
    Some(ir::Model {
        wire: wire.clone(),
        type_name,
        module,
        description: m.description.clone(),
        fields: fields.into_iter().map(|(f, _)| f).collect(),
        enums,
        in_request,
        in_response,
    })
}
