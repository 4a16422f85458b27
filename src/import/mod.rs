//! `glossa import`: terms from a CSV file (the format the CSV export writes)
//! or a TBX file, read into a typed list of [`Entry`]s first, checked as a
//! whole ([`plan`]), and only then written as term files ([`write`]).

mod cells;
pub mod csv;
pub mod front;
pub mod plan;
pub mod tbx;
pub mod write;

use crate::config::LangId;
use crate::diag::Diagnostic;
use crate::model::TermStatus;
use crate::source::{FileId, Span};
use crate::util::slug::Slug;

/// The formats `glossa import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row, in the columns of the CSV export.
    Csv,
    /// TermBase eXchange: TBX-Basic (v3, `<tbx>`) or TBX v2 (`<martif>`).
    Tbx,
}

impl Format {
    /// The format a file name's extension names, if any.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match extension.as_str() {
            "csv" => Some(Format::Csv),
            "tbx" => Some(Format::Tbx),
            _ => None,
        }
    }
}

/// One term file to write: a term in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The term.
    pub slug: Slug,
    /// The file's language.
    pub lang: LangId,
    /// The row or element it was read from (where problems are reported).
    pub at: Span,
    /// `title:` (inline Markdown as written).
    pub title: String,
    /// `summary:`.
    pub summary: String,
    /// `aliases:`.
    pub aliases: Vec<String>,
    /// `sort_as:`.
    pub sort_as: Option<String>,
    /// `sense:`.
    pub sense: Option<String>,
    /// `facts:`.
    pub facts: Vec<String>,
    /// `sources:`.
    pub sources: Vec<Source>,
    /// `quiz:`.
    pub quiz: Vec<Question>,
    /// `updated:` (`YYYY-MM-DD`).
    pub updated: Option<String>,
    /// `source:` (a translation's source hash).
    pub source: Option<String>,
    /// What belongs to the term as a whole: only on default-language entries.
    pub term: Option<TermWide>,
    /// The Markdown body, verbatim.
    pub body: String,
}

/// The keys a default-language file carries for its term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermWide {
    /// `tags:`.
    pub tags: Vec<String>,
    /// `prerequisites:`.
    pub prerequisites: Vec<String>,
    /// `related:`.
    pub related: Vec<String>,
    /// `status:`.
    pub status: Option<TermStatus>,
    /// `use:` (the slug of the term to use instead).
    pub use_instead: Option<String>,
    /// `autolink:` (`true` unless set).
    pub autolink: bool,
    /// `draft:` (`false` unless set).
    pub draft: bool,
    /// `redirect_from:`.
    pub redirect_from: Vec<String>,
}

impl Default for TermWide {
    fn default() -> TermWide {
        TermWide {
            tags: Vec::new(),
            prerequisites: Vec::new(),
            related: Vec::new(),
            status: None,
            use_instead: None,
            autolink: true,
            draft: false,
            redirect_from: Vec::new(),
        }
    }
}

/// One numbered source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Its title.
    pub title: String,
    /// Its URL.
    pub url: String,
}

/// One quiz question.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question.
    pub question: String,
    /// The choices.
    pub choices: Vec<String>,
    /// 0-based index of the right choice.
    pub answer: usize,
    /// Why it is right.
    #[serde(default)]
    pub explanation: Option<String>,
}

/// What a reader took from its input: the entries it could read, and a
/// diagnostic for every row or element it could not.
#[derive(Debug, Default)]
pub struct Read {
    /// Entries in input order.
    pub entries: Vec<Entry>,
    /// Problems, each at its position in the input.
    pub diags: Vec<Diagnostic>,
}

/// Reads `text` (the file `file` of the source map) in `format`.
pub fn read(format: Format, text: &str, file: FileId, config: &crate::config::SiteConfig) -> Read {
    match format {
        Format::Csv => csv::read(text, file, config),
        Format::Tbx => tbx::read(text, file, config),
    }
}
