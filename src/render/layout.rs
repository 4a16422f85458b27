//! What every page's layout shows (the header, the language switcher, the
//! metadata in `<head>`) and the links pages draw to terms and tags. Views
//! are what templates see: never the model itself.

use serde::Serialize;

use super::context::Context;
use super::path::{FilePath, PagePath};
use crate::config::LangId;
use crate::model::TermId;
use crate::theme::UiStrings;

/// What every page's layout needs.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    /// `lang` of `<html>`.
    pub lang: &'a str,
    /// `dir` of `<html>`: `ltr` or `rtl`.
    pub dir: &'static str,
    /// `<title>`.
    pub title: String,
    /// Meta description (plain text).
    pub description: String,
    /// Canonical absolute URL.
    pub canonical: String,
    /// hreflang alternates (absolute), one per language.
    pub alternates: Vec<Alternate<'a>>,
    /// Relative prefix from this page to the site root.
    pub root: String,
    /// The site title in this language.
    pub site_title: &'a str,
    /// Link to this language's home.
    pub home: String,
    /// The language switcher: this page in every language.
    pub languages: Vec<LanguageLink<'a>>,
    /// Interface strings.
    pub t: &'a UiStrings,
    /// Whether the page is a home page (for `aria-current`).
    pub is_home: bool,
    /// Link to the translation status page (sites with several languages).
    pub status_href: Option<String>,
    /// Link to this language's practice page.
    pub practice_href: String,
    /// Link to this language's articles, when there are any.
    pub articles_href: Option<String>,
    /// The page in the default language (`hreflang="x-default"`).
    pub x_default: String,
    /// OpenGraph locale of the page and of its other languages.
    pub og_locale: String,
    /// OpenGraph locales of the other languages.
    pub og_alternates: Vec<String>,
    /// OpenGraph type (`website` or `article`).
    pub og_type: &'static str,
    /// The site's name in this language.
    pub site_name: &'a str,
    /// Link to this language's Atom feed.
    pub feed_href: String,
    /// JSON-LD for the page, already escaped for a `<script>` element.
    pub json_ld: Option<String>,
    /// The main section the page belongs to (`terms`, `topics`, `practice`,
    /// `articles`, or empty), marked current in the header's navigation.
    pub section: &'static str,
    /// Link to this language's topics (tags and concept maps).
    pub topics_href: String,
    /// Link to this language's search page (the search form's target).
    pub search_href: String,
    /// Links to the parts of this language's search index after the first,
    /// space-separated (empty when it has one part).
    pub search_shards: String,
    /// Endings search strips from query words (Korean particles), space-separated.
    pub search_particles: String,
    /// The trail from the home to this page (empty on the home itself).
    pub breadcrumbs: Vec<Crumb>,
}

/// One step of the breadcrumb trail; the last is the page itself (no link).
#[derive(Serialize, Clone)]
pub(crate) struct Crumb {
    /// What it says.
    pub label: String,
    /// Where it leads.
    pub href: Option<String>,
    /// Its language, when it differs from the page's.
    pub lang: Option<String>,
}

impl Crumb {
    /// A step that links `href`.
    pub(crate) fn link(label: impl Into<String>, href: String) -> Crumb {
        Crumb { label: label.into(), href: Some(href), lang: None }
    }

    /// The page itself.
    pub(crate) fn here(label: impl Into<String>) -> Crumb {
        Crumb { label: label.into(), href: None, lang: None }
    }
}

