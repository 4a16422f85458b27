//! The concept map of a tag: its terms drawn as a layered graph, each term
//! one column right of the deepest of its prerequisites within the tag, so a
//! reader can see what to learn first. A plain SVG with links, no script.

use std::fmt::Write as _;

use serde::Serialize;

use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::render::context::Context;
use crate::render::layout::{page_view, tag_link, term_link, Crumb, PageView, TagLink};
use crate::render::path::PagePath;
use crate::render::writer::Writer;
use crate::util::text::escape_html;

/// Most terms drawn on one map; a larger tag shows its first ones in learning order.
const MAX_NODES: usize = 250;
const NODE_WIDTH: usize = 176;
/// Room for two lines of label.
const NODE_HEIGHT: usize = 52;
const COLUMN_GAP: usize = 56;
const ROW_GAP: usize = 12;
const MARGIN: usize = 8;

#[derive(Serialize)]
struct MapView<'a> {
    page: PageView<'a>,
    tag: TagLink<'a>,
    svg: String,
    shown: usize,
    total: usize,
}

/// Writes every tag's concept map in `lang`.
pub(crate) fn write_all(ctx: &Context<'_>, lang: LangId, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let code = ctx.code(lang);
    for (&tag, terms) in &ctx.index.tags {
        let path = PagePath::ConceptMap(code, tag);
        let mut ordered = terms.clone();
        ctx.glossary.graph.sort_by_rank(&mut ordered);
        let total = ordered.len();
        ordered.truncate(MAX_NODES);
        let label = config.tag_label(tag, lang);
        let svg = map_svg(ctx, &ordered, lang, label);
        let title = format!("{} · {}", ctx.text(lang, "map_title").replace("{tag}", label), config.title_in(lang));
        let description = ctx.text(lang, "map_intro").to_owned();
        let mut page = page_view(ctx, lang, path, title, description);
        page.breadcrumbs = vec![
            Crumb::link(ctx.page_text(lang, "home"), PagePath::Home(code).href()),
            Crumb::link(ctx.page_text(lang, "topics_title"), PagePath::Topics(code).href()),
            Crumb::link(label, PagePath::Tag(code, tag, 1).href()),
            Crumb::here(ctx.page_text(lang, "graph_map")),
        ];
        let view = MapView { page, tag: tag_link(ctx, tag, lang), svg, shown: ordered.len(), total };
        out.page(path, &ctx.render("map.html", &view)?)?;
    }
    Ok(())
}

/// The layered SVG of `terms` (already in learning order).
fn map_svg(ctx: &Context<'_>, terms: &[TermId], lang: LangId, label: &str) -> String {
    let graph = &ctx.glossary.graph;
    let index_of = |t: TermId| terms.iter().position(|x| *x == t);
    // Depth within the tag: prerequisites come earlier in learning order.
    let mut depth = vec![0usize; terms.len()];
    for (i, &t) in terms.iter().enumerate() {
        depth[i] =
            graph.prerequisites[t.index()].iter().filter_map(|p| index_of(*p)).map(|p| depth[p] + 1).max().unwrap_or(0);
    }
    let columns = depth.iter().max().map_or(0, |d| d + 1);
    let mut row_in_column = vec![0usize; columns];
    let mut position = Vec::with_capacity(terms.len());
    for &d in &depth {
        position.push((d, row_in_column[d]));
        row_in_column[d] += 1;
    }
    let rows = row_in_column.iter().copied().max().unwrap_or(0);
    let x = |column: usize| MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
    let y = |row: usize| MARGIN + row * (NODE_HEIGHT + ROW_GAP);
    let width = x(columns.max(1)) - COLUMN_GAP + MARGIN;
    let height = y(rows.max(1)) - ROW_GAP + MARGIN;
    let title = ctx.text(lang, "map_title").replace("{tag}", label);
    let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" class=\"concept-graph concept-map\" role=\"group\" aria-labelledby=\"map-title map-desc\"><title id=\"map-title\">{}</title><desc id=\"map-desc\">{}</desc>",
            escape_html(&title),
            escape_html(&ctx.text(lang, "map_desc").replace("{count}", &terms.len().to_string()))
        );
    svg.push_str("<defs><marker id=\"map-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path class=\"graph-arrow\" d=\"M0 0L10 5L0 10z\"/></marker></defs><g class=\"graph-edges\" aria-hidden=\"true\">");
    for (i, &t) in terms.iter().enumerate() {
        for p in graph.prerequisites[t.index()].iter().filter_map(|p| index_of(*p)) {
            let (pc, pr) = position[p];
            let (tc, tr) = position[i];
            let (x1, y1) = (x(pc) + NODE_WIDTH, y(pr) + NODE_HEIGHT / 2);
            let (x2, y2) = (x(tc), y(tr) + NODE_HEIGHT / 2);
            let mid = (x1 + x2) / 2;
            let _ = write!(
                    svg,
                    "<path class=\"graph-edge graph-edge--pre\" d=\"M{x1} {y1}C{mid} {y1} {mid} {y2} {x2} {y2}\" marker-end=\"url(#map-arrow)\"/>"
                );
        }
    }
    svg.push_str("</g><g class=\"graph-nodes\" font-size=\"13\" text-anchor=\"middle\">");
    for (i, &t) in terms.iter().enumerate() {
        let link = term_link(ctx, t, lang, false);
        // Two lines, the second cut with `…` if the title is longer still.
        let lines = crate::render::graph::wrap_to(link.title, (NODE_WIDTH - 16) as f64, 2);
        let (column, row) = position[i];
        let lang_attr = link.lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
        let _ = write!(
                svg,
                "<a href=\"{href}\"{lang_attr}><title>{full}</title><g class=\"graph-node graph-node--pre\"><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"8\"/><text class=\"graph-label\" x=\"{cx}\" y=\"{cy}\">{label}</text></g></a>",
                href = escape_html(&link.href),
                full = escape_html(link.title),
                x = x(column),
                y = y(row),
                cx = x(column) + NODE_WIDTH / 2,
                cy = y(row) + NODE_HEIGHT / 2 + 5 - if lines.len() > 1 { 8 } else { 0 },
                label = lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| format!(
                        "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                        x(column) + NODE_WIDTH / 2,
                        if i == 0 { 0 } else { 16 },
                        escape_html(line)
                    ))
                    .collect::<String>(),
            );
    }
    svg.push_str("</g></svg>");
    svg
}
