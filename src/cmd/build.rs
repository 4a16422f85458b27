//! `glossa build`: check, and only when the content passes, render into a
//! staging folder and swap it in place of the output.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{print_to_stderr, Outcome};
use crate::cli::BuildArgs;
use crate::error::Error;
use crate::output::{self, Staging};
use crate::pipeline::{self, Options};

/// Builds the site.
pub fn build(args: &BuildArgs) -> Result<Outcome, Error> {
    let started = Instant::now();
    let out = if args.out.is_absolute() { args.out.clone() } else { args.root.join(&args.out) };
    let target = output::Target::new(&args.root, &out)?;
    let options = Options { include_drafts: args.drafts, base_url: args.base_url.clone(), keep_bodies: false };
    let analysis = pipeline::analyse(&args.root, &options)?;
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
    let renderer =
        if args.no_search { site.renderer(args.drafts).without_search() } else { site.renderer(args.drafts) };
    let sink = staging.sink();
    let minifier = output::MinifySink::new(&sink);
    let target: &dyn output::OutputSink = if args.minify { &minifier } else { &sink };
    let stats = renderer.render(target, &|| progress.tick())?;
    let mut watch = crate::util::timing::Stopwatch::new();
    staging.commit()?;
    watch.lap("swap");
    progress.finish();

    let per_language: Vec<String> = stats.pages_per_language.iter().map(|(code, n)| format!("{code} {n}")).collect();
    let total_pages: usize = stats.pages_per_language.iter().map(|(_, n)| n).sum();
    let warnings = analysis.diagnostics.warnings();
    eprintln!(
        "Built {total_pages} pages ({}), {warnings} {} in {:.2} s → {}",
        per_language.join(", "),
        if warnings == 1 { "warning" } else { "warnings" },
        started.elapsed().as_secs_f64(),
        out.join(crate::render::PagePath::Chooser.file()).display(),
    );
    Ok(Outcome::Success)
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
