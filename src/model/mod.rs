//! The glossary as one immutable value: terms × languages, their references
//! resolved to ids, and the link graph. Built once by [`assemble`]; every
//! list and graph on every page is read from here, so none can disagree.

pub mod articles;
mod assemble;
pub mod casing;
pub mod graph;
pub mod senses;
pub mod status;

pub use assemble::assemble;
pub use graph::LinkGraph;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::config::{LangId, SiteConfig};
use crate::frontmatter::ParsedFile;
use crate::source::{FileId, SourceMap, Span, Spanned};
use crate::util::slug::Slug;

/// Index of a term in [`Glossary::terms`] (terms are sorted by slug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct TermId(pub u32);

/// Index of an entry in [`Glossary::entries`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct EntryId(pub u32);

impl TermId {
    /// As a vector index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl EntryId {
    /// As a vector index.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A term: what all its language versions share.
#[derive(Debug, Clone)]
pub struct Term {
    /// Its id.
    pub id: TermId,
    /// Its slug.
    pub slug: Slug,
    /// Tag slugs, sorted, from the default-language file.
    pub tags: Vec<String>,
    /// Prerequisites as written (resolved), from the default-language file.
    pub prerequisites: Vec<TermId>,
    /// Related terms as written (resolved), from the default-language file.
    pub related: Vec<TermId>,
    /// The entry in each language, indexed by [`LangId`].
    pub entries: Vec<Option<EntryId>>,
    /// A draft is left out of builds unless `--drafts`.
    pub draft: bool,
    /// Whether mentions of it are linked automatically.
    pub autolink: bool,
    /// Old slugs that redirect here.
    pub redirect_from: Vec<Slug>,
    /// Date of the last meaningful change.
    pub updated: Option<String>,
    /// Whether the name is the one to use (`status:`), when the file says.
    pub status: Option<TermStatus>,
    /// For a deprecated term: the term to use instead (`use:`).
    pub use_instead: Option<TermId>,
}

/// A term's standing as a name to use, as terminologists mark it (the
/// administrative statuses of TBX).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum TermStatus {
    /// The name to use.
    Preferred,
    /// Acceptable, though another name is preferred.
    Admitted,
    /// Not to be used: `use:` names the replacement.
    Deprecated,
}

impl TermStatus {
    /// Every status, in the order they are documented.
    pub const ALL: [TermStatus; 3] = [TermStatus::Preferred, TermStatus::Admitted, TermStatus::Deprecated];

    /// As written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            TermStatus::Preferred => "preferred",
            TermStatus::Admitted => "admitted",
            TermStatus::Deprecated => "deprecated",
        }
    }

    /// The status written `text`.
    pub fn parse(text: &str) -> Option<TermStatus> {
        TermStatus::ALL.into_iter().find(|s| s.as_str() == text.trim())
    }
}

impl Term {
    /// The entry in `lang`, if translated.
    pub fn entry(&self, lang: LangId) -> Option<EntryId> {
        self.entries.get(lang.0).copied().flatten()
    }
}

/// One term in one language: one file, with everything later stages read
/// of it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its id.
    pub id: EntryId,
    /// The term it belongs to.
    pub term: TermId,
    /// Its language.
    pub lang: LangId,
    /// Its file.
    pub file: FileId,
    /// The title (the slug when the file has none; it then has an error).
    pub title: Spanned<String>,
    /// The title as printed in mid-sentence, when its page shows it is a
    /// common noun ([`casing`]).
    pub mid_sentence_title: Option<String>,
    /// The one-line summary (inline Markdown).
    pub summary: Spanned<String>,
    /// Other names of the term.
    pub aliases: Vec<Spanned<String>>,
    /// How the A–Z index sorts and groups the title, when not as written.
    pub sort_as: Option<Spanned<String>>,
    /// Which sense of a shared name this is ("AI" for "Token (AI)").
    pub sense: Option<Spanned<String>>,
    /// Key facts (inline Markdown).
    pub facts: Vec<Spanned<String>>,
    /// Numbered sources.
    pub sources: Vec<SourceLink>,
    /// The quiz, when the file has one.
    pub quiz: Option<Vec<Question>>,
    /// Date of the last meaningful change, `YYYY-MM-DD`.
    pub updated: Option<Spanned<String>>,
    /// The source hash a translation was made from (`source:`).
    pub source_hash: Option<Spanned<String>>,
    /// What the file says about its term as a whole (read from the
    /// default-language file; a translation's must agree).
    pub declared: Declared,
    /// Where its front matter starts (for problems of the file as a whole).
    pub span: Span,
    /// Byte range of its Markdown body in the file.
    pub body: Range<usize>,
    /// The file could not be read; the entry is a placeholder that only
    /// keeps references to its term from failing too.
    pub broken: bool,
}

