//! Concept graph of one term page: Mermaid source and an inline SVG, both from the same input.
//! Pure functions: no I/O. Every label is escaped for where it lands.
//!
//! SVG layout, in two arrangements that each page carries (CSS shows one by the screen's
//! width): wide — up to three columns, prerequisites, the centre, dependents, with related terms
//! in a row below, each on its own dashed line from one bus; tall — prerequisites above the
//! centre, dependents below, related terms last, two to a row in 320 px, so labels keep their
//! 14 px on a phone. Empty groups collapse. Each group shows at most [`MAX_PER_GROUP`] nodes
//! ([`MAX_RELATED`] related terms in the wide row); beyond that one fewer are drawn plus a
//! non-link "+N" node (the Mermaid source and the lists below the graph give every term).
//!
//! The SVG carries no colours: the site's CSS must style `.graph-node > rect`,
//! `.graph-node--{main,pre,related,child}`, `.graph-label`, `.graph-arrow` and
//! `.graph-edge` (which needs `fill: none`), `.graph-edge--related` (dashed).

use super::measure;
use crate::util::text::{escape_html, escape_html_into};

/// One node other than the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphNode<'a> {
    /// Visible label (a term title, in the page's language or the fallback language). Arbitrary user text.
    pub label: &'a str,
    /// Absolute or root-relative URL of the node's page, built by glossa (but still escape it for XML attributes / Mermaid strings).
    pub href: &'a str,
    /// BCP-47 language of the label when it differs from the page's (a fallback); None otherwise.
    pub lang: Option<&'a str>,
}

/// The neighbourhood of one term: the term itself and its three groups of neighbours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConceptGraph<'a> {
    /// Label of the term itself (not a link).
    pub center: &'a str,
    /// Terms to read first; drawn left, arrows into the centre.
    pub prerequisites: Vec<GraphNode<'a>>,
    /// Related terms; dashed, undirected edges.
    pub related: Vec<GraphNode<'a>>,
    /// Terms that build on this one; drawn right, arrows out of the centre.
    pub dependents: Vec<GraphNode<'a>>,
}

/// Text strings used in the SVG's accessible description, localised by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphLabels<'a> {
    /// Accessible title, e.g. "Concept graph of Liquid Staking".
    pub title: &'a str,
    /// Group name, e.g. "Prerequisites".
    pub prerequisites: &'a str,
    /// Group name, e.g. "Related terms".
    pub related: &'a str,
    /// Group name, e.g. "Builds on this".
    pub dependents: &'a str,
}

impl ConceptGraph<'_> {
    /// True when the term has no prerequisites, related terms or dependents.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.prerequisites.is_empty() && self.related.is_empty() && self.dependents.is_empty()
    }

    fn group(&self, role: Role) -> &[GraphNode<'_>] {
        match role {
            Role::Main => &[],
            Role::Pre => &self.prerequisites,
            Role::Related => &self.related,
            Role::Child => &self.dependents,
        }
    }
}

/// Most nodes drawn per group; larger groups show `MAX_PER_GROUP - 1` nodes and a "+N" node.
pub const MAX_PER_GROUP: usize = 12;

/// Most related terms drawn in their row (the lists below the graph give all).
const MAX_RELATED: usize = 4;

const FONT_SIZE: f64 = 14.0;
const LINE_HEIGHT: f64 = 18.0;
/// Baseline of a line, measured from the top of its line box.
const BASELINE: f64 = 14.0;
const MAX_LINES: usize = 3;
const MAX_NODE_WIDTH: f64 = 180.0;
const MIN_NODE_WIDTH: f64 = 64.0;
const PAD_X: f64 = 12.0;
const PAD_Y: f64 = 8.0;
const MAX_TEXT_WIDTH: f64 = MAX_NODE_WIDTH - 2.0 * PAD_X;
const COLUMN_GAP: f64 = 56.0;
const ROW_GAP: f64 = 12.0;
/// Horizontal gap between the nodes of one row.
const NODE_GAP: f64 = 12.0;
/// Vertical room for a bus line between a group and the node it joins.
const BUS_GAP: f64 = 28.0;
const MARGIN: f64 = 8.0;
const RADIUS: f64 = 8.0;
/// Width of the tall arrangement: two columns that still read at 12 px on
/// a 320 px phone.
const TALL_WIDTH: f64 = 320.0;
const TALL_COLUMNS: usize = 2;

/// How a graph is arranged: side by side for wide screens, top to bottom
/// for narrow ones. Pages carry both and show one by the screen's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    /// Prerequisites left, dependents right, related terms in a row below.
    Wide,
    /// Prerequisites above, dependents below, related terms last, two to a row.
    Tall,
}

/// Where a node sits in the graph; doubles as its CSS/Mermaid class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Main,
    Pre,
    Related,
    Child,
}

impl Role {
    const NEIGHBOURS: [Role; 3] = [Role::Pre, Role::Related, Role::Child];

    fn class(self) -> &'static str {
        match self {
            Role::Main => "main",
            Role::Pre => "pre",
            Role::Related => "related",
            Role::Child => "child",
        }
    }

    fn id_prefix(self) -> &'static str {
        match self {
            Role::Main => "center",
            Role::Pre => "p",
            Role::Related => "r",
            Role::Child => "d",
        }
    }
}

