//! The pipeline kept alive between edits, for the dev server. An edit to a
//! term's files that leaves every other page as it was (the title, summary,
//! aliases, tags, links between terms and draft state unchanged) is applied
//! in place: that term is parsed, rendered and linted again and nothing else.
//! Anything else asks for a full analysis. The result always equals what a
//! full analysis of the same files gives (tested).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::{run_stages, AnalysedSite, Inputs, Options, StageDiagnostics, Staged};
use crate::diag::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::frontmatter::{self, FrontMatter};
use crate::model::{status, Declared, Entry, EntryId, TermId};
use crate::source::{ContentKind, FileId, FileRef, SourceMap, Spanned};
use crate::{markdown, validate};

/// An analysed site that can take edits.
pub struct LiveSite {
    /// The analysed site.
    pub site: AnalysedSite,
    diags: StageDiagnostics,
    files_by_path: HashMap<PathBuf, FileId>,
    entries_by_file: HashMap<FileId, EntryId>,
    fingerprints: validate::Fingerprints,
}

/// What an edit needs.
pub enum Update {
    /// Applied in place.
    Applied(Applied),
    /// The edit reaches beyond its term: analyse everything again.
    NeedsFullAnalysis,
}

/// What an in-place update changed.
pub struct Applied {
    /// The terms whose pages must be rendered again.
    pub terms: Vec<TermId>,
    /// Whether a translation status changed (the status pages too).
    pub statuses_changed: bool,
}

impl LiveSite {
    /// Analyses `inputs`; `Err(diagnostics)` when site.yaml is unusable.
    pub fn new(inputs: Inputs, options: Options) -> Result<Result<LiveSite, (Diagnostics, SourceMap)>, Error> {
        Ok(match run_stages(inputs, &options, None)? {
            Staged::NoSite(diags, sources) => Err((Diagnostics::new(diags, &sources), sources)),
            Staged::Site(site, diags, fingerprints) => {
                let sources = &site.glossary.sources;
                let files_by_path = (0..sources.len())
                    .map(|i| FileId(u32::try_from(i).unwrap_or(u32::MAX)))
                    .map(|id| (sources.path(id).to_path_buf(), id))
                    .collect();
                let entries_by_file = site.glossary.entries.iter().map(|e| (e.file, e.id)).collect();
                Ok(LiveSite { site: *site, diags, files_by_path, entries_by_file, fingerprints })
            }
        })
    }

    /// Every diagnostic, sorted.
    pub fn diagnostics(&self) -> Diagnostics {
        Diagnostics::new(self.diags.all(), &self.site.glossary.sources)
    }

    /// Applies new contents of existing term files (paths relative to the root).
    pub fn update(&mut self, edits: Vec<(PathBuf, Vec<u8>)>) -> Update {
        let mut edited: Vec<(EntryId, String)> = Vec::new();
        for (path, bytes) in edits {
            let Some(entry) = self.files_by_path.get(&path).and_then(|f| self.entries_by_file.get(f)) else {
                return Update::NeedsFullAnalysis;
            };
            let Ok(text) = String::from_utf8(bytes) else { return Update::NeedsFullAnalysis };
            edited.push((*entry, text));
        }
        // Parse first and check that nothing seen by other pages changed,
        // before anything is modified.
        let glossary = &self.site.glossary;
        let mut parsed = Vec::new();
        for (id, text) in &edited {
            let entry = glossary.entry(*id);
            let file_ref = FileRef {
                file: entry.file,
                lang: entry.lang,
                kind: ContentKind::Term,
                slug: glossary.term(entry.term).slug.clone(),
                readable: true,
            };
            let mut diags = Vec::new();
            let fresh = frontmatter::parse_file(text, &file_ref, &mut diags);
            if fresh.broken || entry.broken || Shape::of_front(&fresh.front) != Shape::of_entry(entry) {
                return Update::NeedsFullAnalysis;
            }
            parsed.push((*id, fresh, diags));
        }

        let mut edited_files = BTreeSet::new();
        let mut terms = BTreeSet::new();
        for ((id, text), (_, fresh, parse_diags)) in edited.into_iter().zip(parsed) {
            let glossary = &mut self.site.glossary;
            let file = glossary.entries[id.index()].file;
            glossary.sources.replace(file, text);
            self.fingerprints.forget(id);
            let entry = &mut glossary.entries[id.index()];
            *entry = Entry::new(id, entry.term, fresh);
            terms.insert(entry.term);
            edited_files.insert(file);
            self.diags.parse.retain(|d| d.span.is_none_or(|s| s.file != file));
            self.diags.parse.extend(parse_diags);
        }

        let glossary = &self.site.glossary;
        let terms: Vec<TermId> = terms.into_iter().collect();
        let term_files: BTreeSet<FileId> = terms
            .iter()
            .flat_map(|t| glossary.term(*t).entries.iter().flatten().map(|e| glossary.entry(*e).file))
            .collect();
        let in_term_files = |d: &Diagnostic| d.span.is_some_and(|s| term_files.contains(&s.file));
        self.diags.markdown.retain(|d| !in_term_files(d));
        self.diags.term_lints.retain(|d| !in_term_files(d));
        let mut statuses_changed = false;
        let mut affected: BTreeSet<TermId> = terms.iter().copied().collect();
        for &term in &terms {
            // A link added or removed changes the target's "Mentioned in".
            let before = self.links_of(term);
            let diags = markdown::rerender_term(&mut self.site.rendered, glossary, term);
            affected.extend(before.symmetric_difference(&self.links_of(term)).copied());
            self.diags.markdown.extend(diags);
            let fresh = status::term_statuses(glossary, glossary.term(term));
            statuses_changed |= fresh != self.site.statuses[term.index()];
            self.site.statuses[term.index()] = fresh;
        }
        self.diags.term_lints.extend(validate::lint_terms(glossary, &self.site.rendered, &self.site.statuses, &terms));
        Update::Applied(Applied { terms: affected.into_iter().collect(), statuses_changed })
    }

