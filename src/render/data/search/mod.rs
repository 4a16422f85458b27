//! The search index: Pagefind, used as a library, builds one bundle per
//! language into `pagefind/<lang>/`, on a thread of its own while the pages
//! are written ([`Indexer`]). Each term page is indexed from a small
//! document made for the purpose as the page is written (its body is at
//! hand then), so that its title and aliases weigh more than its body, its
//! summary travels with every result, and its body is a digest (headings
//! and the opening prose, see [`digest`]). It is handed to Pagefind as a
//! record ([`record`]), not as HTML for it to parse.

mod digest;
mod record;

use std::collections::BTreeMap;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{Scope, ScopedJoinHandle};

use crate::config::LangId;
use crate::error::Error;
use crate::markdown::{BodyHtml, RenderedEntry};
use crate::model::{Entry, Term};
use crate::render::context::Context;
use crate::render::path::{encode_path, FilePath, PagePath};
use crate::render::reuse::Reusing;
use crate::render::writer::Writer;
use crate::util::text::escape_html;
use record::Record;

/// One page as the index sees it: a Pagefind record.
pub(crate) struct SearchDocument {
    lang: LangId,
    url: String,
    /// The words indexed, with Pagefind's weight markers.
    text: String,
    /// The fields each result shows: title, aliases and summary.
    meta: BTreeMap<String, String>,
}

impl SearchDocument {
    /// A document kept by the build cache, from its [`fields`](Self::fields).
    pub(crate) fn from_fields(lang: LangId, fields: Vec<String>) -> Option<SearchDocument> {
        let mut fields = fields.into_iter();
        let (url, text) = (fields.next()?, fields.next()?);
        let mut meta = BTreeMap::new();
        while let Some(name) = fields.next() {
            meta.insert(name, fields.next()?);
        }
        Some(SearchDocument { lang, url, text, meta })
    }

    /// What the document is made of, in a fixed order: its page's URL, the
    /// text indexed, then each field's name and value.
    pub(crate) fn fields(&self) -> impl Iterator<Item = &str> {
        [self.url.as_str(), self.text.as_str()]
            .into_iter()
            .chain(self.meta.iter().flat_map(|(name, value)| [name.as_str(), value.as_str()]))
    }
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
    let mut record = Record::new(&escape_html(entry.title()));
    let aliases: Vec<&str> = entry.aliases.iter().map(|a| a.value.as_str()).collect();
    if !aliases.is_empty() {
        record.field("aliases", &escape_html(&aliases.join(" | ")), "10");
    }
    if let Some(r) = rendered {
        let summary = crate::render::layout::plain_text(&r.summary);
        record.field("summary", &escape_html(&summary), "3");
        let mut budget = digest::PROSE_BUDGET;
        if let Some(body) = body {
            digest::digest(&body.main, &mut budget, &mut record);
            for section in [&body.eli5, &body.expert].into_iter().flatten() {
                digest::digest(&format!("<h2>{}</h2>", section.heading), &mut budget, &mut record);
                digest::digest(&section.html, &mut budget, &mut record);
            }
        }
    }
    let (text, meta) = record.finish();
    let page = PagePath::Term(ctx.code(lang), term.slug.as_str());
    // From the site's root: the search script puts the folder the index is
    // served from in front, so results lead home under any path.
    SearchDocument { lang, url: format!("/{}", encode_path(&page.dir())), text, meta }
}

/// How a language's documents are split into shards: Pagefind bundles of
/// at most `search_shard_size` documents each, in slug order, which the
/// browser searches together. Indexing then holds one shard in memory at a
/// time, and Pagefind, whose cost per page added grows with the pages
/// before it, stays linear in the size of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shards {
    pages: usize,
    count: usize,
}

impl Shards {
    /// The shards of `pages` documents per language with at most `size` each.
    pub(crate) fn new(pages: usize, size: usize) -> Shards {
        Shards { pages, count: pages.div_ceil(size.max(1)).max(1) }
    }

    /// How many shards each language has.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// The shard of the document at `position`: shards are equal in size
    /// to within one document.
    fn of(&self, position: usize) -> usize {
        position * self.count / self.pages.max(1)
    }

    /// The first position of shard `shard`.
    fn start(&self, shard: usize) -> usize {
        (shard * self.pages).div_ceil(self.count)
    }

    /// How many documents shard `shard` holds.
    fn len(&self, shard: usize) -> usize {
        self.start(shard + 1) - self.start(shard)
    }

    /// Where shard `shard` lives inside the language's bundle folder: the
    /// first is the bundle itself, the others `2/`, `3/`…
    pub(crate) fn folder(shard: usize) -> String {
        if shard == 0 {
            String::new()
        } else {
            format!("{}/", shard + 1)
        }
    }
}

