//! One request, from the HTTP parts to the answer: read the params, pass the gateway, then
//! answer from the rules, the stateful resources, or the action's default; record it.

use std::sync::{Arc, Mutex};

use crate::answer::Answer;
use crate::codes;
use crate::defaults::Defaults;
use crate::gateway::{self, Keys, Split};
use crate::ids::Ids;
use crate::record::Received;
use crate::rules::{Outcome, Rules};
use crate::state::State;
use crate::wire;

/// Everything a running mock holds.
pub(crate) struct Shared {
    pub keys: Keys,
    pub rules: Arc<Rules>,
    pub log: Mutex<Vec<Received>>,
    /// The resources of a stateful mock.
    pub state: Option<Mutex<State>>,
    pub defaults: Defaults,
    pub ids: Ids,
    pub max_body_bytes: usize,
    pub verbose: bool,
}

/// The HTTP parts of a request the mock reads.
pub(crate) struct Incoming<'a> {
    pub method: &'a str,
    pub content_type: Option<&'a str>,
    pub query: Option<&'a str>,
    /// The body, or `None` when it was larger than the limit.
    pub body: Option<&'a [u8]>,
}

impl Shared {
    /// Answers one request and records it.
    pub fn handle(&self, incoming: &Incoming<'_>) -> Answer {
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

    fn answer(&self, incoming: &Incoming<'_>, received: &mut Received) -> Answer {
        let Some(body) = incoming.body else {
            return Answer::api_error(
                None,
                codes::INVALID_PARAMS,
                format!(
                    "the request body is larger than the mock's limit of {} bytes",
                    self.max_body_bytes
                ),
            );
        };
        let read = wire::read(incoming.method, incoming.content_type, incoming.query, body);
        let (encoding, params) = match read {
            Ok(read) => read,
            Err(wire::Unreadable(message)) => {
                return Answer::api_error(None, codes::INVALID_PARAMS, message);
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
                return Answer::api_error(
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
