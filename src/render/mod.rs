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
mod reuse;
pub mod urls;
mod writer;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;

pub use context::Context;
pub use path::{FilePath, PagePath};
pub use reuse::PageReuse;
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
use crate::util::timing::Stopwatch;
use writer::Writer;

/// Renders a site, whole or in parts (the dev server re-renders one term).
pub struct Renderer<'a> {
    ctx: Context<'a>,
    search: bool,
    blocks: Option<Arc<BlockStore>>,
    reuse: Option<reuse::Reusing<'a>>,
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
        let ctx = Context::new(glossary, rendered, theme, statuses, include_drafts);
        Renderer { ctx, search: true, blocks: None, reuse: None }
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

    /// Links term pages whose key is unchanged from the previous build's
    /// output instead of rendering them, and records every page's key.
    pub fn with_reuse(mut self, reuse: PageReuse<'a>) -> Renderer<'a> {
        self.reuse = Some(reuse::Reusing::new(&self.ctx, reuse));
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
        let mut watch = Stopwatch::new();
        write_statics(ctx, &out)?;
        let terms: Vec<TermId> = ctx.published_terms().map(|t| t.id).collect();
        let pages = |indexer: Option<&data::search::Indexer<'_>>, watch: &mut Stopwatch| {
            let wanted = pages::term::Wanted { search: indexer.is_some(), anki: true };
            let pages = TermPages { blocks: self.blocks.as_ref(), wanted, indexer, reuse: self.reuse.as_ref() };
            let extracts = write_terms(ctx, &terms, &pages, &out, on_page)?;
            watch.lap("term pages");
            if let Some(indexer) = indexer {
                // The cores the term pages had go to the shards still waiting.
                indexer.widen(rayon::current_num_threads());
            }
            // `terms`, and so `extracts`, are in slug order, as term ids are.
            let eli5 = |term: TermId, lang: LangId| extracts[terms.binary_search(&term).ok()?][lang.0].eli5.as_ref();
            write_other_files(ctx, &eli5, self.reuse.as_ref(), &out)?;
            watch.lap("other pages");
            Ok(())
        };
        if !self.search {
            pages(None, &mut watch)?;
            return Ok(out.written());
        }
        // The search index is built beside the pages, from the documents they
        // leave: Pagefind indexes a shard on one thread and holds it in
        // memory, so half the cores (one on a small machine) index a shard
        // each, in page order, and the pages get the others; a shard is
        // finished while the next one's pages are written. The shards left
        // when the term pages are done get those cores too (`widen`), which
        // is soon when most pages are linked from the last build.
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let shards = ctx.glossary.config.languages.len() * ctx.search_shards().count();
        let indexing = (cores / 2).clamp(1, shards.max(1));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(cores.saturating_sub(indexing).max(1)).build();
        std::thread::scope(|scope| {
            let indexer =
                data::search::Indexer::start(scope, ctx, ctx.search_shards(), indexing, self.reuse.as_ref(), &out);
            match &pool {
                Ok(pool) => pool.install(|| pages(Some(&indexer), &mut watch))?,
                // Without a pool of its own, the pages share every core with the index.
                Err(_) => pages(Some(&indexer), &mut watch)?,
            }
            indexer.finish()?;
            watch.lap("search index");
            Ok(out.written())
        })
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
        let pages = TermPages { blocks: self.blocks.as_ref(), wanted, indexer: None, reuse: None };
        write_terms(&self.ctx, terms, &pages, &out, on_page)?;
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

/// How term pages are written.
struct TermPages<'r, 'a, 's> {
    /// The previous build's highlighted blocks.
    blocks: Option<&'r Arc<BlockStore>>,
    /// What the files written after them take from the pages.
    wanted: pages::term::Wanted,
    /// Where the search documents go.
    indexer: Option<&'r data::search::Indexer<'s>>,
    /// The previous build's pages.
    reuse: Option<&'r reuse::Reusing<'a>>,
}

/// The pages of `terms` in every language, in parallel, one language after
/// the other and terms in order, so that the indexer gets each language's
/// documents about in order and one language's index can be finished while
/// the next language's pages are written. Code is highlighted once per build
/// (translations keep their code), backed by the previous build's blocks.
/// Returns the other wanted extracts, `[term][lang]` in the order of `terms`.
fn write_terms(
    ctx: &Context<'_>,
    terms: &[TermId],
    how: &TermPages<'_, '_, '_>,
    out: &Writer<'_>,
    on_page: &(dyn Fn() + Sync),
) -> Result<Vec<Vec<pages::term::Extracts>>, Error> {
    let highlights = HighlightCache::backed_by(how.blocks.cloned().unwrap_or_default());
    let languages: Vec<LangId> = ctx.glossary.config.lang_ids().collect();
    let pages = map_in_order(languages.len() * terms.len(), |index| {
        let (lang, position) = (languages[index / terms.len()], index % terms.len());
        let term = ctx.glossary.term(terms[position]);
        let reused = match how.reuse {
            Some(reusing) => reusing.link_page(ctx, term, lang, how.wanted, out)?,
            None => None,
        };
        let mut extracts = match reused {
            Some(extracts) => extracts,
            None => {
                let extracts = pages::term::write(ctx, term, lang, &highlights, how.wanted, out)?;
                if let Some(reusing) = how.reuse {
                    reusing.record_page(ctx, term, lang, &extracts);
                }
                extracts
            }
        };
        if let (Some(indexer), Some(document)) = (how.indexer, extracts.search.take()) {
            indexer.add(position, document);
        }
        on_page();
        Ok(extracts)
    })?;
    let mut by_term: Vec<Vec<pages::term::Extracts>> = terms.iter().map(|_| Vec::new()).collect();
    for (index, extracts) in pages.into_iter().enumerate() {
        by_term[index % terms.len()].push(extracts);
    }
    Ok(by_term)
}

