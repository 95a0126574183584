//! The requests the mock received, kept in order so a test can read them back: all of them by
//! default, or the latest ones in a ring buffer ([`Log`]) so that a long-running server's
//! memory stays bounded.

use std::collections::VecDeque;

use compshare::Action;
use compshare::runtime::tools::{FromParams, from_params};

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

/// The most bytes of params a bounded log keeps, whatever its count: a thousand requests of a
/// megabyte each would otherwise hold a gigabyte.
pub(crate) const BOUNDED_LOG_BYTES: usize = 64 << 20;

/// The recorded requests, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Log {
    /// The most requests kept; `None` keeps every one.
    limit: Option<usize>,
    entries: VecDeque<(usize, Received)>,
    /// The sum of the entries' sizes.
    bytes: usize,
}

impl Log {
    /// A log that keeps the latest `limit` requests (and at most [`BOUNDED_LOG_BYTES`] of
    /// them), or every request for `None`.
    pub fn new(limit: Option<usize>) -> Self {
        Self {
            limit,
            ..Self::default()
        }
    }

    /// Records `received`, dropping the oldest requests past the bounds.
    pub fn push(&mut self, received: Received) {
        let Some(limit) = self.limit else {
            self.entries.push_back((0, received));
            return;
        };
        if limit == 0 {
            return;
        }
        let size = received.size();
        self.entries.push_back((size, received));
        self.bytes += size;
        while self.entries.len() > limit
            || (self.bytes > BOUNDED_LOG_BYTES && self.entries.len() > 1)
        {
            if let Some((size, _)) = self.entries.pop_front() {
                self.bytes -= size;
            }
        }
    }

    /// Forgets every request.
    pub fn clear(&mut self) {
        self.entries = VecDeque::new();
        self.bytes = 0;
    }

    /// The requests, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Received> {
        self.entries.iter().map(|(_, r)| r)
    }
}

impl Received {
    /// About how many bytes this request holds on the heap.
    fn size(&self) -> usize {
        const PER_STRING: usize = 24;
        let strings = self.method.len() + self.action.as_ref().map_or(0, String::len);
        let params: usize = (self.params.iter())
            .map(|(k, v)| k.len() + v.len() + 2 * PER_STRING)
            .sum();
        std::mem::size_of::<Self>() + strings + params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(n: usize, value: &str) -> Received {
        Received {
            method: "POST".into(),
            encoding: None,
            action: Some(format!("A{n}")),
            params: vec![("P".into(), value.into())],
            code: Some(0),
            status: 200,
            unmatched: false,
        }
    }

    fn actions(log: &Log) -> Vec<String> {
        log.iter().map(|r| r.action.clone().unwrap()).collect()
    }

    #[test]
    fn a_bounded_log_keeps_the_latest_requests() {
        let mut log = Log::new(Some(2));
        (0..5).for_each(|n| log.push(request(n, "v")));
        assert_eq!(actions(&log), ["A3", "A4"]);
        let mut none = Log::new(Some(0));
        none.push(request(0, "v"));
        assert_eq!(none.iter().count(), 0);
        let mut all = Log::new(None);
        (0..5).for_each(|n| all.push(request(n, "v")));
        assert_eq!(all.iter().count(), 5);
        all.clear();
        assert_eq!(all.iter().count(), 0);
    }

    #[test]
    fn a_bounded_log_keeps_at_most_its_bytes() {
        let mut log = Log::new(Some(1000));
        let big = "x".repeat(BOUNDED_LOG_BYTES / 3);
        (0..5).for_each(|n| log.push(request(n, &big)));
        assert_eq!(actions(&log), ["A3", "A4"]);
        assert!(log.bytes <= BOUNDED_LOG_BYTES);
    }
}
