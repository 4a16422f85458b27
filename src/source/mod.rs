//! The site's source files: walking the site's folders safely, discovering
//! content under `content/`, and mapping byte offsets to `line:column` for
//! diagnostics. Reads files; never writes.

pub mod discover;
pub mod span;
pub mod walk;

pub use discover::{load, walk, ContentKind, FileRef, RawFile, Unread};
pub use span::{FileId, LineIndex, SourceFile, SourceMap, Span, Spanned};
