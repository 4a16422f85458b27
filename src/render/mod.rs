//! Renders the site from the model: term pages, homes with the A–Z index,
//! tag pages, the language chooser, 404, sitemap and robots.txt, each handed
//! to an [`OutputSink`] as soon as it is rendered. Pure apart from the sink:
//! no clock, no environment, so the same input gives the same bytes.

mod articles;
mod az;
mod concept_map;
pub mod graph;
mod index_pages;
mod learning;
mod practice;
mod publish;
mod search;
mod sitemap;
mod status_page;
mod term_page;
pub mod urls;
mod views;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::markdown::highlight::HighlightCache;
use crate::markdown::Rendered;
use crate::model::status::{self, Status};
use crate::model::{Glossary, TermId};
use crate::output::OutputSink;
use crate::theme::Theme;
pub use urls::Urls;

/// What was written, for the build summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RenderStats {
    /// HTML pages per language code, in declaration order.
    pub pages_per_language: Vec<(String, usize)>,
    /// Every file written.
    pub files: usize,
}

/// Everything a page needs, borrowed for the duration of a render.
pub struct Site<'a> {
    /// The glossary.
    pub glossary: &'a Glossary,
    /// Every entry's rendered Markdown.
    pub rendered: &'a Rendered,
    /// Templates, statics and strings.
    pub theme: &'a Theme,
    /// Absolute URLs.
    pub urls: Urls,
    /// Whether drafts are published.
    pub include_drafts: bool,
    /// Published terms per tag.
    tags: BTreeMap<&'a str, Vec<TermId>>,
    /// Translation status, `[term][lang]`.
    statuses: &'a [Vec<Status>],
    /// Whether to build the search index.
    search: bool,
    /// `[lang][term]`: the terms whose text links to each term.
    mentions: Vec<Vec<Vec<TermId>>>,
    /// `[lang][term]`: the articles whose text links to each term.
    article_mentions: Vec<Vec<Vec<usize>>>,
    /// Translation status, `[article][lang]`.
    article_statuses: Vec<Vec<Status>>,
}

