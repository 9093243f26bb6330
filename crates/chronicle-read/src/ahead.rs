//! Read-ahead: documents that are costly to make — HTML pages, whose
//! main-text extraction is most of the work of reading the web — are read a
//! bounded number of pages and bytes ahead and made in parallel on the
//! current rayon pool. Used by the WARC reader (the pages of one archive)
//! and by [`crate::Articles`] (consecutive HTML files of a folder or a list
//! of paths).
//!
//! Invariants: results and errors come out in the order their items were
//! pulled; one read-ahead holds at most [`PAGES`] items, and stops early
//! once they hold [`BYTES`] (pages as read, documents by their text); the
//! pages being extracted at the same moment hold at most [`EXTRACT_MARKUP`]
//! tags together ([`markup`]), unless one page alone has more, which then
//! runs alone — the extractor's transient memory grows with the page's
//! elements (it copies its tree several times: ~28 MB for a page of
//! 19,000 tags, a few MB for a typical page), so two heavy pages never
//! coincide, however long the input, and the peak stays what the heaviest
//! page alone needs.

use crate::ReadError;
use chronicle_core::Document;
use rayon::prelude::*;
use std::sync::{Condvar, Mutex, PoisonError};

/// Items read ahead at most.
pub(crate) const PAGES: usize = 32;
/// Bytes at which a read-ahead stops early.
pub(crate) const BYTES: usize = 32 << 20;
/// Tags ([`markup`]) of the pages being extracted at the same moment: two
/// typical pages fit (the 586 dev pages: median 1,400, 95% under 3,700),
/// the few heavier ones run alone.
pub(crate) const EXTRACT_MARKUP: usize = 8192;

/// The extraction weight of a page: [`chronicle_html::markup`] (tags inside
/// scripts count too and make a script-heavy page heavier than it is — it
/// then merely runs alone).
pub(crate) use chronicle_html::markup;

/// A read result.
pub(crate) type Item = Result<Document, ReadError>;

/// One item pulled from an input: a result already known (an error, a
/// document read at once), or a page whose document is still to be made.
pub(crate) enum Ahead<P> {
    Ready(Box<Item>),
    Pending(P),
}

/// Pulls items from `next` until it returns `None` or the read-ahead is
/// full; `size` tells the bytes a pending page holds.
pub(crate) fn pull<P>(
    mut next: impl FnMut() -> Option<Ahead<P>>,
    size: impl Fn(&P) -> usize,
) -> Vec<Ahead<P>> {
    let mut items = Vec::new();
    let mut bytes = 0;
    while items.len() < PAGES && bytes < BYTES {
        let Some(item) = next() else { break };
        bytes += match &item {
            Ahead::Pending(page) => size(page),
            Ahead::Ready(ready) => ready.as_ref().as_ref().map_or(0, |doc| doc.body().len()),
        };
        items.push(item);
    }
    items
}

/// Makes the documents of the pending pages of `items` in parallel, with
/// `make`, and returns all results in order; `weight` tells a page's
/// [`markup`].
pub(crate) fn make<P: Send>(
    items: Vec<Ahead<P>>,
    weight: impl Fn(&P) -> usize + Sync,
    make: impl Fn(P) -> Item + Sync,
) -> Vec<Item> {
    let gate = Gate::new(EXTRACT_MARKUP);
    items
        .into_par_iter()
        .map(|item| match item {
            Ahead::Ready(result) => *result,
            Ahead::Pending(page) => {
                let _pass = gate.enter(weight(&page));
                make(page)
            }
        })
        .collect()
}

/// Lets pages in while their weight inside stays within a budget; a page
/// over the budget waits until it is alone.
struct Gate {
    budget: usize,
    inside: Mutex<usize>,
    left: Condvar,
}

/// A page's bytes inside the gate, given back on drop (also on a panic).
struct Pass<'a> {
    gate: &'a Gate,
    bytes: usize,
}

impl Gate {
    fn new(budget: usize) -> Gate {
        Gate {
            budget,
            inside: Mutex::new(0),
            left: Condvar::new(),
        }
    }

    /// Waits until `bytes` more fit (or nothing is inside), then takes them.
    /// No lock is held while a page is extracted, so a page inside always
    /// finishes and lets the others in.
    fn enter(&self, bytes: usize) -> Pass<'_> {
        let mut inside = self.inside.lock().unwrap_or_else(PoisonError::into_inner);
        while *inside > 0 && *inside + bytes > self.budget {
            inside = self
                .left
                .wait(inside)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *inside += bytes;
        Pass { gate: self, bytes }
    }
}

impl Drop for Pass<'_> {
    fn drop(&mut self) {
        let mut inside = self
            .gate
            .inside
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *inside -= self.bytes;
        self.gate.left.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Position;
    use chronicle_core::Date;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn doc(id: &str) -> Document {
        Document::new(id, Date::from_ymd_opt(2024, 1, 1).unwrap(), id)
    }

    #[test]
    fn results_keep_the_order_of_the_items_and_the_read_ahead_is_bounded() {
        let mut n = 0;
        let items = pull(
            || {
                n += 1;
                Some(if n % 3 == 0 {
                    Ahead::Ready(Box::new(Err(ReadError::new("x", Position::Line(n), "bad"))))
                } else {
                    Ahead::Pending(n)
                })
            },
            |_| 1,
        );
        assert_eq!(items.len(), PAGES);
        let out = make(items, |_| 1, |n| Ok(doc(&n.to_string())));
        for (i, item) in out.iter().enumerate() {
            let n = i + 1;
            match item {
                Ok(d) => assert_eq!((n % 3 != 0, d.id.as_str()), (true, &*n.to_string())),
                Err(e) => assert_eq!(e.position, Position::Line(n as u64)),
            }
        }
        // Bytes end a read-ahead early, after the page that crossed them.
        let mut pages = vec![BYTES / 2, BYTES / 2, 1].into_iter();
        let items = pull(|| pages.next().map(Ahead::Pending), |&b| b);
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn markup_counts_tags() {
        assert_eq!(markup(b"<p>a < b</p><br/>"), 4);
        assert_eq!(markup(b"no tags"), 0);
    }

    #[test]
    fn heavy_pages_are_never_extracted_together() {
        let (now, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let sizes = [
            EXTRACT_MARKUP,
            10,
            EXTRACT_MARKUP / 2 + 1,
            EXTRACT_MARKUP / 2 + 1,
        ];
        let items: Vec<Ahead<usize>> = sizes.iter().copied().map(Ahead::Pending).collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let out = pool.install(|| {
            make(
                items,
                |&b| b,
                |b| {
                    let inside = now.fetch_add(b, Ordering::SeqCst) + b;
                    most.fetch_max(inside, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    now.fetch_sub(b, Ordering::SeqCst);
                    Ok(doc(&b.to_string()))
                },
            )
        });
        assert_eq!(out.len(), 4);
        assert!(most.load(Ordering::SeqCst) <= EXTRACT_MARKUP);
    }
}
