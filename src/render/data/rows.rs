//! What every glossary export (CSV, TBX, SKOS) lists: the published terms by
//! slug, each with the languages that have their own file, default language
//! first, then the others in site.yaml's order. Fallbacks are never listed:
//! an export says what was written in each language.

use crate::config::LangId;
use crate::model::{Entry, Term, TermId};
use crate::render::context::Context;

/// One published term and its own entries, in export language order.
pub struct TermRow<'a> {
    /// The term.
    pub term: &'a Term,
    /// Its entries in the languages that have their own file.
    pub entries: Vec<&'a Entry>,
}

/// The site's languages in export order: the default language first.
pub fn languages(ctx: &Context<'_>) -> Vec<LangId> {
    let config = &ctx.glossary.config;
    let default = config.default_language;
    std::iter::once(default).chain(config.lang_ids().filter(|l| *l != default)).collect()
}

/// Every published term with its own entries in `langs` (in that order).
pub fn terms<'a>(ctx: &Context<'a>, langs: &[LangId]) -> Vec<TermRow<'a>> {
    let glossary = ctx.glossary;
    ctx.published_terms()
        .map(|term| TermRow {
            term,
            entries: langs.iter().filter_map(|l| term.entry(*l)).map(|id| glossary.entry(id)).collect(),
        })
        .filter(|row| !row.entries.is_empty())
        .collect()
}

/// The slugs of the published terms among `ids`, in their order: a
/// reference to a draft would name a term the export does not have.
pub fn published_slugs<'a>(ctx: &Context<'a>, ids: &[TermId]) -> Vec<&'a str> {
    ids.iter().filter(|t| ctx.published(**t)).map(|t| ctx.glossary.term(*t).slug.as_str()).collect()
}
