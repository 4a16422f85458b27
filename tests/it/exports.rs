//! The glossary exports every build writes: `glossary.csv`, `glossary.tbx`
//! (TBX v2) and `glossary.v3.tbx` (at the root and per language) and
//! `glossary.ttl`, read
//! back with real parsers (csv, roxmltree, oxttl) and compared with the
//! source files.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{shared, Built, SiteTest};

const HEADER: &str = "slug,language,title,summary,aliases,sort_as,sense,tags,prerequisites,related,status,use,facts,sources,quiz,updated,source,autolink,draft,redirect_from,body";

/// Every row of a CSV file, by column name.
fn csv_rows(built: &Built, rel: &str) -> Vec<BTreeMap<String, String>> {
    let text = built.text(rel);
    assert!(!text.starts_with('\u{feff}'), "{rel} has a BOM");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.join(","), HEADER, "{rel}");
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.unwrap();
        // Each record ends with LF alone (a CR inside a quoted body is the body's).
        let start = record.position().unwrap().byte() as usize;
        assert_eq!(&text.as_bytes()[start - 1..start], b"\n", "{rel}");
        assert_ne!(text.as_bytes()[start - 2], b'\r', "{rel}: record before byte {start} ends with CRLF");
        rows.push(header.iter().cloned().zip(record.iter().map(str::to_owned)).collect());
    }
    assert!(text.ends_with('\n') && !text.ends_with("\r\n"), "{rel}");
    rows
}

/// The (slug, language) of each row, in order.
fn keys(rows: &[BTreeMap<String, String>]) -> Vec<(String, String)> {
    rows.iter().map(|r| (r["slug"].clone(), r["language"].clone())).collect()
}

/// A content file's front matter (parsed) and its body as written.
fn source(root: &Path, rel: &str) -> (serde_yaml::Value, String) {
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let rest = text.strip_prefix("---\n").unwrap();
    let (yaml, body) = rest.split_once("\n---\n").unwrap();
    (serde_yaml::from_str(yaml).unwrap(), body.to_owned())
}

