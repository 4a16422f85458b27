//! What static hosting, feed readers, search engines and other tools read:
//! JSON-LD (`DefinedTerm`, `DefinedTermSet`), an Atom feed and a
//! `glossary.json` export per language, redirect pages for renamed terms, and
//! `.nojekyll`. Dates come from the content (`updated:`), never the clock.

use std::fmt::Write as _;

use serde::Serialize;

use super::urls;
use super::views::{plain_text, script_json};
use super::Site;
use crate::config::LangId;
use crate::error::Error;
use crate::model::status::Status;
use crate::model::Term;
use crate::output::OutputSink;
use crate::util::text::escape_html;

/// Most entries in a feed.
const FEED_ENTRIES: usize = 50;

#[derive(Serialize)]
struct ExportTerm<'a> {
    slug: &'a str,
    title: &'a str,
    aliases: Vec<&'a str>,
    summary: String,
    tags: &'a [String],
    prerequisites: Vec<&'a str>,
    related: Vec<&'a str>,
    url: String,
    translation: &'static str,
    updated: Option<&'a str>,
}

impl<'a> Site<'a> {
    /// The plain summary of `term` in `lang` (with fallback).
    fn plain_summary(&self, term: &Term, lang: LangId) -> String {
        let (entry, _) = self.glossary.entry_or_fallback(term.id, lang);
        self.rendered
            .get(entry, lang)
            .or_else(|| self.rendered.get(entry, entry.lang))
            .map(|r| plain_text(&r.summary))
            .unwrap_or_default()
    }

