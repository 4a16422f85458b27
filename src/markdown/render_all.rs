//! Renders every entry's Markdown (body, summary, facts, quiz) in parallel:
//! each entry once in its own language, and the default-language entry once
//! more for each language whose page falls back to some of its parts (links
//! there must lead to pages in the page's language).

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;

use super::autolink::Autolinker;
use super::highlight::HighlightCache;
use super::{render_body, render_inline, BodyHtml, Linker, RenderedBody};
use crate::config::LangId;
use crate::diag::Diagnostic;
use crate::model::{Entry, EntryId, Glossary, TermId};
use crate::pipeline::memo::{Face, Memo};
use crate::source::Spanned;

/// A quiz question with its text rendered.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RenderedQuestion {
    /// The question (inline HTML).
    pub question: String,
    /// The choices (inline HTML).
    pub choices: Vec<String>,
    /// 0-based index of the right choice.
    pub answer: usize,
    /// The explanation (inline HTML), if any.
    pub explanation: Option<String>,
}

/// One entry rendered for pages in one language.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RenderedEntry {
    /// The entry.
    pub entry: EntryId,
    /// The language of the pages this HTML is for.
    pub page_lang: LangId,
    /// The body. Unless bodies are kept ([`RenderOptions::keep_bodies`]) its
    /// HTML is dropped: [`Rendered::body`] gives it.
    pub body: RenderedBody,
    /// The summary (inline HTML).
    pub summary: String,
    /// Key facts (inline HTML).
    pub facts: Vec<String>,
    /// The quiz, if the entry has one.
    pub quiz: Option<Vec<RenderedQuestion>>,
}

/// Every rendered entry.
#[derive(Default)]
pub struct Rendered {
    /// Each entry in its own language, indexed by [`EntryId`].
    pub own: Vec<RenderedEntry>,
    /// The default-language entry of a term, rendered for another language's page.
    pub fallback: BTreeMap<(TermId, LangId), RenderedEntry>,
    /// The automatic-link automatons the entries were rendered with.
    autolinkers: Vec<Autolinker>,
    /// `[lang][term]`: each term's summary as plain text, in that language
    /// (or the default one): links to a term carry it as their description.
    pub summaries: Vec<Vec<String>>,
    /// Each article entry in its own language, by index.
    pub articles: Vec<RenderedBody>,
    /// An article's default-language entry rendered for another language.
    pub article_fallback: BTreeMap<(usize, LangId), RenderedBody>,
    /// How the entries were rendered (and how [`Rendered::body`] renders again).
    options: RenderOptions,
}

impl Rendered {
    /// The rendering of `entry` for pages in `page_lang`.
    pub fn get(&self, entry: &Entry, page_lang: LangId) -> Option<&RenderedEntry> {
        if entry.lang == page_lang {
            self.own.get(entry.id.index())
        } else {
            self.fallback.get(&(entry.term, page_lang))
        }
    }

    /// The HTML of `rendered`'s body: the one kept, or rendered again
    /// (highlighted with `highlights`, plain without) when it was dropped.
    pub fn body<'r>(
        &'r self,
        glossary: &Glossary,
        rendered: &'r RenderedEntry,
        highlights: Option<&HighlightCache>,
    ) -> Cow<'r, BodyHtml> {
        if let Some(html) = &rendered.body.html {
            return Cow::Borrowed(html);
        }
        let entry = glossary.entry(rendered.entry);
        let context =
            Context { options: self.options, autolinkers: &self.autolinkers, summaries: &self.summaries, highlights };
        let linker = context.linker(glossary, entry, rendered.page_lang);
        // Diagnostics were reported by the first rendering.
        let again = render_body(glossary.body(entry), entry.file, entry.body.start, &linker, &mut Vec::new());
        Cow::Owned(again.html.unwrap_or_default())
    }
}

/// How to render.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Whether drafts are published (links to them stay links).
    pub include_drafts: bool,
    /// Whether every body keeps its highlighted HTML (the dev server, which
    /// re-renders one term in place). Otherwise a body keeps only what checks
    /// and listings need (links, sections, headings), rendered without
    /// highlighting, and each page renders its body again as it is written,
    /// so a build never holds the whole site's HTML at once.
    pub keep_bodies: bool,
}

/// What a build recalls rendered entries from: the memo, and the face of
/// the site they were rendered in.
pub type Recall<'m> = Option<(&'m Memo<'m>, Face)>;

