//! The subcommands: each wires the stages together, prints, and returns
//! whether the content passed. Exit codes are decided in `main`.

mod build;
mod check;
mod import;
mod new;
mod translations;

pub use build::build;
pub use check::check;
pub use import::import;
pub use new::new;
pub use translations::translations;

use std::io::IsTerminal;

use crate::cli::{Cli, Command};
use crate::diag::{self, Format};
use crate::error::Error;
use crate::pipeline::Analysis;

/// How a command ended, when it ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Success: exit 0.
    Success,
    /// The content has errors (or warnings under `--strict`): exit 1.
    ContentFailed,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, Error> {
    match cli.command {
        Command::Build(args) => build(&args),
        Command::Check(args) => check(&args),
        Command::Import(args) => import(&args),
        Command::New(args) => new(&args),
        Command::Translations(args) => translations(&args),
        Command::Serve(args) => crate::serve::serve(&crate::serve::ServeOptions {
            root: args.root,
            bind: args.bind,
            port: args.port,
            open: args.open,
            allowed_hosts: args.allow_host,
        }),
    }
}

/// Whether to colour output on a stream.
fn colour(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints the diagnostics of `analysis` to stderr in human form.
fn print_to_stderr(analysis: &Analysis) {
    let text =
        diag::render(&analysis.diagnostics, analysis.sources(), Format::Human, colour(std::io::stderr().is_terminal()));
    eprint!("{text}");
}
