//! The terms as TermBase eXchange files in the TBX-Basic dialect, at the
//! root (every language) and in each language's folder, in the two
//! versions tools read:
//!
//! - `glossary.tbx`: TBX v2 (ISO 30042:2008, `<martif>`), the version
//!   translation tools import (translate-toolkit, and so Weblate, reads
//!   only this one);
//! - `glossary.v3.tbx`: TBX v3 (ISO 30042:2019, DCA style), the current
//!   standard, with the processing instructions naming its schemas.
//!
//! Both say the same: one concept per term, one language section per
//! language with its own file, holding the plain-text summary as definition
//! and the title and each alias as a term. Only the element names and where
//! the dialect is declared differ.

use quick_xml::events::{BytesDecl, BytesPI, BytesText, Event};
use quick_xml::Writer as XmlWriter;

use super::rows::{self, TermRow};
use crate::config::LangId;
use crate::error::Error;
use crate::model::TermStatus;
use crate::render::context::Context;
use crate::render::path::FilePath;
use crate::render::writer::Writer;

const NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";
const SCHEMAS: [&str; 2] = [
    "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"",
    "xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"",
];
/// TBX-Basic's constraint specification (XCS), as TBX v2 files name it.
const XCS: &str = "TBXBasicXCSV02.xcs";

type Xml = XmlWriter<Vec<u8>>;

/// The two versions of TBX every build writes.
#[derive(Debug, Clone, Copy)]
enum Version {
    /// TBX v2 (ISO 30042:2008): `martif`, `termEntry`, `langSet`, `tig`.
    V2,
    /// TBX v3 (ISO 30042:2019): `tbx`, `conceptEntry`, `langSec`, `termSec`.
    V3,
}

impl Version {
    const ALL: [Version; 2] = [Version::V2, Version::V3];

    /// The file of every language (`None`) or of one.
    fn file(self, lang: Option<&str>) -> FilePath<'_> {
        match (self, lang) {
            (Version::V2, None) => FilePath::Tbx,
            (Version::V2, Some(lang)) => FilePath::LanguageTbx(lang),
            (Version::V3, None) => FilePath::TbxV3,
            (Version::V3, Some(lang)) => FilePath::LanguageTbxV3(lang),
        }
    }

    /// The file's name, for errors.
    fn name(self) -> &'static str {
        match self {
            Version::V2 => "glossary.tbx",
            Version::V3 => "glossary.v3.tbx",
        }
    }

    /// The elements of a concept, a language section and a term section.
    fn sections(self) -> [&'static str; 3] {
        match self {
            Version::V2 => ["termEntry", "langSet", "tig"],
            Version::V3 => ["conceptEntry", "langSec", "termSec"],
        }
    }
}

/// Writes the files of all languages and the ones of each language that has
/// a term of its own: TBX requires at least one concept.
pub fn write_all(ctx: &Context<'_>, out: &Writer<'_>) -> Result<(), Error> {
    let config = &ctx.glossary.config;
    let langs = rows::languages(ctx);
    let terms = rows::terms(ctx, &langs);
    for version in Version::ALL {
        out.file(version.file(None), &document(ctx, version, &langs, &terms, &config.title)?)?;
    }
    for lang in config.lang_ids() {
        let terms = rows::terms(ctx, &[lang]);
        if terms.is_empty() {
            continue;
        }
        for version in Version::ALL {
            let bytes = document(ctx, version, &[lang], &terms, config.title_in(lang))?;
            out.file(version.file(Some(ctx.code(lang))), &bytes)?;
        }
    }
    Ok(())
}

