//! Small, dependency-free helpers shared by every stage: slug rules, URL safety,
//! the translation source hash, text utilities and stage timings. Nothing here
//! reads files.

pub mod hash;
pub mod slug;
pub mod text;
pub mod timing;
pub mod url;