/// `task(0)`, `task(1)`… on every thread of the pool, each thread taking
/// the next index as it frees up, so tasks finish about in order; their
/// results in order, or the first error (the others stop taking tasks).
fn map_in_order<T: Send>(len: usize, task: impl Fn(usize) -> Result<T, Error> + Sync) -> Result<Vec<T>, Error> {
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let per_thread: Vec<Result<Vec<(usize, T)>, Error>> = rayon::broadcast(|_| {
        let mut done = Vec::new();
        while !failed.load(Ordering::Relaxed) {
            let index = next.fetch_add(1, Ordering::Relaxed);
            if index >= len {
                break;
            }
            match task(index) {
                Ok(result) => done.push((index, result)),
                Err(e) => {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(done)
    });
    let mut results: Vec<Option<T>> = (0..len).map(|_| None).collect();
    for done in per_thread {
        for (index, result) in done? {
            results[index] = Some(result);
        }
    }
    Ok(results.into_iter().flatten().collect())
}

/// Every page and file besides the term pages, independent of each other,
/// so written in parallel; `eli5` is what the term pages left for the
/// Anki decks. Files that show only the site's face are taken from the
/// previous build when `reuse` finds its face unchanged; the others show
/// body text (the CSV exports, the Anki decks).
fn write_other_files<'t, 'e>(
    ctx: &'t Context<'_>,
    eli5: &'t (dyn Fn(TermId, LangId) -> Option<&'e data::anki::Eli5> + Sync),
    reuse: Option<&'t reuse::Reusing<'_>>,
    out: &'t Writer<'_>,
) -> Result<(), Error> {
    let face = |name: String, write: FaceWrite<'t>| face_task(reuse, out, name, write);
    let mut tasks: Vec<Task<'t>> = Vec::new();
    for lang in ctx.glossary.config.lang_ids() {
        let code = ctx.code(lang);
        tasks.push(face(
            format!("pages/{code}"),
            Box::new(move |out| {
                pages::home::write(ctx, lang, out)?;
                pages::concept_map::write_all(ctx, lang, out)?;
                pages::article::write_all(ctx, lang, out)?;
                pages::topics::write(ctx, lang, out)?;
                pages::search::write(ctx, lang, out)?;
                pages::senses::write_all(ctx, lang, out)
            }),
        ));
        tasks.push(face(format!("tags/{code}"), Box::new(move |out| pages::tag::write_all(ctx, lang, out))));
    }
    tasks.push(face(
        "site".into(),
        Box::new(|out| {
            pages::status::write_all(ctx, out)?;
            pages::practice::write_all(ctx, out)?;
            pages::redirect::write_all(ctx, out)?;
            pages::root::write(ctx, out)?;
            data::feed::write_all(ctx, out)?;
            data::sitemap::write(ctx, out)?;
            write_root_files(ctx, out)
        }),
    ));
    tasks.push(face("learning".into(), Box::new(|out| data::learning::write_all(ctx, out))));
    tasks.push(face("export".into(), Box::new(|out| data::export::write_all(ctx, out))));
    tasks.push(face("tbx".into(), Box::new(|out| data::tbx::write_all(ctx, out))));
    tasks.push(face("skos".into(), Box::new(|out| data::skos::write(ctx, out))));
    tasks.push(Box::new(|| data::csv::write_all(ctx, out)));
    tasks.push(Box::new(|| data::anki::write_all(ctx, eli5, out)));
    tasks.par_iter().try_for_each(|task| task())
}

type Task<'t> = Box<dyn Fn() -> Result<(), Error> + Sync + 't>;
type FaceWrite<'t> = Box<dyn Fn(&Writer<'_>) -> Result<(), Error> + Sync + 't>;

/// A task writing the files `write` makes, or linking them (see [`write_other_files`]).
fn face_task<'t>(
    reuse: Option<&'t reuse::Reusing<'_>>,
    out: &'t Writer<'_>,
    name: String,
    write: FaceWrite<'t>,
) -> Task<'t> {
    Box::new(move || match reuse {
        Some(reuse) => reuse.face_files(&name, out, &write),
        None => write(out),
    })
}

/// `robots.txt` and `.nojekyll`.
fn write_root_files(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let robots = format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", ctx.urls.absolute(&FilePath::Sitemap.path()));
    out.file(FilePath::Robots, robots.as_bytes())?;
    out.file(FilePath::NoJekyll, b"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_run_in_parallel_and_results_come_back_in_order() {
        let squares = map_in_order(1000, |i| Ok(i * i)).unwrap();
        assert_eq!(squares, (0..1000).map(|i| i * i).collect::<Vec<_>>());
        assert!(map_in_order(0, Ok).unwrap().is_empty());
    }

    #[test]
    fn the_first_error_stops_the_tasks() {
        let started = AtomicUsize::new(0);
        let result = map_in_order(10_000, |i| {
            started.fetch_add(1, Ordering::Relaxed);
            if i == 10 {
                Err(Error::Usage("task 10".into()))
            } else {
                Ok(i)
            }
        });
        assert!(matches!(result, Err(Error::Usage(message)) if message == "task 10"));
        assert!(started.load(Ordering::Relaxed) < 10_000, "the other tasks stop being taken");
    }
}
