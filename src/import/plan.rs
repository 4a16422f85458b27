//! What an import will write, decided before anything is written: entries
//! given twice and translations without their term are rejected, values
//! this glossa cannot store are reported, and files that exist are skipped
//! (an import never overwrites).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::Entry;
use crate::config::{LangId, SiteConfig};
use crate::diag::{Code, Diagnostic};
use crate::source::SourceMap;
use crate::util::slug::Slug;

/// One file to write.
#[derive(Debug, Clone)]
pub struct Planned {
    /// Its path relative to the root.
    pub rel: PathBuf,
    /// What goes in it.
    pub entry: Entry,
}

/// The files to write and those left alone.
#[derive(Debug, Default)]
pub struct Plan {
    /// Files to write, by slug, then by the site's language order.
    pub files: Vec<Planned>,
    /// Files that exist already, relative to the root.
    pub existing: Vec<PathBuf>,
    /// Problems found across entries.
    pub diags: Vec<Diagnostic>,
}

/// `content/<lang>/terms/<slug>.md`.
pub fn path_of(config: &SiteConfig, slug: &Slug, lang: LangId) -> PathBuf {
    PathBuf::from(format!("content/{}/terms/{slug}.md", config.language(lang).code))
}

/// Plans the import of `entries` into the site at `root`.
pub fn plan(entries: Vec<Entry>, root: &Path, config: &SiteConfig, sources: &SourceMap) -> Plan {
    let mut plan = Plan::default();
    let mut unique: BTreeMap<(Slug, LangId), Entry> = BTreeMap::new();
    for entry in entries {
        let key = (entry.slug.clone(), entry.lang);
        if let Some(first) = unique.get(&key) {
            let (line, _) = sources.locate(first.at);
            plan.diags.push(
                Diagnostic::new(
                    Code::DuplicateEntry,
                    Some(entry.at),
                    format!(
                        "`{}` in {} is given a second time (first at line {line})",
                        entry.slug,
                        config.language(entry.lang).code
                    ),
                )
                .with_help("keep one of the two (with --keep-going, the first is imported)"),
            );
            continue;
        }
        unique.insert(key, entry);
    }
    let default = config.default_language;
    let terms: BTreeSet<Slug> =
        unique.keys().filter(|(_, lang)| *lang == default).map(|(slug, _)| slug.clone()).collect();
    // Languages in the site's order, so the default language comes first.
    let mut ordered: Vec<Entry> = unique.into_values().collect();
    ordered.sort_by(|a, b| a.slug.cmp(&b.slug).then(a.lang.0.cmp(&b.lang.0)));
    for entry in ordered {
        let rel = path_of(config, &entry.slug, entry.lang);
        if entry.lang != default
            && !terms.contains(&entry.slug)
            && !exists(&root.join(path_of(config, &entry.slug, default)))
        {
            plan.diags.push(orphan(config, &entry, &rel));
            continue;
        }
        if exists(&root.join(&rel)) {
            plan.diags.push(
                Diagnostic::new(
                    Code::FileExists,
                    Some(entry.at),
                    format!("{} exists already: skipped", crate::util::text::slash_path(&rel)),
                )
                .with_help("import never overwrites a file: move or delete it first to import this one"),
            );
            plan.existing.push(rel);
            continue;
        }
        plan.files.push(Planned { rel, entry });
    }
    plan
}

/// Whether anything is at `path`, a broken symbolic link included.
fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

fn orphan(config: &SiteConfig, entry: &Entry, rel: &Path) -> Diagnostic {
    let default = config.language(config.default_language).code.as_str();
    Diagnostic::new(
        Code::OrphanTranslation,
        Some(entry.at),
        format!(
            "{} would translate `{}`, which has no {default} file and no importable {default} entry",
            crate::util::text::slash_path(rel),
            entry.slug
        ),
    )
    .with_help(format!("import the term's {default} entry with it (or fix its errors)"))
}
