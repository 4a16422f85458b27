//! Each language's Atom feed: articles (by date) and terms with an
//! `updated:` date, newest first. Dates come from the content, never the clock.

use std::fmt::Write as _;

use crate::config::LangId;
use crate::error::Error;
use crate::render::context::Context;
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;
use crate::util::text::escape_html;

/// Most entries in a feed.
const FEED_ENTRIES: usize = 50;

/// One entry of a feed.
struct Item {
    date: String,
    title: String,
    url: String,
    summary: String,
}

/// Writes the feed of every language.
pub fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    for lang in ctx.glossary.config.lang_ids() {
        out.file(FilePath::Feed(ctx.code(lang)), feed(ctx, lang).as_bytes())?;
    }
    Ok(())
}

fn feed(ctx: &Context<'_>, lang: LangId) -> String {
    let glossary = ctx.glossary;
    let code = ctx.code(lang);
    let mut items: Vec<Item> = ctx
        .published_terms()
        .filter_map(|term| {
            let (entry, _) = glossary.entry_or_fallback(term.id, lang);
            Some(Item {
                date: term.updated.clone()?,
                title: entry.title().to_owned(),
                url: ctx.urls.absolute(&PagePath::Term(code, term.slug.as_str()).dir()),
                summary: ctx.plain_summary(term.id, lang),
            })
        })
        .collect();
    for &index in &ctx.index.articles {
        let article = &glossary.articles[index];
        let (entry, _) = glossary.article_entry(index, lang);
        items.push(Item {
            date: entry.updated.as_ref().map_or(article.date.clone(), |u| u.value.clone()),
            title: entry.title.value.clone(),
            url: ctx.urls.absolute(&PagePath::Article(code, article.slug.as_str()).dir()),
            summary: entry.description.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        });
    }
    items.sort_by(|a, b| b.date.cmp(&a.date).then(a.url.cmp(&b.url)));
    items.truncate(FEED_ENTRIES);
    let stamp = |date: &str| format!("{date}T00:00:00Z");
    let newest = items.first().map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |i| stamp(&i.date));
    let feed_url = ctx.urls.absolute(&FilePath::Feed(code).path());
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n  <title>{}</title>\n  <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n  <id>{}</id>\n  <updated>{newest}</updated>\n  <generator>glossa</generator>\n",
        escape_html(glossary.config.title_in(lang)),
        escape_html(&ctx.urls.absolute(&PagePath::Home(code).dir())),
        escape_html(&feed_url),
        escape_html(&feed_url),
    );
    for item in items {
        let _ = write!(
            xml,
            "  <entry>\n    <title>{}</title>\n    <link href=\"{url}\" rel=\"alternate\" type=\"text/html\"/>\n    <id>{url}</id>\n    <updated>{}</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape_html(&item.title),
            stamp(&item.date),
            escape_html(&item.summary),
            url = escape_html(&item.url),
        );
    }
    xml.push_str("</feed>\n");
    xml
}