/// Renders every entry; diagnostics come from the first pass only, so each
/// problem is reported once. Entries `recall` holds are not rendered again
/// (unless bodies are kept: the memo holds no HTML).
pub fn render_all(glossary: &Glossary, options: RenderOptions, recall: Recall<'_>) -> (Rendered, Vec<Diagnostic>) {
    let recall = recall.filter(|_| !options.keep_bodies);
    let autolinkers = Autolinker::for_languages(glossary, options.include_drafts);
    let summaries = plain_summaries(glossary);
    // Shared by the entries of this run only (translations keep their code):
    // kept longer, it would hold every block twice for the whole build.
    let highlights = HighlightCache::default();
    let options = Context::new(options, &autolinkers, &summaries, &highlights);
    // Whether each entry leaves a part to the default language is decided
    // before its HTML is dropped.
    let results: Vec<(RenderedEntry, bool, Vec<Diagnostic>)> = glossary
        .entries
        .par_iter()
        .map(|entry| {
            let (rendered, diags) = recalled_or(recall, glossary, entry, entry.lang, || {
                let mut diags = Vec::new();
                let mut rendered = render_entry(glossary, entry, entry.lang, options, &mut diags);
                options.settle(&mut rendered);
                (rendered, diags)
            });
            let partial = falls_back(&rendered, entry);
            (rendered, partial, diags)
        })
        .collect();
    let mut diags = Vec::new();
    let mut own = Vec::with_capacity(results.len());
    let mut partial = Vec::with_capacity(results.len());
    for (rendered, falls_back, entry_diags) in results {
        own.push(rendered);
        partial.push(falls_back);
        diags.extend(entry_diags);
    }

    let default = glossary.config.default_language;
    let needed: Vec<(TermId, LangId, EntryId)> = glossary
        .terms
        .iter()
        .flat_map(|term| glossary.config.lang_ids().map(move |lang| (term, lang)))
        .filter(|(_, lang)| *lang != default)
        .filter_map(|(term, lang)| {
            let default_entry = term.entry(default)?;
            let needs = term.entry(lang).is_none_or(|own_id| partial[own_id.index()]);
            needs.then_some((term.id, lang, default_entry))
        })
        .collect();
    let fallback = needed
        .into_par_iter()
        .map(|(term, lang, entry)| {
            let entry = glossary.entry(entry);
            let (rendered, _) = recalled_or(recall, glossary, entry, lang, || {
                let mut rendered = render_entry(glossary, entry, lang, options, &mut Vec::new());
                options.settle(&mut rendered);
                (rendered, Vec::new())
            });
            ((term, lang), rendered)
        })
        .collect();
    let (articles, article_fallback) = render_articles(glossary, options, &mut diags);
    let options = options.options;
    (Rendered { own, fallback, autolinkers, summaries, articles, article_fallback, options }, diags)
}

/// `render()`'s entry and diagnostics, or the ones `recall` holds for
/// `entry` on pages in `page_lang`.
fn recalled_or(
    recall: Recall<'_>,
    glossary: &Glossary,
    entry: &Entry,
    page_lang: LangId,
    render: impl FnOnce() -> (RenderedEntry, Vec<Diagnostic>),
) -> (RenderedEntry, Vec<Diagnostic>) {
    let (memo, face) = recall.unzip();
    let path = glossary.sources.path(entry.file);
    Memo::recall_or(memo, |memo| memo.markdown_key(face?, path, entry.id, page_lang), render)
}

/// Renders the entries of `term` again after an edit, and its fallback
/// renderings; returns the diagnostics of its own entries.
pub fn rerender_term(rendered: &mut Rendered, glossary: &Glossary, term: TermId) -> Vec<Diagnostic> {
    let options = rendered.options;
    // Names are unchanged by an in-place edit, so the automatons still hold.
    let autolinkers = std::mem::take(&mut rendered.autolinkers);
    let summaries = std::mem::take(&mut rendered.summaries);
    let highlights = HighlightCache::default();
    let options = Context::new(options, &autolinkers, &summaries, &highlights);
    let mut diags = Vec::new();
    let term = glossary.term(term);
    let default = glossary.config.default_language;
    let mut needs_fallback = Vec::new();
    for entry in term.entries.iter().flatten().map(|id| glossary.entry(*id)) {
        let mut fresh = render_entry(glossary, entry, entry.lang, options, &mut diags);
        if entry.lang != default && falls_back(&fresh, entry) {
            needs_fallback.push(entry.lang);
        }
        options.settle(&mut fresh);
        if let Some(slot) = rendered.own.get_mut(entry.id.index()) {
            *slot = fresh;
        }
    }
    rendered.fallback.retain(|(t, _), _| *t != term.id);
    if let Some(default_id) = term.entry(default) {
        for lang in glossary.config.lang_ids().filter(|l| *l != default) {
            if term.entry(lang).is_none() || needs_fallback.contains(&lang) {
                let mut fresh = render_entry(glossary, glossary.entry(default_id), lang, options, &mut Vec::new());
                options.settle(&mut fresh);
                rendered.fallback.insert((term.id, lang), fresh);
            }
        }
    }
    rendered.autolinkers = autolinkers;
    rendered.summaries = summaries;
    diags
}

/// Each term's summary as plain text, per language (with fallback).
fn plain_summaries(glossary: &Glossary) -> Vec<Vec<String>> {
    glossary
        .config
        .lang_ids()
        .map(|lang| {
            let title =
                |slug: &str| glossary.lookup(slug).map(|t| glossary.entry_or_fallback(t, lang).0.title().to_owned());
            glossary
                .terms
                .iter()
                .map(|term| {
                    let (entry, _) = glossary.entry_or_fallback(term.id, lang);
                    crate::util::text::markdown_plain(&entry.summary.value, &title)
                })
                .collect()
        })
        .collect()
}

