//! Whole-glossary lints: translation coverage, missing sections,
//! mis-decoded text, repeated sources (per term), near-duplicate bodies and
//! isolated terms (across terms), and the same checks for articles. Each rule
//! family has its own module. Every lint warns, except a thumbnail that names
//! no file. Per-term lints can be rerun for one term alone, which is what the
//! dev server does after an edit.

mod articles;
mod content;
mod duplicates;
mod translations;

use rayon::prelude::*;

pub use duplicates::Fingerprints;

use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::model::status::Status;
use crate::model::{Glossary, TermId};

/// The lints that look at one term at a time, for `terms`. Every diagnostic
/// they give lies in one of those terms' files.
pub fn lint_terms(
    glossary: &Glossary,
    rendered: &Rendered,
    statuses: &[Vec<Status>],
    terms: &[TermId],
) -> Vec<Diagnostic> {
    terms
        .par_iter()
        .flat_map_iter(|&id| {
            let term = glossary.term(id);
            let mut diags = Vec::new();
            if let Some(row) = statuses.get(id.index()) {
                translations::lint_term(glossary, term, row, &mut diags);
            }
            for entry in term.entries.iter().flatten().map(|e| glossary.entry(*e)).filter(|e| !e.broken) {
                content::missing_sections(entry, rendered, &mut diags);
                content::mojibake(glossary, entry.file, &mut diags);
                content::duplicate_sources(entry, &mut diags);
            }
            diags
        })
        .collect()
}

/// The lints that compare terms with each other: near-duplicate bodies and
/// isolated terms. `fingerprints` keeps per-body work between runs.
pub fn lint_across_terms(glossary: &Glossary, rendered: &Rendered, fingerprints: &mut Fingerprints) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    content::isolated_terms(glossary, rendered, &mut diags);
    duplicates::lint(glossary, fingerprints, &mut diags);
    diags
}

/// The article lints. `has_static` says whether a file exists under
/// `static/` (for thumbnails).
pub fn lint_articles(glossary: &Glossary, has_static: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    articles::lint(glossary, has_static, &mut diags);
    diags
}
