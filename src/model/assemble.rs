//! Groups parsed files into terms and entries, resolves every reference by
//! slug, and reports what cannot be resolved or disagrees between languages.

use std::collections::{BTreeMap, BTreeSet};

use super::senses::Senses;
use super::{graph, Entry, EntryId, Glossary, Term, TermId, TermStatus};
use crate::config::{LangId, SiteConfig};
use crate::diag::{suggest, Code, Diagnostic};
use crate::frontmatter::ParsedFile;
use crate::source::SourceMap;
use crate::source::Spanned;
use crate::util::slug::{self, Slug};

/// Builds the glossary from every parsed file.
pub fn assemble(
    config: SiteConfig,
    sources: SourceMap,
    mut files: Vec<ParsedFile>,
    article_files: Vec<crate::frontmatter::article::ParsedArticle>,
) -> (Glossary, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (articles, article_entries) = super::articles::assemble_articles(&config, article_files, &mut diags);
    let default = config.default_language;
    files.sort_by(|a, b| (&a.file_ref.slug, a.file_ref.lang).cmp(&(&b.file_ref.slug, b.file_ref.lang)));

    let term_slugs: BTreeSet<Slug> =
        files.iter().filter(|f| f.file_ref.lang == default).map(|f| f.file_ref.slug.clone()).collect();
    let by_slug: BTreeMap<Slug, TermId> =
        term_slugs.iter().enumerate().map(|(i, s)| (s.clone(), TermId(u32::try_from(i).unwrap_or(u32::MAX)))).collect();

    let mut terms: Vec<Term> = by_slug
        .iter()
        .map(|(slug, &id)| Term {
            id,
            slug: slug.clone(),
            tags: Vec::new(),
            prerequisites: Vec::new(),
            related: Vec::new(),
            entries: vec![None; config.languages.len()],
            draft: false,
            autolink: true,
            redirect_from: Vec::new(),
            updated: None,
            status: None,
            use_instead: None,
        })
        .collect();

    let mut entries = Vec::with_capacity(files.len());
    for file in files {
        let Some(&term_id) = by_slug.get(&file.file_ref.slug) else {
            let default_code = &config.language(default).code;
            let help = suggest::did_you_mean(file.file_ref.slug.as_str(), term_slugs.iter().map(Slug::as_str))
                .map(|s| format!("{s} (or add content/{default_code}/terms/{}.md)", file.file_ref.slug))
                .unwrap_or_else(|| {
                    format!("add content/{default_code}/terms/{}.md, or remove this file", file.file_ref.slug)
                });
            diags.push(
                Diagnostic::new(
                    Code::OrphanTranslation,
                    Some(file.front.span),
                    format!(
                        "`{}` has no {default_code} file, so this translation belongs to no term",
                        file.file_ref.slug
                    ),
                )
                .with_help(help),
            );
            continue;
        };
        let id = EntryId(u32::try_from(entries.len()).unwrap_or(u32::MAX));
        terms[term_id.index()].entries[file.file_ref.lang.0] = Some(id);
        entries.push(Entry::new(id, term_id, file));
    }

    let resolver = Resolver { by_slug: &by_slug };
    for term in &mut terms {
        let Some(default_entry) = term.entry(default) else { continue };
        let entry = &entries[default_entry.index()];
        let declared = &entry.declared;
        term.prerequisites =
            resolver.resolve_list(declared.prerequisites.as_deref().unwrap_or_default(), "prerequisite", &mut diags);
        term.related =
            resolver.resolve_list(declared.related.as_deref().unwrap_or_default(), "related term", &mut diags);
        check_not_self(term, declared.related.as_deref().unwrap_or_default(), &mut diags);
        term.related.retain(|&r| r != term.id);
        term.tags = read_tags(declared.tags.as_deref().unwrap_or_default(), &config, &mut diags);
        term.draft = declared.draft;
        term.autolink = declared.autolink;
        term.updated = entry.updated.as_ref().map(|u| u.value.clone());
        term.redirect_from = read_redirects(&declared.redirect_from, &by_slug, &mut diags);
    }

    check_redirect_owners(&terms, &entries, default, &mut diags);
    for entry in &entries {
        if entry.lang != default {
            let term = &terms[entry.term.index()];
            if let Some(default_entry) = term.entry(default) {
                check_structure_matches(entry, &entries[default_entry.index()], &config, &mut diags);
            }
        }
    }
    read_status(&mut terms, &entries, default, &resolver, &mut diags);
    let senses = shared_names(&config, &entries, &sources, &mut diags);

    let (graph, graph_diags) = graph::build(&terms, &entries, default);
    diags.extend(graph_diags);
    (Glossary { config, sources, terms, entries, by_slug, graph, articles, article_entries, senses }, diags)
}

