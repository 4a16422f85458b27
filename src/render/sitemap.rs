//! sitemap.xml: every page in every language, each with its `xhtml:link`
//! alternates, and `lastmod` from a term's `updated` date (never the clock).

use std::fmt::Write as _;

use super::urls;
use super::Site;
use crate::util::text::escape_html;

impl Site<'_> {
    /// The sitemap.
    pub fn sitemap(&self) -> String {
        let config = &self.glossary.config;
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let mut page = |path_in: &dyn Fn(&str) -> String, lastmod: Option<&str>| {
            for code in &codes {
                let _ = writeln!(xml, "  <url>\n    <loc>{}</loc>", escape_html(&self.urls.absolute(&path_in(code))));
                if let Some(date) = lastmod {
                    let _ = writeln!(xml, "    <lastmod>{}</lastmod>", escape_html(date));
                }
                for alt in &codes {
                    let _ = writeln!(
                        xml,
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>",
                        escape_html(&self.urls.absolute(&path_in(alt)))
                    );
                }
                let _ = writeln!(xml, "  </url>");
            }
        };
        page(&|l| urls::home(l), None);
        for term in self.published_terms() {
            page(&|l| urls::term(l, term.slug.as_str()), term.updated.as_deref());
        }
        for tag in self.tags.keys() {
            page(&|l| urls::tag(l, tag), None);
        }
        let articles = self.articles_newest_first();
        if !articles.is_empty() {
            page(&|l| format!("{l}/articles/"), None);
        }
        for index in articles {
            let article = &self.glossary.articles[index];
            let (entry, _) = self.glossary.article_entry(index, self.glossary.config.default_language);
            let lastmod = entry.front.updated.as_ref().map_or(article.date.as_str(), |u| u.value.as_str());
            page(&|l| Self::article_path(l, article.slug.as_str()), Some(lastmod));
        }
        xml.push_str("</urlset>\n");
        xml
    }
}