/// The search index, built while the pages are written: the term pages
/// hand over their documents as they go, and indexing threads take the
/// shards in turn, language after language, each shard's documents in slug
/// order (Pagefind numbers pages in the order it is given them), so the
/// index takes the time left over beside the pages and the memory of one
/// shard per thread. Once the term pages are written, [`Indexer::widen`]
/// starts more threads on the shards nobody has taken yet.
pub(crate) struct Indexer<'scope> {
    shards: Shards,
    /// A queue per language and shard of `(position in slug order, document)`.
    queues: Vec<Sender<(usize, SearchDocument)>>,
    /// The shards not yet taken, in order.
    waiting: Arc<Mutex<std::vec::IntoIter<Job>>>,
    /// Starts one more indexing thread.
    spawn: Box<dyn Fn() -> ScopedJoinHandle<'scope, Result<(), Error>> + Send + Sync + 'scope>,
    threads: Mutex<Vec<ScopedJoinHandle<'scope, Result<(), Error>>>>,
}

impl<'scope> Indexer<'scope> {
    /// Starts `threads` indexing threads in `scope` for the documents of
    /// `shards`, each writing its bundles through `out` under
    /// `pagefind/<lang>/`.
    pub(crate) fn start<'env>(
        scope: &'scope Scope<'scope, 'env>,
        ctx: &'env Context<'_>,
        shards: Shards,
        threads: usize,
        reuse: Option<&'env Reusing<'_>>,
        out: &'env Writer<'_>,
    ) -> Indexer<'scope> {
        let jobs: Vec<(LangId, usize)> =
            ctx.glossary.config.lang_ids().flat_map(|lang| (0..shards.count).map(move |shard| (lang, shard))).collect();
        let (queues, receivers): (Vec<_>, Vec<_>) = jobs.iter().map(|_| channel()).unzip();
        // Jobs in order, each taken by the next free thread.
        let waiting = Arc::new(Mutex::new(jobs.into_iter().zip(receivers).collect::<Vec<_>>().into_iter()));
        let jobs = Arc::clone(&waiting);
        let spawn = Box::new(move || {
            let jobs = Arc::clone(&jobs);
            scope.spawn(move || {
                while let Some(((lang, shard), documents)) = next_job(&jobs) {
                    let documents = in_order(documents, shards.start(shard)).take(shards.len(shard));
                    let bundle = ShardBundle { ctx, lang, shard, reuse, out };
                    bundle.write(documents, shards.len(shard))?;
                }
                Ok(())
            })
        });
        let threads = Mutex::new((0..threads.max(1)).map(|_| spawn()).collect());
        Indexer { shards, queues, waiting, spawn, threads }
    }

    /// Hands over the document of the term at `position` (in slug order).
    pub(crate) fn add(&self, position: usize, document: SearchDocument) {
        let queue = document.lang.0 * self.shards.count + self.shards.of(position);
        // A closed queue means its thread has stopped on an error, which `finish` reports.
        let _ = self.queues[queue].send((position, document));
    }

    /// Starts up to `threads` more indexing threads, one for each shard not
    /// yet taken: called when the term pages are written and cores free up.
    pub(crate) fn widen(&self, threads: usize) {
        let untaken = self.waiting.lock().unwrap_or_else(PoisonError::into_inner).len();
        let mut running = self.threads.lock().unwrap_or_else(PoisonError::into_inner);
        running.extend((0..threads.min(untaken)).map(|_| (self.spawn)()));
    }

    /// Waits for the last bundle to be written.
    pub(crate) fn finish(self) -> Result<(), Error> {
        drop(self.queues);
        for thread in self.threads.into_inner().unwrap_or_else(PoisonError::into_inner) {
            thread.join().unwrap_or_else(|_| Err(failure("an indexing thread panicked")))?;
        }
        Ok(())
    }
}

/// One shard's bundle, under `pagefind/<lang>/` (and its folder there).
struct ShardBundle<'b> {
    ctx: &'b Context<'b>,
    lang: LangId,
    shard: usize,
    reuse: Option<&'b Reusing<'b>>,
    out: &'b Writer<'b>,
}

