//! View structs: what templates see. Templates never get the model itself,
//! only these, built from it in one place per page kind.

use serde::Serialize;

use super::urls;
use super::Site;
use crate::config::LangId;
use crate::model::TermId;
use crate::theme::UiStrings;

/// What every page's layout needs.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// `lang` of `<html>`.
    pub lang: &'a str,
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
pub struct Alternate<'a> {
    /// Language code.
    pub lang: &'a str,
    /// Absolute URL.
    pub href: String,
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub struct LanguageLink<'a> {
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
pub struct TermLink<'a> {
    /// Slug.
    pub slug: &'a str,
    /// Title.
    pub title: &'a str,
    /// Relative link.
    pub href: String,
    /// Set when the title is in another language (fallback).
    pub lang: Option<&'a str>,
    /// The summary as inline HTML, when the list shows it.
    pub summary: Option<&'a str>,
}

/// The notice on a translation whose source has changed since, linking the
/// source.
#[derive(Serialize)]
pub(super) struct StaleNotice {
    text: String,
    link_text: String,
    href: String,
    lang: String,
}

impl Site<'_> {
    /// The stale notice of a page at `page_dir` in `lang` whose source is at
    /// `source_path`; `key` and `{key}_link` are its strings.
    pub(super) fn stale_notice(&self, lang: LangId, page_dir: &str, key: &str, source_path: &str) -> StaleNotice {
        let source = self.glossary.config.language(self.glossary.config.default_language);
        StaleNotice {
            text: self.theme.text(lang, key).replace("{source}", &source.name),
            link_text: self.theme.text(lang, &format!("{key}_link")).replace("{source}", &source.name),
            href: urls::relative(page_dir, source_path),
            lang: source.code.to_string(),
        }
    }
}

/// A tag with its label and link.
#[derive(Serialize)]
pub struct TagLink<'a> {
    /// Tag slug.
    pub slug: &'a str,
    /// Label in the page's language.
    pub label: &'a str,
    /// Relative link to the tag page.
    pub href: String,
    /// Number of published terms with the tag.
    pub count: usize,
}

impl<'a> Site<'a> {
    /// The layout view of a page at `page_dir` in `lang`; `paths` gives the
    /// same page's path in each language (for the switcher and hreflang).
    pub fn page_view(
        &self,
        lang: LangId,
        page_dir: &str,
        title: String,
        description: String,
        path_in: &dyn Fn(&str) -> String,
    ) -> PageView<'a> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let languages = config
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| LanguageLink {
                code: l.code.as_str(),
                name: &l.name,
                href: urls::relative(page_dir, &path_in(l.code.as_str())),
                current: i == lang.0,
            })
            .collect();
        let alternates = config
            .languages
            .iter()
            .map(|l| Alternate { lang: l.code.as_str(), href: self.urls.absolute(&path_in(l.code.as_str())) })
            .collect();
        PageView {
            lang: code,
            title,
            description,
            canonical: self.urls.absolute(page_dir),
            alternates,
            root: urls::to_root(page_dir),
            site_title: config.title_in(lang),
            home: urls::relative(page_dir, &urls::home(code)),
            languages,
            t: self.theme.strings(lang),
            is_home: page_dir == urls::home(code),
            status_href: (config.languages.len() > 1).then(|| urls::relative(page_dir, &Site::status_path(code))),
            practice_href: urls::relative(page_dir, &Site::practice_path(code)),
            articles_href: (0..self.glossary.articles.len())
                .any(|i| self.article_published(i))
                .then(|| urls::relative(page_dir, &format!("{code}/articles/"))),
            x_default: self.urls.absolute(&path_in(config.language(config.default_language).code.as_str())),
            og_locale: og_locale(code),
            og_alternates: config
                .languages
                .iter()
                .filter(|l| l.code.as_str() != code)
                .map(|l| og_locale(l.code.as_str()))
                .collect(),
            og_type: "website",
            site_name: config.title_in(lang),
            feed_href: urls::relative(page_dir, &format!("{code}/atom.xml")),
            json_ld: None,
        }
    }

    /// A link to `term` from a page at `page_dir` in `lang`.
    pub fn term_link(&self, term: TermId, lang: LangId, page_dir: &str, with_summary: bool) -> TermLink<'a> {
        let glossary = self.glossary;
        let (entry, fallback) = glossary.entry_or_fallback(term, lang);
        let code = glossary.config.language(lang).code.as_str();
        let slug = glossary.term(term).slug.as_str();
        let summary = with_summary
            .then(|| self.rendered.get(entry, lang).or_else(|| self.rendered.get(entry, entry.lang)))
            .flatten()
            .map(|r| r.summary.as_str());
        TermLink {
            slug,
            title: entry.title(),
            href: urls::relative(page_dir, &urls::term(code, slug)),
            lang: fallback.then(|| glossary.config.language(entry.lang).code.as_str()),
            summary,
        }
    }
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
