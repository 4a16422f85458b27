//! Small, dependency-free helpers shared by every stage: slug rules, URL safety,
//! the translation source hash and text utilities. Nothing here reads files.

pub mod hash;
pub mod slug;
pub mod text;
pub mod url;
