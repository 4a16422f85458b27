//! Whole-glossary lints that need every entry at once: translation coverage,
//! missing sections, near-duplicate bodies, mis-decoded text, repeated
//! sources and isolated terms. Each rule family has its own module; every
//! lint only warns.

mod content;
mod duplicates;
mod translations;

use crate::diag::Diagnostic;
use crate::markdown::Rendered;
use crate::model::Glossary;

/// Every lint, over the whole glossary.
pub fn lint(glossary: &Glossary, rendered: &Rendered) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    translations::lint(glossary, &mut diags);
    content::missing_sections(glossary, rendered, &mut diags);
    content::mojibake(glossary, &mut diags);
    content::duplicate_sources(glossary, &mut diags);
    content::isolated_terms(glossary, rendered, &mut diags);
    duplicates::lint(glossary, &mut diags);
    diags
}
