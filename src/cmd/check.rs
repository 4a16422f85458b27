//! `glossa check`: every diagnostic, in the chosen format, on stdout.

use std::io::{IsTerminal, Write};

use super::{colour, Outcome};
use crate::cli::CheckArgs;
use crate::diag::{self, Format};
use crate::error::Error;
use crate::pipeline::{self, Options};

/// Checks the site and prints every problem.
pub fn check(args: &CheckArgs) -> Result<Outcome, Error> {
    let options = Options { include_drafts: args.drafts, base_url: None, keep_bodies: false };
    let analysis = pipeline::analyse(&args.root, &options)?;
    let colour = colour(std::io::stdout().is_terminal());
    let mut text = diag::render(&analysis.diagnostics, analysis.sources(), args.format, colour);
    if args.format == Format::Human && analysis.diagnostics.is_empty() {
        let files = analysis.sources().len();
        text = format!("No problems in {files} files.\n");
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `glossa check | head`) is not an error.
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(Error::io("<stdout>", e));
        }
    }
    Ok(if analysis.diagnostics.fails(args.strict) { Outcome::ContentFailed } else { Outcome::Success })
}
