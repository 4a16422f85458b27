//! Translation status: for each term and language, whether the translation
//! is missing, untracked (no `source:`), stale (its `source:` hash no longer
//! matches the default-language entry) or up to date. The same data feeds
//! `check`, `glossa translations` and the site's status page.

use rayon::prelude::*;

use super::{Entry, Glossary, Question};
use crate::config::LangId;
use crate::source::Spanned;
use crate::util::hash::{source_hash, HashInput};

/// Where a translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Its `source:` hash matches the default-language entry.
    UpToDate,
    /// Its `source:` hash no longer matches.
    Stale,
    /// It has no `source:`.
    Untracked,
    /// There is no file in this language.
    Missing,
}

impl Status {
    /// Every status, in the order reports show them.
    pub const ALL: [Status; 4] = [Status::UpToDate, Status::Stale, Status::Untracked, Status::Missing];

    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::UpToDate => "up-to-date",
            Status::Stale => "stale",
            Status::Untracked => "untracked",
            Status::Missing => "missing",
        }
    }
}

/// The status of every term in every language, indexed `[term][lang]`; the
/// default language is always up to date. Hashes are computed once per term.
pub fn statuses(glossary: &Glossary) -> Vec<Vec<Status>> {
    glossary.terms.par_iter().map(|term| term_statuses(glossary, term)).collect()
}

/// The status of one term in every language.
pub fn term_statuses(glossary: &Glossary, term: &super::Term) -> Vec<Status> {
    let default = glossary.config.default_language;
    let source = term.entry(default).map(|e| glossary.entry(e));
    let mut hash: Option<String> = None;
    glossary
        .config
        .lang_ids()
        .map(|lang| {
            if lang == default {
                return Status::UpToDate;
            }
            let Some(entry) = term.entry(lang).map(|e| glossary.entry(e)) else { return Status::Missing };
            let (Some(stamp), Some(source)) = (&entry.source_hash, source) else { return Status::Untracked };
            let current = hash.get_or_insert_with(|| entry_hash(glossary, source));
            if stamp.value == *current {
                Status::UpToDate
            } else {
                Status::Stale
            }
        })
        .collect()
}

/// The status of one term in `lang`, from [`statuses`].
pub fn status_of(statuses: &[Vec<Status>], term: super::TermId, lang: LangId) -> Status {
    statuses.get(term.index()).and_then(|row| row.get(lang.0)).copied().unwrap_or(Status::Missing)
}

/// The source hash of a default-language entry, as `glossa new` writes it.
pub fn entry_hash(glossary: &Glossary, entry: &Entry) -> String {
    let parts = HashedParts {
        title: entry.title(),
        summary: &entry.summary.value,
        facts: &entry.facts,
        quiz: entry.quiz.as_deref(),
    };
    hash_parts(&parts, glossary.body(entry))
}

/// What a translation's `source:` hash covers, besides the body.
pub struct HashedParts<'a> {
    /// The title.
    pub title: &'a str,
    /// The summary.
    pub summary: &'a str,
    /// The key facts.
    pub facts: &'a [Spanned<String>],
    /// The quiz.
    pub quiz: Option<&'a [Question]>,
}

/// The source hash of an entry's parts and body: its title, summary, facts,
/// quiz and body (spec §2).
pub fn hash_parts(parts: &HashedParts<'_>, body: &str) -> String {
    let facts: Vec<String> = parts.facts.iter().map(|f| f.value.clone()).collect();
    let questions = parts.quiz.unwrap_or_default();
    let choices: Vec<Vec<String>> =
        questions.iter().map(|q| q.choices.iter().map(|c| c.value.clone()).collect()).collect();
    let quiz = questions
        .iter()
        .zip(&choices)
        .map(|(q, choices)| {
            let explanation = q.explanation.as_ref().map_or("", |e| e.value.as_str());
            (q.question.value.as_str(), choices.as_slice(), q.answer, explanation)
        })
        .collect();
    source_hash(&HashInput { title: parts.title, summary: parts.summary, facts: &facts, quiz, body })
}