    /// Every term linked from `term`'s text in any language (own or fallback).
    fn links_of(&self, term: TermId) -> BTreeSet<TermId> {
        let glossary = &self.site.glossary;
        glossary
            .config
            .lang_ids()
            .filter_map(|lang| {
                let (entry, _) = glossary.entry_or_fallback(term, lang);
                self.site.rendered.get(entry, lang)
            })
            .flat_map(|r| r.body.links.iter().copied())
            .collect()
    }

    /// Runs the lints that compare terms again (after edits; they are the
    /// only diagnostics an in-place update leaves as they were).
    pub fn refresh_cross_lints(&mut self) {
        self.diags.cross_lints =
            validate::lint_across_terms(&self.site.glossary, &self.site.rendered, &mut self.fingerprints);
    }
}

/// What of a term's front matter other pages show or depend on.
#[derive(PartialEq, Eq)]
struct Shape<'a> {
    title: &'a str,
    summary: &'a str,
    aliases: Vec<&'a str>,
    sort_as: Option<&'a str>,
    tags: Option<Vec<&'a str>>,
    prerequisites: Option<Vec<&'a str>>,
    related: Option<Vec<&'a str>>,
    redirect_from: Vec<&'a str>,
    updated: Option<&'a str>,
    draft: bool,
    autolink: bool,
}

impl<'a> Shape<'a> {
    fn of_front(front: &'a FrontMatter) -> Shape<'a> {
        Shape::new(
            &front.title,
            &front.summary,
            &front.aliases,
            front.sort_as.as_ref(),
            front.updated.as_ref(),
            &front.declared,
        )
    }

    fn of_entry(entry: &'a Entry) -> Shape<'a> {
        Shape::new(
            &entry.title,
            &entry.summary,
            &entry.aliases,
            entry.sort_as.as_ref(),
            entry.updated.as_ref(),
            &entry.declared,
        )
    }

    fn new(
        title: &'a Spanned<String>,
        summary: &'a Spanned<String>,
        aliases: &'a [Spanned<String>],
        sort_as: Option<&'a Spanned<String>>,
        updated: Option<&'a Spanned<String>>,
        declared: &'a Declared,
    ) -> Shape<'a> {
        let values = |list: &'a [Spanned<String>]| list.iter().map(|v| v.value.as_str()).collect::<Vec<_>>();
        Shape {
            title: &title.value,
            summary: &summary.value,
            aliases: values(aliases),
            sort_as: sort_as.map(|s| s.value.as_str()),
            tags: declared.tags.as_deref().map(values),
            prerequisites: declared.prerequisites.as_deref().map(values),
            related: declared.related.as_deref().map(values),
            redirect_from: values(&declared.redirect_from),
            updated: updated.map(|u| u.value.as_str()),
            draft: declared.draft,
            autolink: declared.autolink,
        }
    }
}
