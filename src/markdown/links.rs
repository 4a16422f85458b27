//! Resolving `[[slug]]`, `[[slug|text]]` and `[[slug#part]]` to the term's
//! page in the page's language, and checking links that authors write.

use crate::config::{LangCode, LangId};
use crate::diag::{suggest, Code, Diagnostic};
use crate::model::{Glossary, TermId};
use crate::source::Span;
use crate::util::slug::Slug;

/// Who is linking, from which page, in which language.
#[derive(Clone, Copy)]
pub struct Linker<'g> {
    /// The glossary.
    pub glossary: &'g Glossary,
    /// The language of the page the HTML lands on: links go to pages in it.
    pub page_lang: LangId,
    /// The language of the text being rendered (differs for fallback parts).
    pub content_lang: LangId,
    /// The term whose text this is (`None` for an article).
    pub source_term: Option<TermId>,
    /// Whether drafts are published (`--drafts`).
    pub include_drafts: bool,
    /// Highlights code blocks, remembering each (`None` when only checking).
    pub highlight: Option<&'g super::highlight::HighlightCache>,
    /// Automatic links, one automaton per language (`None`: no automatic links).
    pub autolinkers: Option<&'g [super::autolink::Autolinker]>,
    /// `[lang][term]` plain summaries, the description of links to a term.
    pub summaries: Option<&'g [Vec<String>]>,
}

/// What a wiki link turned out to point at.
pub enum Resolved<'g> {
    /// A published term: link to it.
    Link {
        /// The term.
        term: TermId,
        /// Its page, from the site root ([`crate::render::PagePath::href`]).
        href: String,
        /// The target's title in the page language (or the fallback language).
        title: &'g str,
        /// How the title reads in mid-sentence, when that differs.
        mid_sentence_title: Option<&'g str>,
        /// Set when the title is not in the language of the surrounding text.
        title_lang: Option<&'g LangCode>,
    },
    /// A draft that is not published: shown as plain text.
    Draft {
        /// The target's title.
        title: &'g str,
        /// How the title reads in mid-sentence, when that differs.
        mid_sentence_title: Option<&'g str>,
    },
    /// No such term: an error was reported.
    Missing,
}

impl<'g> Linker<'g> {
    /// The term a wiki link's destination names, if any (no diagnostics).
    pub fn target_of(&self, dest: &str) -> Option<TermId> {
        let slug = dest.split('#').next().unwrap_or_default().trim();
        self.glossary.lookup(slug.strip_suffix('\\').unwrap_or(slug).trim())
    }

    /// Resolves the destination of a wiki link written at `span`.
    pub fn resolve(&self, dest: &str, span: Span, diags: &mut Vec<Diagnostic>) -> Resolved<'g> {
        let (slug, fragment) = match dest.split_once('#') {
            Some((slug, fragment)) => (slug.trim(), Some(fragment.trim())),
            None => (dest.trim(), None),
        };
        // Inside a table a piped link is written `[[slug\|text]]`; the escape stays on the slug.
        let slug = slug.strip_suffix('\\').unwrap_or(slug).trim();
        let glossary = self.glossary;
        let Some(term) = glossary.lookup(slug) else {
            if let Some(group) = self.shared_name(slug) {
                diags.push(self.ambiguous_link(slug, group, span));
                return Resolved::Missing;
            }
            let help = suggest::did_you_mean(slug, glossary.by_slug.keys().map(Slug::as_str)).unwrap_or_else(|| {
                format!("create it with `glossa new {}` or fix the slug", crate::util::slug::slugify(slug))
            });
            diags.push(
                Diagnostic::new(Code::UnknownReference, Some(span), format!("link to `{slug}`, which is not a term"))
                    .with_help(help),
            );
            return Resolved::Missing;
        };
        let (entry, _) = glossary.entry_or_fallback(term, self.page_lang);
        let title = entry.title();
        let mid_sentence_title = entry.mid_sentence_title.as_deref();
        let target = glossary.term(term);
        let source_draft = self.source_term.is_some_and(|t| glossary.term(t).draft);
        if target.draft && !source_draft {
            diags.push(
                Diagnostic::new(Code::LinkToDraft, Some(span), format!("link to `{slug}`, which is a draft"))
                    .with_help("it is shown as plain text until the draft is published"),
            );
            if !self.include_drafts {
                return Resolved::Draft { title, mid_sentence_title };
            }
        }
        let mut href = self.term_href(term);
        if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
            href.push('#');
            href.push_str(&crate::util::text::heading_id(fragment));
        }
        let title_lang = (entry.lang != self.content_lang).then(|| &glossary.config.language(entry.lang).code);
        Resolved::Link { term, href, title, mid_sentence_title, title_lang }
    }
}