/// The status of every article in every language, indexed `[article][lang]`,
/// as [`statuses`] is for terms.
pub fn article_statuses(glossary: &Glossary) -> Vec<Vec<Status>> {
    (0..glossary.articles.len())
        .map(|index| {
            let article = &glossary.articles[index];
            let mut hash: Option<Option<String>> = None;
            glossary
                .config
                .lang_ids()
                .map(|lang| {
                    if lang == glossary.config.default_language {
                        return Status::UpToDate;
                    }
                    let Some(entry) = article.entry(lang).map(|e| &glossary.article_entries[e]) else {
                        return Status::Missing;
                    };
                    let Some(stamp) = &entry.source_hash else { return Status::Untracked };
                    match hash.get_or_insert_with(|| article_source_hash(glossary, index)) {
                        Some(current) if *current == stamp.value => Status::UpToDate,
                        Some(_) => Status::Stale,
                        None => Status::Untracked,
                    }
                })
                .collect()
        })
        .collect()
}

/// The source hash of article `index`'s default-language file, as
/// `glossa new --article` writes it; `None` when that file is broken.
pub fn article_source_hash(glossary: &Glossary, index: usize) -> Option<String> {
    let source = glossary.articles[index].entry(glossary.config.default_language)?;
    let source = &glossary.article_entries[source];
    (!source.broken).then(|| {
        super::articles::article_hash(
            &source.title.value,
            source.description.as_ref().map(|d| d.value.as_str()),
            &glossary.sources.get(source.file).text[source.body.clone()],
        )
    })
}

/// One term or article in a status report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Item {
    /// Its slug.
    pub slug: String,
    /// Its title in the default language.
    pub title: String,
}

/// Terms or articles of one language, by status.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct StatusLists {
    /// How many there are.
    pub total: usize,
    /// Up to date with their source.
    #[serde(rename = "up-to-date")]
    pub up_to_date: Vec<Item>,
    /// Behind their source.
    pub stale: Vec<Item>,
    /// Translated without a `source:` hash.
    pub untracked: Vec<Item>,
    /// Not translated.
    pub missing: Vec<Item>,
}

impl StatusLists {
    /// The items with `status`.
    pub fn items(&self, status: Status) -> &[Item] {
        match status {
            Status::UpToDate => &self.up_to_date,
            Status::Stale => &self.stale,
            Status::Untracked => &self.untracked,
            Status::Missing => &self.missing,
        }
    }

    fn push(&mut self, status: Status, item: Item) {
        self.total += 1;
        match status {
            Status::UpToDate => self.up_to_date.push(item),
            Status::Stale => self.stale.push(item),
            Status::Untracked => self.untracked.push(item),
            Status::Missing => self.missing.push(item),
        }
    }
}

/// The translation status of one language: its terms (at the top level, as
/// before articles existed) and its articles.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LanguageReport {
    /// The language code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its terms by status.
    #[serde(flatten)]
    pub terms: StatusLists,
    /// Its articles by status.
    pub articles: StatusLists,
}

/// The translation status of every language but the default one, terms and
/// articles in slug order: what `glossa translations` prints and the status
/// page shows.
pub fn report(
    glossary: &Glossary,
    statuses: &[Vec<Status>],
    article_statuses: &[Vec<Status>],
    include_drafts: bool,
) -> Vec<LanguageReport> {
    let config = &glossary.config;
    let default = config.default_language;
    config
        .lang_ids()
        .filter(|l| *l != default)
        .map(|lang| {
            let language = config.language(lang);
            let mut terms = StatusLists::default();
            for term in glossary.terms.iter().filter(|t| include_drafts || !t.draft) {
                let (entry, _) = glossary.entry_or_fallback(term.id, default);
                let item = Item { slug: term.slug.to_string(), title: entry.title().to_owned() };
                terms.push(status_of(statuses, term.id, lang), item);
            }
            let mut articles = StatusLists::default();
            for (index, article) in glossary.articles.iter().enumerate().filter(|(_, a)| include_drafts || !a.draft) {
                let (entry, _) = glossary.article_entry(index, default);
                let item = Item { slug: article.slug.to_string(), title: entry.title.value.clone() };
                let status = article_statuses.get(index).and_then(|row| row.get(lang.0)).copied();
                articles.push(status.unwrap_or(Status::Missing), item);
            }
            LanguageReport { code: language.code.to_string(), name: language.name.clone(), terms, articles }
        })
        .collect()
}