/// The main section a page belongs to.
fn section_of(path: PagePath<'_>) -> &'static str {
    match path {
        PagePath::Home(_) | PagePath::Term(..) | PagePath::Az(..) | PagePath::Search(_) | PagePath::Senses(..) => {
            "terms"
        }
        PagePath::Tag(..) | PagePath::ConceptMap(..) | PagePath::Topics(_) => "topics",
        PagePath::Practice(_) => "practice",
        PagePath::Articles(_) | PagePath::Article(..) => "articles",
        PagePath::Chooser | PagePath::NotFound | PagePath::Translations(_) => "",
    }
}

/// An OpenGraph locale (`ko_KR`) from a language code.
pub(super) fn og_locale(code: &str) -> String {
    if let Some((language, region)) = code.split_once('-') {
        return format!("{language}_{}", region.to_uppercase());
    }
    let region = match code {
        "en" => "US",
        "ko" => "KR",
        "ja" => "JP",
        "zh" => "CN",
        "de" => "DE",
        "fr" => "FR",
        "es" => "ES",
        "pt" => "BR",
        "it" => "IT",
        "ru" => "RU",
        "vi" => "VN",
        "id" => "ID",
        "th" => "TH",
        _ => return code.to_owned(),
    };
    format!("{code}_{region}")
}

/// JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&`
/// written as `\u003c`, `\u003e` and `\u0026`, so no string can close the
/// script or start markup.
pub(super) fn script_json(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// One hreflang alternate.
#[derive(Serialize)]
pub(crate) struct Alternate<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Absolute URL.
    pub href: String,
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub(crate) struct LanguageLink<'a> {
    /// Language code.
    pub code: &'a str,
    /// Its name in itself.
    pub name: &'a str,
    /// Relative link to this page in that language.
    pub href: String,
    /// Whether it is the page's language.
    pub current: bool,
}

/// A link to a term, with its title in the page's language (or the fallback).
#[derive(Serialize, Clone)]
pub(crate) struct TermLink<'a> {
    /// Slug.
    pub slug: &'a str,
    /// Title.
    pub title: &'a str,
    /// Which sense of a shared name it is, shown after the title.
    pub sense: Option<&'a str>,
    /// Relative link.
    pub href: String,
    /// Set when the title is in another language (fallback).
    pub lang: Option<&'a str>,
    /// The summary as inline HTML, when the list shows it.
    pub summary: Option<&'a str>,
    /// What the A–Z index sorts and groups it by.
    #[serde(skip)]
    pub index_name: &'a str,
}

/// The notice on a translation whose source has changed since, linking the
/// source.
#[derive(Serialize)]
pub(crate) struct StaleNotice {
    pub(crate) text: String,
    pub(crate) link_text: String,
    pub(crate) href: String,
    pub(crate) lang: String,
}

/// The stale notice of a page in `lang` whose source is `source`; `key` and
/// `{key}_link` are its strings.
pub(super) fn stale_notice(ctx: &Context<'_>, lang: LangId, key: &str, source: PagePath<'_>) -> StaleNotice {
    let source_lang = ctx.glossary.config.language(ctx.glossary.config.default_language);
    StaleNotice {
        text: ctx.theme.text(lang, key).replace("{source}", &source_lang.name),
        link_text: ctx.theme.text(lang, &format!("{key}_link")).replace("{source}", &source_lang.name),
        href: source.href(),
        lang: source_lang.code.to_string(),
    }
}

/// A tag with its label and link.
#[derive(Serialize)]
pub(crate) struct TagLink<'a> {
    /// Tag slug.
    pub slug: &'a str,
    /// Label in the page's language.
    pub label: &'a str,
    /// Relative link to the tag page.
    pub href: String,
    /// Number of published terms with the tag.
    pub count: usize,
}

/// The layout view of the page at `path` in `lang`.
pub(crate) fn page_view<'a: 'p, 'p>(
    ctx: &Context<'a>,
    lang: LangId,
    path: PagePath<'p>,
    title: String,
    description: String,
) -> PageView<'a> {
    page_view_with(ctx, lang, path, &|code| path.in_lang(code), title, description)
}

/// [`page_view`] for a page whose counterpart in another language is not
/// simply the same page there (one that may not exist in every language):
/// `counterpart(code)` is the page the switcher and `hreflang` lead to.
pub(crate) fn page_view_with<'a: 'p, 'p>(
    ctx: &Context<'a>,
    lang: LangId,
    path: PagePath<'p>,
    counterpart: &dyn Fn(&'a str) -> PagePath<'p>,
    title: String,
    description: String,
) -> PageView<'a> {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    let languages = config
        .languages
        .iter()
        .map(|l| {
            let there = counterpart(l.code.as_str());
            LanguageLink { code: l.code.as_str(), name: &l.name, href: there.href(), current: there == path }
        })
        .collect();
    let alternates = config
        .languages
        .iter()
        .map(|l| Alternate { lang: l.code.as_str(), href: ctx.urls.absolute(&counterpart(l.code.as_str()).dir()) })
        .collect();
    let default_code = ctx.code(config.default_language);
    PageView {
        lang: code,
        dir: config.language(lang).dir.as_str(),
        title,
        description,
        canonical: ctx.urls.absolute(&path.url_path()),
        alternates,
        root: super::path::ROOT.to_string(),
        site_title: config.title_in(lang),
        home: PagePath::Home(code).href(),
        languages,
        t: ctx.theme.page_strings(lang),
        is_home: path == PagePath::Home(code),
        status_href: (config.languages.len() > 1).then(|| PagePath::Translations(code).href()),
        practice_href: PagePath::Practice(code).href(),
        articles_href: (!ctx.index.articles.is_empty()).then(|| PagePath::Articles(code).href()),
        x_default: ctx.urls.absolute(&counterpart(default_code).dir()),
        og_locale: og_locale(code),
        og_alternates: config
            .languages
            .iter()
            .filter(|l| l.code.as_str() != code)
            .map(|l| og_locale(l.code.as_str()))
            .collect(),
        og_type: "website",
        site_name: config.title_in(lang),
        feed_href: FilePath::Feed(code).href(),
        json_ld: None,
        section: section_of(path),
        topics_href: PagePath::Topics(code).href(),
        search_href: PagePath::Search(code).href(),
        search_shards: ctx.index.search_shard_hrefs[lang.0].clone(),
        search_particles: if code == "ko" { crate::markdown::autolink::PARTICLES.join(" ") } else { String::new() },
        breadcrumbs: Vec::new(),
    }
}

