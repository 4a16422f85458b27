//! The site's source files: discovering them under `content/` and mapping byte
//! offsets to `line:column` for diagnostics. Reads files; never writes.

pub mod discover;
pub mod span;

pub use discover::{load, walk, ContentKind, FileRef, RawFile};
pub use span::{FileId, LineIndex, SourceFile, SourceMap, Span};
