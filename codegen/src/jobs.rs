//! The files of a generated crate as jobs: each can be rendered on its own, on any thread, and
//! carries a fingerprint of everything its contents depend on, so a caller can skip a file
//! whose fingerprint and contents it has seen before.

use std::fmt::Write as _;

use codegen_fingerprint::fingerprint;

use crate::emit::{self, Kind};
use crate::ir::Service;

/// The generator's own fingerprint: its sources and the lock file (see `build.rs`).
const GENERATOR: u64 = include!(concat!(env!("OUT_DIR"), "/fingerprint.rs"));

/// One file to generate.
#[derive(Clone, Debug)]
pub struct Job {
    /// Relative to the generated crate's root.
    pub path: String,
    /// Changes whenever anything the file's contents depend on changes.
    pub fingerprint: u128,
    kind: Kind,
}

/// The checked specs and the files they make.
pub struct Plan {
    pub service: Service,
    pub jobs: Vec<Job>,
}

impl Plan {
    pub fn new(service: Service) -> Self {
        // Naming every field makes a new one fail to compile until it is fingerprinted.
        let Service {
            name,
            crate_name,
            crate_ident,
            runtime,
            env_prefix,
            config_dir,
            product,
            description,
            base_url,
            region,
            zone,
            guide,
            groups,
            errors,
            waiters,
            actions,
            models,
        } = &service;
        let header = fingerprint(|w| {
            write!(
                w,
                "{name:?}{crate_name:?}{runtime:?}{env_prefix:?}{config_dir:?}{base_url:?}\
                 {region:?}{zone:?}"
            )
        });
        // Each action and model is printed once; files made from all of them hash those parts.
        let actions = crate::par::map(actions, |a| fingerprint(|w| write!(w, "{a:?}")));
        let models = crate::par::map(models, |m| fingerprint(|w| write!(w, "{m:?}")));
        let whole = fingerprint(|w| {
            write!(
                w,
                "{header}{crate_ident:?}{product:?}{description:?}{guide:?}{groups:?}{errors:?}\
                 {waiters:?}{actions:?}{models:?}"
            )
        });
        let jobs = emit::files(&service)
            .into_iter()
            .map(|(path, kind)| {
                let own = match kind {
                    Kind::Action(i) => actions[i],
                    Kind::Model(i) => models[i],
                    // Wire tests build request models from their examples.
                    Kind::WireTest(i) => fingerprint(|w| {
                        write!(w, "{}", actions[i])?;
                        for m in request_models(&service, i) {
                            write!(w, "{}", models[m])?;
                        }
                        Ok(())
                    }),
                    _ => whole,
                };
                let fingerprint =
                    fingerprint(|w| write!(w, "{GENERATOR}{header}{own}{path}{kind:?}"));
                Job {
                    path,
                    fingerprint,
                    kind,
                }
            })
            .collect();
        Self { service, jobs }
    }

    /// The formatted text of one file. An error is a generator bug.
    pub fn render(&self, job: &Job) -> Result<String, String> {
        crate::format::rust(emit::emit(&self.service, job.kind)?)
    }

    /// Renders jobs on all cores, handing each result to `done` on the thread that made it;
    /// stops at the first error `done` returns.
    pub fn render_parallel<E: Send>(
        &self,
        jobs: &[&Job],
        done: impl Fn(&Job, Result<String, String>) -> Result<(), E> + Sync,
    ) -> Result<(), E> {
        // The files made from every action take longest; started last, one would leave the
        // other cores idle at the end.
        let mut jobs = jobs.to_vec();
        jobs.sort_by_key(|job| {
            !matches!(
                job.kind,
                Kind::Schema | Kind::Dispatch | Kind::Lib | Kind::WireMain | Kind::ActionsIndex
            )
        });
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(jobs.len().max(1));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let failed = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| -> Result<(), E> {
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if i >= jobs.len() || failed.load(std::sync::atomic::Ordering::Relaxed)
                            {
                                return Ok(());
                            }
                            let job = jobs[i];
                            if let Err(e) = done(job, self.render(job)) {
                                failed.store(true, std::sync::atomic::Ordering::Relaxed);
                                return Err(e);
                            }
                        }
                    })
                })
                .collect();
            let mut result = Ok(());
            for w in workers {
                match w.join() {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => result = Err(e),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            result
        })
    }
}

/// The models a request of action `i` reaches, directly or through other models.
fn request_models(service: &Service, i: usize) -> Vec<usize> {
    let mut seen: Vec<usize> = Vec::new();
    let mut queue: Vec<&crate::ir::Field> = service.actions[i].request.iter().collect();
    while let Some(f) = queue.pop() {
        if let crate::ir::Ty::Model { name, .. } = f.ty.element()
            && let Some(m) = service.models.iter().position(|m| &m.type_name == name)
            && !seen.contains(&m)
        {
            seen.push(m);
            queue.extend(&service.models[m].fields);
        }
    }
    seen.sort_unstable();
    seen
}
