//! Translation status: for each term and language, whether the translation
//! is missing, untracked (no `source:`), stale (its `source:` hash no longer
//! matches the default-language entry) or up to date. The same data feeds
//! `check`, `glossa translations` and the site's status page.

use rayon::prelude::*;

use super::{Entry, Glossary};
use crate::config::LangId;
use crate::frontmatter::FrontMatter;
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
            let (Some(stamp), Some(source)) = (&entry.front.source, source) else { return Status::Untracked };
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
    hash_parts(&entry.front, glossary.body(entry))
}

/// The source hash of a front matter and body: its title, summary, facts,
/// quiz and body (spec §2).
pub fn hash_parts(front: &FrontMatter, body: &str) -> String {
    let facts: Vec<String> = front.facts.iter().map(|f| f.value.clone()).collect();
    let questions = front.quiz.as_deref().unwrap_or_default();
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
    source_hash(&HashInput { title: &front.title.value, summary: &front.summary.value, facts: &facts, quiz, body })
}

/// One term in a status report.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TermStatus {
    /// Its slug.
    pub slug: String,
    /// Its title in the default language.
    pub title: String,
}

/// The status of every term in one language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LanguageReport {
    /// The language code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Number of terms.
    pub total: usize,
    /// Terms whose translation is up to date.
    #[serde(rename = "up-to-date")]
    pub up_to_date: Vec<TermStatus>,
    /// Terms whose translation is behind its source.
    pub stale: Vec<TermStatus>,
    /// Terms translated without a `source:` hash.
    pub untracked: Vec<TermStatus>,
    /// Terms with no translation.
    pub missing: Vec<TermStatus>,
}

impl LanguageReport {
    /// The terms with `status`.
    pub fn terms(&self, status: Status) -> &[TermStatus] {
        match status {
            Status::UpToDate => &self.up_to_date,
            Status::Stale => &self.stale,
            Status::Untracked => &self.untracked,
            Status::Missing => &self.missing,
        }
    }
}

/// The translation status of every language but the default one, terms in
/// slug order: what `glossa translations` prints and the status page shows.
pub fn report(glossary: &Glossary, statuses: &[Vec<Status>], include_drafts: bool) -> Vec<LanguageReport> {
    let config = &glossary.config;
    config
        .lang_ids()
        .filter(|l| *l != config.default_language)
        .map(|lang| {
            let language = config.language(lang);
            let mut report = LanguageReport {
                code: language.code.to_string(),
                name: language.name.clone(),
                total: 0,
                up_to_date: Vec::new(),
                stale: Vec::new(),
                untracked: Vec::new(),
                missing: Vec::new(),
            };
            for term in glossary.terms.iter().filter(|t| include_drafts || !t.draft) {
                let (entry, _) = glossary.entry_or_fallback(term.id, config.default_language);
                let item = TermStatus { slug: term.slug.to_string(), title: entry.title().to_owned() };
                report.total += 1;
                match status_of(statuses, term.id, lang) {
                    Status::UpToDate => report.up_to_date.push(item),
                    Status::Stale => report.stale.push(item),
                    Status::Untracked => report.untracked.push(item),
                    Status::Missing => report.missing.push(item),
                }
            }
            report
        })
        .collect()
}