struct Resolver<'a> {
    by_slug: &'a BTreeMap<Slug, TermId>,
}

impl Resolver<'_> {
    fn resolve_list(&self, items: &[Spanned<String>], what: &str, diags: &mut Vec<Diagnostic>) -> Vec<TermId> {
        let mut ids = Vec::new();
        let mut seen = BTreeSet::new();
        for item in items {
            match self.by_slug.get(item.value.as_str()) {
                Some(&id) => {
                    if seen.insert(id) {
                        ids.push(id);
                    }
                }
                None => diags.push(
                    Diagnostic::new(
                        Code::UnknownReference,
                        Some(item.span),
                        format!("{what} `{}` is not a term", item.value),
                    )
                    .with_optional_help(suggest::did_you_mean(&item.value, self.by_slug.keys().map(Slug::as_str))),
                ),
            }
        }
        ids
    }
}

fn check_not_self(term: &Term, related: &[Spanned<String>], diags: &mut Vec<Diagnostic>) {
    for item in related.iter().filter(|r| r.value == term.slug.as_str()) {
        diags.push(
            Diagnostic::new(Code::InvalidValue, Some(item.span), format!("`{}` lists itself as related", term.slug))
                .with_help("remove it from `related`"),
        );
    }
}

/// Tags must be slugs; when site.yaml labels its tags, a tag it does not
/// list is probably a typo.
fn read_tags(items: &[Spanned<String>], config: &SiteConfig, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let declared = &config.tag_labels;
    let mut tags = BTreeSet::new();
    for tag in items {
        if slug::is_valid(&tag.value) {
            if !declared.is_empty() && !declared.contains_key(&tag.value) {
                let help =
                    suggest::did_you_mean(&tag.value, declared.keys().map(String::as_str)).unwrap_or_else(|| {
                        format!(
                            "give it labels under `tags:` in site.yaml (declared: {})",
                            declared.keys().cloned().collect::<Vec<_>>().join(", ")
                        )
                    });
                diags.push(
                    Diagnostic::new(
                        Code::UnknownTag,
                        Some(tag.span),
                        format!("tag `{}` is not declared in site.yaml", tag.value),
                    )
                    .with_help(help),
                );
            }
            tags.insert(tag.value.clone());
        } else {
            diags.push(
                Diagnostic::new(Code::InvalidSlug, Some(tag.span), format!("tag `{}` is not a valid slug", tag.value))
                    .with_help(format!("write `{}`", slug::slugify(&tag.value))),
            );
        }
    }
    tags.into_iter().collect()
}

fn read_redirects(
    items: &[Spanned<String>],
    by_slug: &BTreeMap<Slug, TermId>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Slug> {
    let mut slugs = Vec::new();
    for item in items {
        match Slug::parse(&item.value) {
            Some(_) if by_slug.contains_key(item.value.as_str()) => diags.push(Diagnostic::new(
                Code::InvalidValue,
                Some(item.span),
                format!("`redirect_from: {}` would hide the existing term `{}`", item.value, item.value),
            )),
            Some(slug) => slugs.push(slug),
            None => diags.push(Diagnostic::new(
                Code::InvalidSlug,
                Some(item.span),
                format!("`{}` in `redirect_from` is not a valid slug", item.value),
            )),
        }
    }
    slugs
}

/// One old slug can redirect to one term only.
fn check_redirect_owners(
    terms: &[Term],
    entries: &[Entry],
    default: crate::config::LangId,
    diags: &mut Vec<Diagnostic>,
) {
    let mut owners: BTreeMap<&str, &Slug> = BTreeMap::new();
    for term in terms {
        let Some(entry) = term.entry(default).map(|e| &entries[e.index()]) else { continue };
        for old in &entry.declared.redirect_from {
            match owners.get(old.value.as_str()) {
                Some(owner) if **owner != term.slug => diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        Some(old.span),
                        format!("`{}` already redirects to `{owner}`", old.value),
                    )
                    .with_help("an old slug can lead to one term only"),
                ),
                _ => {
                    owners.insert(old.value.as_str(), &term.slug);
                }
            }
        }
    }
}

