//! A term page in one language: every part of spec §4.1 in order, each part
//! taken from the page language's entry or, where that has none, from the
//! default language's, marked with its `lang` and a notice.

mod markup;

use std::borrow::Cow;

use serde::Serialize;

use super::article::{read_more, ArticleLink};
use super::learning::{learning_path, mentioned_in, PathView};
use crate::config::LangId;
use crate::error::Error;
use crate::markdown::highlight::HighlightCache;
use crate::markdown::{BodyHtml, RenderedEntry, RenderedQuestion};
use crate::model::{Entry, Term};
use crate::render::chrome::Blocks;
use crate::render::context::Context;
use crate::render::data::anki::Eli5;
use crate::render::data::search::{self, SearchDocument};
use crate::render::graph::{self, ConceptGraph, GraphLabels, GraphNode};
use crate::render::layout::{
    page_view, plain_text, stale_notice, tag_link, term_link, Crumb, PageView, StaleNotice, TagLink, TermLink, TocItem,
};
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

/// The `class` of a term page's `<body>` (`term.html`'s `body_class`).
const BODY_CLASS: &str = "page page--term";

/// A part that may come from the fallback language.
#[derive(Serialize)]
struct Part<T> {
    value: T,
    /// The part's language when it differs from the page's.
    lang: Option<String>,
    /// A visible notice when only this part falls back.
    notice: Option<String>,
}

#[derive(Serialize)]
struct SectionPart<'a> {
    heading: &'a str,
    html: &'a str,
}

#[derive(Serialize)]
struct GraphPart {
    /// The graph side by side, for wide screens.
    svg_wide: String,
    /// The graph top to bottom, for narrow screens.
    svg_tall: String,
    mermaid: String,
    mmd_href: String,
    /// Which kinds of neighbour the graph has (its legend shows only those).
    has_pre: bool,
    has_related: bool,
    has_dependents: bool,
}

#[derive(Serialize)]
struct ChoiceView<'a> {
    html: &'a str,
    correct: bool,
}

#[derive(Serialize)]
struct QuestionView<'a> {
    number: usize,
    question: &'a str,
    choices: Vec<ChoiceView<'a>>,
    answer: usize,
    answer_html: &'a str,
    explanation: Option<&'a str>,
}

#[derive(Serialize)]
struct SourceView<'a> {
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Notice {
    text: String,
}

/// A date as the page shows it.
#[derive(Serialize)]
struct DateView<'a> {
    iso: &'a str,
    display: String,
}

/// The note on a term whose name other terms share: its other senses and
/// the page listing them all.
#[derive(Serialize)]
struct SensesNote<'a> {
    text: String,
    others: Vec<TermLink<'a>>,
    all_text: &'a str,
    all_href: String,
}

/// The notice on a deprecated term: the term to use instead.
#[derive(Serialize)]
struct DeprecatedNotice<'a> {
    text: &'a str,
    instead: TermLink<'a>,
}

#[derive(Serialize)]
struct TermView<'a> {
    page: PageView<'a>,
    slug: &'a str,
    title: &'a str,
    sense: Option<&'a str>,
    senses: Vec<SensesNote<'a>>,
    deprecated: Option<DeprecatedNotice<'a>>,
    title_lang: Option<String>,
    aliases: Vec<&'a str>,
    summary: Part<&'a str>,
    fallback_notice: Option<Notice>,
    stale_notice: Option<StaleNotice>,
    facts: Option<Part<&'a [String]>>,
    main: Option<Part<&'a str>>,
    eli5: Option<Part<SectionPart<'a>>>,
    expert: Option<Part<SectionPart<'a>>>,
    graph: Option<GraphPart>,
    prerequisites: Vec<TermLink<'a>>,
    related: Vec<TermLink<'a>>,
    dependents: Vec<TermLink<'a>>,
    learning_path: Option<PathView<'a>>,
    mentioned_in: Vec<TermLink<'a>>,
    toc: Vec<TocItem>,
    previous: Option<TermLink<'a>>,
    next: Option<TermLink<'a>>,
    updated: Option<DateView<'a>>,
    read_more: Vec<ArticleLink<'a>>,
    quiz: Option<Part<Vec<QuestionView<'a>>>>,
    sources: Option<Part<Vec<SourceView<'a>>>>,
    tags: Vec<TagLink<'a>>,
    edit_url: Option<String>,
}

