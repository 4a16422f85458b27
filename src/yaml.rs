//! A YAML tree that keeps the byte position of every key and value, built from
//! saphyr's event stream. Front matter and site.yaml are read into it first, so
//! that validation can point at the offending value and report every problem in
//! a file, not only the first. No other module sees YAML events.

use std::collections::BTreeMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

/// A YAML value with its byte range in the parsed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub value: Value,
    /// Byte range in the text given to [`parse`].
    pub span: Range<usize>,
}

/// The three kinds of YAML node. Scalars stay text; typed accessors decide.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar and whether it was quoted or a block scalar (so `"true"` is text).
    Scalar {
        /// The scalar's text after YAML unescaping.
        text: String,
        /// Whether it was written plain (unquoted), so `null`/`true`/`1` resolve.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order.
    Map(Vec<(Node, Node)>),
}

/// A YAML syntax error with its byte position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the parser stopped.
    pub offset: usize,
    /// The parser's message.
    pub message: String,
}

impl Node {
    /// Text of a scalar (quoted or not); `None` for collections and null.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// Whether the node is a plain `null`, `~` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A plain `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Scalar { text, plain: true } => match text.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// A plain non-negative decimal integer.
    pub fn as_index(&self) -> Option<usize> {
        match &self.value {
            Value::Scalar { text, plain: true } => text.strip_prefix('+').unwrap_or(text).parse().ok(),
            _ => None,
        }
    }

    /// Items of a sequence.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    /// Entries of a mapping.
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// A short name of the node's kind, for messages ("a list", "text" …).
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "nothing",
            Value::Scalar { .. } => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Parses one YAML document. An empty text gives an empty mapping.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut offsets = CharOffsets::new(text);
    let mut builder =
        Builder { stack: Vec::new(), anchors: BTreeMap::new(), root: None, nodes: 0, used_aliases: false };
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event
            .map_err(|e| SyntaxError { offset: offsets.byte(e.marker().index()), message: e.info().to_owned() })?;
        let start = offsets.byte(span.start.index());
        let end = offsets.byte(span.end.index()).max(start);
        builder.on_event(event, start..end)?;
    }
    Ok(builder.root.unwrap_or(Node { value: Value::Map(Vec::new()), span: 0..0 }))
}

enum Frame {
    Seq { items: Vec<Node>, start: usize, anchor: usize },
    Map { entries: Vec<(Node, Node)>, key: Option<Node>, start: usize, anchor: usize },
}

/// Converts the parser's character indices to byte offsets. Events arrive
/// almost in order, so a cursor that walks from the previous position keeps
/// the whole parse linear, however long a line is.
struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets { text, ascii: text.is_ascii(), chars: 0, bytes: 0 }
    }

    /// The byte offset of character `index` (the end of the text past it).
    fn byte(&mut self, index: usize) -> usize {
        if self.ascii {
            return index.min(self.text.len());
        }
        while self.chars < index {
            let Some(c) = self.text[self.bytes..].chars().next() else { break };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        while self.chars > index {
            let Some(c) = self.text[..self.bytes].chars().next_back() else { break };
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        self.bytes
    }
}

struct Builder {
    stack: Vec<Frame>,
    anchors: BTreeMap<usize, (Node, usize)>,
    root: Option<Node>,
    /// Nodes created so far, aliases counted in full: bounds alias bombs.
    nodes: usize,
    /// Whether the document used a YAML alias (`*name`), for the limit's message.
    used_aliases: bool,
}

/// More nodes than any front matter needs; a document past this is rejected.
const MAX_NODES: usize = 100_000;

impl Builder {
    fn on_event(&mut self, event: Event<'_>, span: Range<usize>) -> Result<(), SyntaxError> {
        match event {
            Event::Scalar(text, style, anchor, _) => {
                self.count(1, span.start)?;
                let node =
                    Node { value: Value::Scalar { text: text.into_owned(), plain: style == ScalarStyle::Plain }, span };
                self.remember(anchor, &node);
                self.push(node);
            }
            Event::Alias(anchor) => {
                let (node, size) = self.anchors.get(&anchor).cloned().ok_or_else(|| SyntaxError {
                    offset: span.start,
                    message: "alias to an unknown anchor".to_owned(),
                })?;
                self.used_aliases = true;
                self.count(size, span.start)?;
                self.push(Node { span, ..node });
            }
            Event::SequenceStart(anchor, _) => {
                self.stack.push(Frame::Seq { items: Vec::new(), start: span.start, anchor })
            }
            Event::MappingStart(anchor, _) => {
                self.stack.push(Frame::Map { entries: Vec::new(), key: None, start: span.start, anchor })
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Frame::Seq { items, start, anchor }) => {
                        let end = items.last().map_or(span.end, |n| n.span.end).max(start);
                        (Node { value: Value::Seq(items), span: start..end.max(span.start) }, anchor)
                    }
                    Some(Frame::Map { entries, start, anchor, .. }) => {
                        let end = entries.last().map_or(span.end, |(_, v)| v.span.end).max(start);
                        (Node { value: Value::Map(entries), span: start..end }, anchor)
                    }
                    None => return Ok(()),
                };
                self.remember(anchor, &node);
                self.push(node);
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd => {}
        }
        Ok(())
    }

    fn count(&mut self, added: usize, offset: usize) -> Result<(), SyntaxError> {
        self.nodes = self.nodes.saturating_add(added);
        if self.nodes > MAX_NODES {
            let counted = if self.used_aliases { " (each use of a `*alias` counts its whole anchor)" } else { "" };
            return Err(SyntaxError {
                offset,
                message: format!(
                    "the front matter holds more than {MAX_NODES} values{counted}; glossa reads no further"
                ),
            });
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), size(node)));
        }
    }

    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => *key = Some(node),
            },
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }
}

