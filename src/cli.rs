//! The command line, as clap derive types only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diag::Format;

/// glossa: a static-site generator for bilingual educational glossaries.
#[derive(Debug, Parser)]
#[command(name = "glossa", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content, then build the site into the output folder.
    Build(BuildArgs),
    /// Check the content and report every problem, without writing anything.
    Check(CheckArgs),
    /// Write term files from a CSV or TBX file (never overwriting one).
    Import(ImportArgs),
    /// Start a new term, or a translation of an existing one.
    New(NewArgs),
    /// Serve the site locally, rebuilding and reloading on every change.
    Serve(ServeArgs),
    /// Report which translations are missing, stale, untracked or up to date.
    Translations(TranslationsArgs),
}

/// `glossa build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The output folder, replaced as a whole when the build succeeds.
    #[arg(long, default_value = "public")]
    pub out: PathBuf,
    /// Override site.yaml's base_url (an absolute http(s) URL).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Publish terms marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Leave out the search index (faster builds; the search box then finds nothing).
    #[arg(long)]
    pub no_search: bool,
    /// Remove indentation, empty lines and CSS comments from HTML, CSS and JS.
    #[arg(long)]
    pub minify: bool,
    /// Build from scratch: neither read nor write the build cache beside the output.
    #[arg(long)]
    pub no_cache: bool,
}

/// `glossa check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Fail on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Check as if drafts were published (drafts are always checked).
    #[arg(long)]
    pub drafts: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// `glossa new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The term's slug (lowercase letters, digits and single hyphens).
    pub slug: String,
    /// Start an article (content/<lang>/articles/) instead of a term.
    #[arg(long)]
    pub article: bool,
    /// Start a translation into this language (from the default-language file).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// `glossa import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV or TBX file to read.
    pub file: PathBuf,
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The file's format (by default from its extension, .csv or .tbx).
    #[arg(long, value_enum)]
    pub format: Option<crate::import::Format>,
    /// Report what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write the entries that have no errors even when others have (the exit code is still 1).
    #[arg(long)]
    pub keep_going: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub diagnostics: Format,
}

/// `glossa serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The address to listen on; loopback unless you ask for another.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Also answer requests for this host name (repeatable). Loopback names
    /// and IP addresses are always answered; other names get 403, so a web
    /// page cannot reach the server through DNS rebinding.
    #[arg(long = "allow-host", value_name = "HOST")]
    pub allow_host: Vec<String>,
}

/// Output format of `glossa translations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ReportFormat {
    /// Readable text.
    #[default]
    Human,
    /// One JSON document.
    Json,
}

/// `glossa translations`.
#[derive(Debug, Args)]
pub struct TranslationsArgs {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Mark this term's (or, with --article, article's) translation in --lang as reviewed against the current source.
    #[arg(long, value_name = "SLUG", requires = "lang")]
    pub mark_current: Option<String>,
    /// The translation's language, with --mark-current.
    #[arg(long, value_name = "CODE", requires = "mark_current")]
    pub lang: Option<String>,
    /// With --mark-current: SLUG names an article, not a term.
    #[arg(long, requires = "mark_current")]
    pub article: bool,
}
