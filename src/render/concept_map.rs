//! The concept map of a tag: its terms drawn as a layered graph, each term
//! one column right of the deepest of its prerequisites within the tag, so a
//! reader can see what to learn first. A plain SVG with links, no script.

use std::fmt::Write as _;

use serde::Serialize;

use super::urls;
use super::views::{PageView, TagLink};
use super::Site;
use crate::config::LangId;
use crate::error::Error;
use crate::model::TermId;
use crate::util::text::escape_html;

/// Most terms drawn on one map; a larger tag shows its first ones in learning order.
const MAX_NODES: usize = 250;
const NODE_WIDTH: usize = 176;
const NODE_HEIGHT: usize = 40;
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

impl Site<'_> {
    /// Where the concept map of `tag` lives.
    pub(super) fn map_path(lang: &str, tag: &str) -> String {
        format!("{}map/", urls::tag(lang, tag))
    }

    /// Every tag's concept map in `lang`, as (page folder, HTML).
    pub(super) fn concept_maps(&self, lang: LangId) -> Result<Vec<(String, String)>, Error> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        self.tags
            .iter()
            .map(|(&tag, terms)| {
                let page_dir = Self::map_path(code, tag);
                let mut ordered = terms.clone();
                self.glossary.graph.sort_by_rank(&mut ordered);
                let total = ordered.len();
                ordered.truncate(MAX_NODES);
                let label = config.tag_label(tag, lang);
                let svg = self.map_svg(&ordered, lang, &page_dir, label);
                let title = format!(
                    "{} · {}",
                    self.theme.text(lang, "map_title").replace("{tag}", label),
                    config.title_in(lang)
                );
                let description = self.theme.text(lang, "map_intro").to_owned();
                let page = self.page_view(lang, &page_dir, title, description, &|l| Self::map_path(l, tag));
                let view = MapView { page, tag: self.tag_link(tag, lang, &page_dir), svg, shown: ordered.len(), total };
                Ok((page_dir, self.render_template("map.html", &view)?))
            })
            .collect()
    }

    /// The layered SVG of `terms` (already in learning order).
    fn map_svg(&self, terms: &[TermId], lang: LangId, page_dir: &str, label: &str) -> String {
        let graph = &self.glossary.graph;
        let index_of = |t: TermId| terms.iter().position(|x| *x == t);
        // Depth within the tag: prerequisites come earlier in learning order.
        let mut depth = vec![0usize; terms.len()];
        for (i, &t) in terms.iter().enumerate() {
            depth[i] = graph.prerequisites[t.index()]
                .iter()
                .filter_map(|p| index_of(*p))
                .map(|p| depth[p] + 1)
                .max()
                .unwrap_or(0);
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
        let title = self.theme.text(lang, "map_title").replace("{tag}", label);
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" class=\"concept-graph concept-map\" role=\"group\" aria-labelledby=\"map-title map-desc\"><title id=\"map-title\">{}</title><desc id=\"map-desc\">{}</desc>",
            escape_html(&title),
            escape_html(&self.theme.text(lang, "map_desc").replace("{count}", &terms.len().to_string()))
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
            let link = self.term_link(t, lang, page_dir, false);
            let (column, row) = position[i];
            let lang_attr = link.lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
            let _ = write!(
                svg,
                "<a href=\"{href}\"{lang_attr}><title>{full}</title><g class=\"graph-node graph-node--pre\"><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"8\"/><text class=\"graph-label\" x=\"{cx}\" y=\"{cy}\">{short}</text></g></a>",
                href = escape_html(&link.href),
                full = escape_html(link.title),
                x = x(column),
                y = y(row),
                cx = x(column) + NODE_WIDTH / 2,
                cy = y(row) + NODE_HEIGHT / 2 + 5,
                short = escape_html(&shorten(link.title, NODE_WIDTH - 16)),
            );
        }
        svg.push_str("</g></svg>");
        svg
    }
}

/// `text` cut with `…` to fit `width` pixels at 13 px (wide characters count double).
fn shorten(text: &str, width: usize) -> String {
    let budget = width as f64 / 7.5;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = if c.is_ascii() { 1.0 } else { 1.9 };
        if used + w > budget - 1.0 {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_titles_are_shortened() {
        assert_eq!(shorten("Staking", 160), "Staking");
        assert!(shorten("A very long title that does not fit in a node at all", 160).ends_with('…'));
        assert!(shorten("유동성 리스테이킹 토큰 (Liquid Restaking Token)", 160).ends_with('…'));
    }
}
