//! `glossary.tbx` at the root (every language) and in each language's
//! folder: the terms as a TermBase eXchange file (TBX v3, ISO 30042:2019,
//! TBX-Basic dialect in DCA style), which terminology tools and CAT tools
//! import. One concept per term, one language section per language with its
//! own file: the plain-text summary as definition, the title and each alias
//! as a term.

use quick_xml::events::{BytesDecl, BytesPI, BytesText, Event};
use quick_xml::Writer as XmlWriter;

use super::rows::{self, TermRow};
use crate::config::LangId;
use crate::error::Error;
use crate::render::context::Context;
use crate::render::path::FilePath;
use crate::render::writer::Writer;

const NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";
const SCHEMAS: [&str; 2] = [
    "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"",
    "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"",
];

type Xml = XmlWriter<Vec<u8>>;

/// Writes the file of all languages and the one of each language that has
/// a term of its own: TBX requires at least one concept.
pub fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let langs = rows::languages(ctx);
    out.file(FilePath::Tbx, &document(ctx, &langs, &rows::terms(ctx, &langs), &config.title)?)?;
    for lang in config.lang_ids() {
        let terms = rows::terms(ctx, &[lang]);
        if !terms.is_empty() {
            out.file(FilePath::LanguageTbx(ctx.code(lang)), &document(ctx, &[lang], &terms, config.title_in(lang))?)?;
        }
    }
    Ok(())
}

/// The TBX document of `terms` in `langs`; its own language is the first.
fn document(ctx: &Context<'_>, langs: &[LangId], terms: &[TermRow<'_>], title: &str) -> Result<Vec<u8>, Error> {
    let encode = |e: std::io::Error| Error::encode("glossary.tbx", e);
    let lang = langs.first().map_or("", |l| ctx.code(*l));
    let mut xml = XmlWriter::new_with_indent(Vec::new(), b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).map_err(encode)?;
    for schema in SCHEMAS {
        xml.write_event(Event::PI(BytesPI::new(schema))).map_err(encode)?;
    }
    xml.create_element("tbx")
        .with_attributes([("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", lang), ("xmlns", NAMESPACE)])
        .write_inner_content(|xml| {
            xml.create_element("tbxHeader").write_inner_content(|xml| {
                xml.create_element("fileDesc").write_inner_content(|xml| {
                    xml.create_element("sourceDesc").write_inner_content(|xml| text(xml, "p", title))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            xml.create_element("text").write_inner_content(|xml| {
                xml.create_element("body")
                    .write_inner_content(|xml| terms.iter().try_for_each(|row| concept(ctx, row, xml)))?;
                Ok(())
            })?;
            Ok(())
        })
        .map_err(encode)?;
    let mut bytes = xml.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// One term: its subject field (the first tag) and a language section per entry.
fn concept(ctx: &Context<'_>, row: &TermRow<'_>, xml: &mut Xml) -> std::io::Result<()> {
    let config = &ctx.glossary.config;
    let id = concept_id(row.term.slug.as_str());
    xml.create_element("conceptEntry").with_attribute(("id", id.as_str())).write_inner_content(|xml| {
        if let Some(tag) = row.term.tags.first() {
            let field = config.tag_label(tag, config.default_language);
            xml.create_element("descrip").with_attribute(("type", "subjectField")).write_text_content(clean(field))?;
        }
        for entry in &row.entries {
            let summary = ctx.plain_summary(row.term.id, entry.lang);
            xml.create_element("langSec").with_attribute(("xml:lang", ctx.code(entry.lang))).write_inner_content(
                |xml| {
                    xml.create_element("descrip")
                        .with_attribute(("type", "definition"))
                        .write_text_content(clean(&summary))?;
                    let names = std::iter::once(entry.title()).chain(entry.aliases.iter().map(|a| a.value.as_str()));
                    for name in names {
                        xml.create_element("termSec").write_inner_content(|xml| text(xml, "term", name))?;
                    }
                    Ok(())
                },
            )?;
        }
        Ok(())
    })?;
    Ok(())
}

/// `<name>value</name>`, escaped.
fn text(xml: &mut Xml, name: &str, value: &str) -> std::io::Result<()> {
    xml.create_element(name).write_text_content(clean(value))?;
    Ok(())
}

/// Text content, escaped, with any character XML 1.0 cannot hold (U+FFFE,
/// U+FFFF, stray controls) shown as U+FFFD.
fn clean(value: &str) -> BytesText<'static> {
    let valid = |c: char| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    let value: String = value.chars().map(|c| if valid(c) { c } else { '\u{FFFD}' }).collect();
    BytesText::new(&value).into_owned()
}

/// The concept's XML ID: the slug, which is an XML name unless it starts
/// with a digit; then `_` goes first (no slug holds `_`, so none collides).
fn concept_id(slug: &str) -> String {
    if slug.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{slug}")
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_xml_names() {
        assert_eq!(concept_id("erc-20"), "erc-20");
        assert_eq!(concept_id("3d-secure"), "_3d-secure");
    }

    #[test]
    fn text_xml_cannot_hold_is_replaced() {
        assert_eq!(&*clean("a\u{FFFF}b<").into_inner(), "a\u{FFFD}b&lt;");
    }
}
