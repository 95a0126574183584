//! Rules: which requests of an action they answer, and with what.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use compshare::Action;
use compshare::runtime::tools::{FromParams, ToJson, from_params};

use crate::answer::Outgoing;

/// What a rule answers with.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply<R> {
    /// `RetCode` 0 with this response.
    Response(R),
    /// An API error: this `RetCode` and `Message`.
    ApiError {
        /// The `RetCode`.
        code: i64,
        /// The `Message`.
        message: String,
    },
    /// Exactly this HTTP status and body, for fault tests (a 502 from a proxy, a body that
    /// is not JSON, ...).
    Http {
        /// The HTTP status.
        status: u16,
        /// The body, sent as it is.
        body: String,
    },
}

impl<R> Reply<R> {
    /// An API error with this `RetCode` and `Message`.
    pub fn api_error(code: i64, message: impl Into<String>) -> Self {
        Reply::ApiError {
            code,
            message: message.into(),
        }
    }

    /// Exactly this HTTP status and body.
    pub fn http(status: u16, body: impl Into<String>) -> Self {
        Reply::Http {
            status,
            body: body.into(),
        }
    }
}

impl<R: ToJson> Reply<R> {
    fn render(&self, action: &str) -> Outgoing {
        match self {
            Reply::Response(response) => Outgoing::success(action, response.to_json()),
            Reply::ApiError { code, message } => {
                Outgoing::api_error(Some(action), *code, message.clone())
            }
            Reply::Http { status, body } => Outgoing::raw(*status, body.clone()),
        }
    }
}

/// A registered rule. Dropping the handle keeps the rule.
#[derive(Clone, Debug)]
pub struct Stub {
    calls: Arc<AtomicUsize>,
    action: &'static str,
}

impl Stub {
    /// How many requests this rule has answered.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// The wire name of the action this rule answers.
    pub fn action(&self) -> &'static str {
        self.action
    }
}

type Matcher<A> = Box<dyn Fn(&A) -> bool + Send + Sync>;
type Compute<A> = Box<dyn Fn(&A) -> Reply<<A as Action>::Response> + Send + Sync>;

/// Builds a rule for action `A`; see [`Mock::on`](crate::Mock::on). The rule takes effect
/// when a reply is given ([`respond`](Self::respond), [`fail`](Self::fail),
/// [`reply`](Self::reply), [`replies`](Self::replies) or [`reply_with`](Self::reply_with)).
#[must_use = "a rule takes effect only once it is given a reply"]
pub struct StubBuilder<A: Action> {
    rules: Arc<Rules>,
    matcher: Option<Matcher<A>>,
    times: Option<usize>,
    _action: PhantomData<fn(A)>,
}

impl<A: Action + FromParams> StubBuilder<A> {
    pub(crate) fn new(rules: Arc<Rules>) -> Self {
        Self {
            rules,
            matcher: None,
            times: None,
            _action: PhantomData,
        }
    }

    /// Answers only requests for which `matcher` is true. The request is the typed request as
    /// the mock read it from the wire, with the common params (`Region`, `Zone`, `ProjectId`)
    /// the client filled in.
    pub fn matching(mut self, matcher: impl Fn(&A) -> bool + Send + Sync + 'static) -> Self {
        self.matcher = Some(Box::new(matcher));
        self
    }

    /// Answers at most `n` requests; after that, the rule is used up and the next rule is
    /// tried. Without it, a rule with one reply answers any number of requests and a sequence
    /// answers once per reply. With it, a sequence repeats its last reply until `n` is reached.
    pub fn times(mut self, n: usize) -> Self {
        self.times = Some(n);
        self
    }

    /// Answers with `RetCode` 0 and this response.
    pub fn respond(self, response: A::Response) -> Stub {
        self.reply(Reply::Response(response))
    }

    /// Answers with an API error: this `RetCode` and `Message`.
    pub fn fail(self, code: i64, message: impl Into<String>) -> Stub {
        self.reply(Reply::api_error(code, message))
    }

