//! The link graph: prerequisites, dependents ("terms that build on this"),
//! related terms made symmetric, and the learning order (a topological order
//! of prerequisites, ties broken by slug). Cycles are reported, not fatal here.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Entry, Term, TermId};
use crate::config::LangId;
use crate::diag::{Code, Diagnostic};

/// Adjacency of every term, each list sorted by learning order.
#[derive(Debug, Default, Clone)]
pub struct LinkGraph {
    /// Prerequisites of each term.
    pub prerequisites: Vec<Vec<TermId>>,
    /// Terms that list each term as a prerequisite.
    pub dependents: Vec<Vec<TermId>>,
    /// Related terms in both directions, less those already shown as a
    /// prerequisite or dependent.
    pub related: Vec<Vec<TermId>>,
    /// Every term, prerequisites first, ties by slug.
    pub learning_order: Vec<TermId>,
    /// Position of each term in `learning_order`.
    pub rank: Vec<usize>,
}

impl LinkGraph {
    /// Sorts `ids` by learning order.
    pub fn sort_by_rank(&self, ids: &mut [TermId]) {
        ids.sort_by_key(|id| self.rank[id.index()]);
    }
}

/// Builds the graph; each prerequisite cycle is reported once.
pub fn build(terms: &[Term], entries: &[Entry], default: LangId) -> (LinkGraph, Vec<Diagnostic>) {
    let n = terms.len();
    let mut dependents = vec![Vec::new(); n];
    let mut related = vec![Vec::new(); n];
    for term in terms {
        for &p in &term.prerequisites {
            dependents[p.index()].push(term.id);
        }
        for &r in &term.related {
            related[term.id.index()].push(r);
            related[r.index()].push(term.id);
        }
    }

    // Kahn's algorithm with a min-heap: among the terms whose prerequisites are
    // all placed, the smallest slug (= smallest id) goes next.
    let mut waiting: Vec<usize> = terms.iter().map(|t| t.prerequisites.len()).collect();
    let mut ready: BinaryHeap<Reverse<TermId>> =
        terms.iter().filter(|t| t.prerequisites.is_empty()).map(|t| Reverse(t.id)).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(Reverse(id)) = ready.pop() {
        order.push(id);
        for &d in &dependents[id.index()] {
            waiting[d.index()] -= 1;
            if waiting[d.index()] == 0 {
                ready.push(Reverse(d));
            }
        }
    }
    let diags = report_cycles(terms, entries, default, &waiting);
    // Terms on or behind a cycle go last, by slug, so every term has a rank.
    order.extend(terms.iter().filter(|t| waiting[t.id.index()] > 0).map(|t| t.id));

    let mut rank = vec![0; n];
    for (i, id) in order.iter().enumerate() {
        rank[id.index()] = i;
    }
    let mut graph = LinkGraph {
        prerequisites: terms.iter().map(|t| t.prerequisites.clone()).collect(),
        dependents,
        related,
        learning_order: order,
        rank,
    };
    let rank = graph.rank.clone();
    for list in graph.prerequisites.iter_mut().chain(&mut graph.dependents).chain(&mut graph.related) {
        list.sort_by_key(|id| rank[id.index()]);
        list.dedup();
    }
    // A term shown as a prerequisite or dependent is not shown again as
    // related; looked up in a set, so a term with thousands of links stays linear.
    for (i, related) in graph.related.iter_mut().enumerate() {
        let shown: std::collections::HashSet<TermId> =
            graph.prerequisites[i].iter().chain(&graph.dependents[i]).copied().collect();
        if !shown.is_empty() {
            related.retain(|r| !shown.contains(r));
        }
    }
    (graph, diags)
}

/// Every term left with unplaced prerequisites has one that is also left, so
/// walking those edges from any of them must come back to a term already seen:
/// a cycle. One diagnostic per cycle found, on the file of its smallest slug.
fn report_cycles(terms: &[Term], entries: &[Entry], default: LangId, waiting: &[usize]) -> Vec<Diagnostic> {
    let left = |id: TermId| waiting[id.index()] > 0;
    let mut reported = vec![false; terms.len()];
    let mut diags = Vec::new();
    for start in terms.iter().filter(|t| left(t.id)) {
        if reported[start.id.index()] {
            continue;
        }
        let mut path = vec![start.id];
        let mut position = vec![usize::MAX; terms.len()];
        position[start.id.index()] = 0;
        let cycle = loop {
            let current = path[path.len() - 1];
            let Some(&next) = terms[current.index()].prerequisites.iter().find(|&&p| left(p)) else { break None };
            if position[next.index()] != usize::MAX {
                break Some(path[position[next.index()]..].to_vec());
            }
            position[next.index()] = path.len();
            path.push(next);
        };
        let Some(mut cycle) = cycle else { continue };
        if cycle.iter().any(|id| reported[id.index()]) {
            for id in &path {
                reported[id.index()] = true;
            }
            continue;
        }
        for id in &path {
            reported[id.index()] = true;
        }
        let smallest = cycle.iter().enumerate().min_by_key(|(_, id)| **id).map_or(0, |(i, _)| i);
        cycle.rotate_left(smallest);
        diags.push(cycle_diagnostic(terms, entries, default, &cycle));
    }
    diags
}

fn cycle_diagnostic(terms: &[Term], entries: &[Entry], default: LangId, cycle: &[TermId]) -> Diagnostic {
    let first = &terms[cycle[0].index()];
    let next = cycle.get(1).copied().unwrap_or(cycle[0]);
    let next_slug = terms[next.index()].slug.as_str();
    let entry = first.entry(default).map(|e| &entries[e.index()]);
    let span = entry.and_then(|e| {
        e.declared.prerequisites.as_deref().unwrap_or_default().iter().find(|p| p.value == next_slug).map(|p| p.span)
    });
    let mut chain: Vec<&str> = cycle.iter().map(|id| terms[id.index()].slug.as_str()).collect();
    chain.push(first.slug.as_str());
    Diagnostic::new(
        Code::PrerequisiteCycle,
        span.or(entry.map(|e| e.span)),
        format!("prerequisites form a cycle: {}", chain.join(" → ")),
    )
    .with_help("remove one prerequisite in this cycle: a learning order needs a first step")
}
