//! Runtime shared by every action of a generated UCloud-style API crate, such as `compshare`.
//!
//! Generated code stays thin: each action describes its fields, and everything that does not
//! depend on a particular action lives here: credentials, signing, form encoding, config,
//! transport, retries, tolerant and lossless decoding, validation and pagination. Users reach
//! these items through the re-exports of the generated crate.
//!
//! Tools built on a generated crate, such as a mock server, a command line or an MCP server,
//! use the documented contract in [`tools`]: calls by action name, request params read and
//! encoded, the wire forms, the envelope, the last-page rule and waits. Items only generated
//! code needs are in `codegen_support`, which is not part of the public API: it changes with
//! the generator, and no crate but a generated one may use it.
#![warn(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

mod action;
mod by_name;
mod client;
pub mod codes;
pub mod config;
mod credential;
mod decode;
mod enums;
mod error;
mod form;
mod json;
mod paginate;
mod params;
mod retry;
pub mod schema;
mod service;
mod sign;
mod suggest;
#[cfg(feature = "test-util")]
pub mod testing;
pub mod transport;
mod unknown;
mod validate;
pub mod wait;

pub use action::Action;
pub use client::{Client, Download};
pub use config::{Config, ConfigError};
pub use credential::Credential;
pub use enums::{UnknownEnumValue, UnknownValue};
pub use error::{ApiError, BoxError, Error, HttpError, TransportErrorKind};
pub use paginate::{Paged, Paginator};
pub use retry::RetryPolicy;
pub use service::Service;
pub use sign::signature;
pub use unknown::UnknownFields;
pub use validate::{Number, Rule, ValidationError, Violation};

pub mod tools {
    //! The contract between a generated crate and the tools built on it.
    //!
    //! A tool that serves, sends or describes every action of a generated crate, without naming
    //! its types, works with what this module holds and with the generated crate's `by_name`,
    //! `schema` and `dispatch` entry points:
    //!
    //! - calls by name: [`ByName`] (one action's entry: prepare, check, decode), [`find`],
    //!   [`Client::call_by_name`](crate::Client::call_by_name),
    //!   [`Client::call_prepared`](crate::Client::call_prepared) and
    //!   [`Client::download_prepared`](crate::Client::download_prepared);
    //! - request params: [`FromParams`] and [`from_params`] read wire-style params (`Disks.0.Size`)
    //!   into a typed request, with every problem found; [`ToJson`] writes a typed value as JSON;
    //! - the wire: [`Call`] (how an action is sent), [`RequestBody`], [`encode_body`],
    //!   [`flatten_json`], [`joined_arrays`] (how a JSON body is signed), and
    //!   [`Client::sign`](crate::Client::sign) and [`Client::json_body`](crate::Client::json_body)
    //!   for the exact bytes a request would carry;
    //! - the envelope: [`Answer`] (an answer as read off the wire), [`decode_json`] (an
    //!   answer into a typed response, or the error it carries), [`response`] (a body's members
    //!   into a typed response, the envelope read aside, with no error check) and [`Envelope`];
    //! - paging and waiting: [`last_page`] (the rule every walker over pages shares) and
    //!   [`PollFuture`] (one poll of a waiter, for [`wait::Waiter`](crate::wait::Waiter)).
    //!
    //! Stability: these items follow the crate's version like the rest of its public API (in
    //! 0.x, a breaking change bumps the minor version), and a change to them is listed in the
    //! changelog. `codegen_support` makes no such promise.

    pub use crate::by_name::{ByName, Prepare, find};
    pub use crate::client::{Answer, Call, RequestBody, decode_json, joined_arrays};
    pub use crate::decode::{Decode, Envelope, response};
    pub use crate::form::{encode_body, flatten_json};
    pub use crate::json::ToJson;
    pub use crate::paginate::last_page;
    pub use crate::params::{FromParams, from_params};
    pub use crate::wait::PollFuture;
}

/// What generated code calls. Not part of the public API: it changes with the generator, and
/// only a generated crate may use it (tools use [`tools`]).
#[doc(hidden)]
pub mod codegen_support {
    pub use crate::action::{Action, Common};
    pub use crate::by_name::{ByName, find};
    pub use crate::client::joined_arrays;
    pub use crate::client::{Answer, Call, Client, RequestBody, decode_json};
    pub use crate::decode::{
        Decode, Elements, Envelope, Object, Scalar, SyntaxError, Target, deserialize, from_slice,
        from_value, parse_json, response,
    };
    pub use crate::decode::{boxed, model, models, required_model};
    pub use crate::enums::{
        UnknownEnumValue, UnknownValue, WireEnum, deserialize_enum, parse_enum, unknown_enum_value,
    };
    pub use crate::error::Error;
    pub use crate::form::{EncodeForm, FormValue, FormWriter, encode_body, flatten_json};
    pub use crate::json::{JsonObject, ToJson, enum_json, serialize};
    pub use crate::paginate::{Paged, Paginator, last_page};
    pub use crate::params::{FromParams, FromWire, MAX_INDEX, ParamReader, from_params};
    pub use crate::service::Service;
    pub use crate::unknown::UnknownFields;
    pub use crate::validate::{Number, Rule, Validate, ValidationError, Violations, validate};
    pub use crate::wait::PollFuture;
}
