//! One model's module: its enums, struct, and the impls its uses need.
//!
//! ```ignore
//! //! `CompShareImage`: description.
//! use crate::rt;
//! pub enum Status { .. }
//! pub struct CompShareImage { .. }
//! impl CompShareImage { pub fn name(self, ..) -> Self; .. }                     // used by a request, see `setters`
//! impl rt::EncodeForm / rt::Validate / rt::FromParams for CompShareImage { .. }   // used by a request
//! impl rt::Object / rt::ToJson / Serialize / Deserialize for CompShareImage { .. } // used by a response
//! ```

use quote::quote;

use super::structs::{self, Role};
use super::{File, docs, enums, request, response, setters};
use crate::ir::Model;
use crate::naming::ident;

pub fn emit(m: &Model) -> File {
    let name = ident(&m.type_name);
    let mut doc = docs::code(&m.wire);
    if !m.description.is_empty() {
        doc.push_str(": ");
        doc.push_str(&docs::escape(&m.description));
    }
    let mut file = File::new(doc.clone());
    doc.push_str("\n\n");
    doc.push_str(if m.in_request {
        docs::BUILT_WITH_SETTERS
    } else {
        docs::BUILT_BY_ASSIGNMENT
    });
    if m.fields.iter().any(|f| f.deprecated.is_some()) {
        file.attrs.push(quote!(#![allow(deprecated)]));
    }
    file.push(quote!(
        use crate::rt;
    ));
    file.extend(m.enums.iter().map(enums::emit));
    file.push(structs::emit(
        &m.type_name,
        &doc,
        &m.fields,
        &m.enums,
        Role {
            response: m.in_response,
        },
    ));
    if m.in_request {
        file.push(setters::emit(&name, &m.fields, &m.enums));
        file.push(request::traits(&name, &m.fields, m.in_response));
    }
    if m.in_response {
        file.push(response::traits(&name, &m.fields));
    }
    file
}
