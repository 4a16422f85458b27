//! The TBX reader: TBX-Basic as TBX v3 writes it (`<tbx>` → `conceptEntry`
//! → `langSec` → `termSec` → `term`) and TBX v2 (`<martif>` → `termEntry`
//! → `langSet` → `tig`/`ntig` → `term`). Elements are matched by local
//! name, so namespaces and prefixes do not matter.
//!
//! Per concept: the `id` is the slug (else the default-language title,
//! slugified); `descrip type="subjectField"` gives tags (the tag site.yaml
//! labels so, else the field slugified). Per language: the
//! first term is the title, the others aliases; `descrip type="definition"`
//! is the summary; the first term's `administrativeStatus` is the status.

use roxmltree::{Document, Node, ParsingOptions};

use super::{Entry, Read, TermWide};
use crate::config::{LangId, SiteConfig};
use crate::diag::{Code, Diagnostic};
use crate::model::TermStatus;
use crate::source::{FileId, LineIndex, Span};
use crate::util::slug::{self, Slug};

/// Reads every concept of `text`.
pub fn read(text: &str, file: FileId, config: &SiteConfig) -> Read {
    let mut read = Read::default();
    let options = ParsingOptions { allow_dtd: true, ..ParsingOptions::default() };
    let doc = match Document::parse_with_options(text, options) {
        Ok(doc) => doc,
        Err(e) => {
            let pos = e.pos();
            let at = offset_of(text, pos.row as usize, pos.col as usize);
            read.diags.push(Diagnostic::new(
                Code::MalformedInput,
                Some(Span::new(file, at..at)),
                format!("the TBX file is not well-formed XML: {e}"),
            ));
            return read;
        }
    };
    let root = doc.root_element();
    let reader = Reader { text, file, config };
    if !matches!(root.tag_name().name(), "tbx" | "martif") {
        read.diags.push(
            Diagnostic::new(
                Code::MalformedInput,
                Some(reader.span(root)),
                format!("the root element is `{}`, not `tbx` or `martif`", root.tag_name().name()),
            )
            .with_help("glossa imports TBX-Basic (TBX v3, `<tbx>`) and TBX v2 (`<martif>`) files"),
        );
        return read;
    }
    for concept in root.descendants().filter(|n| is(*n, &["conceptEntry", "termEntry"])) {
        let mut diags = Vec::new();
        let entries = reader.concept(concept, &mut diags);
        read.entries.extend(entries);
        read.diags.extend(diags);
    }
    if read.entries.is_empty() && read.diags.is_empty() {
        read.diags.push(Diagnostic::new(
            Code::MalformedInput,
            Some(reader.span(root)),
            "the TBX file has no `conceptEntry` (or `termEntry`)",
        ));
    }
    read
}

/// The byte offset of 1-based `row` and `col` (in characters) in `text`.
fn offset_of(text: &str, row: usize, col: usize) -> usize {
    let range = LineIndex::new(text).line_range(text, row);
    let line = &text[range.clone()];
    range.start + line.char_indices().nth(col.saturating_sub(1)).map_or(line.len(), |(i, _)| i)
}

/// Whether `node` is an element with one of `names` as its local name.
fn is(node: Node<'_, '_>, names: &[&str]) -> bool {
    node.is_element() && names.contains(&node.tag_name().name())
}

/// The element's text: every text node inside it, whitespace collapsed
/// (files are often indented inside their elements).
fn text_of(node: Node<'_, '_>) -> String {
    let raw: String = node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `descrip` (of `kind`) inside `node`, not inside a nested
/// element of `stop`.
fn descrip<'a, 'input>(node: Node<'a, 'input>, kind: &str, stop: &[&str]) -> Vec<Node<'a, 'input>> {
    let mut found = Vec::new();
    let mut stack: Vec<Node<'a, 'input>> = node.children().filter(Node::is_element).collect();
    stack.reverse();
    while let Some(child) = stack.pop() {
        if is(child, stop) {
            continue;
        }
        if is(child, &["descrip"]) && child.attribute("type") == Some(kind) {
            found.push(child);
            continue;
        }
        let mut children: Vec<_> = child.children().filter(Node::is_element).collect();
        children.reverse();
        stack.extend(children);
    }
    found
}

struct Reader<'a> {
    text: &'a str,
    file: FileId,
    config: &'a SiteConfig,
}