/// What `term.html` sees: the view, and the page glossa wrote from it.
#[derive(Serialize)]
struct TermTemplate<'v, 'a> {
    #[serde(flatten)]
    view: &'v TermView<'a>,
    /// The page between the site's header and footer.
    content: &'v str,
    /// The page's own scripts.
    scripts: &'v str,
    /// Each part of the page.
    fragments: &'v markup::Fragments,
}

/// One rendering a page draws from, with its body's HTML when the page may
/// show it.
struct Source<'s> {
    entry: &'s Entry,
    rendered: &'s RenderedEntry,
    body: Option<&'s BodyHtml>,
}

/// The two renderings a page draws from: the page language's own entry (if
/// any) and the default language's entry rendered for this page.
struct Sources<'s> {
    own: Option<Source<'s>>,
    fallback: Option<Source<'s>>,
}

/// A rendering as a [`Source`].
fn source<'s>(rendering: &'s Option<(&'s Entry, &'s RenderedEntry, Option<Cow<'s, BodyHtml>>)>) -> Option<Source<'s>> {
    rendering.as_ref().map(|(entry, rendered, body)| Source { entry, rendered, body: body.as_deref() })
}

impl<'s> Sources<'s> {
    /// The first of own/fallback for which `pick` finds something, with the fallback flag.
    fn pick<T>(&self, pick: impl Fn(&Source<'s>) -> Option<T>) -> Option<(T, &'s Entry, bool)> {
        let found = |source: &Option<Source<'s>>, fallback| {
            source.as_ref().and_then(|s| pick(s).map(|value| (value, s.entry, fallback)))
        };
        found(&self.own, false).or_else(|| found(&self.fallback, true))
    }
}

/// What the files written after the term pages take from each page, made
/// while its body's HTML is at hand rather than by rendering it again.
#[derive(Default)]
pub(crate) struct Extracts {
    /// The page's search document.
    pub search: Option<SearchDocument>,
    /// The "Explain like I'm 5" its Anki note shows.
    pub eli5: Option<Eli5>,
    /// Whether the page has a `graph.mmd` beside it.
    pub graph: bool,
}

/// Which [`Extracts`] to make.
#[derive(Clone, Copy)]
pub(crate) struct Wanted {
    pub search: bool,
    pub anki: bool,
}

/// Writes the page of `term` in `lang` and its `graph.mmd`, and returns
/// the `wanted` extracts; `highlights` is shared by every page (translations
/// keep their code).
pub(crate) fn write<'a>(
    ctx: &Context<'a>,
    term: &'a Term,
    lang: LangId,
    highlights: &HighlightCache,
    wanted: Wanted,
    out: &Writer<'_>,
) -> Result<Extracts, Error> {
    let glossary = ctx.glossary;
    let config = &glossary.config;
    let code = ctx.code(lang);
    let slug = term.slug.as_str();
    let path = PagePath::Term(code, slug);
    let own = term.entry(lang).map(|id| glossary.entry(id));
    let default_entry = term.entry(config.default_language).map(|id| glossary.entry(id));
    let rendering = |entry: &'a Entry, needs_body: bool| {
        let rendered = ctx.rendered.get(entry, lang)?;
        let body = needs_body.then(|| ctx.rendered.body(glossary, rendered, Some(highlights)));
        Some((entry, rendered, body))
    };
    let own_rendering = own.and_then(|e| rendering(e, true));
    // A translation with every body part never shows the fallback's body
    // (only, say, its quiz), so that body is not rendered again.
    let own_body_complete = own_rendering.as_ref().is_some_and(|(_, r, _)| r.body.parts.complete());
    let fallback_rendering = default_entry.filter(|e| e.lang != lang).and_then(|e| rendering(e, !own_body_complete));
    let sources = Sources { own: source(&own_rendering), fallback: source(&fallback_rendering) };
    let whole_fallback = own.is_none();
    let lang_of = |entry: &Entry| (entry.lang != lang).then(|| config.language(entry.lang).code.to_string());
    let notice = |entry: &Entry, fallback: bool| -> (Option<String>, Option<String>) {
        let text = (fallback && !whole_fallback)
            .then(|| ctx.theme.text(lang, "fallback_part").replace("{language}", &config.language(entry.lang).name));
        (lang_of(entry), text)
    };
    fn part<T>(value: T, (lang, notice): (Option<String>, Option<String>)) -> Part<T> {
        Part { value, lang, notice }
    }

    let (title_entry, _) = glossary.entry_or_fallback(term.id, lang);
    let summary_html = sources.pick(|s| Some(s.rendered.summary.as_str())).map_or("", |(s, _, _)| s);
    let summary = Part { value: summary_html, lang: lang_of(title_entry), notice: None };
    let facts = sources
        .pick(|s| (!s.rendered.facts.is_empty()).then_some(s.rendered.facts.as_slice()))
        .map(|(v, e, f)| part(v, notice(e, f)));
    let main_source = sources.pick(|s| {
        s.body
            .map(|b| b.main.as_str())
            .filter(|main| !main.trim().is_empty())
            .map(|html| (html, &s.rendered.body.headings))
    });
    let main_headings = main_source.as_ref().map(|((_, headings), _, _)| *headings);
    let main = main_source.map(|((v, _), e, f)| part(v, notice(e, f)));
    fn section(s: &crate::markdown::Section) -> SectionPart<'_> {
        SectionPart { heading: &s.heading, html: &s.html }
    }
    let eli5 = sources.pick(|s| s.body?.eli5.as_ref().map(section)).map(|(v, e, f)| part(v, notice(e, f)));
    let eli5_note = eli5.as_ref().filter(|_| wanted.anki).map(|p| Eli5 {
        heading: p.value.heading.to_owned(),
        html: p.value.html.to_owned(),
        lang: p.lang.clone(),
    });
    let expert = sources.pick(|s| s.body?.expert.as_ref().map(section)).map(|(v, e, f)| part(v, notice(e, f)));
    let quiz = sources
        .pick(|s| s.rendered.quiz.as_deref().filter(|q| !q.is_empty()))
        .map(|(q, e, f)| part(questions(q), notice(e, f)));
    let source_list = sources.pick(|s| (!s.entry.sources.is_empty()).then_some(s.entry)).map(|(e, entry, f)| {
        let list = e
            .sources
            .iter()
            .map(|s| SourceView { title: &s.title.value, url: crate::util::url::encode_unsafe(&s.url.value) })
            .collect();
        part(list, notice(entry, f))
    });

    // Each neighbour is shown once: in the graph, and as a card with its summary.
    let published = |ids: &[crate::model::TermId]| -> Vec<TermLink<'a>> {
        ids.iter().filter(|id| ctx.published(**id)).map(|&id| term_link(ctx, id, lang, true)).collect()
    };
    let prerequisites = published(&glossary.graph.prerequisites[term.id.index()]);
    let related = published(&glossary.graph.related[term.id.index()]);
    let dependents = published(&glossary.graph.dependents[term.id.index()]);
    let graph = graph_part(ctx, title_entry.title(), slug, lang, &prerequisites, &related, &dependents);

    let title = title_entry.title();
    // The window title and breadcrumb tell the senses of a shared name apart.
    let label = title_entry.label();
    let description = plain_text(summary_html);
    let mut page = page_view(ctx, lang, path, format!("{label} · {}", config.title_in(lang)), description);
    page.og_type = "article";
    page.breadcrumbs = breadcrumbs(ctx, term, lang, &label, lang_of(title_entry));
    page.json_ld = Some(crate::render::data::json_ld::term(ctx, term, lang));
    let tags = term.tags.iter().map(|t| tag_link(ctx, t, lang)).collect();
    let edit_url = config.repository.as_ref().map(|repo| {
        let path = crate::util::text::slash_path(glossary.sources.path(title_entry.file));
        format!("{repo}/edit/main/{path}")
    });
    let fallback_notice = whole_fallback.then(|| Notice {
        text: ctx
            .theme
            .text(lang, "fallback_page")
            .replace("{language}", &config.language(lang).name)
            .replace("{source}", &config.language(title_entry.lang).name),
    });
    let stale_notice = (ctx.status(term.id, lang) == crate::model::status::Status::Stale)
        .then(|| stale_notice(ctx, lang, "stale_notice", PagePath::Term(ctx.code(config.default_language), slug)));
    let mermaid = graph.as_ref().map(|g| g.mermaid.clone());
    let learning_path = learning_path(ctx, term.id, lang);
    let mentioned_in = mentioned_in(ctx, term.id, lang);
    let read_more = read_more(ctx, term.id, lang);
    // Contents labels are page text: a string the language lacks stays marked as such.
    let text = |key: &'static str| ctx.page_text(lang, key).to_owned();
    let mut toc = Vec::new();
    let mut item = |id: &str, label: String, lang: Option<&String>, level: u8| {
        toc.push(TocItem { id: id.to_owned(), label, lang: lang.cloned(), level });
    };
    if facts.is_some() {
        item("facts", text("facts"), None, 2);
    }
    if let Some(main) = &main {
        item("explanation", text("explanation"), None, 2);
        for heading in main_headings.into_iter().flatten().filter(|h| h.level <= 3) {
            item(&heading.id, heading.text.clone(), main.lang.as_ref(), 3);
        }
    }
    for (id, section, default) in [("eli5", &eli5, "eli5_default"), ("expert", &expert, "expert_default")] {
        if let Some(section) = section {
            let heading = plain_text(section.value.heading);
            if heading.is_empty() {
                item(id, text(default), None, 2);
            } else {
                item(id, heading, section.lang.as_ref(), 2);
            }
        }
    }
    let parts: [(&str, bool, &'static str); 8] = [
        ("graph", graph.is_some(), "graph"),
        ("prerequisites", !prerequisites.is_empty(), "prerequisites"),
        ("related", !related.is_empty(), "related"),
        ("dependents", !dependents.is_empty(), "dependents"),
        ("mentioned-in", !mentioned_in.is_empty(), "mentioned_in"),
        ("read-more", !read_more.is_empty(), "read_more"),
        ("quiz", quiz.is_some(), "quiz"),
        ("sources", source_list.is_some(), "sources"),
    ];
    for (id, present, key) in parts {
        if present {
            item(id, text(key), None, 2);
        }
    }
    let (previous, next) = neighbours_in_learning_order(ctx, term.id, lang);
    let updated = term.updated.as_deref().map(|iso| DateView { iso, display: ctx.display_date(iso, lang) });
    let deprecated = term.use_instead.filter(|t| ctx.published(*t)).map(|t| DeprecatedNotice {
        text: ctx.text(lang, "deprecated_notice"),
        instead: term_link(ctx, t, lang, false),
    });
    let view = TermView {
        page,
        slug,
        title,
        sense: title_entry.sense.as_ref().map(|s| s.value.trim()),
        senses: senses_notes(ctx, term, title_entry, lang),
        deprecated,
        title_lang: lang_of(title_entry),
        aliases: title_entry.aliases.iter().map(|a| a.value.as_str()).collect(),
        summary,
        fallback_notice,
        stale_notice,
        facts,
        main,
        eli5,
        expert,
        graph,
        prerequisites,
        related,
        dependents,
        learning_path,
        mentioned_in,
        read_more,
        toc,
        previous,
        next,
        updated,
        quiz,
        sources: source_list,
        tags,
        edit_url,
    };
    let fragments = markup::fragments(&view);
    let content = markup::content(&view, &fragments);
    let scripts = markup::scripts(&view);
    let html = if ctx.theme.builtin_term_pages {
        let blocks = Blocks { body_class: BODY_CLASS, layout: &content, scripts: &scripts };
        crate::render::chrome::document(&view.page, &blocks)
    } else {
        ctx.render(
            "term.html",
            &TermTemplate { view: &view, content: &content, scripts: &scripts, fragments: &fragments },
        )?
    };
    out.page(path, &html)?;
    let has_graph = mermaid.is_some();
    if let Some(mermaid) = mermaid {
        out.file(FilePath::Graph(code, slug), mermaid.as_bytes())?;
    }
    let search = wanted.search.then(|| {
        let title_source = if title_entry.lang == lang { &own_rendering } else { &fallback_rendering };
        match title_source {
            Some((entry, rendered, body)) => search::document(ctx, term, lang, entry, Some(rendered), body.as_deref()),
            // Not rendered for this page: the entry's own rendering.
            None => {
                let rendered = ctx.rendered.get(title_entry, title_entry.lang);
                let body = rendered.map(|r| ctx.rendered.body(glossary, r, None));
                search::document(ctx, term, lang, title_entry, rendered, body.as_deref())
            }
        }
    });
    Ok(Extracts { search, eli5: eli5_note, graph: has_graph })
}

