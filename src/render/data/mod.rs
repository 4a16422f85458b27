//! What other programs read: feeds, exports (JSON, CSV, TBX, SKOS), Anki decks, JSON-LD, the sitemap,
//! the data behind learning paths and practice, and the search index.

pub mod anki;
pub mod csv;
pub mod export;
pub mod feed;
pub mod json_ld;
pub mod learning;
pub mod rows;
pub mod search;
pub mod sitemap;
pub mod skos;
pub mod tbx;
