//! The markup of a term page, written by glossa itself: a glossary has one
//! page per term and language, and a template engine spends most of a
//! build on them (BENCHMARKS.md). `term.html` receives what is written
//! here as `content` (the whole layout) and as `fragments` (each part), so
//! a site's own `term.html` can arrange the parts or write its own.

use serde::Serialize;

use super::{Part, SectionPart, TermView};
use crate::render::html::{filled, Html};
use crate::render::layout::{TermLink, TocItem};

/// Each part of a term page as HTML, for a site's own `term.html`.
#[derive(Serialize)]
pub(super) struct Fragments {
    pub breadcrumbs: String,
    pub header: String,
    /// The notices on the term: deprecated, or one of several senses.
    pub notices: String,
    pub toc_inline: String,
    /// The notices on the translation: shown in another language, or outdated.
    pub translation_notices: String,
    pub facts: String,
    pub main: String,
    pub eli5: String,
    pub expert: String,
    pub graph: String,
    pub prerequisites: String,
    pub related: String,
    pub dependents: String,
    pub mentioned_in: String,
    pub read_more: String,
    pub quiz: String,
    pub sources: String,
    pub footer: String,
    pub pager: String,
    pub toc_sidebar: String,
}

/// The strings of the page's language.
struct Strings<'v>(&'v crate::theme::UiStrings);