impl Entry {
    /// The entry `id` of `term`, from its parsed file.
    pub fn new(id: EntryId, term: TermId, parsed: ParsedFile) -> Entry {
        let ParsedFile { file_ref: file, front, body, mid_sentence_title, broken } = parsed;
        Entry {
            id,
            term,
            lang: file.lang,
            file: file.file,
            title: front.title,
            mid_sentence_title,
            summary: front.summary,
            aliases: front.aliases,
            sort_as: front.sort_as,
            sense: front.sense,
            facts: front.facts,
            sources: front.sources,
            quiz: front.quiz,
            updated: front.updated,
            source_hash: front.source,
            declared: front.declared,
            span: front.span,
            body,
            broken,
        }
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title.value
    }

    /// The title as lists show it, with its sense when it has one:
    /// "Token (AI)".
    pub fn label(&self) -> String {
        match &self.sense {
            Some(sense) => format!("{} ({})", self.title(), sense.value.trim()),
            None => self.title().to_owned(),
        }
    }

    /// What the A–Z index sorts and groups by: `sort_as`, else the title.
    pub fn index_name(&self) -> &str {
        self.sort_as.as_ref().map_or(self.title(), |s| s.value.as_str())
    }
}

/// What one file declares about its term as a whole, as written.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Declared {
    /// Tags, if the key is present.
    pub tags: Option<Vec<Spanned<String>>>,
    /// Prerequisite slugs, if the key is present.
    pub prerequisites: Option<Vec<Spanned<String>>>,
    /// Related slugs, if the key is present.
    pub related: Option<Vec<Spanned<String>>>,
    /// Old slugs that redirect here.
    pub redirect_from: Vec<Spanned<String>>,
    /// Left out of builds unless `--drafts`.
    pub draft: bool,
    /// `false`: mentions of the term are not linked automatically.
    pub autolink: bool,
    /// `status:`, if the key is present.
    pub status: Option<Spanned<TermStatus>>,
    /// `use:` (a slug), if the key is present.
    pub use_instead: Option<Spanned<String>>,
}

/// One numbered source.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SourceLink {
    /// Its title (shown).
    pub title: Spanned<String>,
    /// Its URL.
    pub url: Spanned<String>,
}

/// One quiz question.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// The question (inline Markdown).
    pub question: Spanned<String>,
    /// The choices (inline Markdown).
    pub choices: Vec<Spanned<String>>,
    /// 0-based index of the right choice.
    pub answer: usize,
    /// Why that choice is right (inline Markdown).
    pub explanation: Option<Spanned<String>>,
}

/// Everything known about the content.
#[derive(Debug)]
pub struct Glossary {
    /// The site configuration.
    pub config: SiteConfig,
    /// Every file read.
    pub sources: SourceMap,
    /// Terms, sorted by slug.
    pub terms: Vec<Term>,
    /// Entries, sorted by slug then language.
    pub entries: Vec<Entry>,
    /// Slug → term.
    pub by_slug: BTreeMap<Slug, TermId>,
    /// Prerequisites, dependents, related terms and the learning order.
    pub graph: LinkGraph,
    /// Articles, sorted by slug.
    pub articles: Vec<articles::Article>,
    /// Article files, sorted by slug then language.
    pub article_entries: Vec<articles::ArticleEntry>,
    /// Names that several terms share in one language, each sense declared.
    pub senses: senses::Senses,
}

impl Glossary {
    /// The term `id`.
    pub fn term(&self, id: TermId) -> &Term {
        &self.terms[id.index()]
    }

    /// The entry `id`.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.index()]
    }

    /// The term with slug `slug`.
    pub fn lookup(&self, slug: &str) -> Option<TermId> {
        self.by_slug.get(slug).copied()
    }

    /// The entry shown for `term` in `lang`: its own, else the default language's.
    /// The flag is true for a fallback.
    pub fn entry_or_fallback(&self, term: TermId, lang: LangId) -> (&Entry, bool) {
        let term = self.term(term);
        match term.entry(lang) {
            Some(id) => (self.entry(id), false),
            None => {
                let default = term.entry(self.config.default_language).unwrap_or(EntryId(0));
                (self.entry(default), true)
            }
        }
    }

    /// The Markdown body of `entry`.
    pub fn body(&self, entry: &Entry) -> &str {
        &self.sources.get(entry.file).text[entry.body.clone()]
    }

    /// The article entry shown in `lang`: its own, else the default language's.
    pub fn article_entry(&self, article: usize, lang: LangId) -> (&articles::ArticleEntry, bool) {
        let a = &self.articles[article];
        match a.entry(lang) {
            Some(i) => (&self.article_entries[i], false),
            None => (&self.article_entries[a.entry(self.config.default_language).unwrap_or(0)], true),
        }
    }
}
