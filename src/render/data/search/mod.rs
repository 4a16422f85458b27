//! The search index: Pagefind, used as a library, builds one bundle per
//! language into `pagefind/<lang>/`, the languages in parallel (Pagefind
//! indexes on one thread). Each term page is indexed from a small document
//! made for the purpose while the page is written (its body is at hand
//! then), so that its title and aliases weigh more than its body, its
//! summary travels with every result, and its body is a digest (headings
//! and the opening prose, see [`digest`]).

mod digest;

use crate::config::LangId;
use crate::error::Error;
use crate::markdown::{BodyHtml, RenderedEntry};
use crate::model::{Entry, Term};
use crate::render::context::Context;
use crate::render::path::{relativize, FilePath, PagePath};
use crate::render::writer::Writer;
use crate::util::text::escape_html;

/// One page as the index sees it.
pub(crate) struct SearchDocument {
    lang: LangId,
    url: String,
    html: String,
}

/// The search document of `term`'s page in `lang`, made from `entry` (the
/// entry its title comes from), its rendering for the page and its body.
pub(crate) fn document(
    ctx: &Context<'_>,
    term: &Term,
    lang: LangId,
    entry: &Entry,
    rendered: Option<&RenderedEntry>,
    body: Option<&BodyHtml>,
) -> SearchDocument {
    let code = ctx.code(lang);
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><title>{title}</title></head><body><main data-pagefind-body>\
         <h1 data-pagefind-meta=\"title\" data-pagefind-weight=\"10\">{title}</h1>",
        title = escape_html(entry.title()),
    );
    let aliases: Vec<&str> = entry.aliases.iter().map(|a| a.value.as_str()).collect();
    if !aliases.is_empty() {
        html.push_str(&format!(
            "<p data-pagefind-meta=\"aliases\" data-pagefind-weight=\"10\">{}</p>",
            escape_html(&aliases.join(" | "))
        ));
    }
    if let Some(r) = rendered {
        let summary = crate::render::layout::plain_text(&r.summary);
        html.push_str(&format!(
            "<p data-pagefind-meta=\"summary\" data-pagefind-weight=\"3\">{}</p><div>",
            escape_html(&summary),
        ));
        let mut budget = digest::PROSE_BUDGET;
        if let Some(body) = body {
            digest::digest(&body.main, &mut budget, &mut html);
            for section in [&body.eli5, &body.expert].into_iter().flatten() {
                digest::digest(&format!("<h2>{}</h2>", section.heading), &mut budget, &mut html);
                digest::digest(&section.html, &mut budget, &mut html);
            }
        }
        html.push_str("</div>");
    }
    html.push_str("</main></body></html>");
    let page = PagePath::Term(code, term.slug.as_str());
    SearchDocument {
        lang,
        url: ctx.urls.rooted(&page.dir()),
        html: relativize(&html, &page.to_root(ctx.urls.base_path())),
    }
}

/// Builds each language's bundle from the `documents` of the term pages,
/// in slug order, and writes it under `pagefind/<lang>/`.
pub(crate) fn write_all(
    ctx: &Context<'_>,
    documents: impl Iterator<Item = SearchDocument>,
    out: &Writer<'_>,
) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let mut by_lang: Vec<Vec<SearchDocument>> = config.lang_ids().map(|_| Vec::new()).collect();
    for document in documents {
        by_lang[document.lang.0].push(document);
    }
    let bundles: Vec<Result<Bundle, Error>> = std::thread::scope(|scope| {
        let running: Vec<_> =
            by_lang.into_iter().map(|documents| scope.spawn(move || build_index(documents))).collect();
        running
            .into_iter()
            .map(|handle| {
                handle.join().unwrap_or_else(|_| Err(Error::Search { source: "the indexing thread panicked".into() }))
            })
            .collect()
    });
    for (lang, bundle) in config.lang_ids().zip(bundles) {
        let code = ctx.code(lang);
        for (path, bytes) in bundle? {
            out.file(FilePath::Search(code, &path), bytes.as_slice())?;
        }
    }
    Ok(())
}

/// A search bundle's files: path within the bundle, and bytes.
type Bundle = Vec<(String, Vec<u8>)>;

/// A failure of Pagefind (or of starting its runtime), kept as the error's source.
fn failure(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Error {
    Error::Search { source: error.into() }
}

/// Runs Pagefind with its own small runtime on the calling thread, so it
/// works from plain threads and from inside the dev server's runtime alike
/// (the caller is a thread of its own).
fn build_index(documents: Vec<SearchDocument>) -> Result<Bundle, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(failure)?;
    runtime.block_on(async move {
        let config = pagefind::options::PagefindServiceConfig::builder().keep_index_url(false).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).map_err(failure)?;
        for document in documents {
            index.add_html_file(None, Some(document.url), document.html).await.map_err(failure)?;
        }
        let files = index.get_files().await.map_err(failure)?;
        let mut files: Bundle =
            files.into_iter().map(|f| (crate::util::text::slash_path(&f.filename), f.contents)).collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    })
}
