//! One request, from the HTTP parts to the answer: read the params, pass the gateway, then
//! answer from the rules, the stateful resources, or the action's default; record it.
//!
//! Nothing here holds a lock while it does per-request work: the params are read, signed and
//! validated before the state's lock is taken, and the log's lock is held only for the push.

use std::sync::{Arc, Mutex};

use crate::answer::Outgoing;
use crate::codes;
use crate::defaults::Defaults;
use crate::gateway::{self, Keys, Split};
use crate::ids::Ids;
use crate::record::{Log, Received};
use crate::rules::{Outcome, Rules};
use crate::state::State;
use crate::wire;

/// Everything a running mock holds.
pub(crate) struct Shared {
    pub keys: Keys,
    pub rules: Arc<Rules>,
    pub log: Mutex<Log>,
    /// The resources of a stateful mock.
    pub state: Option<Mutex<State>>,
    pub defaults: Defaults,
    pub ids: Ids,
    pub limits: Limits,
    pub verbose: bool,
}

/// How large a request may be.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub max_body_bytes: usize,
    pub max_params: usize,
}

/// A request's body as the server read it.
#[derive(Debug)]
pub(crate) enum Body {
    /// The whole body.
    Read(Vec<u8>),
    /// Longer than the limit.
    TooLarge,
    /// Cut short or malformed on the wire (fewer bytes than its `Content-Length`, a bad chunk
    /// size, ...), or too slow; why, for the message.
    Broken(String),
}

/// The HTTP parts of a request the mock reads.
pub(crate) struct Incoming<'a> {
    pub method: &'a str,
    pub content_type: Option<&'a str>,
    pub query: Option<&'a str>,
    pub body: &'a Body,
}

impl Shared {
    /// Answers one request and records it.
    pub fn handle(&self, incoming: &Incoming<'_>) -> Outgoing {
        let mut received = Received {
            method: incoming.method.to_owned(),
            encoding: None,
            action: None,
            params: Vec::new(),
            code: None,
            status: 0,
            unmatched: false,
        };
        let answer = self.answer(incoming, &mut received);
        received.code = answer.code;
        received.status = answer.status;
        if self.verbose {
            eprintln!("compshare-mock: {}", crate::log::line(&received, &answer));
        }
        self.log.lock().expect("request log").push(received);
        answer
    }

    fn answer(&self, incoming: &Incoming<'_>, received: &mut Received) -> Outgoing {
        let body = match incoming.body {
            Body::Read(body) => body,
            Body::TooLarge => {
                let limit = self.limits.max_body_bytes;
                let message =
                    format!("the request body is larger than the mock's limit of {limit} bytes");
                return Outgoing::api_error(None, codes::INVALID_PARAMS, message);
            }
            Body::Broken(why) => {
                let message = format!("the request body could not be read: {why}");
                return Outgoing::api_error(None, codes::INVALID_PARAMS, message);
            }
        };
        let read = wire::read(
            incoming.method,
            incoming.content_type,
            incoming.query,
            body,
            self.limits.max_params,
        );
        let (encoding, params) = match read {
            Ok(read) => read,
            Err(wire::Unreadable(message)) => {
                return Outgoing::api_error(None, codes::INVALID_PARAMS, message);
            }
        };
        let split = Split::new(&params);
        received.encoding = Some(encoding);
        received.action = split.action.clone();
        received.params = split.rest.clone();
        let entry = match gateway::admit(&self.keys, &params, &split) {
            Ok(entry) => entry,
            Err(answer) => return answer,
        };
        let action = entry.name;
        match self.rules.answer(action, &split.rest) {
            Outcome::Answered(answer) => return answer,
            Outcome::Unmatched { rules } => {
                received.unmatched = true;
                return Outgoing::api_error(
                    Some(action),
                    codes::NO_MATCHING_RULE,
                    format!(
                        "compshare-mock: none of the {rules} rule(s) for {action} answers this request (see Mock::unmatched)"
                    ),
                );
            }
            Outcome::NoRules => {}
        }
        if let Some(state) = &self.state
            && State::handles(action)
            && let Some(answer) =
                state
                    .lock()
                    .expect("state")
                    .answer(action, &split.rest, &self.ids)
        {
            return answer;
        }
        self.defaults.get(action, &split.rest)
    }
}
