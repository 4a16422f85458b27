//! The search index: Pagefind, used as a library, builds one bundle per
//! language into `pagefind/<lang>/`, on a thread of its own while the pages
//! are written ([`Indexer`]). Each term page is indexed from a small
//! document made for the purpose as the page is written (its body is at
//! hand then), so that its title and aliases weigh more than its body, its
//! summary travels with every result, and its body is a digest (headings
//! and the opening prose, see [`digest`]).

mod digest;

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread::{Scope, ScopedJoinHandle};

use crate::config::LangId;
use crate::error::Error;
use crate::markdown::{BodyHtml, RenderedEntry};
use crate::model::{Entry, Term};
use crate::render::context::Context;
use crate::render::path::{relativize, FilePath, PagePath};
use crate::render::writer::Writer;
use crate::util::text::escape_html;

/// One page as the index sees it.
pub(crate) struct SearchDocument {
    lang: LangId,
    url: String,
    html: String,
}

/// The search document of `term`'s page in `lang`, made from `entry` (the
/// entry its title comes from), its rendering for the page and its body.
pub(crate) fn document(
    ctx: &Context<'_>,
    term: &Term,
    lang: LangId,
    entry: &Entry,
    rendered: Option<&RenderedEntry>,
    body: Option<&BodyHtml>,
) -> SearchDocument {
    let code = ctx.code(lang);
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><title>{title}</title></head><body><main data-pagefind-body>\
         <h1 data-pagefind-meta=\"title\" data-pagefind-weight=\"10\">{title}</h1>",
        title = escape_html(entry.title()),
    );
    let aliases: Vec<&str> = entry.aliases.iter().map(|a| a.value.as_str()).collect();
    if !aliases.is_empty() {
        html.push_str(&format!(
            "<p data-pagefind-meta=\"aliases\" data-pagefind-weight=\"10\">{}</p>",
            escape_html(&aliases.join(" | "))
        ));
    }
    if let Some(r) = rendered {
        let summary = crate::render::layout::plain_text(&r.summary);
        html.push_str(&format!(
            "<p data-pagefind-meta=\"summary\" data-pagefind-weight=\"3\">{}</p><div>",
            escape_html(&summary),
        ));
        let mut budget = digest::PROSE_BUDGET;
        if let Some(body) = body {
            digest::digest(&body.main, &mut budget, &mut html);
            for section in [&body.eli5, &body.expert].into_iter().flatten() {
                digest::digest(&format!("<h2>{}</h2>", section.heading), &mut budget, &mut html);
                digest::digest(&section.html, &mut budget, &mut html);
            }
        }
        html.push_str("</div>");
    }
    html.push_str("</main></body></html>");
    let page = PagePath::Term(code, term.slug.as_str());
    SearchDocument {
        lang,
        url: ctx.urls.rooted(&page.dir()),
        html: relativize(&html, &page.to_root(ctx.urls.base_path())),
    }
}

/// The search index, built while the pages are written: the term pages
/// hand over their documents as they go, and indexing threads take the
/// languages in turn, each language in slug order (Pagefind numbers pages in
/// the order it is given them), so the index takes the time left over beside
/// the pages and the memory of one language's index per thread.
pub(crate) struct Indexer<'scope> {
    /// A queue per language of `(position in slug order, document)`.
    queues: Vec<Sender<(usize, SearchDocument)>>,
    threads: Vec<ScopedJoinHandle<'scope, Result<(), Error>>>,
}

