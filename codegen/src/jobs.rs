//! The files of a generated crate as jobs, each rendered on its own, so that a caller can
//! compare or write one file before rendering the next and never hold them all.

use crate::emit::{self, FileRole};
use crate::ir::Service;

/// One file to generate.
#[derive(Clone, Debug)]
pub struct Job {
    /// Relative to the generated crate's root.
    pub path: String,
    kind: FileRole,
}

/// The checked specs and the files they make.
pub struct CodegenPlan {
    pub service: Service,
    /// In path order.
    pub jobs: Vec<Job>,
}

impl CodegenPlan {
    pub fn new(service: Service) -> Self {
        let jobs = emit::files(&service)
            .into_iter()
            .map(|(path, kind)| Job { path, kind })
            .collect();
        Self { service, jobs }
    }

    /// The formatted text of one file. An error is a generator bug.
    pub fn render(&self, job: &Job) -> Result<String, String> {
        crate::format::rust(emit::emit(&self.service, job.kind)?)
    }
}