/// A node as drawn: a neighbour (with `href`) or the centre / "+N" overflow marker (without).
#[derive(Debug, Clone)]
struct Item<'a> {
    label: String,
    href: Option<&'a str>,
    lang: Option<&'a str>,
}

/// The drawn items of one group, capped at `cap` (the last a "+N" node when more).
fn items<'a>(nodes: &[GraphNode<'a>], cap: usize) -> Vec<Item<'a>> {
    let (shown, hidden) = if nodes.len() > cap { nodes.split_at(cap - 1) } else { (nodes, &[][..]) };
    let mut items: Vec<Item<'a>> = shown
        .iter()
        .map(|node| Item { label: normalize(node.label), href: Some(node.href), lang: node.lang })
        .collect();
    if !hidden.is_empty() {
        items.push(Item { label: format!("+{}", hidden.len()), href: None, lang: None });
    }
    items
}

/// Collapses whitespace and control characters (newlines, tabs, …) into single spaces.
fn normalize(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Mermaid

const CLASS_DEFS: [(&str, &str); 4] = [
    ("main", "fill:#7c3aed,stroke:#5b21b6,color:#ffffff"),
    ("pre", "stroke:#3b82f6,stroke-width:2px"),
    ("related", "stroke:#8b5cf6,stroke-dasharray:5 5"),
    ("child", "stroke:#10b981,stroke-width:2px"),
];

/// Mermaid (`graph LR`) source of the graph; node ids are generated, never taken from labels.
#[must_use]
pub fn mermaid(graph: &ConceptGraph) -> String {
    let mut out = String::from("graph LR\n");
    out.push_str(&format!("  center[\"{}\"]:::main\n", mermaid_label(graph.center)));
    for role in Role::NEIGHBOURS {
        for (i, item) in items(graph.group(role), MAX_PER_GROUP).iter().enumerate() {
            let id = format!("{}{i}", role.id_prefix());
            let node = format!("{id}[\"{}\"]:::{}", mermaid_label(&item.label), role.class());
            let edge = match role {
                Role::Related => format!("{node} -.- center"),
                Role::Child => format!("center --> {node}"),
                Role::Pre | Role::Main => format!("{node} --> center"),
            };
            out.push_str(&format!("  {edge}\n"));
            if let Some(href) = item.href {
                out.push_str(&format!("  click {id} \"{}\"\n", mermaid_href(href)));
            }
        }
    }
    for (class, style) in CLASS_DEFS {
        out.push_str(&format!("  classDef {class} {style}\n"));
    }
    out
}

/// Escapes text for a double-quoted Mermaid label using Mermaid's `#name;` entities.
///
/// Mapping one character at a time means `#` is escaped before (and never inside) the
/// entities we emit, so `#quot;` in the input becomes `#35;quot;`, not a quote.
fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in normalize(text).chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"), // a label wrapped in backticks would become markdown
            // `%%{init: …}%%` is a directive wherever it appears in the text, quoted or not.
            '%' => out.push_str("#37;"),
            _ => out.push(c),
        }
    }
    out
}

/// Makes a URL safe inside a `click id "…"` line: characters that could end the string or the
/// statement (or be read as an entity) are percent-encoded; control characters are dropped.
fn mermaid_href(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            '"' | '<' | '>' | '\\' | '`' | ';' | ' ' | '{' | '}' => out.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Wrapping labels

/// Estimated width of `text` in px at [`FONT_SIZE`].
fn text_width(text: &str) -> f64 {
    measure::text_width(text, FONT_SIZE)
}

/// Wraps normalised text into at most `max_lines` lines of `max_width` px, breaking at
/// spaces when possible and between any characters otherwise; the last line may end in `…`.
pub(super) fn wrap_to(text: &str, max_width: f64, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if lines.len() + 1 == max_lines {
            lines.push(measure::ellipsize(rest, max_width, FONT_SIZE));
            break;
        }
        let (line, remainder) = take_line(rest, max_width);
        lines.push(line.to_owned());
        rest = remainder;
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Splits off the longest prefix that fits one line: up to the last fitting space, or, when
/// the first word alone is too long, up to the last fitting character.
fn take_line(text: &str, max_width: f64) -> (&str, &str) {
    let mut width = 0.0;
    let mut last_space = None;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            last_space = Some(i);
        }
        width += measure::char_em(c) * FONT_SIZE;
        if width > max_width {
            let cut = match last_space {
                Some(space) if space > 0 => space,
                _ if i == 0 => c.len_utf8(),
                _ => i,
            };
            return (text[..cut].trim_end(), text[cut..].trim_start());
        }
    }
    (text, "")
}

// ---------------------------------------------------------------------------------------------
// SVG layout

#[derive(Debug, Clone, Copy, PartialEq)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Rect {
    fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    fn right(&self) -> f64 {
        self.x + self.w
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// An item with its wrapped lines and size, then (after layout) its position.
#[derive(Debug, Clone)]
struct Node<'a> {
    role: Role,
    item: Item<'a>,
    lines: Vec<String>,
    rect: Rect,
}

