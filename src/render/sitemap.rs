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
        xml.push_str("</urlset>\n");
        xml
    }
}
