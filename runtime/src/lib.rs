//! Runtime shared by every action of the generated `compshare` crate.
//!
//! Generated code stays thin: each action describes its fields, and everything that does not
//! depend on a particular action lives here: credentials, signing, form encoding, config,
//! transport, retries, tolerant decoding, validation and pagination. Users normally reach these
//! items through the re-exports of the `compshare` crate.

mod action;
pub mod by_name;
mod client;
mod config;
mod credential;
pub mod decode;
mod enums;
mod envelope;
mod error;
pub mod form;
pub mod paginate;
pub mod params;
mod retry;
mod sign;
#[cfg(feature = "test-util")]
pub mod testing;
pub mod validate;

pub use action::{Action, Common};
pub use by_name::ByName;
pub use client::Client;
pub use config::{Config, ConfigError, DEFAULT_BASE_URL, DEFAULT_REGION, DEFAULT_ZONE};
pub use credential::Credential;
pub use decode::Decode;
pub use enums::{UnknownValue, WireEnum, deserialize_enum, parse_enum};
pub use error::{ApiError, Error, HttpError};
pub use form::{EncodeForm, FormValue, FormWriter};
pub use paginate::{Paged, Paginator};
pub use params::{FromParams, FromWire, ParamReader, from_params};
pub use retry::RetryPolicy;
pub use sign::signature;
pub use validate::{Rule, Validate, ValidationError, Violation, Violations};

/// `User-Agent` sent with every request: the SDK name and its version.
pub const USER_AGENT: &str = concat!("compshare-rust/", env!("CARGO_PKG_VERSION"));