impl<'a> Node<'a> {
    /// A node whose label wraps at `max_text` px.
    fn new(role: Role, item: Item<'a>, max_text: f64) -> Self {
        let lines = wrap_to(&item.label, max_text, MAX_LINES);
        let text_w = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
        let rect = Rect {
            x: 0.0,
            y: 0.0,
            w: (text_w + 2.0 * PAD_X).ceil().max(MIN_NODE_WIDTH),
            h: lines.len() as f64 * LINE_HEIGHT + 2.0 * PAD_Y,
        };
        Node { role, item, lines, rect }
    }
}

fn nodes<'a>(role: Role, group: &[GraphNode<'a>], cap: usize, max_text: f64) -> Vec<Node<'a>> {
    items(group, cap).into_iter().map(|item| Node::new(role, item, max_text)).collect()
}

/// Total height of a column stack (0 when empty).
fn stack_height(nodes: &[Node]) -> f64 {
    let heights: f64 = nodes.iter().map(|n| n.rect.h).sum();
    heights + ROW_GAP * nodes.len().saturating_sub(1) as f64
}

/// Gives every node of a column the same x and width, stacked downwards from `top`.
fn place(nodes: &mut [Node], x: f64, w: f64, top: f64) {
    let mut y = top;
    for node in nodes {
        node.rect.x = x;
        node.rect.w = w;
        node.rect.y = y;
        y += node.rect.h + ROW_GAP;
    }
}

/// Places nodes side by side in one row from `left` at `top`; returns the
/// row's right edge.
fn place_row(nodes: &mut [Node], left: f64, top: f64) -> f64 {
    let mut x = left;
    for node in nodes.iter_mut() {
        node.rect.x = x;
        node.rect.y = top;
        x += node.rect.w + NODE_GAP;
    }
    x - NODE_GAP
}

fn row_width(nodes: &[Node]) -> f64 {
    nodes.iter().map(|n| n.rect.w).sum::<f64>() + NODE_GAP * nodes.len().saturating_sub(1) as f64
}

/// Places nodes in a grid of [`TALL_COLUMNS`] equal columns filling
/// `width` from `left`, rows from `top`; returns the grid's bottom edge.
fn place_grid(nodes: &mut [Node], left: f64, width: f64, top: f64) -> f64 {
    let column = (width - NODE_GAP * (TALL_COLUMNS - 1) as f64) / TALL_COLUMNS as f64;
    let mut y = top;
    for row in nodes.chunks_mut(TALL_COLUMNS) {
        let height = row.iter().map(|n| n.rect.h).fold(0.0, f64::max);
        // A last row with one node is centred.
        let start = left + (TALL_COLUMNS - row.len()) as f64 * (column + NODE_GAP) / 2.0;
        for (i, node) in row.iter_mut().enumerate() {
            node.rect = Rect { x: start + i as f64 * (column + NODE_GAP), y, w: column, h: height };
        }
        y += height + ROW_GAP;
    }
    y - ROW_GAP
}

fn column_width<'n, 'a: 'n>(nodes: impl IntoIterator<Item = &'n Node<'a>>) -> f64 {
    nodes.into_iter().map(|n| n.rect.w).fold(MIN_NODE_WIDTH, f64::max).min(MAX_NODE_WIDTH)
}

/// All nodes placed, their edges, and the overall size.
struct Layout<'a> {
    pre: Vec<Node<'a>>,
    center: Node<'a>,
    related: Vec<Node<'a>>,
    dep: Vec<Node<'a>>,
    edges: Vec<(String, Role)>,
    width: f64,
    height: f64,
}

impl<'a> Layout<'a> {
    fn new(graph: &ConceptGraph<'a>, arrangement: Arrangement) -> Self {
        match arrangement {
            Arrangement::Wide => Layout::wide(graph),
            Arrangement::Tall => Layout::tall(graph),
        }
    }

    /// Prerequisites → term → dependents in three columns; related terms in
    /// a row below, each hanging from one dashed bus.
    fn wide(graph: &ConceptGraph<'a>) -> Self {
        let center_item = Item { label: normalize(graph.center), href: None, lang: None };
        let mut center = Node::new(Role::Main, center_item, MAX_TEXT_WIDTH);
        let mut pre = nodes(Role::Pre, &graph.prerequisites, MAX_PER_GROUP, MAX_TEXT_WIDTH);
        let mut related = nodes(Role::Related, &graph.related, MAX_RELATED, MAX_TEXT_WIDTH);
        let mut dep = nodes(Role::Child, &graph.dependents, MAX_PER_GROUP, MAX_TEXT_WIDTH);

        let half = center.rect.h / 2.0;
        let (pre_h, dep_h) = (stack_height(&pre), stack_height(&dep));
        let band = pre_h.max(dep_h).max(center.rect.h);
        let mid = MARGIN + band / 2.0;
        let widths = [column_width(&pre), column_width([&center]), column_width(&dep)];
        let band_width = widths[1]
            + if pre.is_empty() { 0.0 } else { widths[0] + COLUMN_GAP }
            + if dep.is_empty() { 0.0 } else { widths[2] + COLUMN_GAP };
        let width = band_width.max(row_width(&related));
        let mut x = MARGIN + (width - band_width) / 2.0;
        if !pre.is_empty() {
            place(&mut pre, x, widths[0], mid - pre_h / 2.0);
            x += widths[0] + COLUMN_GAP;
        }
        place(std::slice::from_mut(&mut center), x, widths[1], mid - half);
        x += widths[1] + COLUMN_GAP;
        if !dep.is_empty() {
            place(&mut dep, x, widths[2], mid - dep_h / 2.0);
        }
        let mut height = MARGIN + band + MARGIN;
        let mut edges = Vec::new();
        let c = center.rect;
        for (i, node) in pre.iter().enumerate() {
            edges.push((curve((node.rect.right(), node.rect.cy()), (c.x, port_y(i, pre.len(), &c))), Role::Pre));
        }
        for (i, node) in dep.iter().enumerate() {
            edges.push((curve((c.right(), port_y(i, dep.len(), &c)), (node.rect.x, node.rect.cy())), Role::Child));
        }
        if !related.is_empty() {
            let bus = MARGIN + band + BUS_GAP / 2.0;
            let row_top = MARGIN + band + BUS_GAP;
            let left = MARGIN + (width - row_width(&related)) / 2.0;
            place_row(&mut related, left, row_top);
            for node in &related {
                edges.push((elbow((c.cx(), c.bottom()), bus, (node.rect.cx(), node.rect.y)), Role::Related));
            }
            let row_h = related.iter().map(|n| n.rect.h).fold(0.0, f64::max);
            height = row_top + row_h + MARGIN;
        }
        Layout { pre, center, related, dep, edges, width: width + 2.0 * MARGIN, height }
    }