impl ShardBundle<'_> {
    /// Indexes `pages` documents and writes the bundle, or links the
    /// previous build's when it was made from the same documents. A shard
    /// the previous build recorded has its documents gathered and compared
    /// first; any other is indexed as its documents come.
    fn write(&self, documents: impl Iterator<Item = SearchDocument>, pages: usize) -> Result<(), Error> {
        let language = self.ctx.code(self.lang);
        let name = FilePath::Search(language, &Shards::folder(self.shard)).path();
        let Some(reusing) = self.reuse else {
            return self.write_index(build_index(documents, pages, language)?).map(drop);
        };
        let mut key = reusing.shard_key(&name);
        let (files, key) = if reusing.shard_recorded(&name) {
            let documents: Vec<SearchDocument> = documents.inspect(|d| key.add(d)).collect();
            let key = key.finish();
            if reusing.link_shard(&name, &key, self.out)? {
                return Ok(());
            }
            (build_index(documents.into_iter(), pages, language)?, key)
        } else {
            let files = build_index(documents.inspect(|d| key.add(d)), pages, language)?;
            (files, key.finish())
        };
        let written = self.write_index(files)?;
        reusing.record_shard(&name, &key, &written.iter().map(String::as_str).collect::<Vec<_>>());
        Ok(())
    }

    /// Writes the bundle's files; returns their paths in the output.
    fn write_index(&self, files: Bundle) -> Result<Vec<String>, Error> {
        let folder = Shards::folder(self.shard);
        let code = self.ctx.code(self.lang);
        files
            .into_iter()
            .map(|(path, bytes)| {
                let file = format!("{folder}{path}");
                self.out.file(FilePath::Search(code, &file), &bytes)?;
                Ok(FilePath::Search(code, &file).path())
            })
            .collect()
    }
}

/// A shard to index and the queue of its documents.
type Job = ((LangId, usize), Receiver<(usize, SearchDocument)>);

fn next_job(waiting: &Mutex<std::vec::IntoIter<Job>>) -> Option<Job> {
    waiting.lock().unwrap_or_else(PoisonError::into_inner).next()
}

/// The documents from `queue` in order of position (`first`, `first + 1`…),
/// however they arrive, until the queue closes or the next position never
/// comes.
fn in_order(queue: Receiver<(usize, SearchDocument)>, first: usize) -> impl Iterator<Item = SearchDocument> {
    let mut waiting: BTreeMap<usize, SearchDocument> = BTreeMap::new();
    let mut next = first;
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

/// Indexes `pages` documents in `language` (a code, lowercase as Pagefind
/// keeps them) with Pagefind, on its own small runtime on the calling
/// thread, so it works from plain threads and from inside the dev server's
/// runtime alike (the caller is a thread of its own). Fewer documents mean
/// the pages failed: nothing is built.
fn build_index(documents: impl Iterator<Item = SearchDocument>, pages: usize, language: &str) -> Result<Bundle, Error> {
    let language = language.to_lowercase();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(failure)?;
    runtime.block_on(async move {
        let config = pagefind::options::PagefindServiceConfig::builder().keep_index_url(false).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).map_err(failure)?;
        let mut added = 0;
        for document in documents.take(pages) {
            index
                .add_custom_record(document.url, document.text, language.clone(), Some(document.meta), None, None)
                .await
                .map_err(failure)?;
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
        SearchDocument { lang: LangId(0), url: format!("/{n}/"), text: String::new(), meta: BTreeMap::new() }
    }

    #[test]
    fn documents_come_out_in_order_however_they_arrive() {
        let (queue, documents) = channel();
        for position in [2, 0, 3, 1] {
            queue.send((position, document(position))).unwrap();
        }
        drop(queue);
        let urls: Vec<String> = in_order(documents, 0).map(|d| d.url).collect();
        assert_eq!(urls, ["/0/", "/1/", "/2/", "/3/"]);
    }

    #[test]
    fn a_gap_ends_the_documents_when_the_queue_closes() {
        let (queue, documents) = channel();
        for position in [0, 2] {
            queue.send((position, document(position))).unwrap();
        }
        drop(queue);
        assert_eq!(in_order(documents, 0).count(), 1);
    }

    #[test]
    fn shards_split_the_documents_evenly_and_cover_each_once() {
        for (pages, size) in [(1, 10_000), (10_000, 10_000), (10_001, 10_000), (50_000, 10_000), (7, 3), (0, 5)] {
            let shards = Shards::new(pages, size);
            assert_eq!(shards.count(), pages.div_ceil(size).max(1));
            let mut covered = 0;
            for shard in 0..shards.count() {
                assert!(shards.len(shard) <= size, "{pages}/{size}: shard {shard}");
                assert_eq!(shards.start(shard), covered);
                for position in covered..covered + shards.len(shard) {
                    assert_eq!(shards.of(position), shard, "{pages}/{size}: position {position}");
                }
                covered += shards.len(shard);
            }
            assert_eq!(covered, pages);
        }
        assert_eq!(Shards::new(10_001, 10_000).len(0), 5_001);
        assert_eq!(Shards::folder(0), "");
        assert_eq!(Shards::folder(2), "3/");
    }

    #[test]
    fn an_index_of_fewer_documents_than_pages_is_an_error() {
        let error = build_index([document(0)].into_iter(), 2, "en").unwrap_err();
        assert!(error.to_string().contains("stopped"), "{error}");
    }
}
