//! Term pages, search parts and the files that show only the site's face,
//! taken whole from the previous build into the same output.
//!
//! A term page shows its own files (every language's: a translation falls
//! back to the default language's parts and says when it is stale) and,
//! of the rest of the site, only what front matter, site.yaml, the theme
//! and the options decide (titles, summaries, tags, links between terms,
//! the learning order, the A–Z neighbours), plus three things bodies decide
//! for other pages: which terms and articles link which (the "mentioned
//! in" and "read more" lists) and the translation statuses. A page's key
//! is a digest of exactly that: the site's face (the content files with
//! term files reduced to their front matter, the statuses, the mentions,
//! and the frame: site.yaml, theme and options) and the term's own files.
//! When a page's key is the one the previous build recorded, and its files
//! are in the output as that build left them, they are linked into the new
//! site instead of rendered, and what the build takes from the page (its
//! search document and Anki section) is read back from the cache.
//!
//! Parts of the search index are taken the same way, keyed by the
//! documents they index (see [`Reusing::shard_key`]), and so are the other
//! files that show the site's face alone (see [`Reusing::face_files`]).

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::context::Context;
use super::data::anki::Eli5;
use super::data::search::SearchDocument;
use super::pages::term::{Extracts, Wanted};
use super::path::{FilePath, PagePath};
use super::writer::Writer;
use crate::config::LangId;
use crate::error::Error;
use crate::model::Term;
use crate::output::{ListingSink, PageRecorder, PreviousPages};
use crate::pipeline::InputDigest;

/// What one build needs to reuse term pages and to let the next one reuse
/// its own.
pub struct PageReuse<'c> {
    /// The previous build's pages, if any can be trusted.
    pub previous: Option<PreviousPages>,
    /// Where this build's pages are recorded.
    pub recorder: &'c PageRecorder,
    /// The inputs' digests, which the keys are made from.
    pub digest: &'c InputDigest,
}

/// Term pages taken from the previous build, with this build's keys.
pub(crate) struct Reusing<'a> {
    reuse: PageReuse<'a>,
    /// The site's face ([`site_face`]).
    face: [u8; 32],
    /// `[term][lang]` by term id.
    keys: Vec<Vec<Option<[u8; 32]>>>,
}

impl<'a> Reusing<'a> {
    /// Computes every page's key.
    pub(super) fn new(ctx: &Context<'_>, reuse: PageReuse<'a>) -> Reusing<'a> {
        let face = site_face(ctx, reuse.digest);
        let keys = page_keys(ctx, &face, reuse.digest);
        Reusing { reuse, face, keys }
    }

    /// The page of `term` in `lang` linked from the previous build, when it
    /// was made from this build's key and is whole; its extracts, read back.
    pub(super) fn link_page(
        &self,
        ctx: &Context<'_>,
        term: &Term,
        lang: LangId,
        wanted: Wanted,
        out: &Writer<'_>,
    ) -> Result<Option<Extracts>, Error> {
        let Some(key) = self.keys[term.id.index()][lang.0] else { return Ok(None) };
        let (page, graph) = files_of(ctx, term, lang);
        let page_file = page.file();
        let Some(stored) = self.reuse.previous.as_ref().and_then(|previous| previous.get(&page_file, &key)) else {
            return Ok(None);
        };
        // The page and its graph, nothing else: the cache names no other file.
        let files: Vec<&str> = stored.files.iter().map(|(path, _)| *path).collect();
        let has_graph = match files.as_slice() {
            [only] if *only == page_file => false,
            [first, second] if *first == page_file && *second == graph => true,
            _ => return Ok(None),
        };
        let Some(extracts) = restore(stored.kept, lang, has_graph) else { return Ok(None) };
        // The same settings make the same extracts; anything else is rendered.
        if extracts.search.is_some() != wanted.search || !out.reuse(page, &stored.files)? {
            return Ok(None);
        }
        self.reuse.recorder.record(&page_file, &key, &files, stored.kept);
        self.reuse.recorder.note_reused();
        Ok(Some(extracts))
    }

    /// Records the page of `term` in `lang`, just written, for the next build.
    pub(super) fn record_page(&self, ctx: &Context<'_>, term: &Term, lang: LangId, extracts: &Extracts) {
        let Some(key) = self.keys[term.id.index()][lang.0] else { return };
        let (page, graph) = files_of(ctx, term, lang);
        let page = page.file();
        let files: Vec<&str> = if extracts.graph { vec![&page, &graph] } else { vec![&page] };
        self.reuse.recorder.record(&page, &key, &files, &keep(extracts));
    }
}