impl<'g> Linker<'g> {
    /// The shared name `dest` is (as written, or as its senses page's slug),
    /// in the text's language or else the default language.
    fn shared_name(&self, dest: &str) -> Option<usize> {
        let senses = &self.glossary.senses;
        [self.content_lang, self.glossary.config.default_language].into_iter().find_map(|lang| {
            senses.named(lang, dest).or_else(|| senses.in_language(lang).find(|(_, g)| g.slug == dest).map(|(i, _)| i))
        })
    }

    /// `[[token]]` where several terms are called "token": an error naming each.
    fn ambiguous_link(&self, dest: &str, group: usize, span: Span) -> Diagnostic {
        let glossary = self.glossary;
        let senses = glossary.senses.group(group);
        let choices: Vec<String> = senses
            .terms
            .iter()
            .map(|&t| {
                let (entry, _) = glossary.entry_or_fallback(t, senses.lang);
                format!("`[[{}]]` for {}", glossary.term(t).slug, entry.label())
            })
            .collect();
        Diagnostic::new(
            Code::AmbiguousLink,
            Some(span),
            format!("`[[{dest}]]` could mean {} terms: {}", senses.terms.len(), choices.join(" or ")),
        )
        .with_help("link the slug of the sense you mean")
    }

    /// The sources that citations in this text refer to, as the term's page
    /// numbers them: those of the text's language, else the default's.
    pub fn cited_sources(&self) -> &'g [crate::model::SourceLink] {
        let Some(term) = self.source_term else { return &[] };
        let (entry, _) = self.glossary.entry_or_fallback(term, self.content_lang);
        if entry.sources.is_empty() {
            &self.glossary.entry_or_fallback(term, self.glossary.config.default_language).0.sources
        } else {
            &entry.sources
        }
    }

    /// The link to `term`'s page in the page's language. It starts at the
    /// site root: rendering resolves it for whichever page the HTML lands on.
    pub fn term_href(&self, term: TermId) -> String {
        let code = self.glossary.config.language(self.page_lang).code.as_str();
        crate::render::PagePath::Term(code, self.glossary.term(term).slug.as_str()).href()
    }

    /// The opening tag of a link to `term` (with the summary as its title,
    /// the accessible description that previews build on).
    pub fn open_tag(&self, term: TermId, href: &str, extra: &str) -> String {
        let summary = self
            .summaries
            .and_then(|s| s.get(self.page_lang.0))
            .and_then(|s| s.get(term.index()))
            .filter(|s| !s.is_empty())
            .map(|s| format!(" title=\"{}\"", crate::util::text::escape_html(s)))
            .unwrap_or_default();
        let title = self.glossary.entry_or_fallback(term, self.page_lang).0.title();
        format!(
            "<a class=\"term-link\" href=\"{}\" data-term=\"{}\" data-title=\"{}\"{summary}{extra}>",
            crate::util::text::escape_html(href),
            self.glossary.term(term).slug,
            crate::util::text::escape_html(title)
        )
    }
}

/// Reports `url` written at `span` if its scheme is not allowed.
pub fn check_url(url: &str, span: Span, diags: &mut Vec<Diagnostic>) -> bool {
    let safe = crate::util::url::is_safe(url);
    if !safe {
        diags.push(
            Diagnostic::new(Code::UnsafeUrl, Some(span), format!("link to `{url}` uses a scheme that is not allowed"))
                .with_help("links may be http(s), mailto or relative"),
        );
    }
    safe
}
