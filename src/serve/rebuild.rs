//! Rebuilding the site in memory for the dev server, and publishing the
//! result: a good build replaces the files served, a build with errors only
//! replaces the problem list.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Notice, Shared, Snapshot};
use crate::diag::{Diagnostics, Severity};
use crate::error::Error;
use crate::output::MemorySink;
use crate::pipeline::{self, Options};
use crate::render::Site;
use crate::source::SourceMap;

/// One diagnostic as the browser overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The diagnostic code.
    pub code: &'static str,
    /// `file:line:column`.
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// The outcome of one rebuild.
#[derive(Debug)]
pub struct BuildResult {
    /// The new site, or `None` when the content has errors.
    pub files: Option<BTreeMap<String, Vec<u8>>>,
    /// Every diagnostic.
    pub problems: Vec<Problem>,
    /// How long it took.
    pub took: Duration,
}

/// Builds the site at `root` for serving at `base_url`.
pub struct Builder {
    root: PathBuf,
    base_url: String,
}

impl Builder {
    /// A builder for the site at `root`, served at `base_url`.
    pub fn new(root: PathBuf, base_url: String) -> Builder {
        Builder { root, base_url }
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Rebuilds after `changed` paths changed (all of them when empty).
    pub fn build(&mut self, _changed: &[PathBuf]) -> Result<BuildResult, Error> {
        let started = Instant::now();
        let options = Options { include_drafts: true, base_url: Some(self.base_url.clone()), highlight: true };
        let analysis = pipeline::analyse(&self.root, &options)?;
        let problems = problems(&analysis.diagnostics, analysis.sources());
        let files = match analysis.site.as_ref().filter(|_| analysis.diagnostics.errors() == 0) {
            Some(site) => {
                let sink = MemorySink::default();
                Site::new(&site.glossary, &site.rendered, &site.theme, true).render(&sink, &|| {})?;
                Some(sink.into_files())
            }
            None => None,
        };
        Ok(BuildResult { files, problems, took: started.elapsed() })
    }
}

fn problems(diagnostics: &Diagnostics, sources: &SourceMap) -> Vec<Problem> {
    diagnostics
        .iter()
        .map(|d| {
            let location = d.span.map_or_else(
                || "site".to_owned(),
                |span| {
                    let (line, column) = sources.locate(span);
                    format!("{}:{line}:{column}", sources.path(span.file).to_string_lossy().replace('\\', "/"))
                },
            );
            Problem {
                severity: d.severity.as_str(),
                code: d.code.as_str(),
                location,
                message: d.message.clone(),
                help: d.help.clone(),
            }
        })
        .collect()
}

/// Publishes a rebuild: new files (and a reload) when it succeeded, the
/// problems in any case. Prints a line for the terminal.
pub(super) fn publish(shared: &Shared, result: BuildResult, first: bool) {
    let errors: Vec<&Problem> = result.problems.iter().filter(|p| p.severity == Severity::Error.as_str()).collect();
    let millis = result.took.as_secs_f64() * 1000.0;
    {
        let mut snapshot = shared.snapshot.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        let files = match result.files {
            Some(files) => Arc::new(files),
            None => Arc::clone(&snapshot.files),
        };
        *snapshot = Snapshot { files, problems: Arc::new(result.problems.clone()) };
    }
    if errors.is_empty() {
        let verb = if first { "Built" } else { "Rebuilt" };
        println!("{verb} in {millis:.0} ms ({} warnings)", result.problems.len());
        let _ = shared.events.send(Notice::Reload);
    } else {
        eprintln!("{} error(s) in {millis:.0} ms; still serving the last good build:", errors.len());
        for problem in &errors {
            eprintln!("  {} error[{}]: {}", problem.location, problem.code, problem.message);
        }
        let json = serde_json::to_string(&result.problems).unwrap_or_else(|_| "[]".to_owned());
        let _ = shared.events.send(Notice::Problems(json));
    }
}
