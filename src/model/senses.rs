//! Names that several terms share in one language ("token" in crypto and
//! in AI), each term declaring which sense it is (`sense:`). Every shared
//! name gets a disambiguation page; links and automatic links never choose
//! between its senses on their own.

use std::collections::BTreeMap;

use super::TermId;
use crate::config::LangId;
use crate::util::text::comparable_name;

/// One shared name in one language and the terms that share it.
#[derive(Debug, Clone)]
pub struct SenseGroup {
    /// The language of the name.
    pub lang: LangId,
    /// The name as the first of its terms (by slug) writes it.
    pub name: String,
    /// Its disambiguation page's slug, unique within the language.
    pub slug: String,
    /// The terms that share it, by slug, at least two.
    pub terms: Vec<TermId>,
}

/// Every shared name, sorted by language then slug.
#[derive(Debug, Clone, Default)]
pub struct Senses {
    groups: Vec<SenseGroup>,
    by_name: BTreeMap<(LangId, String), usize>,
    /// (term, language) → its groups, so a term page finds its own at once.
    by_term: BTreeMap<(TermId, LangId), Vec<usize>>,
}

impl Senses {
    /// Groups `claims` (language, name as written, term), in any order,
    /// keeping the names more than one term claims.
    pub fn from_claims<'a>(claims: impl IntoIterator<Item = (LangId, &'a str, TermId)>) -> Senses {
        let mut named: BTreeMap<(LangId, String), Vec<(TermId, &str)>> = BTreeMap::new();
        for (lang, name, term) in claims {
            named.entry((lang, comparable_name(name))).or_default().push((term, name.trim()));
        }
        let mut groups: Vec<(SenseGroup, String)> = Vec::new();
        let mut taken: BTreeMap<(LangId, String), usize> = BTreeMap::new();
        for ((lang, key), mut claimants) in named {
            // Sorted (stably) by term, so the name shown is the first term's whatever the input order.
            claimants.sort_by_key(|(term, _)| *term);
            let name = claimants[0].1.to_owned();
            let mut terms: Vec<TermId> = claimants.iter().map(|(term, _)| *term).collect();
            terms.dedup();
            if terms.len() < 2 {
                continue;
            }
            let base = page_slug(&name);
            let count = taken.entry((lang, base.clone())).or_insert(0);
            *count += 1;
            let slug = if *count == 1 { base } else { format!("{base}-{count}") };
            groups.push((SenseGroup { lang, name, slug, terms }, key));
        }
        groups.sort_by(|a, b| (a.0.lang, &a.0.slug).cmp(&(b.0.lang, &b.0.slug)));
        let by_name = groups.iter().enumerate().map(|(i, (g, key))| ((g.lang, key.clone()), i)).collect();
        let mut by_term: BTreeMap<(TermId, LangId), Vec<usize>> = BTreeMap::new();
        for (i, (group, _)) in groups.iter().enumerate() {
            for &term in &group.terms {
                by_term.entry((term, group.lang)).or_default().push(i);
            }
        }
        Senses { groups: groups.into_iter().map(|(g, _)| g).collect(), by_name, by_term }
    }

    /// The group `index`.
    pub fn group(&self, index: usize) -> &SenseGroup {
        &self.groups[index]
    }

    /// Every group.
    pub fn all(&self) -> &[SenseGroup] {
        &self.groups
    }

    /// The group of `name` in `lang`, compared as readers see names.
    pub fn named(&self, lang: LangId, name: &str) -> Option<usize> {
        self.by_name.get(&(lang, comparable_name(name))).copied()
    }

    /// The groups `term` belongs to in `lang`.
    pub fn of_term(&self, term: TermId, lang: LangId) -> impl Iterator<Item = usize> + '_ {
        self.by_term.get(&(term, lang)).into_iter().flatten().copied()
    }

    /// The groups of `lang`, by slug.
    pub fn in_language(&self, lang: LangId) -> impl Iterator<Item = (usize, &SenseGroup)> + '_ {
        self.groups.iter().enumerate().filter(move |(_, g)| g.lang == lang)
    }
}

/// A folder name for the page of `name`: its letters and digits in lower
/// case, in any script (`토큰`), everything else a single `-`.
fn page_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in comparable_name(name).chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "sense".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_shared_names_only() {
        let en = LangId(0);
        let ko = LangId(1);
        let senses = Senses::from_claims([
            (en, "Token", TermId(3)),
            (en, "token", TermId(1)),
            (en, "Tokenizer", TermId(2)),
            (ko, "토큰", TermId(1)),
        ]);
        assert_eq!(senses.all().len(), 1);
        let group = senses.group(0);
        assert_eq!(group.terms, vec![TermId(1), TermId(3)]);
        assert_eq!(group.name, "token", "written as the first term by slug writes it");
        assert_eq!(group.slug, "token");
        assert_eq!(senses.named(en, " TOKEN "), Some(0));
        assert_eq!(senses.named(ko, "토큰"), None);
        assert_eq!(senses.of_term(TermId(3), en).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn page_slugs_keep_every_script() {
        assert_eq!(page_slug("Token"), "token");
        assert_eq!(page_slug("토큰"), "토큰");
        assert_eq!(page_slug(" Proof of Stake (PoS) "), "proof-of-stake-pos");
        assert_eq!(page_slug("?!"), "sense");
    }
}
