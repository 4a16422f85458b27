//! What every page function reads: the model, its rendered Markdown, the
//! theme and the URLs, all read-only, and an [`Index`] of what pages show
//! about one another (tags, mentions, translation status, article order),
//! computed once before the first page.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::data::search::Shards;
use super::path::FilePath;
use super::urls::Urls;
use crate::config::LangId;
use crate::error::Error;
use crate::markdown::{Rendered, RenderedBody};
use crate::model::status::{self, Status};
use crate::model::{Glossary, Term, TermId};
use crate::theme::Theme;

/// The read-only inputs of every page.
pub struct Context<'a> {
    /// The glossary.
    pub glossary: &'a Glossary,
    /// Every entry's rendered Markdown.
    pub rendered: &'a Rendered,
    /// Templates, statics and strings.
    pub theme: &'a Theme,
    /// Absolute URLs.
    pub urls: Urls,
    /// What pages show about one another.
    pub index: Index<'a>,
    /// Whether drafts are published.
    pub include_drafts: bool,
}

/// Facts about the whole site that pages look up, computed once.
pub struct Index<'a> {
    /// Published terms per tag, tags sorted.
    pub tags: BTreeMap<&'a str, Vec<TermId>>,
    /// Translation status, `[term][lang]`.
    pub statuses: &'a [Vec<Status>],
    /// Translation status, `[article][lang]`.
    pub article_statuses: Vec<Vec<Status>>,
    /// `[lang][term]`: the terms whose text links each term, by slug.
    pub mentions: Vec<Vec<Vec<TermId>>>,
    /// `[lang][term]`: the published articles whose text links each term, newest first.
    pub article_mentions: Vec<Vec<Vec<usize>>>,
    /// The published articles, newest first (ties by slug).
    pub articles: Vec<usize>,
    /// The published terms in learning order (prerequisites first).
    pub learning_order: Vec<TermId>,
    /// `[term]`: its place in [`Index::learning_order`], if published.
    pub learning_position: Vec<Option<usize>>,
    /// How each language's search index is split (the same for every
    /// language: each has a page per published term).
    pub(crate) search_shards: Shards,
    /// `[lang]`: the links to the parts of the language's search index after
    /// the first, which the search script merges into it, space-separated.
    pub search_shard_hrefs: Vec<String>,
    /// `[lang]`: how many published terms each letter of the A–Z index has,
    /// by the letter's folder name (`a`, `ㄱ`, `other`).
    pub letters: Vec<BTreeMap<String, usize>>,
}