    /// JSON-LD of a term page: a `DefinedTerm` in its set, with its translations.
    pub(super) fn term_json_ld(&self, term: &Term, lang: LangId) -> String {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let url = self.urls.absolute(&urls::term(code, term.slug.as_str()));
        let (entry, _) = self.glossary.entry_or_fallback(term.id, lang);
        let home = self.urls.absolute(&urls::home(code));
        let mut value = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "DefinedTerm",
            "@id": url,
            "name": entry.title(),
            "description": self.plain_summary(term, lang),
            "url": url,
            "inLanguage": config.language(entry.lang).code.as_str(),
            "inDefinedTermSet": { "@type": "DefinedTermSet", "@id": home, "name": config.title_in(lang), "url": home },
        });
        let aliases: Vec<&str> = entry.front.aliases.iter().map(|a| a.value.as_str()).collect();
        if !aliases.is_empty() {
            value["alternateName"] = serde_json::json!(aliases);
        }
        let translated = |l: LangId| term.entry(l).is_some();
        let url_in = |l: LangId| self.urls.absolute(&urls::term(config.language(l).code.as_str(), term.slug.as_str()));
        if lang == config.default_language {
            let translations: Vec<serde_json::Value> = config
                .lang_ids()
                .filter(|l| *l != lang && translated(*l))
                .map(|l| serde_json::json!({ "@type": "DefinedTerm", "@id": url_in(l), "inLanguage": config.language(l).code.as_str() }))
                .collect();
            if !translations.is_empty() {
                value["workTranslation"] = serde_json::json!(translations);
            }
        } else if translated(lang) {
            let source = config.default_language;
            value["translationOfWork"] = serde_json::json!({ "@type": "DefinedTerm", "@id": url_in(source), "inLanguage": config.language(source).code.as_str() });
        }
        script_json(&value)
    }

    /// JSON-LD of a home page: the `DefinedTermSet` of its language.
    pub(super) fn home_json_ld(&self, lang: LangId, description: &str) -> String {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let home = self.urls.absolute(&urls::home(code));
        script_json(&serde_json::json!({
            "@context": "https://schema.org",
            "@type": "DefinedTermSet",
            "@id": home,
            "name": config.title_in(lang),
            "description": description,
            "url": home,
            "inLanguage": code,
        }))
    }

    /// Feeds, exports, redirects and `.nojekyll`.
    pub(super) fn render_publishing(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        let config = &self.glossary.config;
        let mut files = 0;
        for lang in config.lang_ids() {
            let code = config.language(lang).code.as_str();
            sink.write(&format!("{code}/atom.xml"), self.atom_feed(lang).as_bytes())?;
            sink.write(&format!("{code}/glossary.json"), self.export(lang)?.as_bytes())?;
            files += 2;
        }
        files += self.render_redirects(sink)?;
        sink.write(".nojekyll", b"")?;
        Ok(files + 1)
    }

    /// The Atom feed of `lang`: articles (by date) and terms with an
    /// `updated:` date, newest first.
    fn atom_feed(&self, lang: LangId) -> String {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        // (date, title, url, summary)
        let mut items: Vec<(String, String, String, String)> = self
            .published_terms()
            .filter_map(|term| {
                let date = term.updated.clone()?;
                let (entry, _) = self.glossary.entry_or_fallback(term.id, lang);
                let url = self.urls.absolute(&urls::term(code, term.slug.as_str()));
                Some((date, entry.title().to_owned(), url, self.plain_summary(term, lang)))
            })
            .collect();
        for index in self.articles_newest_first() {
            let article = &self.glossary.articles[index];
            let (entry, _) = self.glossary.article_entry(index, lang);
            let date = entry.front.updated.as_ref().map_or(article.date.clone(), |u| u.value.clone());
            let url = self.urls.absolute(&Self::article_path(code, article.slug.as_str()));
            let summary = entry.front.description.as_ref().map(|d| d.value.clone()).unwrap_or_default();
            items.push((date, entry.front.title.value.clone(), url, summary));
        }
        items.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)));
        items.truncate(FEED_ENTRIES);
        let stamp = |date: &str| format!("{date}T00:00:00Z");
        let newest = items.first().map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |i| stamp(&i.0));
        let feed_url = self.urls.absolute(&format!("{code}/atom.xml"));
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n  <title>{}</title>\n  <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n  <id>{}</id>\n  <updated>{newest}</updated>\n  <generator>glossa</generator>\n",
            escape_html(config.title_in(lang)),
            escape_html(&self.urls.absolute(&urls::home(code))),
            escape_html(&feed_url),
            escape_html(&feed_url),
        );
        for (date, title, url, summary) in items {
            let _ = write!(
                xml,
                "  <entry>\n    <title>{}</title>\n    <link href=\"{url_attr}\" rel=\"alternate\" type=\"text/html\"/>\n    <id>{url_attr}</id>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
                escape_html(&title),
                stamp(&date),
                escape_html(&summary),
                url_attr = escape_html(&url),
            );
        }
        xml.push_str("</feed>\n");
        xml
    }

    /// `glossary.json` of `lang`: every published term, for other tools.
    fn export(&self, lang: LangId) -> Result<String, Error> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let slug_of = |ids: &[crate::model::TermId]| -> Vec<&str> {
            ids.iter().filter(|t| self.published(**t)).map(|t| self.glossary.term(*t).slug.as_str()).collect()
        };
        let terms: Vec<ExportTerm<'_>> = self
            .published_terms()
            .map(|term| {
                let (entry, _) = self.glossary.entry_or_fallback(term.id, lang);
                let translation = if lang == config.default_language {
                    "source"
                } else {
                    match self.status(term.id, lang) {
                        Status::UpToDate => "up-to-date",
                        Status::Stale => "stale",
                        Status::Untracked => "untracked",
                        Status::Missing => "missing",
                    }
                };
                ExportTerm {
                    slug: term.slug.as_str(),
                    title: entry.title(),
                    aliases: entry.front.aliases.iter().map(|a| a.value.as_str()).collect(),
                    summary: self.plain_summary(term, lang),
                    tags: &term.tags,
                    prerequisites: slug_of(&self.glossary.graph.prerequisites[term.id.index()]),
                    related: slug_of(&self.glossary.graph.related[term.id.index()]),
                    url: self.urls.absolute(&urls::term(code, term.slug.as_str())),
                    translation,
                    updated: term.updated.as_deref(),
                }
            })
            .collect();
        let value = serde_json::json!({
            "language": code,
            "title": config.title_in(lang),
            "url": self.urls.absolute(&urls::home(code)),
            "terms": terms,
        });
        serde_json::to_string_pretty(&value).map_err(|e| Error::Usage(e.to_string()))
    }

    /// A page at each `redirect_from` slug, in every language, sending
    /// readers to the term's page. Listed nowhere (not in the sitemap).
    fn render_redirects(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        let config = &self.glossary.config;
        let mut files = 0;
        for term in self.published_terms() {
            for old in &term.redirect_from {
                for lang in config.lang_ids() {
                    let code = config.language(lang).code.as_str();
                    let dir = urls::term(code, old.as_str());
                    let target = urls::term(code, term.slug.as_str());
                    let relative = urls::relative(&dir, &target);
                    let absolute = self.urls.absolute(&target);
                    let (entry, _) = self.glossary.entry_or_fallback(term.id, lang);
                    let html = format!(
                        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{absolute}\">\n<meta http-equiv=\"refresh\" content=\"0; url={relative}\">\n</head>\n<body>\n<p><a href=\"{relative}\">{title}</a></p>\n</body>\n</html>\n",
                        title = escape_html(entry.title()),
                        absolute = escape_html(&absolute),
                        relative = escape_html(&relative),
                    );
                    sink.write(&urls::index_file(&dir), html.as_bytes())?;
                    files += 1;
                }
            }
        }
        Ok(files)
    }
}