/// A translation may omit prerequisites, related and tags; if it sets them,
/// they must equal the default language's (as sets).
fn check_structure_matches(entry: &Entry, default: &Entry, config: &SiteConfig, diags: &mut Vec<Diagnostic>) {
    let pairs = [
        ("prerequisites", &entry.declared.prerequisites, &default.declared.prerequisites),
        ("related", &entry.declared.related, &default.declared.related),
        ("tags", &entry.declared.tags, &default.declared.tags),
    ];
    let default_code = &config.language(config.default_language).code;
    let scalars = [
        (
            "status",
            entry.declared.status.as_ref().map(|s| (s.value.as_str().to_owned(), s.span)),
            default.declared.status.as_ref().map(|s| s.value.as_str().to_owned()),
        ),
        (
            "use",
            entry.declared.use_instead.as_ref().map(|s| (s.value.trim().to_owned(), s.span)),
            default.declared.use_instead.as_ref().map(|s| s.value.trim().to_owned()),
        ),
    ];
    for (key, own, theirs) in scalars {
        let Some((own, span)) = own else { continue };
        if Some(&own) != theirs.as_ref() {
            let fix = theirs
                .map_or_else(|| "remove it here".to_owned(), |v| format!("remove it here, or write `{key}: {v}`"));
            diags.push(
                Diagnostic::new(
                    Code::TranslationMismatch,
                    Some(span),
                    format!("`{key}` differs from the {default_code} file"),
                )
                .with_help(format!("`{key}` belongs to the term: {fix}")),
            );
        }
    }
    for (key, own, theirs) in pairs {
        let Some(own) = own else { continue };
        let set = |items: &[Spanned<String>]| items.iter().map(|i| i.value.clone()).collect::<BTreeSet<_>>();
        let own_set = set(own);
        let their_set = set(theirs.as_deref().unwrap_or_default());
        if own_set != their_set {
            let span = own.first().map_or(entry.span, |i| i.span);
            let expected = their_set.into_iter().collect::<Vec<_>>().join(", ");
            diags.push(
                Diagnostic::new(
                    Code::TranslationMismatch,
                    Some(span),
                    format!("`{key}` differs from the {default_code} file"),
                )
                .with_help(format!("`{key}` belongs to the term: remove it here, or write [{expected}]")),
            );
        }
    }
}

