//! What helps a reader learn a field rather than look up a word: the terms
//! whose text mentions a term ("Mentioned in"), the path of prerequisites
//! that leads to it, and the per-language data files behind the full
//! learning path and the practice page.

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use super::urls;
use super::views::TermLink;
use super::Site;
use crate::config::LangId;
use crate::error::Error;
use crate::model::{Glossary, TermId};
use crate::output::OutputSink;

/// How many prerequisites a term page lists inline in its learning path;
/// the full path comes from the language's `paths.json`.
pub(super) const INLINE_PATH: usize = 30;

/// For each language, the terms whose text links to each term (self links
/// excluded), in slug order.
pub(super) fn mentions(glossary: &Glossary, rendered: &crate::markdown::Rendered) -> Vec<Vec<Vec<TermId>>> {
    glossary
        .config
        .lang_ids()
        .map(|lang| {
            let mut by_target: Vec<BTreeSet<TermId>> = vec![BTreeSet::new(); glossary.terms.len()];
            for term in &glossary.terms {
                let (entry, _) = glossary.entry_or_fallback(term.id, lang);
                let Some(r) = rendered.get(entry, lang) else { continue };
                for &target in &r.body.links {
                    if target != term.id {
                        by_target[target.index()].insert(term.id);
                    }
                }
            }
            by_target.into_iter().map(|set| set.into_iter().collect()).collect()
        })
        .collect()
}

/// A term's learning path as its page shows it.
#[derive(Serialize)]
pub(super) struct PathView<'a> {
    /// The nearest prerequisites (transitively), in learning order.
    pub(super) steps: Vec<TermLink<'a>>,
    /// Whether there are more than are shown inline.
    pub(super) truncated: bool,
    /// Link to the language's path data, for the full path.
    pub(super) data_href: String,
}

#[derive(Serialize)]
struct PathEntry<'a> {
    slug: &'a str,
    title: &'a str,
    url: String,
    pre: Vec<usize>,
}

#[derive(Serialize)]
struct QuizEntry<'a> {
    term: &'a str,
    title: &'a str,
    url: String,
    tags: &'a [String],
    question: String,
    choices: Vec<String>,
    answer: usize,
    explanation: Option<String>,
}