/// Search shards taken from the previous build: a shard's bundle is
/// Pagefind's work on its documents, so its key is a digest of them (and
/// of the frame: the options and glossa itself). Pages whose own files
/// changed often leave their documents as they were (an edit below the
/// opening paragraphs, a translation's), so the documents are compared,
/// not the page keys.
impl Reusing<'_> {
    /// Whether the previous build recorded the shard bundle `name` (from
    /// whatever documents): only then are its documents worth gathering to
    /// compare before indexing.
    pub(super) fn shard_recorded(&self, name: &str) -> bool {
        self.reuse.previous.as_ref().is_some_and(|previous| previous.has(name))
    }

    /// A key for the shard bundle `name`, to be fed its documents in order.
    pub(super) fn shard_key(&self, name: &str) -> ShardKey {
        let mut key = Sha256::new();
        key.update(self.reuse.digest.frame);
        key.update(name.as_bytes());
        key.update([0]);
        ShardKey(key)
    }

    /// Links the shard bundle `name` from the previous build, when it was
    /// made from `key` and its files are as that build left them.
    pub(super) fn link_shard(&self, name: &str, key: &[u8; 32], out: &Writer<'_>) -> Result<bool, Error> {
        let Some(stored) = self.reuse.previous.as_ref().and_then(|previous| previous.get(name, key)) else {
            return Ok(false);
        };
        if !stored.kept.is_empty() || !out.link(&stored.files)? {
            return Ok(false);
        }
        let files: Vec<&str> = stored.files.iter().map(|(path, _)| *path).collect();
        self.reuse.recorder.record(name, key, &files, &[]);
        Ok(true)
    }

    /// Records the shard bundle `name`, just indexed from `key`'s documents.
    pub(super) fn record_shard(&self, name: &str, key: &[u8; 32], files: &[&str]) {
        self.reuse.recorder.record(name, key, files, &[]);
    }
}

/// The digest of a shard's documents, in order.
pub(super) struct ShardKey(Sha256);

impl ShardKey {
    /// Adds the next document.
    pub(super) fn add(&mut self, document: &SearchDocument) {
        for field in document.fields() {
            self.0.update((field.len() as u64).to_le_bytes());
            self.0.update(field.as_bytes());
        }
    }

    pub(super) fn finish(self) -> [u8; 32] {
        self.0.finalize().into()
    }
}

/// Files that show the site's face alone (front matter, the statuses, the
/// mentions, site.yaml, the theme and the options; no body text) are taken
/// from the previous build whole when the face is unchanged: an edit inside
/// a body leaves them as they were.
impl Reusing<'_> {
    /// Writes the files `write` makes, recorded for the next build as
    /// `name`, or links the ones it made last time from the same face.
    pub(super) fn face_files(
        &self,
        name: &str,
        out: &Writer<'_>,
        write: impl FnOnce(&Writer<'_>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let record = format!("face/{name}");
        let key: [u8; 32] = Sha256::new().chain_update(self.face).chain_update(record.as_bytes()).finalize().into();
        let stored = self.reuse.previous.as_ref().and_then(|previous| previous.get(&record, &key));
        if let Some(stored) = stored {
            // What the summary counts of them: pages per language.
            let pages = pages_in(stored.kept, out.language_count());
            if let Some(pages) = pages {
                if out.link(&stored.files)? {
                    out.count(&pages, 0);
                    let files: Vec<&str> = stored.files.iter().map(|(path, _)| *path).collect();
                    self.reuse.recorder.record(&record, &key, &files, stored.kept);
                    return Ok(());
                }
            }
        }
        let listing = ListingSink::new(out.sink());
        let writer = out.same_site_into(&listing);
        write(&writer)?;
        let written = writer.written();
        let pages: Vec<usize> = written.pages_per_language.iter().map(|(_, n)| *n).collect();
        out.count(&pages, written.files);
        let files = listing.into_paths();
        let files: Vec<&str> = files.iter().map(String::as_str).collect();
        let kept: Vec<u8> = pages.iter().flat_map(|n| (*n as u64).to_le_bytes()).collect();
        self.reuse.recorder.record(&record, &key, &files, &kept);
        Ok(())
    }
}