impl<'a> Site<'a> {
    /// Prepares a render of `glossary`.
    pub fn new(
        glossary: &'a Glossary,
        rendered: &'a Rendered,
        theme: &'a Theme,
        statuses: &'a [Vec<Status>],
        include_drafts: bool,
    ) -> Site<'a> {
        let mut tags: BTreeMap<&str, Vec<TermId>> = BTreeMap::new();
        for term in glossary.terms.iter().filter(|t| include_drafts || !t.draft) {
            for tag in &term.tags {
                tags.entry(tag.as_str()).or_default().push(term.id);
            }
        }
        let urls = Urls::new(&glossary.config.base_url);
        let mentions = learning::mentions(glossary, rendered);
        let mut site = Site {
            glossary,
            rendered,
            theme,
            urls,
            include_drafts,
            tags,
            statuses,
            search: true,
            mentions,
            article_mentions: Vec::new(),
            article_statuses: status::article_statuses(glossary),
        };
        site.article_mentions = site.compute_article_mentions();
        site
    }

    /// Leaves the search index out (`--no-search`).
    pub fn without_search(mut self) -> Site<'a> {
        self.search = false;
        self
    }

    /// The translation status of `term` in `lang`.
    pub fn status(&self, term: TermId, lang: LangId) -> Status {
        status::status_of(self.statuses, term, lang)
    }

    /// Whether `term` is on the site.
    pub fn published(&self, term: TermId) -> bool {
        self.include_drafts || !self.glossary.term(term).draft
    }

    fn published_terms(&self) -> impl Iterator<Item = &'a crate::model::Term> + '_ {
        self.glossary.terms.iter().filter(|t| self.published(t.id))
    }

    fn render_template<T: Serialize>(&self, name: &str, view: &T) -> Result<String, Error> {
        let context = tera::Context::from_serialize(view).map_err(|e| Error::template(name, &e))?;
        self.theme.tera.render(name, &context).map_err(|e| Error::template(name, &e))
    }

    /// Renders every file into `sink`, calling `on_page` after each term page.
    pub fn render(&self, sink: &dyn OutputSink, on_page: &(dyn Fn() + Sync)) -> Result<RenderStats, Error> {
        let mut watch = crate::util::timing::Stopwatch::new();
        let mut files = self.render_statics(sink)?;
        let terms: Vec<TermId> = self.published_terms().map(|t| t.id).collect();
        files += self.render_terms(&terms, sink, on_page)?;
        watch.lap("term pages");
        let (pages_per_language, listing_files) = self.render_listings(sink)?;
        files += listing_files;
        files += self.render_status(sink)?;
        files += self.render_learning_data(sink)?;
        files += self.render_practice(sink)?;
        files += self.render_publishing(sink)?;
        files += self.render_root_files(sink)?;
        watch.lap("other pages");
        if self.search {
            files += self.render_search(sink)?;
            watch.lap("search index");
        }
        Ok(RenderStats { pages_per_language, files })
    }

    /// The theme's static files and the highlighting stylesheet.
    fn render_statics(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        for (path, bytes) in &self.theme.statics {
            sink.write(&format!("static/{path}"), bytes)?;
        }
        sink.write("static/highlight.css", crate::markdown::highlight::stylesheet().as_bytes())?;
        Ok(self.theme.statics.len() + 1)
    }

    /// The pages (and `graph.mmd` files) of `terms` in every language, in parallel.
    pub fn render_terms(
        &self,
        terms: &[TermId],
        sink: &dyn OutputSink,
        on_page: &(dyn Fn() + Sync),
    ) -> Result<usize, Error> {
        let config = &self.glossary.config;
        // One task per term: its pages share one highlighting cache.
        let written = terms
            .par_iter()
            .map(|&id| -> Result<usize, Error> {
                let term = self.glossary.term(id);
                let highlights = HighlightCache::default();
                let mut files = 0;
                for lang in config.lang_ids() {
                    let page = self.term_page(term, lang, &highlights)?;
                    on_page();
                    let dir = urls::term(config.language(lang).code.as_str(), term.slug.as_str());
                    sink.write(&urls::index_file(&dir), page.html.as_bytes())?;
                    files += 1;
                    if let Some(mermaid) = page.mermaid {
                        sink.write(&format!("{dir}graph.mmd"), mermaid.as_bytes())?;
                        files += 1;
                    }
                }
                Ok(files)
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(written.iter().sum())
    }

    /// Each language's home and tag pages; the HTML pages per language.
    fn render_listings(&self, sink: &dyn OutputSink) -> Result<(Vec<(String, usize)>, usize), Error> {
        let config = &self.glossary.config;
        let mut files = 0;
        let mut pages_per_language = Vec::new();
        for lang in config.lang_ids() {
            let code = config.language(lang).code.as_str();
            sink.write(&urls::index_file(&urls::home(code)), self.home_page(lang)?.as_bytes())?;
            let tag_pages = self.tag_pages(lang)?;
            let maps = self.concept_maps(lang)?;
            let az_pages = self.az_pages(lang)?;
            let article_pages = self.article_pages(lang)?;
            for (dir, html) in tag_pages.iter().chain(&maps).chain(&az_pages).chain(&article_pages) {
                sink.write(&urls::index_file(dir), html.as_bytes())?;
            }
            let status_pages = usize::from(config.languages.len() > 1);
            let practice_page = 1;
            let listings = tag_pages.len() + maps.len() + az_pages.len() + article_pages.len();
            let count = self.published_terms().count() + 1 + listings + status_pages + practice_page;
            files += 1 + listings;
            pages_per_language.push((code.to_owned(), count));
        }
        Ok((pages_per_language, files))
    }

    /// The translation status pages and their data file (several languages only).
    pub fn render_status(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        let config = &self.glossary.config;
        if config.languages.len() < 2 {
            return Ok(0);
        }
        let report = status::report(self.glossary, self.statuses, &self.article_statuses, self.include_drafts);
        for lang in config.lang_ids() {
            let dir = Self::status_path(config.language(lang).code.as_str());
            sink.write(&urls::index_file(&dir), self.status_page(lang, &report)?.as_bytes())?;
        }
        let json = serde_json::to_string_pretty(&serde_json::json!({ "languages": report }))
            .map_err(|e| Error::Usage(e.to_string()))?;
        sink.write(status_page::STATUS_JSON, json.as_bytes())?;
        Ok(config.languages.len() + 1)
    }

    /// The language chooser, 404, sitemap and robots.txt.
    fn render_root_files(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        sink.write("index.html", self.chooser_page()?.as_bytes())?;
        sink.write("404.html", self.not_found_page()?.as_bytes())?;
        sink.write("sitemap.xml", self.sitemap().as_bytes())?;
        let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", self.urls.absolute("sitemap.xml"));
        sink.write("robots.txt", robots.as_bytes())?;
        Ok(4)
    }
}