impl<'a> Context<'a> {
    /// The context of a render of `glossary`.
    pub fn new(
        glossary: &'a Glossary,
        rendered: &'a Rendered,
        theme: &'a Theme,
        statuses: &'a [Vec<Status>],
        include_drafts: bool,
    ) -> Context<'a> {
        let published = |term: &Term| include_drafts || !term.draft;
        let mut tags: BTreeMap<&str, Vec<TermId>> = BTreeMap::new();
        for term in glossary.terms.iter().filter(|t| published(t)) {
            for tag in &term.tags {
                tags.entry(tag.as_str()).or_default().push(term.id);
            }
        }
        let articles = articles_newest_first(glossary, include_drafts);
        let learning_order: Vec<TermId> =
            glossary.graph.learning_order.iter().copied().filter(|t| published(glossary.term(*t))).collect();
        let mut learning_position = vec![None; glossary.terms.len()];
        for (i, t) in learning_order.iter().enumerate() {
            learning_position[t.index()] = Some(i);
        }
        let published_count = glossary.terms.iter().filter(|t| published(t)).count();
        let search_shards = Shards::new(published_count, glossary.config.search_shard_size);
        let search_shard_hrefs = glossary
            .config
            .languages
            .iter()
            .map(|language| {
                let bundle = FilePath::SearchBundle(language.code.as_str()).href();
                (1..search_shards.count())
                    .map(|shard| format!("{bundle}{}", Shards::folder(shard)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let index = Index {
            search_shards,
            search_shard_hrefs,
            tags,
            statuses,
            article_statuses: status::article_statuses(glossary),
            mentions: mentions(glossary, rendered),
            article_mentions: article_mentions(glossary, rendered, &articles),
            articles,
            letters: letters(glossary, include_drafts),
            learning_order,
            learning_position,
        };
        Context { glossary, rendered, theme, urls: Urls::new(&glossary.config.base_url), index, include_drafts }
    }

    /// Whether `term` is on the site.
    pub fn published(&self, term: TermId) -> bool {
        self.include_drafts || !self.glossary.term(term).draft
    }

    /// The terms on the site, by slug.
    pub fn published_terms(&self) -> impl Iterator<Item = &'a Term> + '_ {
        self.glossary.terms.iter().filter(|t| self.published(t.id))
    }

    /// How each language's search index is split.
    pub(crate) fn search_shards(&self) -> Shards {
        self.index.search_shards
    }

    /// The code of language `lang`.
    pub fn code(&self, lang: LangId) -> &'a str {
        self.glossary.config.language(lang).code.as_str()
    }

    /// One interface string of `lang`.
    pub fn text(&self, lang: LangId, key: &'a str) -> &'a str {
        self.theme.text(lang, key)
    }

    /// One interface string of `lang` for the text of a page: marked with
    /// its language when `lang` lacks it ([`super::fallback`]).
    pub fn page_text(&self, lang: LangId, key: &'a str) -> &'a str {
        self.theme.page_strings(lang).get(key).map_or(key, String::as_str)
    }

    /// The translation status of `term` in `lang`.
    pub fn status(&self, term: TermId, lang: LangId) -> Status {
        status::status_of(self.index.statuses, term, lang)
    }

    /// Renders template `name` with `view`.
    pub fn render<T: Serialize>(&self, name: &str, view: &T) -> Result<String, Error> {
        let context = tera::Context::from_serialize(view).map_err(|e| Error::template(name, &e))?;
        self.theme.tera.render(name, &context).map_err(|e| Error::template(name, &e))
    }

    /// The summary of `term` in `lang` (or the default language) as plain text.
    pub fn plain_summary(&self, term: TermId, lang: LangId) -> String {
        let (entry, _) = self.glossary.entry_or_fallback(term, lang);
        self.rendered
            .get(entry, lang)
            .or_else(|| self.rendered.get(entry, entry.lang))
            .map(|r| super::layout::plain_text(&r.summary))
            .unwrap_or_default()
    }

    /// The rendered text of article `index` for pages in `lang`.
    pub fn article_body(&self, index: usize, lang: LangId) -> Option<&'a RenderedBody> {
        article_body(self.glossary, self.rendered, index, lang)
    }

    /// `date` (YYYY-MM-DD) as language `lang` writes it.
    pub fn display_date(&self, date: &str, lang: LangId) -> String {
        let mut parts = date.split('-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
            return date.to_owned();
        };
        let month_number: usize = month.parse().unwrap_or(1);
        let months: Vec<&str> = self.text(lang, "months").split(',').map(str::trim).collect();
        let month_name = months.get(month_number.saturating_sub(1)).copied().unwrap_or(month);
        let date = self
            .text(lang, "date_format")
            .replace("{year}", year)
            .replace("{month_name}", month_name)
            .replace("{month}", &month_number.to_string())
            .replace("{day}", day.trim_start_matches('0'));
        self.digits(&date, lang)
    }

    /// `text` with its digits 0–9 written in the digits of `lang` (`٣` in Arabic).
    pub fn digits(&self, text: &str, lang: LangId) -> String {
        localize_digits(text, self.text(lang, "digits"))
    }
}

/// `text` with 0–9 replaced by the ten characters of `digits` (zero first);
/// unchanged when `digits` is not ten characters.
pub(crate) fn localize_digits(text: &str, digits: &str) -> String {
    let digits: Vec<char> = digits.chars().collect();
    if digits.len() != 10 {
        return text.to_owned();
    }
    text.chars().map(|c| c.to_digit(10).map_or(c, |d| digits[d as usize])).collect()
}

fn letters(glossary: &Glossary, include_drafts: bool) -> Vec<BTreeMap<String, usize>> {
    glossary
        .config
        .lang_ids()
        .map(|lang| {
            let mut counts = BTreeMap::new();
            for term in glossary.terms.iter().filter(|t| include_drafts || !t.draft) {
                let (entry, _) = glossary.entry_or_fallback(term.id, lang);
                let collation = super::az::Collation::of(glossary.config.language(lang).code.as_str());
                *counts.entry(super::az::Group::of(entry.index_name(), collation).folder()).or_default() += 1;
            }
            counts
        })
        .collect()
}

fn article_body<'a>(
    glossary: &Glossary,
    rendered: &'a Rendered,
    index: usize,
    lang: LangId,
) -> Option<&'a RenderedBody> {
    match glossary.articles[index].entry(lang) {
        Some(own) => rendered.articles.get(own),
        None => rendered.article_fallback.get(&(index, lang)),
    }
}

fn articles_newest_first(glossary: &Glossary, include_drafts: bool) -> Vec<usize> {
    let articles = &glossary.articles;
    let mut list: Vec<usize> = (0..articles.len()).filter(|&i| include_drafts || !articles[i].draft).collect();
    list.sort_by(|a, b| articles[*b].date.cmp(&articles[*a].date).then(articles[*a].slug.cmp(&articles[*b].slug)));
    list
}

/// For each language, the terms whose text links to each term (self links
/// excluded), in slug order.
fn mentions(glossary: &Glossary, rendered: &Rendered) -> Vec<Vec<Vec<TermId>>> {
    glossary
        .config
        .lang_ids()
        .map(|lang| {
            let mut by_target: Vec<BTreeSet<TermId>> = vec![BTreeSet::new(); glossary.terms.len()];
            for term in &glossary.terms {
                let (entry, _) = glossary.entry_or_fallback(term.id, lang);
                let Some(r) = rendered.get(entry, lang) else { continue };
                for &target in &r.body.links {
                    if target != term.id {
                        by_target[target.index()].insert(term.id);
                    }
                }
            }
            by_target.into_iter().map(|set| set.into_iter().collect()).collect()
        })
        .collect()
}

/// For each language, the published articles whose text links each term.
fn article_mentions(glossary: &Glossary, rendered: &Rendered, articles: &[usize]) -> Vec<Vec<Vec<usize>>> {
    glossary
        .config
        .lang_ids()
        .map(|lang| {
            let mut by_term = vec![Vec::new(); glossary.terms.len()];
            for &index in articles {
                if let Some(body) = article_body(glossary, rendered, index, lang) {
                    for term in &body.links {
                        by_term[term.index()].push(index);
                    }
                }
            }
            by_term
        })
        .collect()
}