fn fixture_root(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn csv_has_one_row_per_published_term_and_own_language() {
    let built = shared("basic", &["--no-search"]);
    let rows = csv_rows(built, "glossary.csv");
    let expected = [
        ("proof-of-stake", "en"),
        ("proof-of-stake", "ko"),
        ("slashing", "en"),
        ("staking", "en"),
        ("staking", "ko"),
        ("validator", "en"),
        ("validator", "ko"),
    ];
    assert_eq!(keys(&rows), pairs(&expected));
    let en = csv_rows(built, "en/glossary.csv");
    assert_eq!(keys(&en), pairs(&expected.iter().copied().filter(|(_, l)| *l == "en").collect::<Vec<_>>()));
    let ko = csv_rows(built, "ko/glossary.csv");
    assert_eq!(keys(&ko), pairs(&expected.iter().copied().filter(|(_, l)| *l == "ko").collect::<Vec<_>>()));
    // A language file has the same rows as the file of all languages.
    assert_eq!(ko, rows.iter().filter(|r| r["language"] == "ko").cloned().collect::<Vec<_>>());
}

#[test]
fn csv_values_are_the_source_as_written() {
    let built = shared("basic", &["--no-search"]);
    let rows = csv_rows(built, "glossary.csv");
    let row = |slug: &str, lang: &str| rows.iter().find(|r| r["slug"] == slug && r["language"] == lang).unwrap();
    let root = fixture_root("basic");

    let (front, body) = source(&root, "content/en/terms/staking.md");
    let staking = row("staking", "en");
    assert_eq!(staking["title"], front["title"].as_str().unwrap());
    assert_eq!(staking["summary"], front["summary"].as_str().unwrap());
    assert_eq!(staking["body"], body);
    assert_eq!(staking["prerequisites"], "proof-of-stake | validator");
    // restaking is a draft: the export has no row for it, so no reference either.
    assert_eq!(staking["related"], "");
    assert_eq!(staking["redirect_from"], "stake | staking-basics");
    assert_eq!(staking["facts"], "Staking earns rewards.");
    assert_eq!(staking["sources"], "Staking <https://ethereum.org/en/staking/>");
    assert_eq!((staking["autolink"].as_str(), staking["draft"].as_str()), ("true", "false"));
    let quiz: serde_json::Value = serde_json::from_str(&staking["quiz"]).unwrap();
    assert_eq!(
        quiz,
        serde_json::json!([{"question": "What do stakers earn?", "choices": ["Rewards", "Fines"], "answer": 0}])
    );

    let pos = row("proof-of-stake", "en");
    assert_eq!(pos["aliases"], "PoS");
    assert_eq!(pos["tags"], "consensus");
    assert_eq!(pos["related"], "slashing");
    let (front, _) = source(&root, "content/en/terms/proof-of-stake.md");
    let facts: Vec<&str> = front["facts"].as_sequence().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert_eq!(pos["facts"], facts.join(" | "));
    assert_eq!(
        pos["sources"],
        "Proof-of-stake (ethereum.org) <https://ethereum.org/en/developers/docs/consensus-mechanisms/pos/> | Casper FFG <https://arxiv.org/abs/1710.09437>"
    );

    // A translation row has its own text and none of the term's columns.
    let (front, body) = source(&root, "content/ko/terms/staking.md");
    let ko = row("staking", "ko");
    assert_eq!(ko["title"], front["title"].as_str().unwrap());
    assert_eq!(ko["body"], body);
    for column in ["tags", "prerequisites", "related", "status", "use", "autolink", "draft", "redirect_from", "quiz"] {
        assert_eq!(ko[column], "", "{column} of a translation row");
    }
}

#[test]
fn csv_lists_drafts_only_with_drafts() {
    let built = shared("basic", &["--no-search", "--drafts"]);
    let rows = csv_rows(built, "glossary.csv");
    let restaking = rows.iter().find(|r| r["slug"] == "restaking").unwrap();
    assert_eq!((restaking["draft"].as_str(), restaking["prerequisites"].as_str()), ("true", "staking"));
    let staking = rows.iter().find(|r| r["slug"] == "staking" && r["language"] == "en").unwrap();
    assert_eq!(staking["related"], "restaking");
}

#[test]
fn csv_keeps_hostile_text_intact() {
    let built = shared("hostile", &["--no-search"]);
    let rows = csv_rows(built, "glossary.csv");
    assert_eq!(rows.len(), 2);
    let root = fixture_root("hostile");
    for row in &rows {
        let (front, body) = source(&root, &format!("content/en/terms/{}.md", row["slug"]));
        assert_eq!(row["title"], front["title"].as_str().unwrap());
        assert_eq!(row["summary"], front["summary"].as_str().unwrap());
        assert_eq!(row["body"], body);
    }
    let script = rows.iter().find(|r| r["slug"] == "script-title").unwrap();
    assert_eq!(script["sources"], "<script>alert(2)</script> <https://example.org/?a=1&b=\"2\">");
    let quiz: serde_json::Value = serde_json::from_str(&script["quiz"]).unwrap();
    assert_eq!(quiz[0]["choices"], serde_json::json!(["<b>a</b>", "b & c"]));
}

#[test]
fn csv_escapes_bars_and_backslashes_in_lists() {
    let site = SiteTest::fixture("basic");
    site.write(
        "content/en/terms/slashing.md",
        "---\ntitle: Slashing\nsummary: \"A penalty, with \\\"quotes\\\"\\nand a new line.\"\naliases: [\"a|b\", 'c\\d', \"e, f\"]\nprerequisites: [validator]\n---\nBody, with a comma.\r\n\"Quoted\" line.\n",
    );
    let built = site.build_with(&["--no-search"]);
    let rows = csv_rows(&built, "glossary.csv");
    let row = rows.iter().find(|r| r["slug"] == "slashing").unwrap();
    assert_eq!(row["aliases"], "a\\|b | c\\\\d | e, f");
    assert_eq!(row["summary"], "A penalty, with \"quotes\"\nand a new line.");
    assert_eq!(row["body"], "Body, with a comma.\r\n\"Quoted\" line.\n");
}

#[test]
fn exports_are_deterministic() {
    let first = SiteTest::fixture("languages").build_with(&["--no-search"]);
    let second = SiteTest::fixture("languages").build_with(&["--no-search"]);
    for rel in [
        "glossary.csv",
        "en/glossary.csv",
        "ar/glossary.csv",
        "glossary.tbx",
        "ja/glossary.tbx",
        "glossary.v3.tbx",
        "ja/glossary.v3.tbx",
        "glossary.ttl",
    ] {
        assert_eq!(first.text(rel), second.text(rel), "{rel}");
    }
}

const TBX: &str = "urn:iso:std:iso:30042:ed-2";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// What tells the two TBX versions apart: the file, the namespace and the
/// names of the root, a concept, a language section and a term section, and
/// the group a definition stands in.
struct Tbx {
    file: &'static str,
    namespace: Option<&'static str>,
    root: &'static str,
    concept: &'static str,
    language: &'static str,
    term: &'static str,
    definition_group: Option<&'static str>,
}

/// `glossary.tbx`: TBX v2, what translation tools read.
const V2: Tbx = Tbx {
    file: "glossary.tbx",
    namespace: None,
    root: "martif",
    concept: "termEntry",
    language: "langSet",
    term: "tig",
    definition_group: Some("descripGrp"),
};

/// `glossary.v3.tbx`: TBX v3, DCA style.
const V3: Tbx = Tbx {
    file: "glossary.v3.tbx",
    namespace: Some(TBX),
    root: "tbx",
    concept: "conceptEntry",
    language: "langSec",
    term: "termSec",
    definition_group: None,
};

/// A language section of a TBX concept: (language, definition, [(term, status)]).
type Section = (String, String, Vec<(String, Option<String>)>);
/// A TBX concept: (id, subject field, sections).
type Concept = (String, Option<String>, Vec<Section>);
/// The concepts of a TBX file.
type Concepts = Vec<Concept>;

impl Tbx {
    /// The file at the root (`None`) or in a language's folder.
    fn path(&self, lang: Option<&str>) -> String {
        lang.map_or_else(|| self.file.to_owned(), |lang| format!("{lang}/{}", self.file))
    }

    /// The child elements of `node` named `name`, in this version's namespace (or none).
    fn children<'a, 'i>(&self, node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
        node.children()
            .filter(|c| c.is_element() && c.tag_name().namespace() == self.namespace && c.tag_name().name() == name)
            .collect()
    }

    /// The only child element of `node` named `name`.
    fn child<'a, 'i>(&self, node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
        let found = self.children(node, name);
        assert_eq!(found.len(), 1, "{} {name} in {:?}", self.file, node.tag_name());
        found[0]
    }

    fn concepts(&self, text: &str) -> Concepts {
        let doc = roxmltree::Document::parse(text).unwrap();
        let root = doc.root_element();
        assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (self.namespace, self.root));
        assert_eq!(root.attribute("type"), Some("TBX-Basic"));
        let body = self.child(self.child(root, "text"), "body");
        assert_eq!(body.children().filter(|n| n.is_element()).count(), self.children(body, self.concept).len());
        self.children(body, self.concept).into_iter().map(|concept| self.concept(concept)).collect()
    }

    fn concept(&self, concept: roxmltree::Node<'_, '_>) -> Concept {
        let field = self.children(concept, "descrip").first().map(|d| {
            assert_eq!(d.attribute("type"), Some("subjectField"));
            text_of(*d)
        });
        let langs = self
            .children(concept, self.language)
            .into_iter()
            .map(|sec| {
                let holder = self.definition_group.map_or(sec, |group| self.child(sec, group));
                let definition = self.child(holder, "descrip");
                assert_eq!(definition.attribute("type"), Some("definition"));
                let terms = self
                    .children(sec, self.term)
                    .into_iter()
                    .map(|t| {
                        let notes = self.children(t, "termNote");
                        assert!(notes.iter().all(|n| n.attribute("type") == Some("administrativeStatus")));
                        (text_of(self.child(t, "term")), notes.first().map(|n| text_of(*n)))
                    })
                    .collect();
                (sec.attribute((XML, "lang")).unwrap().to_owned(), text_of(definition), terms)
            })
            .collect();
        (concept.attribute("id").unwrap().to_owned(), field, langs)
    }
}

fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.text().unwrap_or_default().to_owned()
}

/// The names of a language section, without their statuses.
fn names(terms: &[(String, Option<String>)]) -> Vec<&str> {
    terms.iter().map(|t| t.0.as_str()).collect()
}

#[test]
fn tbx_has_a_concept_per_term_and_a_language_section_per_own_file() {
    let built = shared("basic", &["--no-search"]);
    let v3 = built.text("glossary.v3.tbx");
    assert!(v3.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\""));
    let v2 = built.text("glossary.tbx");
    assert!(v2.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"en\">\n"));
    let doc = roxmltree::Document::parse(&v2).unwrap();
    let xcs = doc.descendants().find(|n| n.has_tag_name("encodingDesc")).unwrap();
    let xcs = V2.child(xcs, "p");
    assert_eq!((xcs.attribute("type"), xcs.text()), (Some("XCSURI"), Some("TBXBasicXCSV02.xcs")));
    assert_eq!(doc.root_element().first_element_child().map(|h| h.tag_name().name()), Some("martifHeader"));

    for version in [V2, V3] {
        let text = built.text(version.file);
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(doc.root_element().attribute((XML, "lang")), Some("en"));
        let source = doc.descendants().find(|n| n.has_tag_name("sourceDesc")).unwrap();
        assert_eq!(version.child(source, "p").text(), Some("Test Glossary"), "{}", version.file);

        let concepts = version.concepts(&text);
        let ids: Vec<&str> = concepts.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(ids, ["proof-of-stake", "slashing", "staking", "validator"]);
        let (_, field, langs) = &concepts[0];
        assert_eq!(field.as_deref(), Some("Consensus"));
        let en = &langs[0];
        assert_eq!(
            (en.0.as_str(), en.1.as_str(), names(&en.2)),
            (
                "en",
                "A way for a blockchain to agree on blocks by putting deposits at risk.",
                vec!["Proof of Stake", "PoS"]
            )
        );
        assert_eq!(langs[1].0, "ko");
        // slashing has no Korean file: its concept has no Korean section.
        assert_eq!(concepts[1].2.iter().map(|l| l.0.as_str()).collect::<Vec<_>>(), ["en"]);
        assert_eq!(concepts[1].1, None);

        let ko_text = built.text(&version.path(Some("ko")));
        let ko = version.concepts(&ko_text);
        assert_eq!(ko.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), ["proof-of-stake", "staking", "validator"]);
        assert!(ko.iter().all(|c| c.2.len() == 1 && c.2[0].0 == "ko"));
        assert_eq!(names(&ko[1].2[0].2), ["스테이킹"]);
        let ko_doc = roxmltree::Document::parse(&ko_text).unwrap();
        assert_eq!(ko_doc.root_element().attribute((XML, "lang")), Some("ko"));
    }
}

