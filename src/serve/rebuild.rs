//! Rebuilding the site in memory for the dev server, and publishing the
//! result: a good build replaces the files served, a build with errors only
//! replaces the problem list. An edit confined to one term is applied in
//! place (see `pipeline::live`): only that term's pages are rendered again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Files, Notice, Shared, Snapshot};
use crate::diag::{Diagnostics, Severity};
use crate::error::Error;
use crate::model::TermId;
use crate::output::MemorySink;
use crate::pipeline::live::{Applied, LiveSite, Update};
use crate::pipeline::{Inputs, Options};

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

impl Problem {
    /// A failure that stopped a rebuild, as the overlay shows it: templates
    /// that do not parse or render, files that cannot be read.
    pub fn from_error(error: &Error) -> Problem {
        let (code, location) = match error {
            Error::Template { name, .. } if name.starts_with("templates/") => ("template", name.clone()),
            Error::Template { name, .. } => ("template", format!("templates/{name}")),
            Error::Io { path, .. } => ("read-error", crate::util::text::slash_path(path)),
            Error::Usage(_)
            | Error::Server { .. }
            | Error::Watch { .. }
            | Error::Json { .. }
            | Error::Encode { .. }
            | Error::Search { .. } => ("site", "site".to_owned()),
        };
        Problem { severity: "error", code, location, message: error.to_string(), help: None }
    }
}

/// The outcome of one rebuild.
#[derive(Debug)]
pub struct BuildResult {
    /// The new site, or `None` when the content has errors.
    pub files: Option<Files>,
    /// Every diagnostic.
    pub problems: Vec<Problem>,
    /// How long it took.
    pub took: Duration,
    /// Whether only the edited terms were rebuilt.
    pub in_place: bool,
}

/// Builds the site at `root` for serving at `base_url`, keeping what it
/// needs to apply the next edit in place.
pub struct Builder {
    root: PathBuf,
    base_url: String,
    live: Option<LiveSite>,
    files: Files,
    /// An in-place update left the data files that hold every term's text
    /// behind (see [`Builder::refresh`]).
    exports_behind: bool,
}

/// What [`Builder::refresh`] brings up to date.
pub struct Refreshed {
    /// The files, when data files were rendered again.
    pub files: Option<Files>,
    /// The problems, when they changed.
    pub problems: Option<Vec<Problem>>,
}