impl<'v> Strings<'v> {
    fn get(&self, key: &'v str) -> &'v str {
        self.0.get(key).map_or(key, String::as_str)
    }
}

/// Writes every part of the page.
pub(super) fn fragments(view: &TermView<'_>) -> Fragments {
    let t = Strings(view.page.t);
    let piece = |write: &dyn Fn(&mut Html)| {
        let mut html = Html::default();
        write(&mut html);
        html.into_string()
    };
    Fragments {
        breadcrumbs: piece(&|h| breadcrumbs(h, view, &t)),
        header: piece(&|h| header(h, view, &t)),
        notices: piece(&|h| notices(h, view, &t)),
        toc_inline: piece(&|h| toc_inline(h, &view.toc, t.get("on_this_page"))),
        translation_notices: piece(&|h| translation_notices(h, view)),
        facts: piece(&|h| facts(h, view, &t)),
        main: piece(&|h| main(h, view)),
        eli5: piece(&|h| section(h, view, "eli5", view.eli5.as_ref(), t.get("eli5_default"))),
        expert: piece(&|h| section(h, view, "expert", view.expert.as_ref(), t.get("expert_default"))),
        graph: piece(&|h| graph(h, view, &t)),
        prerequisites: piece(&|h| prerequisites(h, view, &t)),
        related: piece(&|h| link_cards(h, "links links--related", "related", t.get("related"), &view.related)),
        dependents: piece(&|h| {
            link_cards(h, "links links--child", "dependents", t.get("dependents"), &view.dependents)
        }),
        mentioned_in: piece(&|h| mentioned_in(h, view, &t)),
        read_more: piece(&|h| read_more(h, view, &t)),
        quiz: piece(&|h| quiz(h, view, &t)),
        sources: piece(&|h| sources(h, view, &t)),
        footer: piece(&|h| footer(h, view, &t)),
        pager: piece(&|h| pager(h, view, &t)),
        toc_sidebar: piece(&|h| toc_sidebar(h, &view.toc, t.get("on_this_page"))),
    }
}

/// The page's layout: everything between the site's header and footer.
pub(super) fn content(view: &TermView<'_>, parts: &Fragments) -> String {
    let t = Strings(view.page.t);
    let mut h = Html::with_capacity(parts.main.len() + parts.graph.len() + 16 * 1024);
    h.raw("<div class=\"layout layout--toc\">\n<main id=\"main\" tabindex=\"-1\" data-preview-open=\"")
        .text(t.get("preview_open"))
        .raw("\">\n")
        .raw(&parts.breadcrumbs)
        .raw("\n<article class=\"term\" aria-labelledby=\"title\">\n")
        .raw(&parts.header)
        .raw(&parts.notices);
    if !parts.toc_inline.is_empty() {
        h.raw("  ").raw(&parts.toc_inline).raw("\n");
    }
    h.raw(&parts.translation_notices)
        .raw("\n")
        .raw(&parts.facts)
        .raw("\n")
        .raw(&parts.main)
        .raw("\n")
        .raw(&parts.eli5)
        .raw("\n")
        .raw(&parts.expert)
        .raw("\n")
        .raw(&parts.graph)
        .raw("\n")
        .raw(&parts.prerequisites)
        .raw("\n")
        .raw(&parts.related)
        .raw("\n")
        .raw(&parts.dependents)
        .raw("\n")
        .raw(&parts.mentioned_in)
        .raw("\n")
        .raw(&parts.read_more)
        .raw(&parts.quiz)
        .raw("\n")
        .raw(&parts.sources)
        .raw("\n")
        .raw(&parts.footer)
        .raw("</article>\n")
        .raw(&parts.pager)
        .raw("</main>\n");
    if !parts.toc_sidebar.is_empty() {
        h.raw(&parts.toc_sidebar).raw("\n");
    }
    h.raw("</div>");
    h.into_string()
}

/// The page's own scripts, after the site's.
pub(super) fn scripts(view: &TermView<'_>) -> String {
    let root = &view.page.root;
    let mut h = Html::default();
    for script in ["progress", "preview"] {
        h.raw("<script src=\"").text(root).raw("static/").raw(script).raw(".js\" defer></script>\n");
    }
    if view.quiz.is_some() {
        for script in ["quizkit", "quiz"] {
            h.raw("<script src=\"").text(root).raw("static/").raw(script).raw(".js\" defer></script>\n");
        }
    }
    h.into_string()
}

fn breadcrumbs(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    let trail = &view.page.breadcrumbs;
    if trail.is_empty() {
        return;
    }
    h.raw("<nav class=\"breadcrumbs\" aria-label=\"").text(t.get("breadcrumbs")).raw("\"><ol>");
    for crumb in trail {
        h.raw("<li>");
        match filled(crumb.href.as_deref()) {
            Some(href) => {
                h.raw("<a href=\"").text(href).raw("\"").lang(crumb.lang.as_deref()).raw(">");
                h.text(&crumb.label).raw("</a>");
            }
            None => {
                h.raw("<span aria-current=\"page\"").lang(crumb.lang.as_deref()).raw(">");
                h.text(&crumb.label).raw("</span>");
            }
        }
        h.raw("</li>");
    }
    h.raw("</ol></nav>");
}

fn header(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    let title_lang = view.title_lang.as_deref();
    h.raw("  <header class=\"term-header\">\n    <h1 id=\"title\"").lang(title_lang).raw(">").text(view.title);
    sense(h, view.sense);
    h.raw("</h1>\n");
    if !view.aliases.is_empty() {
        h.raw("    <p class=\"aliases\" id=\"aliases\"").lang(title_lang);
        h.raw("><span class=\"label\" lang=\"").text(view.page.lang).raw("\">").text(t.get("aliases")).raw(":</span> ");
        for (i, alias) in view.aliases.iter().enumerate() {
            h.raw("<span class=\"alias\">").text(alias).raw("</span>");
            if i + 1 < view.aliases.len() {
                h.text(t.get("list_separator"));
            }
        }
        h.raw("</p>\n");
    }
    h.raw("    <p class=\"summary\" id=\"summary\"").lang(view.summary.lang.as_deref());
    h.raw(">").raw(view.summary.value).raw("</p>\n");
    if view.updated.is_some() || !view.tags.is_empty() {
        h.raw("    <p class=\"term-meta\">");
        if let Some(updated) = &view.updated {
            h.raw("<span class=\"term-meta__updated\">").text(t.get("last_updated"));
            h.raw(" <time datetime=\"").text(updated.iso).raw("\">").text(&updated.display).raw("</time></span>");
        }
        for tag in &view.tags {
            h.raw(" <a class=\"tag\" href=\"").text(&tag.href).raw("\">").text(tag.label).raw("</a>");
        }
        h.raw("</p>\n");
    }
    h.raw("  </header>\n");
}

fn notices(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    if let Some(deprecated) = &view.deprecated {
        h.raw("  <p class=\"notice notice--deprecated\" id=\"deprecated-notice\" role=\"note\">");
        h.text(deprecated.text).raw(" ");
        term_link(h, &deprecated.instead);
        h.raw("</p>\n");
    }
    for note in &view.senses {
        h.raw("  <p class=\"notice notice--senses\" role=\"note\">").text(&note.text).raw(" ");
        for (i, link) in note.others.iter().enumerate() {
            term_link(h, link);
            if i + 1 < note.others.len() {
                h.text(t.get("list_separator"));
            }
        }
        h.raw(" · <a href=\"").text(&note.all_href).raw("\">").text(note.all_text).raw("</a></p>\n");
    }
}

fn translation_notices(h: &mut Html, view: &TermView<'_>) {
    if let Some(notice) = &view.fallback_notice {
        h.raw("  <p class=\"notice notice--fallback\" id=\"fallback-notice\" role=\"note\">");
        h.text(&notice.text).raw("</p>\n");
    }
    if let Some(notice) = &view.stale_notice {
        h.raw("  <p class=\"notice notice--stale\" id=\"stale-notice\" role=\"note\">").text(&notice.text);
        h.raw(" <a href=\"").text(&notice.href).raw("\" hreflang=\"").text(&notice.lang).raw("\">");
        h.text(&notice.link_text).raw("</a></p>\n");
    }
}

fn facts(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    let Some(facts) = &view.facts else { return };
    h.raw("  <section class=\"facts\" id=\"facts\" aria-labelledby=\"facts-title\"").lang(facts.lang.as_deref());
    h.raw(">\n    ");
    heading(h, "facts", t.get("facts"), view.page.lang);
    h.raw("\n    ");
    part_notice(h, facts, view.page.lang);
    h.raw("\n    <ul>\n");
    for fact in facts.value {
        h.raw("      <li>").raw(fact).raw("</li>\n");
    }
    h.raw("    </ul>\n  </section>\n");
}

fn main(h: &mut Html, view: &TermView<'_>) {
    let Some(main) = &view.main else { return };
    h.raw("  <div class=\"explanation prose\" id=\"explanation\"").lang(main.lang.as_deref()).raw(">\n    ");
    part_notice(h, main, view.page.lang);
    h.raw("\n").raw(main.value).raw("\n  </div>\n");
}

/// "Explain like I'm 5" or the expert deep dive.
fn section(h: &mut Html, view: &TermView<'_>, id: &str, part: Option<&Part<SectionPart<'_>>>, default: &str) {
    let Some(part) = part else { return };
    h.raw("  <section class=\"").raw(id).raw(" prose\" id=\"").raw(id).raw("\" aria-labelledby=\"").raw(id);
    h.raw("-title\"").lang(part.lang.as_deref()).raw(">\n    ");
    let text = filled(Some(part.value.heading)).unwrap_or(default);
    heading(h, id, text, "");
    h.raw("\n    ");
    part_notice(h, part, view.page.lang);
    h.raw("\n").raw(part.value.html).raw("\n  </section>\n");
}

fn graph(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    let Some(graph) = &view.graph else { return };
    h.raw("  <section class=\"graph\" id=\"graph\" aria-labelledby=\"graph-title\">\n    ");
    heading(h, "graph", t.get("graph"), "");
    h.raw("\n    <figure class=\"graph-figure\">\n      <div class=\"graph-figure__wide\">").raw(&graph.svg_wide);
    h.raw("</div>\n      <div class=\"graph-figure__tall\">").raw(&graph.svg_tall);
    h.raw("</div>\n      <figcaption class=\"graph-legend\">\n        <span class=\"legend legend--main\">");
    h.text(t.get("graph_legend_main")).raw("</span>\n");
    for (present, class, key) in [
        (graph.has_pre, "pre", "graph_legend_pre"),
        (graph.has_related, "related", "graph_legend_related"),
        (graph.has_dependents, "child", "graph_legend_child"),
    ] {
        if present {
            h.raw("        <span class=\"legend legend--").raw(class).raw("\">").text(t.get(key)).raw("</span>\n");
        }
    }
    h.raw("      </figcaption>\n    </figure>\n    <details class=\"graph-source\">\n      <summary>");
    h.text(t.get("graph_source")).raw("</summary>\n      <pre><code class=\"language-mermaid\">").text(&graph.mermaid);
    h.raw("</code></pre>\n      <p><a href=\"").text(&graph.mmd_href).raw("\" download>").text(t.get("graph_download"));
    h.raw("</a></p>\n    </details>\n  </section>\n");
}

fn prerequisites(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    if view.prerequisites.is_empty() {
        return;
    }
    h.raw("  <section class=\"links links--pre\" id=\"prerequisites\" aria-labelledby=\"prerequisites-title\">\n    ");
    heading(h, "prerequisites", t.get("prerequisites"), "");
    h.raw("\n    <p class=\"links-intro\">").text(t.get("prerequisites_intro")).raw("</p>\n");
    if let Some(path) = &view.learning_path {
        h.raw("    <div class=\"learning-path\" id=\"learning-path\" data-path=\"").text(&path.data_href);
        h.raw("\" data-slug=\"").text(view.slug).raw("\" data-passed=\"").text(t.get("learning_path_passed"));
        h.raw("\">\n      <p class=\"learning-path__title\">").text(t.get("learning_path"));
        h.raw("</p>\n      <p class=\"links-intro\">").text(t.get("learning_path_intro"));
        h.raw("</p>\n      <ol class=\"path\">\n");
        for link in &path.steps {
            h.raw("        <li data-term=\"").text(link.slug).raw("\">");
            term_link(h, link);
            h.raw("</li>\n");
        }
        h.raw("      </ol>\n");
        if path.truncated {
            h.raw("      <p class=\"path-more\"><span class=\"path-more-note\">").text(t.get("learning_path_more"));
            h.raw("</span> <button type=\"button\" class=\"path-full\" hidden>").text(t.get("learning_path_full"));
            h.raw("</button></p>\n");
        }
        h.raw("    </div>\n");
    }
    h.raw("    ");
    cards(h, &view.prerequisites);
    h.raw("\n  </section>\n");
}

/// Related terms or dependents: a heading and a card per term.
fn link_cards(h: &mut Html, class: &str, id: &str, title: &str, links: &[TermLink<'_>]) {
    if links.is_empty() {
        return;
    }
    h.raw("  <section class=\"").raw(class).raw("\" id=\"").raw(id).raw("\" aria-labelledby=\"").raw(id);
    h.raw("-title\">\n    ");
    heading(h, id, title, "");
    h.raw("\n    ");
    cards(h, links);
    h.raw("\n  </section>\n");
}

fn mentioned_in(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    if view.mentioned_in.is_empty() {
        return;
    }
    h.raw("  <section class=\"links\" id=\"mentioned-in\" aria-labelledby=\"mentioned-in-title\">\n    ");
    heading(h, "mentioned-in", t.get("mentioned_in"), "");
    h.raw("\n    <ul class=\"inline-list\">\n");
    for link in &view.mentioned_in {
        h.raw("      <li>");
        term_link(h, link);
        h.raw("</li>\n");
    }
    h.raw("    </ul>\n  </section>\n");
}

fn read_more(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    if view.read_more.is_empty() {
        return;
    }
    h.raw("  <section class=\"links\" id=\"read-more\" aria-labelledby=\"read-more-title\">\n    ");
    heading(h, "read-more", t.get("read_more"), "");
    h.raw("\n    <ul>\n");
    for article in &view.read_more {
        h.raw("      <li><a href=\"").text(&article.href).raw("\"").lang(article.lang).raw(">").text(article.title);
        h.raw("</a> <time datetime=\"").text(article.date_iso).raw("\">").text(&article.date).raw("</time></li>\n");
    }
    h.raw("    </ul>\n  </section>\n");
}

fn quiz(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    let Some(quiz) = &view.quiz else { return };
    let lang = view.page.lang;
    h.raw("  <section class=\"quiz\" id=\"quiz\" aria-labelledby=\"quiz-title\"").lang(quiz.lang.as_deref());
    h.raw(" data-quiz\n      data-slug=\"").text(view.slug).raw("\"");
    let attributes: [&[(&str, &str)]; 5] = [
        &[("last", "quiz_last"), ("intro", "quiz_intro_js")],
        &[("check", "quiz_check"), ("next", "quiz_next"), ("finish", "quiz_finish")],
        &[("retry", "quiz_retry"), ("correct", "quiz_correct"), ("incorrect", "quiz_incorrect")],
        &[("right", "quiz_right_choice"), ("yours", "quiz_your_choice")],
        &[("progress", "quiz_progress"), ("score", "quiz_score"), ("choose", "quiz_choose")],
    ];
    for (i, line) in attributes.iter().enumerate() {
        if i > 0 {
            h.raw("\n     ");
        }
        for (name, key) in *line {
            h.raw(" data-").raw(name).raw("=\"").text(t.get(key)).raw("\"");
        }
    }
    h.raw("\n      data-ui-lang=\"").text(lang).raw("\">\n    ");
    heading(h, "quiz", t.get("quiz"), lang);
    h.raw("\n    ");
    part_notice(h, quiz, lang);
    h.raw("\n    <p class=\"quiz-intro\" lang=\"").text(lang).raw("\">").text(t.get("quiz_intro"));
    h.raw("</p>\n    <form class=\"quiz-form\">\n");
    let digits = t.get("digits");
    for q in &quiz.value {
        h.raw("      <fieldset class=\"quiz-question\" id=\"quiz-q").number(q.number).raw("\" data-answer=\"");
        h.number(q.answer).raw("\">\n        <legend><span class=\"quiz-number\" lang=\"").text(lang).raw("\">");
        let number = crate::render::localize_digits(&q.number.to_string(), digits);
        h.text(&t.get("quiz_question").replace("{n}", &number));
        h.raw("</span> <span class=\"quiz-text\">").raw(q.question).raw("</span></legend>\n");
        h.raw("        <ul class=\"quiz-choices\">\n");
        for (i, choice) in q.choices.iter().enumerate() {
            h.raw("          <li><label><input type=\"radio\" name=\"quiz-q").number(q.number).raw("\" value=\"");
            h.number(i).raw("\"> <span>").raw(choice.html).raw("</span></label></li>\n");
        }
        h.raw("        </ul>\n        <details class=\"quiz-answer\">\n          <summary lang=\"").text(lang);
        h.raw("\">").text(t.get("quiz_show_answer")).raw("</summary>\n          <p><strong lang=\"").text(lang);
        h.raw("\">").text(t.get("quiz_answer")).raw(":</strong> ").raw(q.answer_html).raw("</p>\n");
        if let Some(explanation) = filled(q.explanation) {
            h.raw("          <p class=\"quiz-explanation\">").raw(explanation).raw("</p>\n");
        }
        h.raw("        </details>\n      </fieldset>\n");
    }
    h.raw("    </form>\n  </section>\n");
}

fn sources(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    let Some(sources) = &view.sources else { return };
    let lang = view.page.lang;
    h.raw("  <section class=\"sources\" id=\"sources\" aria-labelledby=\"sources-title\"")
        .lang(sources.lang.as_deref());
    h.raw(">\n    ");
    heading(h, "sources", t.get("sources"), lang);
    h.raw("\n    ");
    part_notice(h, sources, lang);
    h.raw("\n    <ol>\n");
    for (i, source) in sources.value.iter().enumerate() {
        h.raw("      <li id=\"source-").number(i + 1).raw("\"><a href=\"").text(&source.url);
        h.raw("\" rel=\"external\">").text(source.title).raw("</a></li>\n");
    }
    h.raw("    </ol>\n  </section>\n");
}

fn footer(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    h.raw("  <footer class=\"term-footer\">\n    <nav class=\"term-languages\" id=\"languages\" aria-label=\"");
    h.text(t.get("languages")).raw(": ").text(view.title).raw("\">\n      <ul>\n");
    for language in &view.page.languages {
        h.raw("        <li><a href=\"").text(&language.href).raw("\" hreflang=\"").text(language.code);
        h.raw("\" lang=\"").text(language.code).raw("\"");
        if language.current {
            h.raw(" aria-current=\"page\"");
        }
        h.raw(">").text(language.name).raw("</a></li>\n");
    }
    h.raw("      </ul>\n    </nav>\n");
    if let Some(url) = filled(view.edit_url.as_deref()) {
        h.raw("    <p class=\"edit-link\"><a href=\"").text(url).raw("\" rel=\"external\">").text(t.get("edit_page"));
        h.raw("</a></p>\n");
    }
    h.raw("  </footer>\n");
}

fn pager(h: &mut Html, view: &TermView<'_>, t: &Strings<'_>) {
    if view.previous.is_none() && view.next.is_none() {
        return;
    }
    h.raw("<nav class=\"pager\" aria-label=\"").text(t.get("learning_order")).raw("\">\n");
    for (link, class, rel, key) in
        [(&view.previous, "prev", "prev", "previous_term"), (&view.next, "next", "next", "next_term")]
    {
        let Some(link) = link else { continue };
        h.raw("  <a class=\"pager__link pager__link--").raw(class).raw("\" href=\"").text(&link.href);
        h.raw("\" rel=\"").raw(rel).raw("\"").lang(link.lang).raw("><span class=\"pager__label\" lang=\"");
        h.text(view.page.lang).raw("\">").text(t.get(key)).raw("</span><span class=\"pager__title\">");
        h.text(link.title);
        sense(h, link.sense);
        h.raw("</span></a>\n");
    }
    h.raw("</nav>\n");
}

/// ` <span class="term-sense">(…)</span>` after a title with a sense.
fn sense(h: &mut Html, sense: Option<&str>) {
    if let Some(sense) = filled(sense) {
        h.raw(" <span class=\"term-sense\">(").text(sense).raw(")</span>");
    }
}

fn term_link(h: &mut Html, link: &TermLink<'_>) {
    h.raw("<a class=\"term-link\" href=\"").text(&link.href).raw("\"").lang(link.lang).raw(">").text(link.title);
    sense(h, link.sense);
    h.raw("</a>");
}

fn cards(h: &mut Html, links: &[TermLink<'_>]) {
    h.raw("<ul class=\"cards\">\n");
    for link in links {
        h.raw("      <li class=\"card\"><a class=\"card__title term-link\" href=\"").text(&link.href).raw("\"");
        h.lang(link.lang).raw(">").text(link.title);
        sense(h, link.sense);
        h.raw("</a>");
        if let Some(summary) = filled(link.summary) {
            h.raw("<p class=\"card__summary\"").lang(link.lang).raw(">").raw(summary).raw("</p>");
        }
        h.raw("</li>\n");
    }
    h.raw("    </ul>");
}

/// A part's heading, with its anchor; `text` is HTML.
fn heading(h: &mut Html, id: &str, text: &str, lang: &str) {
    h.raw("<h2 id=\"").text(id).raw("-title\"").lang(Some(lang)).raw(">").raw(text);
    h.raw(" <a class=\"anchor\" href=\"#").text(id).raw("\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>");
}

/// The notice on a part shown in the default language.
fn part_notice<T>(h: &mut Html, part: &Part<T>, lang: &str) {
    if let Some(notice) = filled(part.notice.as_deref()) {
        h.raw("<p class=\"notice notice--part\" lang=\"").text(lang).raw("\" role=\"note\">").text(notice).raw("</p>");
    }
}

fn toc_items(h: &mut Html, items: &[TocItem]) {
    for item in items {
        h.raw("      <li class=\"toc__item toc__item--").number(usize::from(item.level)).raw("\"><a href=\"#");
        h.text(&item.id).raw("\"").lang(item.lang.as_deref()).raw(">").text(&item.label).raw("</a></li>\n");
    }
}

fn toc_inline(h: &mut Html, items: &[TocItem], title: &str) {
    if items.is_empty() {
        return;
    }
    h.raw("<details class=\"toc-inline\">\n    <summary>").text(title).raw("</summary>\n    <ul>\n");
    toc_items(h, items);
    h.raw("    </ul>\n  </details>");
}

fn toc_sidebar(h: &mut Html, items: &[TocItem], title: &str) {
    if items.is_empty() {
        return;
    }
    h.raw("<aside class=\"toc-sidebar\" aria-label=\"").text(title);
    h.raw("\">\n  <nav class=\"toc\" aria-labelledby=\"toc-title\" data-toc>\n    <p class=\"toc__title\" id=\"toc-title\">");
    h.text(title).raw("</p>\n    <ul>\n");
    toc_items(h, items);
    h.raw("    </ul>\n  </nav>\n</aside>");
}
