//! `glossary.ttl` at the root: the glossary as a SKOS concept scheme in
//! Turtle, for thesaurus tools and linked data. Each term is a
//! `skos:Concept` named by the absolute URL of its default-language page,
//! with a label and a definition (the plain-text summary) per language with
//! its own file, aliases as `skos:altLabel`, related terms as `skos:related`
//! and prerequisites as `dct:requires` (Dublin Core: "a related resource
//! that is required by the described resource"; a prerequisite is not a
//! broader concept). Each tag is a `skos:Collection` of its terms.

use std::fmt::Write as _;

use super::rows::{self, TermRow};
use crate::error::Error;
use crate::render::context::Context;
use crate::render::path::{FilePath, PagePath};
use crate::render::writer::Writer;

/// Writes `glossary.ttl`.
pub fn write(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    out.file(FilePath::Skos, document(ctx).as_bytes())
}

fn document(ctx: &Context<'_>) -> String {
    let glossary = ctx.glossary;
    let config = &glossary.config;
    let langs = rows::languages(ctx);
    let default = ctx.code(config.default_language);
    let scheme = iri(&ctx.urls.absolute(""));
    let concept = |slug: &str| iri(&ctx.urls.absolute(&PagePath::Term(default, slug).dir()));
    let mut ttl = String::from(
        "@prefix dct: <http://purl.org/dc/terms/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n",
    );
    let titles: Vec<String> = langs.iter().map(|l| literal(config.title_in(*l), ctx.code(*l))).collect();
    let _ = write!(ttl, "{scheme} a skos:ConceptScheme ;\n    dct:title {} .\n", titles.join(" , "));

    let terms = rows::terms(ctx, &langs);
    for row in &terms {
        ttl.push('\n');
        ttl.push_str(&describe(ctx, row, &scheme, &concept));
    }
    for (tag, members) in &ctx.index.tags {
        let labels: Vec<String> = langs.iter().map(|l| literal(config.tag_label(tag, *l), ctx.code(*l))).collect();
        let members: Vec<String> = members.iter().map(|t| concept(glossary.term(*t).slug.as_str())).collect();
        let collection = iri(&ctx.urls.absolute(&PagePath::Tag(default, tag, 1).dir()));
        let _ = write!(
            ttl,
            "\n{collection} a skos:Collection ;\n    skos:prefLabel {} ;\n    skos:member {} .\n",
            labels.join(" , "),
            members.join(" , ")
        );
    }
    ttl
}

/// The statements about one term.
fn describe(ctx: &Context<'_>, row: &TermRow<'_>, scheme: &str, concept: &dyn Fn(&str) -> String) -> String {
    let glossary = ctx.glossary;
    let term = row.term;
    let mut labels = Vec::new();
    let mut aliases = Vec::new();
    let mut definitions = Vec::new();
    for entry in &row.entries {
        let lang = ctx.code(entry.lang);
        labels.push(literal(entry.title(), lang));
        // SKOS keeps a concept's preferred and alternative labels apart.
        aliases.extend(entry.aliases.iter().filter(|a| a.value != entry.title()).map(|a| literal(&a.value, lang)));
        definitions.push(literal(&ctx.plain_summary(term.id, entry.lang), lang));
    }
    let links = |ids: &[crate::model::TermId]| -> Vec<String> {
        rows::published_slugs(ctx, ids).into_iter().map(concept).collect()
    };
    let mut properties = vec![
        ("skos:inScheme", vec![scheme.to_owned()]),
        ("skos:prefLabel", labels),
        ("skos:altLabel", aliases),
        ("skos:definition", definitions),
        ("skos:related", links(&glossary.graph.related[term.id.index()])),
        ("dct:requires", links(&term.prerequisites)),
    ];
    properties.retain(|(_, objects)| !objects.is_empty());
    let body: Vec<String> =
        properties.iter().map(|(property, objects)| format!("    {property} {}", objects.join(" , "))).collect();
    format!("{} a skos:Concept ;\n{} .\n", concept(term.slug.as_str()), body.join(" ;\n"))
}

/// A language-tagged string literal, escaped for Turtle.
fn literal(text: &str, lang: &str) -> String {
    let mut out = String::with_capacity(text.len() + lang.len() + 3);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    let _ = write!(out, "\"@{lang}");
    out
}

/// `<url>`, with every character Turtle's IRI grammar forbids
/// percent-encoded (spaces, controls, `<>"{}|^` and backtick, backslash).
fn iri(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        if c <= ' ' || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\') || c.is_control() {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_turtle_reserves() {
        assert_eq!(literal("a \"b\" \\ c\nd\re\tf\u{7}", "en"), "\"a \\\"b\\\" \\\\ c\\nd\\re\\tf\\u0007\"@en");
    }

    #[test]
    fn iris_encode_what_turtle_forbids() {
        assert_eq!(iri("https://x.org/a b/{c}|^`\\\"<>"), "<https://x.org/a%20b/%7Bc%7D%7C%5E%60%5C%22%3C%3E>");
        assert_eq!(iri("https://x.org/용어/"), "<https://x.org/용어/>");
    }
}