    /// Answers with `reply`.
    pub fn reply(self, reply: Reply<A::Response>) -> Stub {
        let answers = Answers::Fixed(vec![reply.render(A::NAME)]);
        self.register(answers, None)
    }

    /// Answers the first request with the first reply, the second with the second, and so on;
    /// after the last one the rule is used up (unless [`times`](Self::times) says otherwise).
    /// For retry tests: two `503`s, then a response.
    ///
    /// # Panics
    /// When `replies` is empty.
    pub fn replies(self, replies: impl IntoIterator<Item = Reply<A::Response>>) -> Stub {
        let rendered: Vec<Outgoing> = replies.into_iter().map(|r| r.render(A::NAME)).collect();
        assert!(!rendered.is_empty(), "a sequence needs at least one reply");
        let len = rendered.len();
        self.register(Answers::Fixed(rendered), Some(len))
    }

    /// Answers with what `reply` makes of each request, such as a response that echoes a
    /// param.
    pub fn reply_with(
        self,
        reply: impl Fn(&A) -> Reply<A::Response> + Send + Sync + 'static,
    ) -> Stub {
        self.register(Answers::Computed(Box::new(reply)), None)
    }

    fn register(self, answers: Answers<A>, default_times: Option<usize>) -> Stub {
        let calls = Arc::new(AtomicUsize::new(0));
        let rule = Typed {
            matcher: self.matcher,
            answers,
            limit: self.times.or(default_times),
            calls: calls.clone(),
        };
        self.rules.push(A::NAME, Arc::new(rule));
        Stub {
            calls,
            action: A::NAME,
        }
    }
}

enum Answers<A: Action> {
    Fixed(Vec<Outgoing>),
    Computed(Compute<A>),
}

struct Typed<A: Action> {
    matcher: Option<Matcher<A>>,
    answers: Answers<A>,
    limit: Option<usize>,
    calls: Arc<AtomicUsize>,
}

/// A rule with its types erased, so rules of every action live in one list.
trait Respond: Send + Sync {
    /// The answer to these params, or `None` when the rule does not answer them.
    fn answer(&self, params: &[(String, String)]) -> Option<Outgoing>;
}

impl<A: Action + FromParams> Respond for Typed<A> {
    fn answer(&self, params: &[(String, String)]) -> Option<Outgoing> {
        let (request, _) = from_params::<A>(params);
        if !self.matcher.as_ref().is_none_or(|m| m(&request)) {
            return None;
        }
        // Claim a call, unless the rule is used up.
        let limit = self.limit.unwrap_or(usize::MAX);
        let n = self
            .calls
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < limit).then_some(n + 1)
            })
            .ok()?;
        Some(match &self.answers {
            Answers::Fixed(answers) => answers[n.min(answers.len() - 1)].clone(),
            Answers::Computed(compute) => compute(&request).render(A::NAME),
        })
    }
}

/// Every rule, in the order registered.
#[derive(Default)]
pub(crate) struct Rules {
    list: Mutex<Vec<(&'static str, Arc<dyn Respond>)>>,
}

/// What the rules make of one request.
pub(crate) enum Outcome {
    /// The action has no rules.
    NoRules,
    /// A rule answered.
    Answered(Outgoing),
    /// The action has rules and none answered.
    Unmatched {
        /// How many rules the action has.
        rules: usize,
    },
}

impl Rules {
    fn push(&self, action: &'static str, rule: Arc<dyn Respond>) {
        self.list.lock().expect("rules").push((action, rule));
    }

    /// The first rule of `action`, in the order registered, that answers these params.
    pub fn answer(&self, action: &str, params: &[(String, String)]) -> Outcome {
        let candidates: Vec<Arc<dyn Respond>> = self
            .list
            .lock()
            .expect("rules")
            .iter()
            .filter(|(name, _)| *name == action)
            .map(|(_, rule)| rule.clone())
            .collect();
        if candidates.is_empty() {
            return Outcome::NoRules;
        }
        candidates
            .iter()
            .find_map(|rule| rule.answer(params))
            .map_or(
                Outcome::Unmatched {
                    rules: candidates.len(),
                },
                Outcome::Answered,
            )
    }
}