    /// Prerequisites above the term, dependents below it, related terms
    /// last, two to a row: narrow enough for a phone at full size.
    fn tall(graph: &ConceptGraph<'a>) -> Self {
        let inner = TALL_WIDTH - 2.0 * MARGIN;
        let column = (inner - NODE_GAP * (TALL_COLUMNS - 1) as f64) / TALL_COLUMNS as f64;
        let max_text = column - 2.0 * PAD_X;
        let center_item = Item { label: normalize(graph.center), href: None, lang: None };
        let mut center = Node::new(Role::Main, center_item, inner - 2.0 * PAD_X);
        let mut pre = nodes(Role::Pre, &graph.prerequisites, MAX_PER_GROUP, max_text);
        let mut related = nodes(Role::Related, &graph.related, MAX_PER_GROUP, max_text);
        let mut dep = nodes(Role::Child, &graph.dependents, MAX_PER_GROUP, max_text);

        let mut y = MARGIN;
        let mut edges = Vec::new();
        let pre_bottom = (!pre.is_empty()).then(|| place_grid(&mut pre, MARGIN, inner, y));
        if let Some(bottom) = pre_bottom {
            y = bottom + BUS_GAP;
        }
        center.rect.x = MARGIN + (inner - center.rect.w) / 2.0;
        center.rect.y = y;
        let c = center.rect;
        if let Some(bottom) = pre_bottom {
            let bus = bottom + BUS_GAP / 2.0;
            for node in &pre {
                edges.push((elbow((node.rect.cx(), node.rect.bottom()), bus, (c.cx(), c.y)), Role::Pre));
            }
        }
        y = c.bottom();
        if !dep.is_empty() {
            let bus = y + BUS_GAP / 2.0;
            y = place_grid(&mut dep, MARGIN, inner, y + BUS_GAP);
            for node in &dep {
                edges.push((elbow((c.cx(), c.bottom()), bus, (node.rect.cx(), node.rect.y)), Role::Child));
            }
        }
        if !related.is_empty() {
            let bus = y + BUS_GAP / 2.0;
            let top = y + BUS_GAP;
            y = place_grid(&mut related, MARGIN, inner, top);
            for node in &related {
                // Past the dependents, down a rail in the left margin.
                let path = if dep.is_empty() {
                    elbow((c.cx(), c.bottom()), bus, (node.rect.cx(), node.rect.y))
                } else {
                    let rail = MARGIN / 2.0;
                    path(&[
                        ('M', c.x),
                        (' ', c.cy()),
                        ('H', rail),
                        ('V', bus),
                        ('H', node.rect.cx()),
                        ('V', node.rect.y),
                    ])
                };
                edges.push((path, Role::Related));
            }
        }
        Layout { pre, center, related, dep, edges, width: TALL_WIDTH, height: y + MARGIN }
    }

    fn nodes(&self) -> impl Iterator<Item = &Node<'a>> {
        self.pre.iter().chain([&self.center]).chain(&self.related).chain(&self.dep)
    }
}

/// Where the i-th of n edges meets the centre's side: fanned out around its midline.
fn port_y(i: usize, n: usize, rect: &Rect) -> f64 {
    if n < 2 {
        return rect.cy();
    }
    let span = (rect.h - 2.0 * PAD_Y).min((n - 1) as f64 * 6.0);
    rect.cy() - span / 2.0 + span * i as f64 / (n - 1) as f64
}

/// Horizontal S-curve between two points.
fn curve((x0, y0): (f64, f64), (x1, y1): (f64, f64)) -> String {
    let mx = (x0 + x1) / 2.0;
    path(&[('M', x0), (' ', y0), ('C', mx), (' ', y0), (' ', mx), (' ', y1), (' ', x1), (' ', y1)])
}

/// Down from one point to a horizontal bus line, along it, and down to the
/// other: how a group hangs from one node, each member on its own line.
fn elbow((x0, y0): (f64, f64), bus: f64, (x1, y1): (f64, f64)) -> String {
    path(&[('M', x0), (' ', y0), ('V', bus), ('H', x1), ('V', y1)])
}

