//! The parts of a term page that help a reader learn a field rather than
//! look up a word: the path of prerequisites that leads to the term, and the
//! terms whose text mentions it ("Mentioned in").

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use crate::config::LangId;
use crate::model::TermId;
use crate::render::context::Context;
use crate::render::layout::{term_link, TermLink};
use crate::render::path::FilePath;

/// How many prerequisites a term page lists inline in its learning path;
/// the full path comes from the language's `paths.json`.
pub(crate) const INLINE_PATH: usize = 30;

/// A term's learning path as its page shows it.
#[derive(Serialize)]
pub(crate) struct PathView<'a> {
    /// The nearest prerequisites (transitively), in learning order.
    pub(crate) steps: Vec<TermLink<'a>>,
    /// Whether there are more than are shown inline.
    pub(crate) truncated: bool,
    /// Link to the language's path data, for the full path.
    pub(crate) data_href: String,
}

/// The learning path of `term`: its transitive prerequisites, nearest
/// first up to [`INLINE_PATH`], shown in learning order, less the direct
/// prerequisites (the page shows those once, as cards). `None` when there
/// are no others.
pub(crate) fn learning_path<'a>(ctx: &Context<'a>, term: TermId, lang: LangId) -> Option<PathView<'a>> {
    let graph = &ctx.glossary.graph;
    let mut seen: BTreeSet<TermId> = BTreeSet::new();
    let mut queue: VecDeque<TermId> = graph.prerequisites[term.index()].iter().copied().collect();
    let mut truncated = false;
    while let Some(next) = queue.pop_front() {
        if !ctx.published(next) || !seen.insert(next) {
            continue;
        }
        if seen.len() == INLINE_PATH {
            truncated = queue.iter().chain(&graph.prerequisites[next.index()]).any(|t| !seen.contains(t));
            break;
        }
        queue.extend(graph.prerequisites[next.index()].iter().copied());
    }
    let direct = &graph.prerequisites[term.index()];
    let mut steps: Vec<TermId> = seen.into_iter().filter(|t| !direct.contains(t)).collect();
    if steps.is_empty() {
        return None;
    }
    graph.sort_by_rank(&mut steps);
    Some(PathView {
        steps: steps.into_iter().map(|t| term_link(ctx, t, lang, false)).collect(),
        truncated,
        data_href: FilePath::Paths(ctx.code(lang)).href(),
    })
}

/// The terms that mention `term` in `lang`, less those already listed as
/// prerequisites, related terms or dependents.
pub(crate) fn mentioned_in<'a>(ctx: &Context<'a>, term: TermId, lang: LangId) -> Vec<TermLink<'a>> {
    let graph = &ctx.glossary.graph;
    let listed = |t: &TermId| {
        graph.prerequisites[term.index()].contains(t)
            || graph.related[term.index()].contains(t)
            || graph.dependents[term.index()].contains(t)
    };
    let mut links: Vec<TermLink<'a>> = ctx.index.mentions[lang.0][term.index()]
        .iter()
        .filter(|t| ctx.published(**t) && !listed(t))
        .map(|&t| term_link(ctx, t, lang, false))
        .collect();
    let collation = crate::render::az::Collation::of(ctx.code(lang));
    links.sort_by_key(|link| crate::render::az::sort_key(link.index_name, collation));
    links
}