/// One language section, read.
struct LangSection {
    lang: LangId,
    at: Span,
    terms: Vec<String>,
    definition: Option<String>,
    status: Option<(String, Span)>,
}

impl Reader<'_> {
    /// Where an element is: its start tag's name.
    fn span(&self, node: Node<'_, '_>) -> Span {
        let range = node.range();
        let tag = &self.text[range.clone()];
        let end = tag.find(|c: char| c.is_whitespace() || c == '>' || c == '/').map_or(tag.len(), |i| i.max(1));
        Span::new(self.file, range.start..range.start + end)
    }

    fn concept(&self, concept: Node<'_, '_>, diags: &mut Vec<Diagnostic>) -> Vec<Entry> {
        let sections: Vec<LangSection> = concept
            .children()
            .filter(|n| is(*n, &["langSec", "langSet"]))
            .filter_map(|section| self.section(section, diags))
            .collect();
        if sections.is_empty() {
            if !diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
                diags.push(Diagnostic::new(
                    Code::MalformedInput,
                    Some(self.span(concept)),
                    "this entry has no `langSec` (or `langSet`) with a term",
                ));
            }
            return Vec::new();
        }
        let default = self.config.default_language;
        let default_title = sections.iter().find(|s| s.lang == default).and_then(|s| s.terms.first());
        let id = concept.attribute("id").unwrap_or_default();
        // An XML ID cannot start with a digit: glossa's export writes `_2fa` for `2fa`.
        let from_id = Slug::parse(id).or_else(|| id.strip_prefix('_').and_then(Slug::parse));
        let Some(slug) = from_id.or_else(|| default_title.and_then(|t| Slug::parse(&slug::slugify(t)))) else {
            diags.push(
                Diagnostic::new(
                    Code::InvalidSlug,
                    Some(self.span(concept)),
                    format!("this entry's id `{id}` is not a slug, and no default-language title gives one"),
                )
                .with_help("give the entry an id of lowercase letters a–z and digits joined by single hyphens, such as `id=\"liquid-staking\"`"),
            );
            return Vec::new();
        };
        let tags = self.tags(concept, diags);
        let mut entries = Vec::new();
        for section in sections {
            let mut terms = section.terms.into_iter();
            let Some(title) = terms.next() else { continue };
            let Some(summary) = section.definition else {
                diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        Some(section.at),
                        format!("`{title}` has no definition: a glossary term needs a summary"),
                    )
                    .with_help("add `<descrip type=\"definition\">…</descrip>` to the language section"),
                );
                continue;
            };
            let term = (section.lang == default).then(|| TermWide {
                tags: tags.clone(),
                status: section.status.as_ref().and_then(|(value, at)| self.status(value, *at, diags)),
                ..TermWide::default()
            });
            entries.push(Entry {
                slug: slug.clone(),
                lang: section.lang,
                at: section.at,
                title,
                summary,
                aliases: terms.collect(),
                sort_as: None,
                sense: None,
                facts: Vec::new(),
                sources: Vec::new(),
                quiz: Vec::new(),
                updated: None,
                source: None,
                term,
                body: String::new(),
            });
        }
        entries
    }

    fn section(&self, section: Node<'_, '_>, diags: &mut Vec<Diagnostic>) -> Option<LangSection> {
        let at = self.span(section);
        let Some(code) = section.attribute((roxmltree::NS_XML_URI, "lang")).or_else(|| section.attribute("lang"))
        else {
            diags.push(Diagnostic::new(Code::MalformedInput, Some(at), "this language section has no `xml:lang`"));
            return None;
        };
        let Some(lang) = self.language(code) else {
            let codes: Vec<&str> = self.config.languages.iter().map(|l| l.code.as_str()).collect();
            diags.push(
                Diagnostic::new(Code::UnknownLanguage, Some(at), format!("`{code}` is not a language of this site"))
                    .with_help(format!("site.yaml declares {}; add the language there to import it", codes.join(", "))),
            );
            return None;
        };
        let term_sections: Vec<Node<'_, '_>> =
            section.children().filter(|n| is(*n, &["termSec", "tig", "ntig"])).collect();
        let mut terms = Vec::new();
        let mut status = None;
        for (i, term_section) in term_sections.iter().enumerate() {
            let Some(term) = term_section.descendants().find(|n| is(*n, &["term"])) else { continue };
            let text = text_of(term);
            if text.is_empty() {
                continue;
            }
            if i == 0 {
                status = term_section
                    .descendants()
                    .find(|n| {
                        is(*n, &["termNote"])
                            && matches!(n.attribute("type"), Some("administrativeStatus" | "normativeAuthorization"))
                    })
                    .map(|note| (text_of(note), self.span(note)));
            }
            terms.push(text);
        }
        if terms.is_empty() {
            diags.push(
                Diagnostic::new(Code::MissingField, Some(at), format!("this `{code}` section has no term"))
                    .with_help("a language section holds `<termSec><term>…</term></termSec>` (TBX v2: `<tig><term>…</term></tig>`)"),
            );
            return None;
        }
        let definition = descrip(section, "definition", &[]).first().map(|d| text_of(*d)).filter(|d| !d.is_empty());
        Some(LangSection { lang, at, terms, definition, status })
    }

    /// The site language `code` names: exactly, then ignoring case, then by
    /// its primary subtag (`en-US` is `en`).
    fn language(&self, code: &str) -> Option<LangId> {
        let languages = &self.config.languages;
        let find =
            |wanted: &str| languages.iter().position(|l| l.code.as_str().eq_ignore_ascii_case(wanted)).map(LangId);
        self.config.lang_id(code).or_else(|| find(code)).or_else(|| {
            let primary = code.split(['-', '_']).next().unwrap_or(code);
            find(primary)
        })
    }

    /// Tags from the concept's subject fields, as slugs.
    fn tags(&self, concept: Node<'_, '_>, diags: &mut Vec<Diagnostic>) -> Vec<String> {
        let mut tags: Vec<String> = Vec::new();
        for field in descrip(concept, "subjectField", &["langSec", "langSet"]) {
            let label = text_of(field);
            let tag = self.tag_named(&label).unwrap_or_else(|| slug::slugify(&label));
            if tag.is_empty() {
                diags.push(
                    Diagnostic::new(
                        Code::DroppedValue,
                        Some(self.span(field)),
                        format!(
                            "the subject field `{label}` gives no tag (a tag is a slug of a–z and digits): left out"
                        ),
                    )
                    .with_help("add the tag to the imported file by hand"),
                );
            } else if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags
    }

    /// The tag site.yaml labels `label` in some language (the export
    /// writes a tag's label as its subject field).
    fn tag_named(&self, label: &str) -> Option<String> {
        self.config
            .tag_labels
            .iter()
            .find(|(tag, labels)| tag.as_str() == label || labels.values().any(|l| l.as_str() == label))
            .map(|(tag, _)| tag.clone())
    }

    fn status(&self, value: &str, at: Span, diags: &mut Vec<Diagnostic>) -> Option<TermStatus> {
        let status = match value {
            "preferredTerm-admn-sts" | "preferredTerm" => Some(TermStatus::Preferred),
            "admittedTerm-admn-sts" | "admittedTerm" => Some(TermStatus::Admitted),
            "deprecatedTerm-admn-sts" | "deprecatedTerm" | "supersededTerm-admn-sts" | "supersededTerm" => {
                Some(TermStatus::Deprecated)
            }
            _ => None,
        };
        if status.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::DroppedValue,
                    Some(at),
                    format!("the status `{value}` is not one glossa knows: left out"),
                )
                .with_help(
                    "the statuses are preferredTerm-admn-sts, admittedTerm-admn-sts and deprecatedTerm-admn-sts",
                ),
            );
        }
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteConfig {
        let yaml = "title: G\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: 한국어 }\ntags: { defi: { en: DeFi, ko: 디파이 } }\n";
        crate::config::load(yaml.as_bytes().to_vec(), &mut crate::source::SourceMap::default()).0.unwrap()
    }

    #[test]
    fn ids_and_subject_fields_as_the_export_writes_them() {
        let text = r#"<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="_2fa"><descrip type="subjectField">디파이</descrip>
<langSec xml:lang="en"><descrip type="definition">Two factors.</descrip><termSec><term>2FA</term></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let read = read(text, FileId(0), &site());
        assert!(read.diags.is_empty(), "{:?}", read.diags);
        let entry = &read.entries[0];
        assert_eq!(entry.slug.as_str(), "2fa");
        assert_eq!(entry.term.as_ref().unwrap().tags, ["defi"]);
    }

    #[test]
    fn offsets_from_rows_and_columns() {
        let text = "ab\nc한d\n";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 3), 3 + 1 + '한'.len_utf8());
        assert_eq!(offset_of(text, 9, 1), text.len());
    }
}