/// Two terms may not claim the same title or alias in one language, unless
/// each declares which sense of the name it is (`sense:`, all different):
/// then the name is shared and gets a disambiguation page. Names are
/// compared as readers see them: case, Unicode normalisation (NFC),
/// invisible characters and runs of spaces do not make two names different.
fn shared_names(config: &SiteConfig, entries: &[Entry], sources: &SourceMap, diags: &mut Vec<Diagnostic>) -> Senses {
    let mut claims: BTreeMap<(usize, String), Vec<Claim<'_>>> = BTreeMap::new();
    for entry in entries.iter().filter(|e| !e.broken) {
        for name in std::iter::once(&entry.title).chain(&entry.aliases) {
            let key = (entry.lang.0, crate::util::text::comparable_name(&name.value));
            claims.entry(key).or_default().push((entry, name));
        }
    }
    let mut shared = Vec::new();
    for claimants in claims.values() {
        let (first, first_name) = claimants[0];
        if claimants.iter().all(|(e, _)| e.term == first.term) {
            continue;
        }
        if distinct_senses(claimants) {
            shared.extend(claimants.iter().map(|(e, name)| (e.lang, name.value.as_str(), e.term)));
            continue;
        }
        for (entry, name) in claimants.iter().filter(|(e, _)| e.term != first.term) {
            let other_path = crate::util::text::slash_path(sources.path(first.file));
            let twin = if first_name.value.trim().to_lowercase() == name.value.trim().to_lowercase() {
                ""
            } else {
                " (written differently, but the same to a reader: they differ in invisible characters, spacing or Unicode normalisation)"
            };
            diags.push(
                Diagnostic::new(
                    Code::DuplicateAlias,
                    Some(name.span),
                    format!("`{}` is already the title or an alias of another term ({other_path}){twin}", name.value),
                )
                .with_help(format!(
                    "names must be unique within {}: disambiguate one, e.g. with a qualifier in parentheses; or, if both are senses of one word, give each term a different `sense:` (e.g. `sense: AI`)",
                    config.language(entry.lang).name
                )),
            );
        }
    }
    Senses::from_claims(shared)
}

/// An entry and one of its names.
type Claim<'a> = (&'a Entry, &'a Spanned<String>);

/// Whether every term claiming a name declares a sense, and no two the same.
fn distinct_senses(claimants: &[Claim<'_>]) -> bool {
    let mut senses: BTreeMap<String, TermId> = BTreeMap::new();
    claimants.iter().all(|(entry, _)| {
        let Some(sense) = &entry.sense else { return false };
        let key = crate::util::text::comparable_name(&sense.value);
        *senses.entry(key).or_insert(entry.term) == entry.term
    })
}

/// `status:` and `use:`: a deprecated term names the term to use instead,
/// which exists, is not itself and is not deprecated too; only a deprecated
/// term names one.
fn read_status(
    terms: &mut [Term],
    entries: &[Entry],
    default: LangId,
    resolver: &Resolver<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut resolved = Vec::new();
    for term in terms.iter() {
        let Some(entry) = term.entry(default).map(|e| &entries[e.index()]) else { continue };
        let status = entry.declared.status.as_ref().map(|s| s.value);
        let use_instead = entry.declared.use_instead.as_ref();
        let deprecated = status == Some(TermStatus::Deprecated);
        let target = match use_instead {
            None => {
                if deprecated {
                    let at = entry.declared.status.as_ref().map_or(entry.span, |s| s.span);
                    diags.push(
                        Diagnostic::new(
                            Code::MissingField,
                            Some(at),
                            format!("`{}` is deprecated but says nothing to use instead", term.slug),
                        )
                        .with_help("add `use: <slug>` naming the term readers should use"),
                    );
                }
                None
            }
            Some(written) if !deprecated => {
                diags.push(
                    Diagnostic::new(Code::InvalidValue, Some(written.span), "`use` is only for deprecated terms")
                        .with_help("add `status: deprecated`, or remove `use`"),
                );
                None
            }
            Some(written) => match resolver.resolve_list(std::slice::from_ref(written), "replacement", diags).first() {
                None => None,
                Some(&id) if id == term.id => {
                    diags.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            Some(written.span),
                            format!("`{}` says to use itself instead", term.slug),
                        )
                        .with_help("name the term that replaces it"),
                    );
                    None
                }
                Some(&id) => Some((id, written)),
            },
        };
        resolved.push((term.id, status, target));
    }
    for (id, status, target) in resolved {
        if let Some((target, written)) = target {
            let replacement = &terms[target.index()];
            let replacement_status =
                replacement.entry(default).and_then(|e| entries[e.index()].declared.status.as_ref()).map(|s| s.value);
            if replacement_status == Some(TermStatus::Deprecated) {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        Some(written.span),
                        format!("`use: {}` is deprecated too", written.value),
                    )
                    .with_help("name the term readers should end up at"),
                );
            } else {
                terms[id.index()].use_instead = Some(target);
            }
        }
        terms[id.index()].status = status;
    }
}