impl<'scope> Indexer<'scope> {
    /// Starts `threads` indexing threads in `scope` for `pages` documents per
    /// language, each writing its bundles through `out` under `pagefind/<lang>/`.
    pub(crate) fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        ctx: &'env Context<'_>,
        pages: usize,
        threads: usize,
        out: &'env Writer<'_>,
    ) -> Indexer<'scope> {
        let (queues, receivers): (Vec<_>, Vec<_>) = ctx.glossary.config.lang_ids().map(|_| channel()).unzip();
        let mut shares: Vec<Vec<_>> = (0..threads.max(1)).map(|_| Vec::new()).collect();
        let count = shares.len();
        for (i, language) in ctx.glossary.config.lang_ids().zip(receivers).enumerate() {
            shares[i % count].push(language);
        }
        let threads = shares
            .into_iter()
            .map(|share| {
                scope.spawn(move || {
                    for (lang, documents) in share {
                        for (path, bytes) in build_index(in_order(documents), pages)? {
                            out.file(FilePath::Search(ctx.code(lang), &path), bytes.as_slice())?;
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        Indexer { queues, threads }
    }

    /// Hands over the document of the term at `position` (in slug order).
    pub(crate) fn add(&self, position: usize, document: SearchDocument) {
        // A closed queue means the thread has stopped on an error, which `finish` reports.
        let _ = self.queues[document.lang.0].send((position, document));
    }

    /// Waits for the last bundle to be written.
    pub(crate) fn finish(self) -> Result<(), Error> {
        drop(self.queues);
        for thread in self.threads {
            thread.join().unwrap_or_else(|_| Err(failure("an indexing thread panicked")))?;
        }
        Ok(())
    }
}

/// The documents from `queue` in order of position (0, 1, 2…), however they
/// arrive, until the queue closes or the next position never comes.
fn in_order(queue: Receiver<(usize, SearchDocument)>) -> impl Iterator<Item = SearchDocument> {
    let mut waiting: BTreeMap<usize, SearchDocument> = BTreeMap::new();
    let mut next = 0;
    std::iter::from_fn(move || {
        while !waiting.contains_key(&next) {
            let (position, document) = queue.recv().ok()?;
            waiting.insert(position, document);
        }
        next += 1;
        waiting.remove(&(next - 1))
    })
}

/// A search bundle's files: path within the bundle, and bytes.
type Bundle = Vec<(String, Vec<u8>)>;

/// A failure of Pagefind (or of starting its runtime), kept as the error's source.
fn failure(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Error {
    Error::Search { source: error.into() }
}

/// Indexes `pages` documents with Pagefind, on its own small runtime on
/// the calling thread, so it works from plain threads and from inside the
/// dev server's runtime alike (the caller is a thread of its own). Fewer
/// documents mean the pages failed: nothing is built.
fn build_index(documents: impl Iterator<Item = SearchDocument>, pages: usize) -> Result<Bundle, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(failure)?;
    runtime.block_on(async move {
        let config = pagefind::options::PagefindServiceConfig::builder().keep_index_url(false).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).map_err(failure)?;
        let mut added = 0;
        for document in documents.take(pages) {
            index.add_html_file(None, Some(document.url), document.html).await.map_err(failure)?;
            added += 1;
        }
        if added < pages {
            return Err(failure("the term pages stopped before every page was indexed"));
        }
        let files = index.get_files().await.map_err(failure)?;
        let mut files: Bundle =
            files.into_iter().map(|f| (crate::util::text::slash_path(&f.filename), f.contents)).collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(n: usize) -> SearchDocument {
        SearchDocument { lang: LangId(0), url: format!("/{n}/"), html: String::new() }
    }

    #[test]
    fn documents_come_out_in_order_however_they_arrive() {
        let (queue, documents) = channel();
        for position in [2, 0, 3, 1] {
            queue.send((position, document(position))).unwrap();
        }
        drop(queue);
        let urls: Vec<String> = in_order(documents).map(|d| d.url).collect();
        assert_eq!(urls, ["/0/", "/1/", "/2/", "/3/"]);
    }

    #[test]
    fn a_gap_ends_the_documents_when_the_queue_closes() {
        let (queue, documents) = channel();
        for position in [0, 2] {
            queue.send((position, document(position))).unwrap();
        }
        drop(queue);
        assert_eq!(in_order(documents).count(), 1);
    }

    #[test]
    fn an_index_of_fewer_documents_than_pages_is_an_error() {
        let error = build_index([document(0)].into_iter(), 2).unwrap_err();
        assert!(error.to_string().contains("stopped"), "{error}");
    }
}