/// The pages per language of a [`Reusing::face_files`] record, for a site
/// of `languages`.
fn pages_in(kept: &[u8], languages: usize) -> Option<Vec<usize>> {
    (kept.len() == languages * 8)
        .then(|| kept.chunks_exact(8).map(|n| u64::from_le_bytes(n.try_into().unwrap_or_default()) as usize).collect())
}

/// The page of `term` in `lang` and the path of the `graph.mmd` beside it.
fn files_of<'t>(ctx: &Context<'t>, term: &'t Term, lang: LangId) -> (PagePath<'t>, String) {
    let code = ctx.code(lang);
    (PagePath::Term(code, term.slug.as_str()), FilePath::Graph(code, term.slug.as_str()).path())
}

/// Each page's key, `[term][lang]` by term id; `None` for a term whose
/// files were not digested (never reused).
fn page_keys(ctx: &Context<'_>, face: &[u8; 32], digest: &InputDigest) -> Vec<Vec<Option<[u8; 32]>>> {
    let glossary = ctx.glossary;
    let languages: Vec<LangId> = glossary.config.lang_ids().collect();
    glossary
        .terms
        .par_iter()
        .map(|term| {
            let own = own_files(ctx, term, digest);
            languages
                .iter()
                .map(|&lang| {
                    own.map(|own| {
                        let mut key = Sha256::new();
                        key.update(face);
                        key.update(ctx.code(lang).as_bytes());
                        key.update([0]);
                        key.update(own);
                        key.finalize().into()
                    })
                })
                .collect()
        })
        .collect()
}

/// A digest of the term's slug and all its files.
fn own_files(ctx: &Context<'_>, term: &Term, digest: &InputDigest) -> Option<[u8; 32]> {
    let glossary = ctx.glossary;
    let mut own = Sha256::new();
    own.update(term.slug.as_str().as_bytes());
    for entry in &term.entries {
        match entry {
            Some(id) => own.update(digest.files.get(glossary.sources.path(glossary.entry(*id).file))?),
            None => own.update([0; 32]),
        }
    }
    Some(own.finalize().into())
}

/// A digest of everything a term page may show of the rest of the site.
fn site_face(ctx: &Context<'_>, digest: &InputDigest) -> [u8; 32] {
    let glossary = ctx.glossary;
    // Term files count by their front matter only: their bodies reach other
    // pages as the mentions and statuses below.
    let fronts: HashMap<&Path, [u8; 32]> = glossary
        .entries
        .par_iter()
        .map(|entry| {
            let file = glossary.sources.get(entry.file);
            let front = file.text.as_bytes().get(..entry.body.start).unwrap_or_default();
            (file.rel_path.as_path(), Sha256::new().chain_update(front).finalize().into())
        })
        .collect();
    let mut files: Vec<(&Path, &[u8; 32])> = digest
        .files
        .iter()
        .map(|(path, whole)| (path.as_path(), fronts.get(path.as_path()).unwrap_or(whole)))
        .collect();
    files.sort_unstable();
    let mut face = Sha256::new();
    face.update(digest.frame);
    for (path, seen) in files {
        face.update(path.to_string_lossy().as_bytes());
        face.update([0]);
        face.update(seen);
    }
    for statuses in ctx.index.statuses {
        face.update(statuses.iter().map(|s| *s as u8).collect::<Vec<u8>>());
    }
    let lists = ctx.index.mentions.iter().flatten().map(|terms| terms.iter().map(|t| t.index()).collect::<Vec<_>>());
    let article_lists = ctx.index.article_mentions.iter().flatten().cloned();
    for list in lists.chain(article_lists) {
        face.update((list.len() as u64).to_le_bytes());
        for item in list {
            face.update((item as u64).to_le_bytes());
        }
    }
    face.finalize().into()
}