/// For each name `term` shares in the language of `entry` (its own, or
/// the fallback shown): the other published senses and the page of all.
fn senses_notes<'a>(ctx: &Context<'a>, term: &Term, entry: &Entry, lang: LangId) -> Vec<SensesNote<'a>> {
    let senses = &ctx.glossary.senses;
    senses
        .of_term(term.id, entry.lang)
        .filter_map(|index| {
            let group = senses.group(index);
            let others: Vec<TermLink<'a>> = group
                .terms
                .iter()
                .filter(|&&t| t != term.id && ctx.published(t))
                .map(|&t| term_link(ctx, t, lang, false))
                .collect();
            (!others.is_empty()).then(|| SensesNote {
                text: ctx.text(lang, "senses_other").replace("{name}", &group.name),
                others,
                all_text: ctx.text(lang, "senses_all"),
                all_href: PagePath::Senses(ctx.code(group.lang), &group.slug).href(),
            })
        })
        .collect()
}

/// Home › the term's first topic › the term.
fn breadcrumbs(ctx: &Context<'_>, term: &Term, lang: LangId, title: &str, title_lang: Option<String>) -> Vec<Crumb> {
    let code = ctx.code(lang);
    let mut trail = vec![Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href())];
    if let Some(tag) = term.tags.first() {
        trail.push(Crumb::link(ctx.glossary.config.tag_label(tag, lang), PagePath::Tag(code, tag, 1).href()));
    }
    trail.push(Crumb { lang: title_lang, ..Crumb::here(title) });
    trail
}

