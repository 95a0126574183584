//! Runtime shared by every action of a generated UCloud-style API crate, such as `compshare`.
//!
//! Generated code stays thin: each action describes its fields, and everything that does not
//! depend on a particular action lives here: credentials, signing, form encoding, config,
//! transport, retries, tolerant and lossless decoding, validation and pagination. Users reach
//! these items through the re-exports of the generated crate.
//!
//! Items only generated code needs are in [`codegen_support`], which is not part of the public
//! API.
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

/// What generated code calls. Not part of the public API: it changes with the generator.
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
