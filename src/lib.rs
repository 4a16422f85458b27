//! glossa compiles Markdown term files, written in several languages, into a
//! cross-linked static glossary site. See ARCHITECTURE.md for the pipeline.
//!
//! The public façade is what the binary and the tests use: [`pipeline::analyse`]
//! runs every check, [`render::Renderer`] renders into an [`output::OutputSink`].

#![warn(missing_docs, unreachable_pub)]
// Nothing a user wrote may panic the tool: no `unwrap` or `expect` outside
// tests (clippy.toml allows them there).
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod cmd;
pub mod config;
pub mod diag;
pub mod error;
pub mod frontmatter;
pub mod import;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod source;
pub mod theme;
pub mod util;
pub mod validate;
pub mod yaml;

pub use error::Error;