/// The TBX document of `terms` in `langs`; its own language is the first.
fn document(
    ctx: &Context<'_>,
    version: Version,
    langs: &[LangId],
    terms: &[TermRow<'_>],
    title: &str,
) -> Result<Vec<u8>, Error> {
    let encode = |e: std::io::Error| Error::encode(version.name(), e);
    let lang = langs.first().map_or("", |l| ctx.code(*l));
    let mut xml = XmlWriter::new_with_indent(Vec::new(), b' ', 2);
    xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).map_err(encode)?;
    let root = match version {
        Version::V2 => xml.create_element("martif").with_attributes([("type", "TBX-Basic"), ("xml:lang", lang)]),
        Version::V3 => {
            for schema in SCHEMAS {
                xml.write_event(Event::PI(BytesPI::new(schema))).map_err(encode)?;
            }
            xml.create_element("tbx").with_attributes([
                ("type", "TBX-Basic"),
                ("style", "dca"),
                ("xml:lang", lang),
                ("xmlns", NAMESPACE),
            ])
        }
    };
    root.write_inner_content(|xml| {
        header(xml, version, title)?;
        xml.create_element("text").write_inner_content(|xml| {
            xml.create_element("body")
                .write_inner_content(|xml| terms.iter().try_for_each(|row| concept(ctx, version, row, xml)))?;
            Ok(())
        })?;
        Ok(())
    })
    .map_err(encode)?;
    let mut bytes = xml.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// The header: the site title as the source. TBX v2 also names the
/// dialect's constraints here, where v3 has the schemas' processing
/// instructions.
fn header(xml: &mut Xml, version: Version, title: &str) -> std::io::Result<()> {
    let name = match version {
        Version::V2 => "martifHeader",
        Version::V3 => "tbxHeader",
    };
    xml.create_element(name).write_inner_content(|xml| {
        xml.create_element("fileDesc").write_inner_content(|xml| {
            xml.create_element("sourceDesc").write_inner_content(|xml| text(xml, "p", title))?;
            Ok(())
        })?;
        if let Version::V2 = version {
            xml.create_element("encodingDesc").write_inner_content(|xml| {
                xml.create_element("p").with_attribute(("type", "XCSURI")).write_text_content(BytesText::new(XCS))?;
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// One term: its subject field (the first tag) and a language section per entry.
fn concept(ctx: &Context<'_>, version: Version, row: &TermRow<'_>, xml: &mut Xml) -> std::io::Result<()> {
    let config = &ctx.glossary.config;
    let [concept, language, term] = version.sections();
    let id = concept_id(row.term.slug.as_str());
    xml.create_element(concept).with_attribute(("id", id.as_str())).write_inner_content(|xml| {
        if let Some(tag) = row.term.tags.first() {
            let field = config.tag_label(tag, config.default_language);
            xml.create_element("descrip").with_attribute(("type", "subjectField")).write_text_content(clean(field))?;
        }
        for entry in &row.entries {
            let summary = ctx.plain_summary(row.term.id, entry.lang);
            xml.create_element(language).with_attribute(("xml:lang", ctx.code(entry.lang))).write_inner_content(
                |xml| {
                    definition(xml, version, &summary)?;
                    // The status is the title's: aliases are other names, with none declared.
                    xml.create_element(term).write_inner_content(|xml| {
                        text(xml, "term", entry.title())?;
                        if let Some(status) = row.term.status {
                            xml.create_element("termNote")
                                .with_attribute(("type", "administrativeStatus"))
                                .write_text_content(BytesText::new(administrative_status(status)))?;
                        }
                        Ok(())
                    })?;
                    for alias in &entry.aliases {
                        xml.create_element(term).write_inner_content(|xml| text(xml, "term", &alias.value))?;
                    }
                    Ok(())
                },
            )?;
        }
        Ok(())
    })?;
    Ok(())
}

/// The summary as a language's definition: in TBX v2, inside the
/// `descripGrp` where TBX-Basic keeps a definition with its source.
fn definition(xml: &mut Xml, version: Version, summary: &str) -> std::io::Result<()> {
    let descrip = |xml: &mut Xml| -> std::io::Result<()> {
        xml.create_element("descrip").with_attribute(("type", "definition")).write_text_content(clean(summary))?;
        Ok(())
    };
    match version {
        Version::V2 => {
            xml.create_element("descripGrp").write_inner_content(descrip)?;
            Ok(())
        }
        Version::V3 => descrip(xml),
    }
}

/// TBX-Basic's picklist value for `status`.
fn administrative_status(status: TermStatus) -> &'static str {
    match status {
        TermStatus::Preferred => "preferredTerm-admn-sts",
        TermStatus::Admitted => "admittedTerm-admn-sts",
        TermStatus::Deprecated => "deprecatedTerm-admn-sts",
    }
}

/// `<name>value</name>`, escaped.
fn text(xml: &mut Xml, name: &str, value: &str) -> std::io::Result<()> {
    xml.create_element(name).write_text_content(clean(value))?;
    Ok(())
}

/// Text content, escaped, with any character XML 1.0 cannot hold (U+FFFE,
/// U+FFFF, stray controls) shown as U+FFFD.
fn clean(value: &str) -> BytesText<'_> {
    let valid = |c: char| matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if value.chars().all(valid) {
        return BytesText::new(value);
    }
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
