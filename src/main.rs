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

/// mimalloc's options beyond the default.
#[cfg(feature = "mimalloc")]
mod allocator {
    use std::ffi::{c_int, c_long};

    /// `mi_option_purge_delay` in the `mi_option_t` of mimalloc.h (v3, as
    /// libmimalloc-sys builds it), in milliseconds; -1 is "never".
    const PURGE_DELAY: c_int = 15;

    extern "C" {
        fn mi_option_set(option: c_int, value: c_long);
        #[cfg(test)]
        fn mi_option_get(option: c_int) -> c_long;
    }

    /// Keeps the memory mimalloc frees for its own reuse instead of giving
    /// it back to the system a second later. Pagefind makes a gzip encoder
    /// of a few hundred KB for every file of the search index and frees it
    /// at once; given back, those pages were faulted in and zeroed again
    /// (BENCHMARKS.md).
    pub fn keep_freed_memory() {
        // SAFETY: a plain setter of mimalloc's, which is linked in as the allocator.
        unsafe { mi_option_set(PURGE_DELAY, -1) }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_option_set_is_the_purge_delay() {
            // Only the purge delay defaults to a second: a header whose
            // options moved would make this read another option.
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                // SAFETY: a plain getter of mimalloc's.
                assert_eq!(unsafe { mi_option_get(PURGE_DELAY) }, 1000);
            }
        }
    }
}

fn main() -> ExitCode {
    #[cfg(feature = "mimalloc")]
    allocator::keep_freed_memory();
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
