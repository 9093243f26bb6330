//! The guarded thread page extraction runs on: a large stack (trafilatura's
//! tree walks recurse) and a panic inside a dependency caught as an error.
//!
//! Each thread that extracts pages gets one long-lived worker thread of its
//! own, started on first use and ended when that thread ends. An earlier
//! design spawned a fresh thread per page; with glibc's per-thread malloc
//! arenas that churn left freed page memory scattered over many arenas, and
//! peak memory grew with the length of the input (issue 8). Invariants: a
//! job runs on the calling thread's worker and the caller waits for it, so
//! jobs of one caller never overlap; a panicking job is caught on the
//! worker, which goes on serving; a worker that is gone (it could not be
//! started, or died) is replaced on the next call.

use crate::{Article, HtmlError};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

/// Work for the worker: the reading of one page.
type Job = Box<dyn FnOnce() -> Article + Send>;

struct Worker {
    jobs: mpsc::Sender<Job>,
    outcomes: mpsc::Receiver<thread::Result<Article>>,
}

impl Worker {
    fn start(stack: usize) -> std::io::Result<Self> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (outcome_tx, outcomes) = mpsc::channel();
        thread::Builder::new()
            .name("chronicle-html".into())
            .stack_size(stack)
            .spawn(move || {
                for job in job_rx {
                    let outcome = catch_unwind(AssertUnwindSafe(job));
                    if outcome_tx.send(outcome).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Worker { jobs, outcomes })
    }

    /// Runs `job` on this worker; `None` if the worker is gone.
    fn run(&self, job: Job) -> Option<thread::Result<Article>> {
        self.jobs.send(job).ok()?;
        self.outcomes.recv().ok()
    }
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Runs `job` on the calling thread's worker (started with a stack of
/// `stack` bytes on first use) and waits for its article; a panic (or a
/// lost worker) is [`HtmlError::Failed`].
pub(crate) fn run_guarded(
    stack: usize,
    job: impl FnOnce() -> Article + Send + 'static,
) -> Result<Article, HtmlError> {
    let panicked = || HtmlError::Failed("the extractor panicked".into());
    WORKER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            let worker = Worker::start(stack).map_err(|e| {
                HtmlError::Failed(format!("cannot start the extraction thread: {e}"))
            })?;
            *slot = Some(worker);
        }
        let outcome = slot.as_ref().and_then(|worker| worker.run(Box::new(job)));
        match outcome {
            Some(Ok(article)) => Ok(article),
            Some(Err(_)) => Err(panicked()),
            None => {
                // The worker is gone; the next call starts a new one.
                *slot = None;
                Err(panicked())
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_job_is_an_error_and_the_worker_goes_on() {
        let first = run_guarded(1 << 20, || Article {
            body: "one".into(),
            ..Article::default()
        });
        assert_eq!(first.map(|a| a.body).ok().as_deref(), Some("one"));
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let failed = run_guarded(1 << 20, || panic!("inside a dependency"));
        std::panic::set_hook(hook);
        assert!(matches!(failed, Err(HtmlError::Failed(_))));
        let after = run_guarded(1 << 20, || Article {
            body: "two".into(),
            ..Article::default()
        });
        assert_eq!(after.map(|a| a.body).ok().as_deref(), Some("two"));
    }

    #[test]
    fn jobs_of_one_thread_share_one_worker() {
        let name = || Article {
            body: thread::current().name().unwrap_or_default().to_owned(),
            title: Some(format!("{:?}", thread::current().id())),
            ..Article::default()
        };
        let a = run_guarded(1 << 20, name).ok();
        let b = run_guarded(1 << 20, name).ok();
        assert_eq!(a.as_ref().map(|a| a.body.as_str()), Some("chronicle-html"));
        assert_eq!(a.map(|a| a.title), b.map(|b| b.title));
    }
}
