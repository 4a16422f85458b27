//! sitemap.xml: every page in every language, each with its `xhtml:link`
//! alternates, and `lastmod` from a term's `updated` date (never the clock).

use std::fmt::Write as _;

use crate::error::Error;
use crate::render::context::Context;
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;
use crate::util::text::escape_html;

/// Writes the sitemap.
pub fn write(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    out.file(FilePath::Sitemap, sitemap(ctx).as_bytes())
}

fn sitemap(ctx: &Context<'_>) -> String {
    let config = &ctx.glossary.config;
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // Every language's version of `page`, each listing all of them.
    let mut entry = |page: PagePath<'_>, lastmod: Option<&str>| {
        for code in &codes {
            let _ =
                writeln!(xml, "  <url>\n    <loc>{}</loc>", escape_html(&ctx.urls.absolute(&page.in_lang(code).dir())));
            if let Some(date) = lastmod {
                let _ = writeln!(xml, "    <lastmod>{}</lastmod>", escape_html(date));
            }
            for alt in &codes {
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>",
                    escape_html(&ctx.urls.absolute(&page.in_lang(alt).dir()))
                );
            }
            let _ = writeln!(xml, "  </url>");
        }
    };
    let any = codes.first().copied().unwrap_or_default();
    entry(PagePath::Home(any), None);
    for term in ctx.published_terms() {
        entry(PagePath::Term(any, term.slug.as_str()), term.updated.as_deref());
    }
    for tag in ctx.index.tags.keys() {
        entry(PagePath::Tag(any, tag, 1), None);
    }
    if !ctx.index.articles.is_empty() {
        entry(PagePath::Articles(any), None);
    }
    for &index in &ctx.index.articles {
        let article = &ctx.glossary.articles[index];
        let (front, _) = ctx.glossary.article_entry(index, config.default_language);
        let lastmod = front.updated.as_ref().map_or(article.date.as_str(), |u| u.value.as_str());
        entry(PagePath::Article(any, article.slug.as_str()), Some(lastmod));
    }
    // A shared name's page exists in the languages where the name is shared.
    for group in ctx.glossary.senses.all().iter().filter(|g| g.terms.iter().any(|&t| ctx.published(t))) {
        let page = PagePath::Senses(ctx.code(group.lang), &group.slug);
        let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>\n  </url>", escape_html(&ctx.urls.absolute(&page.dir())));
    }
    xml.push_str("</urlset>\n");
    xml
}
