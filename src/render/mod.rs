//! Renders the site from the model. A [`Context`] holds what every page reads
//! (read-only, with an index computed once); each page kind is a module of
//! free functions under `pages/`, each data file one under `data/`; every
//! page and file lives at a typed [`PagePath`] or [`FilePath`], and a
//! [`Writer`] hands it to the output sink with its links resolved. Pure
//! apart from the sink: no clock, no environment, so the same input gives
//! the same bytes.

mod az;
mod chrome;
mod context;
pub(crate) mod fallback;
pub(crate) use context::localize_digits;
pub mod data;
pub mod graph;
mod html;
mod layout;
mod measure;
mod pages;
pub mod path;
pub mod urls;
mod writer;

use std::sync::Arc;

use rayon::prelude::*;

pub use context::Context;
pub use path::{FilePath, PagePath};
pub use urls::Urls;
pub use writer::Written;

use crate::config::LangId;
use crate::error::Error;
use crate::markdown::highlight::{BlockStore, HighlightCache};
use crate::markdown::Rendered;
use crate::model::status::Status;
use crate::model::{Glossary, TermId};
use crate::output::OutputSink;
use crate::theme::Theme;
use writer::Writer;

/// Renders a site, whole or in parts (the dev server re-renders one term).
pub struct Renderer<'a> {
    ctx: Context<'a>,
    search: bool,
    blocks: Option<Arc<BlockStore>>,
}

impl<'a> Renderer<'a> {
    /// Prepares a render of `glossary`.
    pub fn new(
        glossary: &'a Glossary,
        rendered: &'a Rendered,
        theme: &'a Theme,
        statuses: &'a [Vec<Status>],
        include_drafts: bool,
    ) -> Renderer<'a> {
        Renderer { ctx: Context::new(glossary, rendered, theme, statuses, include_drafts), search: true, blocks: None }
    }

    /// Leaves the search index out (`--no-search`).
    pub fn without_search(mut self) -> Renderer<'a> {
        self.search = false;
        self
    }

    /// Takes highlighted code blocks from `blocks` where it has them, and
    /// records there every block the pages use (the build cache).
    pub fn with_blocks(mut self, blocks: Arc<BlockStore>) -> Renderer<'a> {
        self.blocks = Some(blocks);
        self
    }

    /// Whether `term` is on the site.
    pub fn published(&self, term: TermId) -> bool {
        self.ctx.published(term)
    }

    fn writer<'s>(&'s self, sink: &'s dyn OutputSink) -> Writer<'s> {
        let codes = self.ctx.glossary.config.languages.iter().map(|l| l.code.to_string()).collect();
        Writer::new(sink, self.ctx.urls.base_path(), codes)
    }

    /// Renders every file into `sink`, calling `on_page` after each term page.
    pub fn render(&self, sink: &dyn OutputSink, on_page: &(dyn Fn() + Sync)) -> Result<Written, Error> {
        let ctx = &self.ctx;
        let out = self.writer(sink);
        let mut watch = crate::util::timing::Stopwatch::new();
        write_statics(ctx, &out)?;
        let terms: Vec<TermId> = ctx.published_terms().map(|t| t.id).collect();
        let wanted = pages::term::Wanted { search: self.search, anki: true };
        let extracts = write_terms(ctx, &terms, self.blocks.as_ref(), wanted, &out, on_page)?;
        watch.lap("term pages");
        // `terms`, and so `extracts`, are in slug order, as term ids are.
        let eli5 = |term: TermId, lang: LangId| extracts[terms.binary_search(&term).ok()?][lang.0].eli5.as_ref();
        write_other_files(ctx, &eli5, &out)?;
        watch.lap("other pages");
        if self.search {
            let documents = extracts.into_iter().flatten().filter_map(|e| e.search);
            data::search::write_all(ctx, documents, &out)?;
            watch.lap("search index");
        }
        Ok(out.written())
    }

    /// The pages (and `graph.mmd` files) of `terms` in every language.
    pub fn render_terms(
        &self,
        terms: &[TermId],
        sink: &dyn OutputSink,
        on_page: &(dyn Fn() + Sync),
    ) -> Result<Written, Error> {
        let out = self.writer(sink);
        let wanted = pages::term::Wanted { search: false, anki: false };
        write_terms(&self.ctx, terms, self.blocks.as_ref(), wanted, &out, on_page)?;
        Ok(out.written())
    }

    /// The data files that hold what an edit applied in place changes: the
    /// CSV exports (each term's text as written) and the questions the
    /// practice page draws (with its count of them). The Anki decks, which
    /// render every body again, follow at the next full build.
    pub fn render_text_exports(&self, sink: &dyn OutputSink) -> Result<Written, Error> {
        let out = self.writer(sink);
        data::csv::write_all(&self.ctx, &out)?;
        data::learning::write_all(&self.ctx, &out)?;
        pages::practice::write_all(&self.ctx, &out)?;
        Ok(out.written())
    }

    /// The translation status pages and their data file.
    pub fn render_status(&self, sink: &dyn OutputSink) -> Result<Written, Error> {
        let out = self.writer(sink);
        pages::status::write_all(&self.ctx, &out)?;
        Ok(out.written())
    }
}