/// The extracts of a page as the cache keeps them.
fn keep(extracts: &Extracts) -> Vec<u8> {
    let mut kept = Vec::new();
    match &extracts.search {
        Some(document) => {
            let fields: Vec<&str> = document.fields().collect();
            kept.push(1);
            kept.extend_from_slice(&(fields.len() as u64).to_le_bytes());
            for field in fields {
                put(&mut kept, field);
            }
        }
        None => kept.push(0),
    }
    match &extracts.eli5 {
        Some(eli5) => {
            kept.push(1);
            put(&mut kept, &eli5.heading);
            put(&mut kept, &eli5.html);
            match &eli5.lang {
                Some(lang) => {
                    kept.push(1);
                    put(&mut kept, lang);
                }
                None => kept.push(0),
            }
        }
        None => kept.push(0),
    }
    kept
}

/// The extracts of a page in `lang` read back from [`keep`]'s bytes
/// (`graph`: whether it has a `graph.mmd`, which its files say).
fn restore(mut kept: &[u8], lang: LangId, graph: bool) -> Option<Extracts> {
    let search = if flag(&mut kept)? {
        let fields = (0..take_number(&mut kept)?).map(|_| take(&mut kept)).collect::<Option<Vec<String>>>()?;
        SearchDocument::from_fields(lang, fields)
    } else {
        None
    };
    let eli5 = if flag(&mut kept)? {
        let heading = take(&mut kept)?;
        let html = take(&mut kept)?;
        let lang = if flag(&mut kept)? { Some(take(&mut kept)?) } else { None };
        Some(Eli5 { heading, html, lang })
    } else {
        None
    };
    kept.is_empty().then_some(Extracts { search, eli5, graph })
}

fn put(kept: &mut Vec<u8>, text: &str) {
    kept.extend_from_slice(&(text.len() as u64).to_le_bytes());
    kept.extend_from_slice(text.as_bytes());
}

fn flag(kept: &mut &[u8]) -> Option<bool> {
    let (first, rest) = kept.split_first()?;
    *kept = rest;
    Some(*first == 1)
}

fn take(kept: &mut &[u8]) -> Option<String> {
    let len = usize::try_from(take_number(kept)?).ok()?;
    let text = kept.get(..len)?;
    *kept = &kept[len..];
    String::from_utf8(text.to_vec()).ok()
}

fn take_number(kept: &mut &[u8]) -> Option<u64> {
    let (number, rest) = kept.split_first_chunk::<8>()?;
    *kept = rest;
    Some(u64::from_le_bytes(*number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_extracts_read_back_the_same() {
        let cases = [
            Extracts { search: None, eli5: None, graph: false },
            Extracts {
                search: SearchDocument::from_fields(
                    LangId(1),
                    ["/ko/terms/x/", "토큰 ___PAGEFIND_WEIGHT___3 x", "summary", "x", "title", "토큰"]
                        .map(String::from)
                        .to_vec(),
                ),
                eli5: Some(Eli5 { heading: String::new(), html: "<p>a</p>".into(), lang: Some("en".into()) }),
                graph: true,
            },
            Extracts {
                search: None,
                eli5: Some(Eli5 { heading: "h".into(), html: String::new(), lang: None }),
                graph: false,
            },
        ];
        for extracts in cases {
            let kept = keep(&extracts);
            let back = restore(&kept, LangId(1), extracts.graph).unwrap();
            assert_eq!(keep(&back), kept);
            assert_eq!(back.graph, extracts.graph);
            // Damaged bytes are never read as something else.
            assert!(restore(&kept[..kept.len() - 1], LangId(1), false).is_none());
            assert!(restore(&[kept.as_slice(), &[0]].concat(), LangId(1), false).is_none());
        }
    }
}
