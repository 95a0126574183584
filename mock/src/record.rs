//! The requests the mock received, kept in order so a test can read them back.

use compshare::Action;
use compshare::runtime::codegen_support::{FromParams, from_params};

use crate::wire::Encoding;

/// One request as the mock received it.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    /// `POST` or `GET` (or whatever else was sent).
    pub method: String,
    /// How the params arrived; `None` when they could not be read.
    pub encoding: Option<Encoding>,
    /// The `Action` param, if there was one.
    pub action: Option<String>,
    /// Every other param in the order it arrived, without `PublicKey` and `Signature`.
    pub params: Vec<(String, String)>,
    /// The `RetCode` answered; `None` when a rule answered with a raw HTTP body.
    pub code: Option<i64>,
    /// The HTTP status answered.
    pub status: u16,
    pub(crate) unmatched: bool,
}

impl Received {
    /// The first param with this name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the action had rules and none of them answered this request.
    pub fn unmatched(&self) -> bool {
        self.unmatched
    }

    /// The params read as request `A`, the way the generated code reads wire params; `None`
    /// when the request was for another action. Params that do not fit are left out, so a
    /// request the mock rejected still reads back as far as it can.
    pub fn read<A: Action + FromParams>(&self) -> Option<A> {
        (self.action.as_deref() == Some(A::NAME)).then(|| from_params::<A>(&self.params).0)
    }
}