/// The theme's static files and the highlighting stylesheet.
fn write_statics(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    for (path, bytes) in &ctx.theme.statics {
        out.file(FilePath::Static(path), bytes)?;
    }
    out.file(FilePath::Static("highlight.css"), crate::markdown::highlight::stylesheet().as_bytes())
}

/// The pages of `terms` in every language, in parallel: one task per term,
/// whose pages share one highlighting cache (backed by `blocks`). Returns
/// each page's `wanted` extracts, `[term][lang]` in the order of `terms`.
fn write_terms(
    ctx: &Context<'_>,
    terms: &[TermId],
    blocks: Option<&Arc<BlockStore>>,
    wanted: pages::term::Wanted,
    out: &Writer<'_>,
    on_page: &(dyn Fn() + Sync),
) -> Result<Vec<Vec<pages::term::Extracts>>, Error> {
    terms
        .par_iter()
        .map(|&id| {
            let term = ctx.glossary.term(id);
            let highlights = HighlightCache::backed_by(blocks.cloned());
            ctx.glossary
                .config
                .lang_ids()
                .map(|lang| {
                    let extracts = pages::term::write(ctx, term, lang, &highlights, wanted, out)?;
                    on_page();
                    Ok(extracts)
                })
                .collect()
        })
        .collect()
}

/// Every page and file besides the term pages, independent of each other,
/// so written in parallel; `eli5` is what the term pages left for the
/// Anki decks.
fn write_other_files<'e>(
    ctx: &Context<'_>,
    eli5: &(dyn Fn(TermId, LangId) -> Option<&'e data::anki::Eli5> + Sync),
    out: &Writer<'_>,
) -> Result<(), Error> {
    type Task<'t> = Box<dyn Fn() -> Result<(), Error> + Sync + 't>;
    let mut tasks: Vec<Task<'_>> = Vec::new();
    for lang in ctx.glossary.config.lang_ids() {
        tasks.push(Box::new(move || {
            pages::home::write(ctx, lang, out)?;
            pages::concept_map::write_all(ctx, lang, out)?;
            pages::article::write_all(ctx, lang, out)?;
            pages::topics::write(ctx, lang, out)?;
            pages::search::write(ctx, lang, out)?;
            pages::senses::write_all(ctx, lang, out)
        }));
        tasks.push(Box::new(move || pages::tag::write_all(ctx, lang, out)));
    }
    tasks.push(Box::new(|| {
        pages::status::write_all(ctx, out)?;
        pages::practice::write_all(ctx, out)?;
        pages::redirect::write_all(ctx, out)?;
        pages::root::write(ctx, out)?;
        data::feed::write_all(ctx, out)?;
        data::sitemap::write(ctx, out)?;
        write_root_files(ctx, out)
    }));
    tasks.push(Box::new(|| data::learning::write_all(ctx, out)));
    tasks.push(Box::new(|| data::export::write_all(ctx, out)));
    tasks.push(Box::new(|| data::csv::write_all(ctx, out)));
    tasks.push(Box::new(|| data::tbx::write_all(ctx, out)));
    tasks.push(Box::new(|| data::skos::write(ctx, out)));
    tasks.push(Box::new(|| data::anki::write_all(ctx, eli5, out)));
    tasks.par_iter().try_for_each(|task| task())
}

/// `robots.txt` and `.nojekyll`.
fn write_root_files(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", ctx.urls.absolute(&FilePath::Sitemap.path()));
    out.file(FilePath::Robots, robots.as_bytes())?;
    out.file(FilePath::NoJekyll, b"")
}