/// The language sections a TBX concept should have: (language, names).
type Sections<'a> = Vec<(&'a str, &'a [String])>;

/// Checks every TBX file of `built`, both versions, against the language
/// exports: one concept per published term, one language section per
/// language with its own file, its terms the title and then each alias, the
/// title alone with the term's status; no language file without a term of
/// its own; and the two versions saying the same.
fn tbx_agrees_with_the_exports(built: &Built, langs: &[&str]) {
    // slug → language → (title, aliases), from each language's glossary.json.
    let mut own: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for lang in langs {
        let export: serde_json::Value = serde_json::from_str(&built.text(&format!("{lang}/glossary.json"))).unwrap();
        for term in export["terms"].as_array().unwrap().iter().filter(|t| t["translation"] != "missing") {
            let mut terms = vec![term["title"].as_str().unwrap().to_owned()];
            terms.extend(term["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()));
            own.entry(term["slug"].as_str().unwrap().to_owned()).or_default().insert((*lang).to_owned(), terms);
        }
    }
    let status: BTreeMap<String, String> = csv_rows(built, "glossary.csv")
        .into_iter()
        .filter(|r| !r["status"].is_empty())
        .map(|r| (r["slug"].clone(), format!("{}Term-admn-sts", r["status"])))
        .collect();
    let files: Vec<Option<&str>> = std::iter::once(None).chain(langs.iter().map(|l| Some(*l))).collect();
    for file in files {
        // slug → [(language, names)] this file should hold.
        let mut expected: Vec<(&str, Sections<'_>)> = Vec::new();
        for (slug, by_lang) in &own {
            let sections: Sections<'_> = by_lang
                .iter()
                .filter(|(lang, _)| file.is_none_or(|f| f == lang.as_str()))
                .map(|(lang, terms)| (lang.as_str(), terms.as_slice()))
                .collect();
            if !sections.is_empty() {
                expected.push((slug, sections));
            }
        }
        if expected.is_empty() {
            // TBX requires a concept: a language without a term of its own has no file.
            for version in [V2, V3] {
                assert!(!built.exists(&version.path(file)), "{}", version.path(file));
            }
            continue;
        }
        let v2 = V2.concepts(&built.text(&V2.path(file)));
        assert_eq!(v2, V3.concepts(&built.text(&V3.path(file))), "{:?}: the versions differ", file);
        assert_eq!(v2.len(), expected.len(), "{:?}", file);
        for ((id, _, sections), (slug, by_lang)) in v2.iter().zip(&expected) {
            assert_eq!(id.trim_start_matches('_'), *slug);
            let mut got: Vec<&str> = sections.iter().map(|s| s.0.as_str()).collect();
            got.sort_unstable();
            assert_eq!(got, by_lang.iter().map(|(l, _)| *l).collect::<Vec<_>>(), "{slug}");
            for (lang, _, terms) in sections {
                let (_, wanted) = by_lang.iter().find(|(l, _)| l == lang).unwrap();
                assert_eq!(names(terms), *wanted, "{slug} {lang}");
                let statuses: Vec<Option<&str>> = terms.iter().map(|t| t.1.as_deref()).collect();
                let mut expected_statuses = vec![None; terms.len()];
                expected_statuses[0] = status.get(*slug).map(String::as_str);
                assert_eq!(statuses, expected_statuses, "{slug} {lang}");
            }
        }
    }
}

#[test]
fn tbx_agrees_with_the_exports_in_every_fixture() {
    tbx_agrees_with_the_exports(shared("basic", &["--no-search"]), &["en", "ko"]);
    tbx_agrees_with_the_exports(shared("hostile", &["--no-search"]), &["en", "ko"]);
    tbx_agrees_with_the_exports(shared("senses", &["--no-search"]), &["en", "ko"]);
    tbx_agrees_with_the_exports(shared("languages", &["--no-search"]), &["en", "ko", "ja", "ar"]);
    tbx_agrees_with_the_exports(shared("sample", &[]), &["en", "ko", "ja"]);
}

#[test]
fn tbx_keeps_hostile_text_as_text() {
    let built = shared("hostile", &["--no-search"]);
    let root = fixture_root("hostile");
    for version in [V2, V3] {
        let concepts = version.concepts(&built.text(version.file));
        assert_eq!(concepts.len(), 2);
        for (slug, _, langs) in &concepts {
            let (front, _) = source(&root, &format!("content/en/terms/{slug}.md"));
            assert_eq!(langs[0].2[0].0, front["title"].as_str().unwrap());
        }
        let script = concepts.iter().find(|c| c.0 == "script-title").unwrap();
        assert_eq!(script.2[0].2[1].0, "<b>bold</b>");
        assert_eq!(script.2[0].1, "Raw <img src=x onerror=alert(1)> and emphasis.");
        // The site's Korean has no term of its own, and TBX requires one.
        assert!(!built.exists(&version.path(Some("ko"))));
        let doc = built.text(version.file);
        let doc = roxmltree::Document::parse(&doc).unwrap();
        let source = doc.descendants().find(|n| n.has_tag_name("sourceDesc")).unwrap();
        assert_eq!(version.child(source, "p").text(), Some("<Hostile> & \"Site\""));
    }
}

const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/// Every triple of a Turtle file, parsed, as (subject, predicate, object).
fn triples(text: &str) -> Vec<(String, String, oxrdf::Term)> {
    oxttl::TurtleParser::new()
        .for_slice(text)
        .map(|t| {
            let t = t.unwrap_or_else(|e| panic!("glossary.ttl does not parse: {e}"));
            let oxrdf::NamedOrBlankNode::NamedNode(subject) = t.subject else { panic!("blank node subject") };
            (subject.into_string(), t.predicate.into_string(), t.object)
        })
        .collect()
}

/// The objects of `subject`'s `predicate`: IRIs as text, literals as `value@lang`.
fn objects(graph: &[(String, String, oxrdf::Term)], subject: &str, predicate: &str) -> Vec<String> {
    let mut found: Vec<String> = graph
        .iter()
        .filter(|(s, p, _)| s == subject && p == predicate)
        .map(|(_, _, o)| match o {
            oxrdf::Term::NamedNode(n) => n.as_str().to_owned(),
            oxrdf::Term::Literal(l) => format!("{}@{}", l.value(), l.language().unwrap_or_default()),
            oxrdf::Term::BlankNode(b) => panic!("blank node {b}"),
        })
        .collect();
    found.sort();
    found
}

#[test]
fn skos_describes_every_term_in_every_own_language() {
    let built = shared("basic", &["--no-search"]);
    let graph = triples(&built.text("glossary.ttl"));
    let base = "https://example.org/docs/glossary/";
    let concept = |slug: &str| format!("{base}en/terms/{slug}/");
    let skos = |name: &str| format!("{SKOS}{name}");

    let mut concepts: Vec<&str> = graph
        .iter()
        .filter(|(_, p, o)| p == RDF_TYPE && o.to_string() == format!("<{SKOS}Concept>"))
        .map(|(s, _, _)| s.as_str())
        .collect();
    concepts.sort();
    assert_eq!(concepts, ["proof-of-stake", "slashing", "staking", "validator"].map(concept));
    assert_eq!(objects(&graph, base, RDF_TYPE), [skos("ConceptScheme")]);
    assert_eq!(objects(&graph, base, "http://purl.org/dc/terms/title"), ["Test Glossary@en", "테스트 용어 사전@ko"]);
    for c in &concepts {
        assert_eq!(objects(&graph, c, &skos("inScheme")), [base]);
    }

    let staking = concept("staking");
    assert_eq!(objects(&graph, &staking, &skos("prefLabel")), ["Staking@en", "스테이킹@ko"]);
    assert_eq!(
        objects(&graph, &staking, "http://purl.org/dc/terms/requires"),
        [concept("proof-of-stake"), concept("validator")]
    );
    assert_eq!(
        objects(&graph, &staking, &skos("definition")),
        ["Locking coins to help secure a network.@en", "네트워크 보안을 돕기 위해 코인을 묶어 두는 일입니다.@ko"]
    );
    assert_eq!(objects(&graph, &concept("slashing"), &skos("prefLabel")), ["Slashing@en"]);
    let pos = concept("proof-of-stake");
    assert_eq!(objects(&graph, &pos, &skos("altLabel")), ["PoS@en", "PoS@ko", "지분증명@ko"]);
    // related works both ways, as on the pages.
    assert_eq!(objects(&graph, &pos, &skos("related")), [concept("slashing")]);
    assert_eq!(objects(&graph, &concept("slashing"), &skos("related")), std::slice::from_ref(&pos));
    // The draft restaking is nowhere, not even as staking's related term.
    assert!(graph.iter().all(|(s, _, o)| !s.contains("restaking") && !o.to_string().contains("restaking")));

    let tag = format!("{base}en/tags/consensus/");
    assert_eq!(objects(&graph, &tag, RDF_TYPE), [skos("Collection")]);
    assert_eq!(objects(&graph, &tag, &skos("prefLabel")), ["Consensus@en", "합의@ko"]);
    assert_eq!(objects(&graph, &tag, &skos("member")), [pos, concept("validator")]);
}

#[test]
fn skos_literals_survive_every_character() {
    let site = SiteTest::fixture("basic");
    let title = "Back\\slash \"quoted\" <b>&amp;</b>";
    site.write(
        "content/en/terms/slashing.md",
        "---\ntitle: 'Back\\slash \"quoted\" <b>&amp;</b>'\nsummary: Penalties.\naliases: [\"Line one\\nline two\\ttabbed \\\\ end\"]\nprerequisites: [validator]\n---\nBody.\n",
    );
    let built = site.build_with(&["--no-search"]);
    let graph = triples(&built.text("glossary.ttl"));
    let slashing = "https://example.org/docs/glossary/en/terms/slashing/";
    assert_eq!(objects(&graph, slashing, &format!("{SKOS}prefLabel")), [format!("{title}@en")]);
    assert_eq!(objects(&graph, slashing, &format!("{SKOS}altLabel")), ["Line one\nline two\ttabbed \\ end@en"]);

    let hostile = shared("hostile", &["--no-search"]);
    let graph = triples(&hostile.text("glossary.ttl"));
    let root = fixture_root("hostile");
    for slug in ["mermaid-breaker", "script-title"] {
        let (front, _) = source(&root, &format!("content/en/terms/{slug}.md"));
        let iri = format!("https://example.org/en/terms/{slug}/");
        assert_eq!(
            objects(&graph, &iri, &format!("{SKOS}prefLabel")),
            [format!("{}@en", front["title"].as_str().unwrap())]
        );
    }
}

#[test]
fn exports_carry_senses_and_status() {
    let built = shared("senses", &["--no-search"]);
    let rows = csv_rows(built, "glossary.csv");
    let row = |slug: &str, lang: &str| rows.iter().find(|r| r["slug"] == slug && r["language"] == lang).unwrap();
    assert_eq!(row("fork-code", "en")["sense"], "software");
    assert_eq!(row("fork-code", "ko")["sense"], "소프트웨어");
    let digest = row("digest-function", "en");
    assert_eq!((digest["status"].as_str(), digest["use"].as_str()), ("deprecated", "hash-function"));
    // Term-level columns stay on the default-language row.
    assert_eq!(row("digest-function", "ko")["status"], "");

    for version in [V2, V3] {
        let concepts = version.concepts(&built.text(version.file));
        let (_, _, langs) = concepts.iter().find(|c| c.0 == "digest-function").unwrap();
        let notes: Vec<(String, String)> =
            langs.iter().flat_map(|l| &l.2).filter_map(|(term, note)| Some((term.clone(), note.clone()?))).collect();
        assert_eq!(
            notes,
            pairs(&[("Digest function", "deprecatedTerm-admn-sts"), ("다이제스트 함수", "deprecatedTerm-admn-sts")])
        );
        // A sense tells concepts apart, not names: the term is the name alone.
        let (_, _, fork) = concepts.iter().find(|c| c.0 == "fork-code").unwrap();
        assert_eq!(fork[0].2[0].0, "Fork");
    }

    let graph = triples(&built.text("glossary.ttl"));
    let digest = "https://example.org/en/terms/digest-function/";
    assert_eq!(
        objects(&graph, digest, "http://purl.org/dc/terms/isReplacedBy"),
        ["https://example.org/en/terms/hash-function/"]
    );
    let fork = "https://example.org/en/terms/fork-code/";
    let labels = objects(&graph, fork, "http://www.w3.org/2004/02/skos/core#prefLabel");
    assert!(labels.iter().any(|l| l.contains("Fork (software)")), "{labels:?}");
}
