//! A page at each `redirect_from:` slug, in every language, that sends
//! readers on to the term's page. Listed nowhere (not in the sitemap).

use crate::error::Error;
use crate::render::context::Context;
use crate::render::path::PagePath;
use crate::render::writer::Writer;
use crate::util::text::escape_html;

/// Writes every redirect page.
pub(crate) fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    for term in ctx.published_terms() {
        for old in &term.redirect_from {
            for lang in ctx.glossary.config.lang_ids() {
                let code = ctx.code(lang);
                let target = PagePath::Term(code, term.slug.as_str());
                let (entry, _) = ctx.glossary.entry_or_fallback(term.id, lang);
                let html = format!(
                    "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{absolute}\">\n<meta http-equiv=\"refresh\" content=\"0; url={relative}\">\n</head>\n<body>\n<p><a href=\"{relative}\">{title}</a></p>\n</body>\n</html>\n",
                    title = escape_html(entry.title()),
                    absolute = escape_html(&ctx.urls.absolute(&target.dir())),
                    relative = escape_html(&target.href()),
                );
                out.redirect(PagePath::Term(code, old.as_str()), &html)?;
            }
        }
    }
    Ok(())
}
