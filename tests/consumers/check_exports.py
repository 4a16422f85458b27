#!/usr/bin/env python3
"""Reads the glossary exports of a built site with tools other than glossa,
as the programs that import them would, and checks them against each other
and against each language's glossary.json.

    python3 tests/consumers/check_exports.py SITE_FOLDER

- CSV (glossary.csv, <lang>/glossary.csv): Python's csv module; the header,
  and one row per term and language that has its own file (glossary.json's
  terms whose translation is not "missing").
- TBX v2 (glossary.tbx, <lang>/glossary.tbx): translate-toolkit's tbxfile,
  the reader Weblate uses; one unit per term, its source term the title in
  the file's first language, and for each language the terms it reads equal
  to the title and aliases of that language's own file (none without one),
  the title with the term's administrative status.
- TBX v3 (glossary.v3.tbx, <lang>/glossary.v3.tbx): lxml, the parser under
  every Python TBX tool (translate-toolkit reads TBX v2 only); the check
  reads the v3 structure directly: one conceptEntry per term, one langSec per
  own file, every title and alias a <term> of its language.
- Both: a language without a term of its own has neither file.
- SKOS (glossary.ttl): rdflib; one concept scheme, one skos:Concept per
  term, a skos:prefLabel per language with its own file equal to the title
  (with its sense, when it has one), and each concept's skos:related,
  dct:requires (prerequisites) and dct:isReplacedBy (use) the term's related,
  prerequisites and use in glossary.json, with no other such links.

Exits 1 with a message for the first export that disagrees.
"""

import csv
import json
import sys
from pathlib import Path

import rdflib
from lxml import etree
from rdflib.namespace import DCTERMS, RDF, SKOS
from translate.storage.tbx import tbxfile

