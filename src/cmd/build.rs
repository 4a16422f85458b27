//! `glossa build`: check, and only when the content passes, render into a
//! staging folder and swap it in place of the output. With the build cache
//! beside the output, a build of unchanged inputs into an untouched output
//! writes nothing, and any other build reuses the last one's analysis of
//! unchanged files, its highlighting, and the pages and files whose inputs
//! did not change.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{print_to_stderr, Outcome};
use crate::cli::BuildArgs;
use crate::diag::{self, Format};
use crate::error::Error;
use crate::output::{self, BuildCache, Record, Staging};
use crate::pipeline::{self, Options};

/// Builds the site.
pub fn build(args: &BuildArgs) -> Result<Outcome, Error> {
    let started = Instant::now();
    let out = if args.out.is_absolute() { args.out.clone() } else { args.root.join(&args.out) };
    let target = output::Target::new(&args.root, &out)?;
    let options = Options { include_drafts: args.drafts, base_url: args.base_url.clone(), keep_bodies: false };
    let inputs = pipeline::Inputs::read(&args.root)?;
    let cache = if args.no_cache { None } else { BuildCache::beside(&target) };
    let binary = binary_identity();
    let mut settings = settings(args);
    settings.push(&binary);
    let digest = inputs.digest(&settings);
    let stamp = digest.stamp.clone();
    if let Some(record) = cache.as_ref().and_then(|cache| cache.up_to_date(&stamp)) {
        Staging::sweep(&target);
        eprint!("{}", record.diagnostics);
        eprintln!(
            "Up to date: nothing changed since the last build ({}, {}) → {}",
            pages_line(&record.pages_per_language),
            warnings_line(record.warnings),
            out.join(crate::render::PagePath::Chooser.file()).display(),
        );
        return Ok(Outcome::Success);
    }
    let (memo, partial) = cache
        .as_ref()
        .and_then(|cache| cache.record_analysis().ok())
        .map(|(previous, partial, file)| (pipeline::memo::Memo::new(&digest, previous, Box::new(file)), partial))
        .unzip();
    let analysis = pipeline::analyse_recalling(inputs, &options, memo.as_ref())?;
    if let (Some(memo), Some(partial)) = (memo, partial) {
        partial.finish(memo.finish());
    }
    print_to_stderr(&analysis);
    let failed = analysis.diagnostics.fails(args.strict);
    let Some(site) = analysis.site.as_ref().filter(|_| !failed) else {
        eprintln!(
            "Nothing was written: fix the errors above{}.",
            if args.strict { " (--strict fails on warnings too)" } else { "" }
        );
        return Ok(Outcome::ContentFailed);
    };

    let staging = Staging::new(&target)?;
    let total = site.glossary.terms.len() * site.glossary.config.languages.len();
    let progress = Progress::new(total as u64);
    let blocks = std::sync::Arc::new(cache.as_ref().map(BuildCache::blocks).unwrap_or_default());
    let renderer = site.renderer(args.drafts).with_blocks(std::sync::Arc::clone(&blocks));
    // Without a place to record this build's pages, none are reused either.
    let recorder = cache.as_ref().and_then(|cache| cache.record_pages(&stamp).ok());
    let renderer = match &recorder {
        Some(recorder) => {
            let previous = cache.as_ref().and_then(BuildCache::previous_pages);
            renderer.with_reuse(crate::render::PageReuse { previous, recorder, digest: &digest })
        }
        None => renderer,
    };
    let renderer = if args.no_search { renderer.without_search() } else { renderer };
    let sink = staging.sink();
    let minifier = output::MinifySink::new(&sink);
    let target: &dyn output::OutputSink = if args.minify { &minifier } else { &sink };
    let stats = renderer.render(target, &|| progress.tick())?;
    let mut watch = crate::util::timing::Stopwatch::new();
    staging.commit()?;
    watch.lap("swap");
    progress.finish();

    let pages_per_language: Vec<(String, usize)> =
        stats.pages_per_language.iter().map(|(code, n)| (code.to_string(), *n)).collect();
    let warnings = analysis.diagnostics.warnings();
    if let Some(cache) = &cache {
        let diagnostics = diag::render(&analysis.diagnostics, analysis.sources(), Format::Human, false);
        let record = Record { stamp, pages_per_language: pages_per_language.clone(), warnings, diagnostics };
        // The site is in place: a cache that cannot be written costs the next build time, nothing else.
        if let Err(error) = cache.save(&record, &blocks, recorder) {
            eprintln!("warning: the build cache in {} was not written: {error}", cache.dir().display());
        }
        watch.lap("cache");
    }
    eprintln!(
        "Built {}, {} in {:.2} s → {}",
        pages_line(&pages_per_language),
        warnings_line(warnings),
        started.elapsed().as_secs_f64(),
        out.join(crate::render::PagePath::Chooser.file()).display(),
    );
    Ok(Outcome::Success)
}

/// Everything besides the files read that changes what a build writes.
fn settings(args: &BuildArgs) -> Vec<&str> {
    let flag = |on: bool, name: &'static str| if on { name } else { "" };
    vec![
        env!("CARGO_PKG_VERSION"),
        crate::markdown::highlight::ENGINE,
        flag(args.strict, "strict"),
        flag(args.drafts, "drafts"),
        flag(args.no_search, "no-search"),
        flag(args.minify, "minify"),
        args.base_url.as_deref().unwrap_or_default(),
    ]
}

/// The running glossa's size and modification time: a glossa built again
/// (its theme and code changed under the same version number) never takes
/// the last build's output as its own.
fn binary_identity() -> String {
    let Some(meta) = std::env::current_exe().and_then(std::fs::metadata).ok() else { return String::new() };
    let modified = meta.modified().ok().and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok());
    format!("binary {} {}", meta.len(), modified.map_or(0, |m| m.as_nanos()))
}

/// "104 pages (en 52, ko 52)".
fn pages_line(pages_per_language: &[(String, usize)]) -> String {
    let per_language: Vec<String> = pages_per_language.iter().map(|(code, n)| format!("{code} {n}")).collect();
    let total: usize = pages_per_language.iter().map(|(_, n)| n).sum();
    format!("{total} pages ({})", per_language.join(", "))
}

fn warnings_line(warnings: usize) -> String {
    format!("{warnings} {}", if warnings == 1 { "warning" } else { "warnings" })
}

/// A progress bar that appears only when stderr is a terminal and the
/// build has taken more than a moment.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    interactive: bool,
}

impl Progress {
    const DELAY: Duration = Duration::from_millis(300);

    fn new(total: u64) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} rendering {pos}/{len} term pages {wide_bar} {eta}") {
            bar.set_style(style);
        }
        Progress { bar, started: Instant::now(), interactive: std::io::stderr().is_terminal() }
    }

    fn tick(&self) {
        if self.interactive && self.bar.is_hidden() && self.started.elapsed() > Self::DELAY {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