/// The terms before and after `term` in the learning order, for "previous"
/// and "next" (published terms only).
fn neighbours_in_learning_order<'a>(
    ctx: &Context<'a>,
    term: crate::model::TermId,
    lang: LangId,
) -> (Option<TermLink<'a>>, Option<TermLink<'a>>) {
    let order = &ctx.index.learning_order;
    let Some(at) = ctx.index.learning_position[term.index()] else { return (None, None) };
    let previous = at.checked_sub(1).map(|i| term_link(ctx, order[i], lang, false));
    let next = order.get(at + 1).map(|&t| term_link(ctx, t, lang, false));
    (previous, next)
}

fn graph_part(
    ctx: &Context<'_>,
    title: &str,
    slug: &str,
    lang: LangId,
    pre: &[TermLink<'_>],
    related: &[TermLink<'_>],
    dependents: &[TermLink<'_>],
) -> Option<GraphPart> {
    let code = ctx.code(lang);
    let absolute: Vec<String> = pre
        .iter()
        .chain(related)
        .chain(dependents)
        .map(|l| ctx.urls.absolute(&PagePath::Term(code, l.slug).dir()))
        .collect();
    let relative: Vec<String> = pre.iter().chain(related).chain(dependents).map(|l| l.href.clone()).collect();
    if pre.is_empty() && related.is_empty() && dependents.is_empty() {
        return None;
    }
    let graph_title = ctx.theme.text(lang, "graph_title").replace("{term}", title);
    let labels = GraphLabels {
        title: &graph_title,
        prerequisites: ctx.theme.text(lang, "prerequisites"),
        related: ctx.theme.text(lang, "related"),
        dependents: ctx.theme.text(lang, "dependents"),
    };
    let drawn = concept_graph(title, [pre, related, dependents], &relative);
    let svg_wide = graph::svg(&drawn, &labels, "graph-wide", graph::Arrangement::Wide);
    let svg_tall = graph::svg(&drawn, &labels, "graph-tall", graph::Arrangement::Tall);
    let mermaid = graph::mermaid(&concept_graph(title, [pre, related, dependents], &absolute));
    Some(GraphPart {
        svg_wide,
        svg_tall,
        mermaid,
        mmd_href: FilePath::Graph(code, slug).href(),
        has_pre: !pre.is_empty(),
        has_related: !related.is_empty(),
        has_dependents: !dependents.is_empty(),
    })
}

/// The graph of `groups` (prerequisites, related, dependents) with `hrefs`
/// given in the same order.
fn concept_graph<'n>(center: &'n str, groups: [&'n [TermLink<'_>]; 3], hrefs: &'n [String]) -> ConceptGraph<'n> {
    let (n_pre, n_rel) = (groups[0].len(), groups[1].len());
    ConceptGraph {
        center,
        prerequisites: nodes(groups[0], &hrefs[..n_pre]),
        related: nodes(groups[1], &hrefs[n_pre..n_pre + n_rel]),
        dependents: nodes(groups[2], &hrefs[n_pre + n_rel..]),
    }
}

fn nodes<'n>(links: &'n [TermLink<'_>], hrefs: &'n [String]) -> Vec<GraphNode<'n>> {
    links.iter().zip(hrefs).map(|(l, href)| GraphNode { label: l.title, href, lang: l.lang }).collect()
}

fn questions(quiz: &[RenderedQuestion]) -> Vec<QuestionView<'_>> {
    quiz.iter()
        .enumerate()
        .map(|(i, q)| QuestionView {
            number: i + 1,
            question: &q.question,
            choices: q
                .choices
                .iter()
                .enumerate()
                .map(|(j, c)| ChoiceView { html: c, correct: j == q.answer })
                .collect(),
            answer: q.answer,
            answer_html: q.choices.get(q.answer).map_or("", String::as_str),
            explanation: q.explanation.as_deref(),
        })
        .collect()
}
