//! Walking list actions page by page.
//!
//! A list action takes `Offset` and `Limit` and answers with one array of items and, usually,
//! a total. The paginator moves the window until the total is reached or a page comes back
//! short or empty, and it stops as well when the server repeats a page (an ignored `Offset`),
//! so a misreported total can never make it loop forever.

use futures_util::stream::{self, Stream};

use crate::action::Action;
use crate::client::Client;
use crate::error::Error;

/// A list action. Generated for every action that pages.
pub trait Paged: Action + Clone {
    /// One element of a page.
    type Item: Clone + PartialEq + Send;
    /// The page size used when the request sets none: the documented maximum, if any.
    const PAGE_SIZE: i64;

    /// The request's `Offset` and `Limit`.
    fn window(&self) -> (Option<i64>, Option<i64>);
    /// Sets the request's `Offset` and `Limit`.
    fn set_window(&mut self, offset: i64, limit: i64);
    /// The items of one page.
    fn items(response: &Self::Response) -> &[Self::Item];
    /// The items of one page, taken out.
    fn into_items(response: Self::Response) -> Vec<Self::Item>;
    /// The total the server reports, if it reports one.
    fn total(response: &Self::Response) -> Option<i64>;
}

/// Pages of a list action, fetched one request at a time.
pub struct Paginator<A: Paged> {
    client: Client,
    request: A,
    offset: i64,
    limit: i64,
    previous: Option<Vec<A::Item>>,
    done: bool,
}

impl<A: Paged> Paginator<A> {
    /// Starts at the request's `Offset` (or 0) with its `Limit` (or [`Paged::PAGE_SIZE`]).
    pub fn new(client: Client, request: A) -> Self {
        let (offset, limit) = request.window();
        Self {
            client,
            request,
            offset: offset.unwrap_or(0).max(0),
            limit: limit.filter(|l| *l > 0).unwrap_or(A::PAGE_SIZE),
            previous: None,
            done: false,
        }
    }

    /// The next page, or `None` once the list is exhausted. After an error, the same page is
    /// requested again by the next call.
    pub async fn next_page(&mut self) -> Option<Result<A::Response, Error>> {
        if self.done {
            return None;
        }
        let mut request = self.request.clone();
        request.set_window(self.offset, self.limit);
        let page = match self.client.send(request).await {
            Ok(page) => page,
            Err(e) => return Some(Err(e)),
        };
        let items = A::items(&page);
        let count = items.len() as i64;
        let repeated = count > 0 && self.previous.as_deref() == Some(items);
        if repeated {
            tracing::debug!(
                action = A::NAME,
                offset = self.offset,
                "the server repeated a page; stopping"
            );
            self.done = true;
            return None;
        }
        self.offset += count;
        self.done = last_page(count, self.limit, self.offset, A::total(&page));
        self.previous = (!self.done).then(|| items.to_vec());
        Some(Ok(page))
    }

    /// Every page, as a stream.
    pub fn pages(self) -> impl Stream<Item = Result<A::Response, Error>> {
        stream::unfold(self, |mut p| async move {
            p.next_page().await.map(|page| (page, p))
        })
    }

    /// Every item of every page, as a stream. An error ends the stream after it is yielded.
    pub fn items(self) -> impl Stream<Item = Result<A::Item, Error>> {
        let state = (self, Vec::new().into_iter(), false);
        stream::unfold(state, |(mut p, mut buffered, failed)| async move {
            loop {
                if let Some(item) = buffered.next() {
                    return Some((Ok(item), (p, buffered, failed)));
                }
                if failed {
                    return None;
                }
                match p.next_page().await? {
                    Ok(page) => buffered = A::into_items(page).into_iter(),
                    Err(e) => return Some((Err(e), (p, buffered, true))),
                }
            }
        })
    }

    /// Every item of every page, collected.
    pub async fn collect_all(mut self) -> Result<Vec<A::Item>, Error> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await {
            all.extend(A::into_items(page?));
        }
        Ok(all)
    }
}

/// Whether a walk over pages ends after a page of `count` items, `offset` being already past
/// them: the page is empty or short, or the reported total is reached. A total of 0 beside a
/// non-empty page is a missing total, not an empty list. Walkers must also stop when the
/// server repeats a page, which is how one that ignores the offset answers.
pub fn last_page(count: i64, limit: i64, offset: i64, total: Option<i64>) -> bool {
    let reached_total = total.is_some_and(|total| total > 0 && offset >= total);
    count == 0 || count < limit || reached_total
}