COLUMNS = (
    "slug,language,title,summary,aliases,sort_as,sense,tags,prerequisites,related,status,use,"
    "facts,sources,quiz,updated,source,autolink,draft,redirect_from,body"
).split(",")
TBX = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Mismatch(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Mismatch(message)


def split_list(value):
    """A list column's items: ` | ` separates, a backslash escapes `|` and itself."""
    if value == "":
        return []
    items, current, chars = [], [], iter(value)
    for c in chars:
        if c == "\\":
            current.append(next(chars, ""))
        elif c == "|":
            items.append("".join(current[:-1]))  # the space before the bar
            current = []
            next(chars, None)  # the space after it
        else:
            current.append(c)
    items.append("".join(current))
    return items


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as f:
        expect(f.read(1) != "\ufeff", f"{path}: starts with a BOM")
        f.seek(0)
        reader = csv.reader(f, strict=True)
        header = next(reader)
        expect(header == COLUMNS, f"{path}: header is {header}")
        rows = [dict(zip(header, row, strict=True)) for row in reader]
    for row in rows:
        if row["quiz"]:
            quiz = json.loads(row["quiz"])
            expect(isinstance(quiz, list) and all("answer" in q for q in quiz), f"{path}: quiz of {row['slug']}")
        expect(row["autolink"] in ("true", "false", ""), f"{path}: autolink of {row['slug']}")
    return rows


def check_csv(site, langs):
    everything = read_csv(site / "glossary.csv")
    for lang in langs:
        export = json.loads((site / lang / "glossary.json").read_text(encoding="utf-8"))
        own = [t["slug"] for t in export["terms"] if t["translation"] != "missing"]
        rows = read_csv(site / lang / "glossary.csv")
        expect([r["slug"] for r in rows] == own, f"{lang}/glossary.csv: rows {len(rows)}, glossary.json has {len(own)} own files")
        expect(rows == [r for r in everything if r["language"] == lang], f"{lang}/glossary.csv differs from glossary.csv")
    print(f"csv: glossary.csv {len(everything)} rows, {len(langs)} language files agree with glossary.json")
    return everything


def check_tbx_v2(path, everything, langs, source):
    """Reads `path` as translate-toolkit does, with `source` as the source
    language (Weblate passes its component's), and compares every unit with
    the CSV rows of the languages in `langs`."""
    root = etree.parse(str(path)).getroot()
    expect((root.tag, root.get("type")) == ("martif", "TBX-Basic"), f"{path}: root is {root.tag} {root.attrib}")
    with path.open("rb") as f:
        store = tbxfile(f, sourcelanguage=source)
    rows = [r for r in everything if r["language"] in langs]
    slugs = list(dict.fromkeys(r["slug"] for r in rows))
    units = store.units
    expect(len(units) == len(slugs), f"{path}: translate-toolkit reads {len(units)} units for {len(slugs)} terms")
    by_key = {(r["slug"], r["language"]): r for r in rows}
    # The status is the term's, on its default-language row; the TBX gives it to the title in every language.
    status = {r["slug"]: r["status"] for r in everything if r["status"]}
    counts = dict.fromkeys(langs, 0)
    for slug, unit in zip(slugs, units, strict=True):
        expect(unit.getid().removeprefix("_") == slug, f"{path}: unit {unit.getid()} where {slug} was expected")
        own = sorted(lang for lang in langs if (slug, lang) in by_key)
        sets = sorted(n.get(XML_LANG) for n in unit.getlanguageNodes())
        expect(sets == own, f"{path}: {slug} has langSets {sets}, not {own}")
        title = by_key.get((slug, source), {}).get("title")
        expect(unit.source == title, f"{path}: {slug} has source {unit.source!r}, not {title!r}")
        for lang in langs:
            row = by_key.get((slug, lang))
            terms = unit.get_target_terms(lang)
            names = [t.text for t in terms]
            expected = [row["title"], *split_list(row["aliases"])] if row else []
            expect(names == expected, f"{path}: {slug} ({lang}) has terms {names}, not {expected}")
            statuses = [t.administrative_status for t in terms]
            wanted = [f"{status[slug]}Term-admn-sts" if slug in status else None] + [None] * (len(terms) - 1)
            expect(not terms or statuses == wanted, f"{path}: {slug} ({lang}) has statuses {statuses}")
            counts[lang] += len(terms)
    terms = ", ".join(f"{lang} {n}" for lang, n in counts.items())
    return f"{len(units)} units, terms {terms}"


def check_tbx_v3(path, rows):
    root = etree.parse(str(path)).getroot()
    expect(root.tag == f"{{{TBX}}}tbx", f"{path}: root is {root.tag}")
    expect((root.get("type"), root.get("style")) == ("TBX-Basic", "dca"), f"{path}: dialect")
    concepts = root.findall(f"{{{TBX}}}text/{{{TBX}}}body/{{{TBX}}}conceptEntry")
    slugs = list(dict.fromkeys(r["slug"] for r in rows))
    expect(len(concepts) == len(slugs), f"{path}: {len(concepts)} concepts for {len(slugs)} terms")
    names = {}
    for concept in concepts:
        for sec in concept.findall(f"{{{TBX}}}langSec"):
            terms = [t.text or "" for t in sec.findall(f"{{{TBX}}}termSec/{{{TBX}}}term")]
            names[(concept.get("id").lstrip("_"), sec.get(XML_LANG))] = terms
    expect(len(names) == len(rows), f"{path}: {len(names)} language sections for {len(rows)} rows")
    for row in rows:
        terms = names.get((row["slug"], row["language"]))
        expect(terms is not None, f"{path}: no {row['language']} section for {row['slug']}")
        expected = [row["title"], *split_list(row["aliases"])]
        expect(terms == expected, f"{path}: {row['slug']} ({row['language']}) has terms {terms}, not {expected}")
    return len(concepts)


def slug_of(node):
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def check_skos(path, rows, terms):
    """`terms`: the default language's glossary.json terms, whose links the
    concepts must carry."""
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    schemes = list(graph.subjects(RDF.type, SKOS.ConceptScheme))
    expect(len(schemes) == 1, f"{path}: {len(schemes)} concept schemes")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    slugs = list(dict.fromkeys(r["slug"] for r in rows))
    expect(len(concepts) == len(slugs), f"{path}: {len(concepts)} concepts for {len(slugs)} terms")
    by_slug = {str(c).rstrip("/").rsplit("/", 1)[-1]: c for c in concepts}
    for row in rows:
        concept = by_slug.get(row["slug"])
        expect(concept is not None, f"{path}: no concept for {row['slug']}")
        expect((concept, SKOS.inScheme, schemes[0]) in graph, f"{path}: {row['slug']} outside the scheme")
        labels = [str(o) for o in graph.objects(concept, SKOS.prefLabel) if o.language == row["language"]]
        # A sense is part of the label: "Token (AI)".
        label = f"{row['title']} ({row['sense']})" if row["sense"] else row["title"]
        expect(labels == [label], f"{path}: {row['slug']} prefLabel@{row['language']} is {labels}")
    # The links between terms: related, prerequisites (dct:requires) and the
    # term to use instead of a deprecated one (dct:isReplacedBy).
    links = {"related": SKOS.related, "prerequisites": DCTERMS.requires}
    counts = {name: 0 for name in [*links, "use"]}
    for term in terms:
        concept = by_slug[term["slug"]]
        for name, predicate in links.items():
            found = sorted(slug_of(o) for o in graph.objects(concept, predicate))
            expect(found == sorted(term[name]), f"{path}: {term['slug']} {name} {found}, not {term[name]}")
            counts[name] += len(found)
        replaced = [slug_of(o) for o in graph.objects(concept, DCTERMS.isReplacedBy)]
        expect(replaced == ([term["use"]] if term.get("use") else []), f"{path}: {term['slug']} use {replaced}")
        counts["use"] += len(replaced)
    for name, predicate in [*links.items(), ("use", DCTERMS.isReplacedBy)]:
        total = len(list(graph.triples((None, predicate, None))))
        expect(total == counts[name], f"{path}: {total} {name} links, glossary.json has {counts[name]}")
    print(
        f"skos: {len(graph)} triples, {len(concepts)} concepts, {len(rows)} labels, "
        f"{counts['related']} related, {counts['prerequisites']} prerequisites, {counts['use']} replaced"
    )


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = Path(sys.argv[1])
    langs = sorted(p.parent.name for p in site.glob("*/glossary.json"))
    expect(langs, f"{site}: no <lang>/glossary.json")
    exports = {lang: json.loads((site / lang / "glossary.json").read_text(encoding="utf-8")) for lang in langs}
    defaults = [lang for lang in langs if any(t["translation"] == "source" for t in exports[lang]["terms"])]
    expect(len(defaults) == 1, f"{site}: the default language is one of {defaults}")
    everything = check_csv(site, langs)
    print(f"tbx v2: glossary.tbx {check_tbx_v2(site / 'glossary.tbx', everything, langs, defaults[0])}")
    concepts = check_tbx_v3(site / "glossary.v3.tbx", everything)
    files = 0
    for lang in langs:
        rows = [r for r in everything if r["language"] == lang]
        # TBX requires a concept: a language without a term of its own has no file.
        for name in ("glossary.tbx", "glossary.v3.tbx"):
            path = site / lang / name
            expect(path.exists() == bool(rows), f"{path}: exists is {path.exists()} with {len(rows)} rows")
        if rows:
            files += 1
            print(f"tbx v2: {lang}/glossary.tbx {check_tbx_v2(site / lang / 'glossary.tbx', everything, [lang], lang)}")
            check_tbx_v3(site / lang / "glossary.v3.tbx", rows)
    print(f"tbx v3: glossary.v3.tbx {concepts} concepts, {files} language files")
    published = {row["slug"] for row in everything}
    terms = [t for t in exports[defaults[0]]["terms"] if t["slug"] in published]
    check_skos(site / "glossary.ttl", everything, terms)

if __name__ == "__main__":
    try:
        main()
    except Mismatch as e:
        sys.exit(f"check_exports: {e}")