/// Path data: each command letter (or space) followed by its number.
fn path(steps: &[(char, f64)]) -> String {
    let mut d = String::with_capacity(steps.len() * 6);
    for &(command, value) in steps {
        d.push(command);
        push_num(&mut d, value);
    }
    d
}

/// Appends a coordinate as an integer or with one decimal.
fn push_num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let tenths = tenths.unsigned_abs();
    push_int(out, tenths / 10);
    if !tenths.is_multiple_of(10) {
        out.push('.');
        push_int(out, tenths % 10);
    }
}

fn push_int(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// A coordinate as [`push_num`] writes it.
fn num(value: f64) -> String {
    let mut out = String::new();
    push_num(&mut out, value);
    out
}

// ---------------------------------------------------------------------------------------------
// SVG output

/// Inline SVG of the graph in `arrangement`. `id` prefixes element ids
/// (sanitised to `[A-Za-z0-9_-]`).
#[must_use]
pub fn svg(graph: &ConceptGraph, labels: &GraphLabels, id: &str, arrangement: Arrangement) -> String {
    let id = sanitize_id(id);
    let layout = Layout::new(graph, arrangement);
    let (w, h) = (num(layout.width), num(layout.height));
    let shape = match arrangement {
        Arrangement::Wide => "wide",
        Arrangement::Tall => "tall",
    };
    let mut out = String::with_capacity(4096);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" class=\"concept-graph concept-graph--{shape}\" role=\"group\" \
         aria-labelledby=\"{id}-title {id}-desc\">"
    ));
    out.push_str(&format!(
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape_html(labels.title),
        escape_html(&description(graph, labels))
    ));
    out.push_str(&format!(
        "<defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
         <path class=\"graph-arrow\" d=\"M0 0L10 5L0 10z\"/></marker></defs>"
    ));
    out.push_str("<g class=\"graph-edges\" aria-hidden=\"true\">");
    for (d, role) in &layout.edges {
        out.push_str("<path class=\"graph-edge graph-edge--");
        out.push_str(role.class());
        out.push_str("\" d=\"");
        out.push_str(d);
        out.push('"');
        if *role != Role::Related {
            out.push_str(" marker-end=\"url(#");
            out.push_str(&id);
            out.push_str("-arrow)\"");
        }
        out.push_str("/>");
    }
    out.push_str("</g><g class=\"graph-nodes\" font-size=\"14\" text-anchor=\"middle\">");
    for node in layout.nodes() {
        node_svg(&mut out, node);
    }
    out.push_str("</g></svg>");
    out
}

/// "Prerequisites: A, B. Related terms: C. Builds on this: D." (non-empty groups only).
fn description(graph: &ConceptGraph, labels: &GraphLabels) -> String {
    let groups = [
        (labels.prerequisites, &graph.prerequisites),
        (labels.related, &graph.related),
        (labels.dependents, &graph.dependents),
    ];
    let sentences: Vec<String> = groups
        .iter()
        .filter(|(_, nodes)| !nodes.is_empty())
        .map(|(name, nodes)| {
            let names: Vec<String> = nodes.iter().map(|n| normalize(n.label)).collect();
            format!("{}: {}.", normalize(name), names.join(", "))
        })
        .collect();
    sentences.join(" ")
}

/// One node: a link (`<a>`) for neighbours, a plain group for the centre and "+N" nodes.
fn node_svg(out: &mut String, node: &Node) {
    let class = node.role.class();
    let open_group = |out: &mut String, more: &str| {
        out.push_str("<g class=\"graph-node graph-node--");
        out.push_str(class);
        out.push_str(more);
    };
    match (node.role, node.item.href) {
        (Role::Main, _) => {
            open_group(out, "\" aria-current=\"page\">");
            node_title(out, node);
        }
        (_, Some(href)) => {
            out.push_str("<a href=\"");
            escape_html_into(href, out);
            out.push('"');
            if let Some(lang) = node.item.lang {
                out.push_str(" lang=\"");
                escape_html_into(lang, out);
                out.push('"');
            }
            out.push('>');
            node_title(out, node);
            open_group(out, "\">");
        }
        (_, None) => {
            open_group(out, " graph-node--more\">");
            node_title(out, node);
        }
    }
    let r = &node.rect;
    for (attribute, value) in
        [("<rect x=\"", r.x), ("\" y=\"", r.y), ("\" width=\"", r.w), ("\" height=\"", r.h), ("\" rx=\"", RADIUS)]
    {
        out.push_str(attribute);
        push_num(out, value);
    }
    out.push_str("\"/>");
    label_svg(out, node);
    out.push_str(if node.role != Role::Main && node.item.href.is_some() { "</g></a>" } else { "</g>" });
}

fn node_title(out: &mut String, node: &Node) {
    out.push_str("<title>");
    escape_html_into(&node.item.label, out);
    out.push_str("</title>");
}