/// A link to `term` in `lang`, with its summary when the list shows it.
pub(crate) fn term_link<'a>(ctx: &Context<'a>, term: TermId, lang: LangId, with_summary: bool) -> TermLink<'a> {
    let glossary = ctx.glossary;
    let (entry, fallback) = glossary.entry_or_fallback(term, lang);
    let slug = glossary.term(term).slug.as_str();
    let summary = with_summary
        .then(|| ctx.rendered.get(entry, lang).or_else(|| ctx.rendered.get(entry, entry.lang)))
        .flatten()
        .map(|r| r.summary.as_str());
    TermLink {
        slug,
        title: entry.title(),
        sense: entry.sense.as_ref().map(|s| s.value.trim()),
        href: PagePath::Term(ctx.code(lang), slug).href(),
        lang: fallback.then(|| glossary.config.language(entry.lang).code.as_str()),
        summary,
        index_name: entry.index_name(),
    }
}

/// The link to tag `tag`'s first page in `lang`.
pub(crate) fn tag_link<'a>(ctx: &Context<'a>, tag: &'a str, lang: LangId) -> TagLink<'a> {
    TagLink {
        slug: tag,
        label: ctx.glossary.config.tag_label(tag, lang),
        href: PagePath::Tag(ctx.code(lang), tag, 1).href(),
        count: ctx.index.tags.get(tag).map_or(0, Vec::len),
    }
}

/// Lists longer than this are split over pages of this size (spec §4.5:
/// pages stay small at any size of glossary).
pub(crate) const PAGE_SIZE: usize = 300;

/// Links between the pages of a split list.
#[derive(Serialize)]
pub(crate) struct Pagination {
    current: usize,
    pages: usize,
    previous: Option<String>,
    next: Option<String>,
}

/// The links of page `number` (from 1) of `pages`, where `page(n)` is page `n`.
pub(crate) fn pagination<'p>(page: impl Fn(usize) -> PagePath<'p>, number: usize, pages: usize) -> Option<Pagination> {
    (pages > 1).then(|| Pagination {
        current: number,
        pages,
        previous: (number > 1).then(|| page(number - 1).href()),
        next: (number < pages).then(|| page(number + 1).href()),
    })
}

/// Plain text of generated inline HTML, for meta descriptions.
pub(super) fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_for_scripts_cannot_close_them() {
        let json = script_json(&serde_json::json!({ "name": "</script><script>alert(1)</script> & more" }));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & more");
    }

    #[test]
    fn opengraph_locales() {
        assert_eq!(og_locale("ko"), "ko_KR");
        assert_eq!(og_locale("pt-br"), "pt_BR");
        assert_eq!(og_locale("eo"), "eo");
    }

    #[test]
    fn plain_text_strips_tags_and_entities() {
        assert_eq!(plain_text("A <em>b</em> &amp; <a href=\"x\">c&lt;d</a>\n e"), "A b & c<d e");
    }
}

/// One entry of a page's table of contents.
#[derive(Serialize)]
pub(crate) struct TocItem {
    pub id: String,
    pub label: String,
    /// The label's language when it differs from the page's (a heading of a fallback part).
    pub lang: Option<String>,
    /// 2 for a part of the page or a `##` heading, 3 and more below.
    pub level: u8,
}