/// Every article entry in its own language, and each missing translation's
/// fallback rendering.
fn render_articles(
    glossary: &Glossary,
    context: Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<RenderedBody>, BTreeMap<(usize, LangId), RenderedBody>) {
    let highlights = HighlightCache::default();
    let render = |entry: &crate::model::articles::ArticleEntry, page_lang: LangId, diags: &mut Vec<Diagnostic>| {
        let linker = Linker {
            glossary,
            page_lang,
            content_lang: entry.lang,
            source_term: None,
            include_drafts: context.options.include_drafts,
            // Articles are few and keep their HTML: always highlighted.
            highlight: Some(context.highlights.unwrap_or(&highlights)),
            autolinkers: Some(context.autolinkers),
            summaries: Some(context.summaries),
        };
        let text = &glossary.sources.get(entry.file).text[entry.body.clone()];
        render_body(text, entry.file, entry.body.start, &linker, diags)
    };
    let results: Vec<(RenderedBody, Vec<Diagnostic>)> = glossary
        .article_entries
        .par_iter()
        .map(|entry| {
            let mut found = Vec::new();
            let body = render(entry, entry.lang, &mut found);
            (body, found)
        })
        .collect();
    let mut own = Vec::with_capacity(results.len());
    for (body, found) in results {
        own.push(body);
        diags.extend(found);
    }
    let default = glossary.config.default_language;
    let mut fallback = BTreeMap::new();
    for (index, article) in glossary.articles.iter().enumerate() {
        let Some(source) = article.entry(default) else { continue };
        for lang in glossary.config.lang_ids().filter(|l| *l != default && article.entry(*l).is_none()) {
            fallback.insert((index, lang), render(&glossary.article_entries[source], lang, &mut Vec::new()));
        }
    }
    (own, fallback)
}

/// Whether a translation leaves some part to the default language.
fn falls_back(rendered: &RenderedEntry, entry: &Entry) -> bool {
    !rendered.body.parts.complete() || rendered.facts.is_empty() || rendered.quiz.is_none() || entry.sources.is_empty()
}

/// The options and the per-site automatons, shared by every entry.
#[derive(Clone, Copy)]
struct Context<'a> {
    options: RenderOptions,
    autolinkers: &'a [Autolinker],
    summaries: &'a [Vec<String>],
    /// Highlights code blocks when set.
    highlights: Option<&'a HighlightCache>,
}

impl<'a> Context<'a> {
    /// Code is highlighted in this pass only when bodies are kept.
    fn new(
        options: RenderOptions,
        autolinkers: &'a [Autolinker],
        summaries: &'a [Vec<String>],
        highlights: &'a HighlightCache,
    ) -> Context<'a> {
        Context { options, autolinkers, summaries, highlights: options.keep_bodies.then_some(highlights) }
    }

    /// The linker for `entry`'s text on pages in `page_lang`.
    fn linker(&self, glossary: &'a Glossary, entry: &Entry, page_lang: LangId) -> Linker<'a> {
        Linker {
            glossary,
            page_lang,
            content_lang: entry.lang,
            source_term: Some(entry.term),
            include_drafts: self.options.include_drafts,
            highlight: self.highlights,
            autolinkers: Some(self.autolinkers),
            summaries: Some(self.summaries),
        }
    }

    /// Drops the body's HTML unless bodies are kept.
    fn settle(&self, rendered: &mut RenderedEntry) {
        if !self.options.keep_bodies {
            rendered.body.drop_html();
        }
    }
}

fn render_entry(
    glossary: &Glossary,
    entry: &Entry,
    page_lang: LangId,
    context: Context<'_>,
    diags: &mut Vec<Diagnostic>,
) -> RenderedEntry {
    let linker = context.linker(glossary, entry, page_lang);
    let text = &glossary.sources.get(entry.file).text;
    let inline = |value: &Spanned<String>, diags: &mut Vec<Diagnostic>| {
        let quoted = matches!(text.as_bytes().get(value.span.start as usize), Some(b'"' | b'\''));
        render_inline(&value.value, value.span, quoted, &linker, diags)
    };
    let body = render_body(glossary.body(entry), entry.file, entry.body.start, &linker, diags);
    let summary = inline(&entry.summary, diags);
    let facts = entry.facts.iter().map(|f| inline(f, diags)).collect();
    let quiz = entry.quiz.as_ref().map(|questions| {
        questions
            .iter()
            .map(|q| RenderedQuestion {
                question: inline(&q.question, diags),
                choices: q.choices.iter().map(|c| inline(c, diags)).collect(),
                answer: q.answer,
                explanation: q.explanation.as_ref().map(|e| inline(e, diags)),
            })
            .collect()
    });
    RenderedEntry { entry: entry.id, page_lang, body, summary, facts, quiz }
}