/// The wrapped label: one `<tspan>` per line, centred in the node.
fn label_svg(out: &mut String, node: &Node) {
    let cx = num(node.rect.cx());
    out.push_str("<text class=\"graph-label\" x=\"");
    out.push_str(&cx);
    out.push_str("\" y=\"");
    push_num(out, node.rect.y + PAD_Y + BASELINE);
    out.push_str("\">");
    for (i, line) in node.lines.iter().enumerate() {
        out.push_str("<tspan x=\"");
        out.push_str(&cx);
        out.push_str("\" dy=\"");
        push_num(out, if i == 0 { 0.0 } else { LINE_HEIGHT });
        out.push_str("\">");
        escape_html_into(line, out);
        out.push_str("</tspan>");
    }
    out.push_str("</text>");
}

/// Keeps `[A-Za-z0-9_-]` (others become `-`) and ensures the id starts with a letter.
fn sanitize_id(id: &str) -> String {
    let clean: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' }).collect();
    if clean.starts_with(|c: char| c.is_ascii_alphabetic()) {
        clean
    } else {
        format!("g{clean}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: [&str; 6] = [
        "\"]; click x \"javascript:alert(1)\"",
        "</script><script>alert(1)</script>",
        "#quot;",
        "A & B",
        "line one\nline two\r\n\tthree",
        "it's `code`",
    ];

    const LABELS: GraphLabels<'static> = GraphLabels {
        title: "Concept graph of <Liquid> \"Staking\"",
        prerequisites: "Prerequisites",
        related: "Related terms",
        dependents: "Builds on this",
    };

    fn node(label: &str) -> GraphNode<'_> {
        GraphNode { label, href: "/en/terms/x/", lang: None }
    }

    fn graph<'a>(pre: &[&'a str], rel: &[&'a str], dep: &[&'a str]) -> ConceptGraph<'a> {
        ConceptGraph {
            center: "Liquid Staking",
            prerequisites: pre.iter().map(|l| node(l)).collect(),
            related: rel.iter().map(|l| node(l)).collect(),
            dependents: dep.iter().map(|l| node(l)).collect(),
        }
    }

    fn view_box_width(svg: &str) -> f64 {
        let start = svg.find("viewBox=\"0 0 ").map(|i| i + 13).expect("viewBox");
        let rest = &svg[start..];
        rest[..rest.find(' ').expect("width")].parse().expect("number")
    }

    /// Minimal well-formedness check: balanced tags, quoted attribute values without `<`/`"`.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = svg;
        while let Some(open) = rest.find('<') {
            assert!(!rest[..open].contains('>'), "stray > in {rest}");
            let close = rest[open..].find('>').expect("unclosed tag") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "< inside tag {tag}");
            assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes in {tag}");
            let name = tag.trim_start_matches('/').split([' ', '/']).next().expect("name");
            if tag.starts_with('/') {
                assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                stack.push(name);
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
    }

    #[test]
    fn mermaid_label_escapes() {
        let cases = [
            (HOSTILE[0], "#quot;]; click x #quot;javascript:alert(1)#quot;"),
            (HOSTILE[1], "#lt;/script#gt;#lt;script#gt;alert(1)#lt;/script#gt;"),
            (HOSTILE[2], "#35;quot;"),
            (HOSTILE[3], "A #amp; B"),
            (HOSTILE[4], "line one line two three"),
            (HOSTILE[5], "it's #96;code#96;"),
            ("C# 101", "C#35; 101"),
            ("%%{init: {'theme':'dark'}}%%", "#37;#37;{init: {'theme':'dark'}}#37;#37;"),
        ];
        for (input, expected) in cases {
            assert_eq!(mermaid_label(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn mermaid_labels_stay_inside_their_quotes() {
        for label in HOSTILE {
            let source = mermaid(&ConceptGraph { center: label, ..graph(&[label], &[label], &[label]) });
            for line in source.lines().filter(|l| l.contains("[\"")) {
                let inner = &line[line.find("[\"").expect("open") + 2..line.rfind("\"]").expect("close")];
                assert!(!inner.contains(['"', '<', '>', '\n', '\\']), "{line}");
            }
            assert_eq!(source.lines().count(), 1 + 1 + 3 * 2 + 4, "{source}");
        }
    }

    #[test]
    fn mermaid_structure() {
        let source = mermaid(&graph(&["A"], &["B"], &["C"]));
        let expected = "graph LR\n  center[\"Liquid Staking\"]:::main\n  p0[\"A\"]:::pre --> center\n  click p0 \"/en/terms/x/\"\n  r0[\"B\"]:::related -.- center\n  click r0 \"/en/terms/x/\"\n  center --> d0[\"C\"]:::child\n  click d0 \"/en/terms/x/\"\n";
        assert!(source.starts_with(expected), "{source}");
        assert!(source.contains("  classDef related stroke:#8b5cf6,stroke-dasharray:5 5\n"));
        assert!(source.ends_with('\n'));
    }

    #[test]
    fn click_lines_never_carry_raw_quotes() {
        let hostile = GraphNode { label: "x", href: "/a\" onclick=\"alert(1)\n%%\r\\b;c%%{init}%%", lang: None };
        let g = ConceptGraph { center: "c", prerequisites: vec![hostile], ..ConceptGraph::default() };
        let source = mermaid(&g);
        let click = source.lines().find(|l| l.starts_with("  click")).expect("click");
        assert_eq!(click, "  click p0 \"/a%22%20onclick=%22alert(1)%%%5Cb%3Bc%%%7Binit%7D%%\"");
        assert_eq!(source.lines().count(), 1 + 1 + 2 + 4);
    }

    #[test]
    fn svg_escapes_hostile_labels() {
        for label in HOSTILE {
            let hostile = GraphNode { label, href: "/t/\"><script>x</script>", lang: Some("ko\"><script>") };
            let g = ConceptGraph {
                center: label,
                prerequisites: vec![hostile],
                related: vec![hostile],
                dependents: vec![hostile],
            };
            let out = svg(&g, &LABELS, "graph\"><script>", Arrangement::Wide);
            assert!(!out.contains("<script"), "{out}");
            assert!(out.contains("href=\"/t/&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
            assert!(out.contains("lang=\"ko&quot;&gt;&lt;script&gt;\""));
            assert!(out.contains("id=\"graph---script--title\""));
            assert_well_formed(&out);
        }
        let out = svg(&graph(&["A & B"], &[], &[]), &LABELS, "graph", Arrangement::Wide);
        assert!(out.contains("<title>A &amp; B</title>"));
        assert!(out.contains("Concept graph of &lt;Liquid&gt; &quot;Staking&quot;"));
    }

    #[test]
    fn svg_has_no_inline_colours_and_clean_numbers() {
        let out = svg(&graph(&["A", "B", "C"], &["D", "E"], &["F"]), &LABELS, "g", Arrangement::Wide);
        for banned in [" fill=", " stroke=", " style=", "<style"] {
            assert!(!out.contains(banned), "{banned}");
        }
        let numbers = out.split(|c: char| !(c.is_ascii_digit() || c == '.'));
        for n in numbers.filter(|n| n.contains('.')) {
            let decimals = n.rsplit('.').next().map_or(0, str::len);
            assert!(decimals <= 1, "{n}");
        }
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
        assert!(out.contains("aria-labelledby=\"g-title g-desc\""));
        assert!(out.contains("<marker id=\"g-arrow\""));
        assert!(
            out.contains("<desc id=\"g-desc\">Prerequisites: A, B, C. Related terms: D, E. Builds on this: F.</desc>")
        );
        assert_eq!(out.matches("marker-end=\"url(#g-arrow)\"").count(), 4);
        assert_eq!(out.matches("graph-edge--related").count(), 2);
        assert_well_formed(&out);
    }

    #[test]
    fn wraps_long_labels() {
        let wrap = |text: &str| wrap_to(text, MAX_TEXT_WIDTH, MAX_LINES);
        let cases = [
            "유동성 리스테이킹 토큰의 아주 긴 제목입니다만 계속됩니다",
            "Liquid restaking token derivatives and their very long descriptive title that goes on",
            "유동성리스테이킹토큰의아주긴제목입니다만띄어쓰기가전혀없어서끝없이계속됩니다",
            "Supercalifragilisticexpialidociousandthensomemorelettersthatneverendatall",
        ];
        for label in cases {
            let lines = wrap(&normalize(label));
            assert_eq!(lines.len(), MAX_LINES, "{lines:?}");
            for line in &lines {
                assert!(text_width(line) <= MAX_TEXT_WIDTH, "{line}");
                assert!(!line.starts_with(' ') && !line.ends_with(' '), "{line:?}");
            }
            assert!(lines[2].ends_with(measure::ELLIPSIS), "{lines:?}");
        }
        assert_eq!(
            wrap("유동성 리스테이킹 토큰의 아주 긴 제목입니다만 계속됩니다")[..2],
            ["유동성 리스테이킹", "토큰의 아주 긴"]
        );
        assert_eq!(wrap("Staking"), ["Staking"]);
        assert_eq!(wrap("Proof of Stake consensus"), ["Proof of Stake", "consensus"]);
        assert_eq!(wrap(""), [""]);
    }

    #[test]
    fn node_height_grows_with_lines() {
        let long = "Liquid restaking token derivatives and their very long descriptive title";
        let out = svg(&graph(&[long], &[], &[]), &LABELS, "g", Arrangement::Wide);
        assert!(out.contains("height=\"70\" rx=\"8\""), "{out}");
        assert_eq!(out.matches("<tspan").count(), 3 + 1);
        assert!(out.contains(&format!("<title>{long}</title>")));
    }

    #[test]
    fn empty_columns_collapse() {
        let full = view_box_width(&svg(&graph(&["A"], &[], &["B"]), &LABELS, "g", Arrangement::Wide));
        let no_pre = svg(&graph(&[], &[], &["B"]), &LABELS, "g", Arrangement::Wide);
        let no_dep = view_box_width(&svg(&graph(&["A"], &[], &[]), &LABELS, "g", Arrangement::Wide));
        let alone = view_box_width(&svg(&graph(&[], &["R"], &[]), &LABELS, "g", Arrangement::Wide));
        assert!(view_box_width(&no_pre) < full && no_dep < full);
        assert!(alone < view_box_width(&no_pre) && alone < no_dep);
        let centre = no_pre.find("graph-node--main").expect("centre");
        assert!(no_pre[centre..].contains(&format!("<rect x=\"{}\"", num(MARGIN))));
    }

    #[test]
    fn one_link_per_neighbour() {
        let g = graph(&["A", "B"], &["C", "D", "E"], &["F"]);
        let out = svg(&g, &LABELS, "g", Arrangement::Wide);
        assert_eq!(out.matches("<a ").count(), 6);
        assert_eq!(out.matches("class=\"graph-node ").count(), 7);
        assert_eq!(out.matches("aria-current=\"page\"").count(), 1);
        let fallback = GraphNode { label: "스테이킹", href: "/ko/terms/staking/", lang: Some("ko") };
        let g = ConceptGraph { center: "x", related: vec![fallback], ..ConceptGraph::default() };
        assert!(svg(&g, &LABELS, "g", Arrangement::Wide).contains("<a href=\"/ko/terms/staking/\" lang=\"ko\">"));
    }

    #[test]
    fn large_groups_overflow() {
        let labels: Vec<String> = (0..30).map(|i| format!("Term {i}")).collect();
        let many: Vec<&str> = labels.iter().map(String::as_str).collect();
        let g = graph(&many, &many[..12], &many[..13]);
        let tall = svg(&g, &LABELS, "g", Arrangement::Tall);
        assert_eq!(tall.matches("<a ").count(), 11 + 12 + 11);
        assert!(tall.contains(">+19</tspan>") && tall.contains(">+2</tspan>"));
        assert_eq!(tall.matches("graph-node--more").count(), 2);
        // The wide row holds MAX_RELATED related terms: 3 and "+9".
        let wide = svg(&g, &LABELS, "g", Arrangement::Wide);
        assert_eq!(wide.matches("<a ").count(), 11 + 3 + 11);
        assert!(wide.contains(">+9</tspan>"));
        for out in [&tall, &wide] {
            assert!(out.contains("Term 29")); // the description lists every term
            assert_well_formed(out);
        }
        let source = mermaid(&graph(&many, &[], &[]));
        assert!(source.contains("  p11[\"+19\"]:::pre --> center\n"));
        assert!(!source.contains("click p11"));
        assert_eq!(source.matches("click ").count(), 11);
    }

    /// The x, y, width and height of every node's rectangle.
    fn rects(svg: &str) -> Vec<[f64; 4]> {
        svg.split("<rect ")
            .skip(1)
            .map(|rest| {
                let attr = |name: &str| -> f64 {
                    let start = rest.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
                    rest[start..start + rest[start..].find('"').expect("quote")].parse().expect("number")
                };
                [attr("x"), attr("y"), attr("width"), attr("height")]
            })
            .collect()
    }

    #[test]
    fn tall_graphs_fit_a_phone_at_full_size() {
        let g = graph(&["Proof of Stake", "Validator"], &["Liquid Staking", "Slashing", "Oracle"], &["Restaking"]);
        let out = svg(&g, &LABELS, "g", Arrangement::Tall);
        assert_eq!(view_box_width(&out), TALL_WIDTH);
        assert!(out.contains(&format!("width=\"{}\"", num(TALL_WIDTH))));
        assert!(out.contains("concept-graph--tall") && out.contains("font-size=\"14\""));
        let rects = rects(&out);
        assert_eq!(rects.len(), 7);
        for [x, _, w, _] in &rects {
            assert!(*x >= 0.0 && x + w <= TALL_WIDTH, "{x} {w}");
        }
        // Prerequisites above the centre, dependents and related terms below it.
        let centre = rects[2];
        assert!(rects[..2].iter().all(|r| r[1] + r[3] < centre[1]));
        assert!(rects[3..].iter().all(|r| r[1] > centre[1] + centre[3]));
        // One edge per neighbour.
        assert_eq!(out.matches("class=\"graph-edge ").count(), 6);
        assert_well_formed(&out);
    }

    #[test]
    fn related_terms_each_have_their_own_edge() {
        let out = svg(&graph(&[], &["A", "B", "C"], &[]), &LABELS, "g", Arrangement::Wide);
        let edges: Vec<&str> =
            out.split("graph-edge--related\" d=\"").skip(1).map(|r| &r[..r.find('"').expect("end")]).collect();
        assert_eq!(edges.len(), 3);
        // Each ends at a different node: no chain along one line.
        let ends: std::collections::BTreeSet<&str> = edges.iter().map(|d| d.rsplit('H').next().expect("end")).collect();
        assert_eq!(ends.len(), 3, "{edges:?}");
        assert!(!out.contains("marker-end"));
    }

    #[test]
    fn output_is_deterministic() {
        let g = graph(&["A", "유동성"], &["B"], &["C", "D"]);
        assert_eq!(svg(&g, &LABELS, "g", Arrangement::Wide), svg(&g.clone(), &LABELS, "g", Arrangement::Wide));
        assert_eq!(mermaid(&g), mermaid(&g.clone()));
    }

    #[test]
    fn emptiness() {
        assert!(graph(&[], &[], &[]).is_empty());
        for g in [graph(&["A"], &[], &[]), graph(&[], &["A"], &[]), graph(&[], &[], &["A"])] {
            assert!(!g.is_empty());
        }
        let out = svg(&graph(&[], &[], &[]), &LABELS, "g", Arrangement::Wide);
        assert!(out.contains("<desc id=\"g-desc\"></desc>"));
        assert_well_formed(&out);
    }

    #[test]
    fn ids_are_sanitised() {
        assert_eq!(sanitize_id("graph"), "graph");
        assert_eq!(sanitize_id("9 a\"b"), "g9-a-b");
        assert_eq!(sanitize_id(""), "g");
    }
}
