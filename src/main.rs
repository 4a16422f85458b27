//! The `glossa` binary: parse the command line, run, map the outcome to an
//! exit code (0 success, 1 content problems, 2 usage or I/O errors).

#![warn(clippy::unwrap_used, clippy::expect_used)]

use std::process::ExitCode;

use clap::Parser;
use glossa::cli::Cli;
use glossa::cmd::{self, Outcome};

// The search indexer allocates millions of small maps from several threads:
// with mimalloc a default build of 10,000 terms × 2 takes a quarter less time
// and peaks lower (BENCHMARKS.md); builds without search are unchanged.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::ContentFailed) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {}", glossa::util::text::printable(&error.to_string()));
            ExitCode::from(2)
        }
    }
}