impl Builder {
    /// A builder for the site at `root`, served at `base_url`.
    pub fn new(root: PathBuf, base_url: String) -> Builder {
        Builder { root, base_url, live: None, files: Files::default(), exports_behind: false }
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn options(&self) -> Options {
        Options { include_drafts: true, base_url: Some(self.base_url.clone()), keep_bodies: true }
    }

    /// Rebuilds after `changed` (absolute) paths changed; everything when empty.
    pub fn build(&mut self, changed: &[PathBuf]) -> Result<BuildResult, Error> {
        let started = Instant::now();
        if let Some(result) = self.try_in_place(changed, started)? {
            return Ok(result);
        }
        self.full(started)
    }

    /// Applies an edit to existing term files in place, when it stays within them.
    fn try_in_place(&mut self, changed: &[PathBuf], started: Instant) -> Result<Option<BuildResult>, Error> {
        let Some(live) = self.live.as_mut() else { return Ok(None) };
        if changed.is_empty() {
            return Ok(None);
        }
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        let mut edits = Vec::new();
        for path in changed {
            let Ok(rel) = path.strip_prefix(&root) else { return Ok(None) };
            let Ok(bytes) = std::fs::read(path) else { return Ok(None) };
            edits.push((rel.to_path_buf(), bytes));
        }
        let applied = match live.update(edits) {
            Update::Applied(applied) => applied,
            Update::NeedsFullAnalysis => return Ok(None),
        };
        let diagnostics = live.diagnostics();
        let problems = problems(&diagnostics);
        let files = if diagnostics.errors() == 0 { Some(self.render_in_place(&applied)?) } else { None };
        Ok(Some(BuildResult { files, problems, took: started.elapsed(), in_place: true }))
    }

    fn render_in_place(&mut self, applied: &Applied) -> Result<Files, Error> {
        let Some(live) = self.live.as_ref() else { return Ok(Files::clone(&self.files)) };
        let sink = MemorySink::default();
        let renderer = live.site.renderer(true);
        let published: Vec<TermId> = applied.terms.iter().copied().filter(|t| renderer.published(*t)).collect();
        renderer.render_terms(&published, &sink, &|| {})?;
        // The CSV exports and practice questions hold every term's text: at
        // 10,000 terms they take several times as long as the pages, so they
        // follow once edits pause.
        self.exports_behind = true;
        if applied.statuses_changed {
            renderer.render_status(&sink)?;
        }
        Ok(self.swap_in(sink))
    }

    /// Serves the files of `sink` in place of those at the same paths.
    fn swap_in(&mut self, sink: MemorySink) -> Files {
        let mut files = BTreeMap::clone(&self.files);
        for (path, bytes) in sink.into_files() {
            files.insert(path, Arc::from(bytes));
        }
        self.files = Arc::new(files);
        Arc::clone(&self.files)
    }

    fn full(&mut self, started: Instant) -> Result<BuildResult, Error> {
        let inputs = Inputs::read(&self.root)?;
        let live = match LiveSite::new(inputs, self.options())? {
            Ok(live) => live,
            Err((diagnostics, _)) => {
                self.live = None;
                let problems = problems(&diagnostics);
                return Ok(BuildResult { files: None, problems, took: started.elapsed(), in_place: false });
            }
        };
        let diagnostics = live.diagnostics();
        let problems = problems(&diagnostics);
        let files = if diagnostics.errors() == 0 {
            let sink = MemorySink::default();
            live.site.renderer(true).render(&sink, &|| {})?;
            let files: BTreeMap<String, Arc<[u8]>> =
                sink.into_files().into_iter().map(|(k, v)| (k, Arc::from(v))).collect();
            self.files = Arc::new(files);
            self.exports_behind = false;
            Some(Arc::clone(&self.files))
        } else {
            None
        };
        self.live = Some(live);
        Ok(BuildResult { files, problems, took: started.elapsed(), in_place: false })
    }

    /// After in-place updates, once the sources are quiet: renders the data
    /// files they left behind (the CSV exports, the practice page and its
    /// questions) and runs the lints that compare terms again.
    pub fn refresh(&mut self, previous: &[Problem]) -> Result<Refreshed, Error> {
        let Some(live) = self.live.as_mut() else { return Ok(Refreshed { files: None, problems: None }) };
        live.refresh_cross_lints();
        let diagnostics = live.diagnostics();
        let fresh = problems(&diagnostics);
        let problems = (fresh != previous).then_some(fresh);
        let mut files = None;
        if self.exports_behind && diagnostics.errors() == 0 {
            let sink = MemorySink::default();
            live.site.renderer(true).render_text_exports(&sink)?;
            self.exports_behind = false;
            files = Some(self.swap_in(sink));
        }
        Ok(Refreshed { files, problems })
    }
}

fn problems(diagnostics: &Diagnostics) -> Vec<Problem> {
    diagnostics
        .located()
        .map(|(d, location)| Problem {
            severity: d.severity.as_str(),
            code: d.code.as_str(),
            location: location.map_or_else(|| "site".to_owned(), |l| format!("{}:{}:{}", l.path, l.line, l.column)),
            message: d.message.clone(),
            help: d.help.clone(),
        })
        .collect()
}

/// Publishes a rebuild: new files (and a reload) when it succeeded, the
/// problems in any case. Prints a line for the terminal.
pub(super) fn publish(shared: &Shared, result: BuildResult, first: bool) {
    let errors: Vec<&Problem> = result.problems.iter().filter(|p| p.severity == Severity::Error.as_str()).collect();
    let warnings = result.problems.len() - errors.len();
    let millis = result.took.as_secs_f64() * 1000.0;
    let succeeded = result.files.is_some();
    {
        let mut snapshot = shared.snapshot.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        let files = result.files.unwrap_or_else(|| Arc::clone(&snapshot.files));
        *snapshot = Snapshot { files, problems: Arc::new(result.problems.clone()) };
    }
    if succeeded {
        let verb = if first { "Built" } else { "Rebuilt" };
        let scope = if result.in_place { ", in place" } else { "" };
        println!("{verb} in {millis:.0} ms ({warnings} warnings{scope})");
        let _ = shared.events.send(Notice::Reload);
    } else {
        eprintln!("{} error(s) in {millis:.0} ms; still serving the last good build:", errors.len());
        for problem in &errors {
            eprintln!(
                "  {} error[{}]: {}",
                crate::util::text::printable(&problem.location),
                problem.code,
                crate::util::text::printable(&problem.message)
            );
        }
        publish_problems(shared, &result.problems);
    }
}

/// Serves new files without reloading open pages: data files brought up
/// to date after the pages that show them.
pub(super) fn publish_files(shared: &Shared, files: Files) {
    let mut snapshot = shared.snapshot.write().unwrap_or_else(std::sync::PoisonError::into_inner);
    snapshot.files = files;
}

/// Tells open pages about a new problem list (no reload).
pub(super) fn publish_problems(shared: &Shared, problems: &[Problem]) {
    {
        let mut snapshot = shared.snapshot.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        snapshot.problems = Arc::new(problems.to_vec());
    }
    let json = serde_json::to_string(problems).unwrap_or_else(|_| "[]".to_owned());
    let _ = shared.events.send(Notice::Problems(json));
}