fn size(node: &Node) -> usize {
    match &node.value {
        Value::Scalar { .. } => 1,
        Value::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Map(entries) => 1 + entries.iter().map(|(k, v)| size(k) + size(v)).sum::<usize>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(text: &'a str, node: &Node) -> &'a str {
        &text[node.span.clone()]
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let text = "title: Staking\nprerequisites: [proof-of-stake, validater]\nquiz:\n  - answer: 7\n";
        let root = parse(text).unwrap();
        let map = root.as_map().unwrap();
        assert_eq!(at(text, &map[0].0), "title");
        assert_eq!(map[0].1.as_str(), Some("Staking"));
        let prereqs = map[1].1.as_seq().unwrap();
        assert_eq!(at(text, &prereqs[1]), "validater");
        let quiz = map[2].1.as_seq().unwrap();
        let answer = &quiz[0].as_map().unwrap()[0].1;
        assert_eq!(answer.as_index(), Some(7));
        assert_eq!(at(text, answer), "7");
    }

    #[test]
    fn positions_are_bytes_after_multibyte_text() {
        let text = "title: 스테이킹\nsummary: \"요약\"\n";
        let root = parse(text).unwrap();
        let map = root.as_map().unwrap();
        assert_eq!(at(text, &map[1].0), "summary");
        assert_eq!(map[1].1.as_str(), Some("요약"));
    }

    #[test]
    fn resolves_plain_scalars_only() {
        let root = parse("a: true\nb: \"true\"\nc:\nd: ~\ne: '3'").unwrap();
        let map = root.as_map().unwrap();
        assert_eq!(map[0].1.as_bool(), Some(true));
        assert_eq!(map[1].1.as_bool(), None);
        assert!(map[2].1.is_null());
        assert!(map[3].1.is_null());
        assert_eq!(map[4].1.as_index(), None);
        assert_eq!(map[4].1.as_str(), Some("3"));
    }

    #[test]
    fn reports_syntax_errors_with_a_position() {
        let text = "title: x\naliases: [a, b\nsummary: y\n";
        let error = parse(text).unwrap_err();
        assert!(error.offset > text.find("aliases").unwrap(), "{error:?}");
        assert!(!error.message.is_empty());
    }

    #[test]
    fn aliases_copy_their_anchor() {
        let root = parse("a: &x [1, 2]\nb: *x\n").unwrap();
        let map = root.as_map().unwrap();
        assert_eq!(map[1].1.as_seq().map(<[Node]>::len), Some(2));
    }

    #[test]
    fn alias_bombs_are_rejected() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        assert!(parse(&text).unwrap_err().message.contains("`*alias`"));
    }

    #[test]
    fn the_value_limit_speaks_of_aliases_only_when_there_are_some() {
        let text = format!("quiz: [{}]\n", vec!["x"; MAX_NODES + 1].join(", "));
        let message = parse(&text).unwrap_err().message;
        assert!(message.contains("100000 values") && !message.contains("alias"), "{message}");
    }

    #[test]
    fn positions_stay_right_on_long_lines_of_multibyte_text() {
        let items: Vec<String> = (0..3000).map(|i| format!("별칭{i}")).collect();
        let text = format!("aliases: [{}]\ntitle: 끝\n", items.join(", "));
        let root = parse(&text).unwrap();
        let map = root.as_map().unwrap();
        let aliases = map[0].1.as_seq().unwrap();
        assert_eq!(at(&text, &aliases[2999]), "별칭2999");
        assert_eq!(at(&text, &aliases[17]), "별칭17");
        assert_eq!(at(&text, &map[1].1), "끝");
    }

    #[test]
    fn empty_text_is_an_empty_mapping() {
        assert_eq!(parse("").unwrap().as_map().map(<[(Node, Node)]>::len), Some(0));
    }
}