impl<'a> Site<'a> {
    /// The learning path of `term`: its transitive prerequisites, nearest
    /// first up to [`INLINE_PATH`], shown in learning order. `None` when it
    /// would only repeat the direct prerequisites.
    pub(super) fn learning_path(&self, term: TermId, lang: LangId, page_dir: &str) -> Option<PathView<'a>> {
        let graph = &self.glossary.graph;
        let mut seen: BTreeSet<TermId> = BTreeSet::new();
        let mut queue: VecDeque<TermId> = graph.prerequisites[term.index()].iter().copied().collect();
        let mut truncated = false;
        while let Some(next) = queue.pop_front() {
            if !self.published(next) || !seen.insert(next) {
                continue;
            }
            if seen.len() == INLINE_PATH {
                truncated = queue.iter().chain(&graph.prerequisites[next.index()]).any(|t| !seen.contains(t));
                break;
            }
            queue.extend(graph.prerequisites[next.index()].iter().copied());
        }
        let direct = graph.prerequisites[term.index()].iter().filter(|t| self.published(**t)).count();
        if seen.len() <= direct {
            return None;
        }
        let mut steps: Vec<TermId> = seen.into_iter().collect();
        graph.sort_by_rank(&mut steps);
        let code = self.glossary.config.language(lang).code.as_str();
        Some(PathView {
            steps: steps.into_iter().map(|t| self.term_link(t, lang, page_dir, false)).collect(),
            truncated,
            data_href: urls::relative(page_dir, &format!("{code}/paths.json")),
        })
    }

    /// The terms that mention `term` in `lang`, less those already listed as
    /// prerequisites, related terms or dependents.
    pub(super) fn mentioned_in(&self, term: TermId, lang: LangId, page_dir: &str) -> Vec<TermLink<'a>> {
        let graph = &self.glossary.graph;
        let listed = |t: &TermId| {
            graph.prerequisites[term.index()].contains(t)
                || graph.related[term.index()].contains(t)
                || graph.dependents[term.index()].contains(t)
        };
        let mut links: Vec<TermLink<'a>> = self.mentions[lang.0][term.index()]
            .iter()
            .filter(|t| self.published(**t) && !listed(t))
            .map(|&t| self.term_link(t, lang, page_dir, false))
            .collect();
        links.sort_by_key(|link| super::az::sort_key(link.title));
        links
    }

    /// `<lang>/paths.json` (every term in learning order with its direct
    /// prerequisites, as indexes into the list) and `<lang>/quiz.json`
    /// (every question, for the practice page).
    pub(super) fn render_learning_data(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        let glossary = self.glossary;
        let order: Vec<TermId> = glossary.graph.learning_order.iter().copied().filter(|t| self.published(*t)).collect();
        let mut position = vec![usize::MAX; glossary.terms.len()];
        for (i, t) in order.iter().enumerate() {
            position[t.index()] = i;
        }
        for lang in glossary.config.lang_ids() {
            let code = glossary.config.language(lang).code.as_str();
            let home = urls::home(code);
            let paths: Vec<PathEntry<'_>> = order
                .iter()
                .map(|&t| {
                    let term = glossary.term(t);
                    let (entry, _) = glossary.entry_or_fallback(t, lang);
                    PathEntry {
                        slug: term.slug.as_str(),
                        title: entry.title(),
                        url: urls::relative(&home, &urls::term(code, term.slug.as_str())),
                        pre: glossary.graph.prerequisites[t.index()]
                            .iter()
                            .map(|p| position[p.index()])
                            .filter(|p| *p != usize::MAX)
                            .collect(),
                    }
                })
                .collect();
            let json = serde_json::to_string(&serde_json::json!({ "terms": paths }))
                .map_err(|e| Error::Usage(e.to_string()))?;
            sink.write(&format!("{code}/paths.json"), json.as_bytes())?;
            let questions = self.quiz_entries(&order, lang);
            let json = serde_json::to_string(&serde_json::json!({ "questions": questions }))
                .map_err(|e| Error::Usage(e.to_string()))?;
            sink.write(&format!("{code}/quiz.json"), json.as_bytes())?;
        }
        Ok(2 * glossary.config.languages.len())
    }

    fn quiz_entries(&self, order: &[TermId], lang: LangId) -> Vec<QuizEntry<'a>> {
        let glossary = self.glossary;
        let code = glossary.config.language(lang).code.as_str();
        // Rendered Markdown links from `<lang>/<section>/<slug>/`; the data
        // is used by `<lang>/practice/`, one level up.
        let relink = |html: &str| html.replace("href=\"../../", "href=\"../");
        let mut entries = Vec::new();
        for &t in order {
            let term = glossary.term(t);
            let own = term.entry(lang).map(|e| glossary.entry(e));
            let source = own
                .and_then(|e| self.rendered.get(e, lang))
                .filter(|r| r.quiz.as_ref().is_some_and(|q| !q.is_empty()))
                .or_else(|| {
                    let (entry, _) = glossary.entry_or_fallback(t, glossary.config.default_language);
                    self.rendered.get(entry, lang)
                });
            let (title_entry, _) = glossary.entry_or_fallback(t, lang);
            for question in source.and_then(|r| r.quiz.as_ref()).into_iter().flatten() {
                entries.push(QuizEntry {
                    term: term.slug.as_str(),
                    title: title_entry.title(),
                    url: urls::relative(&format!("{code}/practice/"), &urls::term(code, term.slug.as_str())),
                    tags: &term.tags,
                    question: relink(&question.question),
                    choices: question.choices.iter().map(|c| relink(c)).collect(),
                    answer: question.answer,
                    explanation: question.explanation.as_deref().map(relink),
                });
            }
        }
        entries
    }
}
