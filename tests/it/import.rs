//! `glossa import`: CSV and TBX files from `tests/fixtures/import/` read into
//! a site holding only site.yaml, the files it writes built by the real
//! binary, and the diagnostics it prints read as JSON.

use std::path::Path;
use std::process::Output;

use crate::support::{tree, SiteTest};

/// `glossa import <file> --diagnostics json <args>` in `site`.
fn import(site: &SiteTest, file: &str, args: &[&str]) -> Output {
    let input = site.root().join(file);
    let mut all = vec!["import", input.to_str().unwrap(), "--diagnostics", "json"];
    all.extend_from_slice(args);
    site.glossa(&all)
}

/// The fixture: site.yaml and the input files, no content yet.
fn empty_site() -> SiteTest {
    let site = SiteTest::fixture("import");
    assert!(!site.root().join("content").exists());
    site
}

/// Each diagnostic as (code, line, column).
fn diagnostics(output: &Output) -> Vec<(String, u64, u64)> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["code"].as_str().unwrap().to_owned(), v["line"].as_u64().unwrap(), v["column"].as_u64().unwrap())
        })
        .collect()
}

/// The 1-based column (in characters) where `cell` starts on 1-based `line` of `file`.
fn column_of(site: &SiteTest, file: &str, line: usize, cell: &str) -> u64 {
    let text = std::fs::read_to_string(site.root().join(file)).unwrap();
    let line_text = text.lines().nth(line - 1).unwrap();
    let at = line_text.find(cell).unwrap_or_else(|| panic!("`{cell}` not on line {line}"));
    line_text[..at].chars().count() as u64 + 1
}

/// Every term file under `content/`, relative, sorted.
fn content_files(root: &Path) -> Vec<String> {
    let content = root.join("content");
    if !content.exists() {
        return Vec::new();
    }
    tree(&content).into_iter().map(|(rel, _)| rel.replace('\\', "/")).collect()
}

fn csv_records(text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(Result::unwrap).collect()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_csv_import_builds_into_the_same_terms_and_exports_the_same_csv() {
    let site = empty_site();
    let output = import(&site, "terms.csv", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(diagnostics(&output).is_empty(), "{:?}", diagnostics(&output));
    let out = stdout(&output);
    assert!(out.lines().any(|l| l == "imported 3 terms (5 files), skipped 0 existing"), "{out}");
    assert!(out.contains("glossa check"), "{out}");
    assert_eq!(
        content_files(site.root()),
        [
            "en/terms/hash-function.md",
            "en/terms/merkle-tree.md",
            "en/terms/staking.md",
            "ko/terms/hash-function.md",
            "ko/terms/staking.md"
        ]
    );
    let check = site.glossa(&["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let built = site.build_with(&["--no-search"]);
    // Every value, hostile ones included (quotes, colons, `#`, leading `-`,
    // `|` and `\` in list items, newlines, CRLF bodies, Korean), reads back
    // exactly: the export of the imported site is the file imported.
    let input = std::fs::read_to_string(site.root().join("terms.csv")).unwrap();
    assert_eq!(csv_records(&built.text("glossary.csv")), csv_records(&input));
    let page = built.html("en/terms/hash-function/index.html");
    assert_eq!(page.text("h1#title"), "Hash: \"function\" #1");
    let facts: Vec<String> =
        page.select("#facts li").iter().map(|li| crate::support::collapse(&li.text().collect::<String>())).collect();
    assert_eq!(facts, ["Line one line two: with colon", "#1 is not a comment", "'single' and \"double\""]);
    let ko = built.html("ko/terms/hash-function/index.html");
    assert_eq!(ko.text("h1#title"), "해시 함수: \"기초\"");
}

#[test]
fn an_import_never_overwrites_a_file() {
    let site = empty_site();
    let mine = "---\ntitle: My staking\nsummary: Mine.\n---\nMine.\n";
    site.write("content/en/terms/staking.md", mine);
    let output = import(&site, "terms.csv", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let staking_line = 1 + std::fs::read_to_string(site.root().join("terms.csv"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("staking,en,"))
        .unwrap() as u64;
    assert_eq!(diagnostics(&output), [("file-exists".to_owned(), staking_line, 1)]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("content/en/terms/staking.md exists already"));
    assert_eq!(std::fs::read_to_string(site.root().join("content/en/terms/staking.md")).unwrap(), mine);
    assert!(stdout(&output).contains("imported 3 terms (4 files), skipped 1 existing"), "{}", stdout(&output));
    // The translation of the kept file is still imported.
    assert!(site.root().join("content/ko/terms/staking.md").is_file());
    // A second import writes nothing and changes nothing.
    let before = tree(&site.root().join("content"));
    let again = import(&site, "terms.csv", &[]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(diagnostics(&again).len(), 5);
    assert!(stdout(&again).contains("imported 0 terms (0 files), skipped 5 existing"));
    assert_eq!(tree(&site.root().join("content")), before);
}

#[test]
fn bad_rows_are_reported_at_their_cells_and_nothing_is_written() {
    let site = empty_site();
    let output = import(&site, "bad.csv", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(content_files(site.root()).is_empty(), "{:?}", content_files(site.root()));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing imported"));
    let at =
        |code: &str, line: usize, cell: &str| (code.to_owned(), line as u64, column_of(&site, "bad.csv", line, cell));
    let expected = vec![
        at("invalid-slug", 3, "Bad Slug"),
        at("missing-field", 4, ",,,,,,"),
        at("unknown-language", 5, ",fr,"),
        at("invalid-quiz", 6, "\"[{"),
        at("invalid-value", 7, "maybe"),
        at("invalid-value", 8, "2026-13-01"),
        at("invalid-slug", 9, "Not A Slug"),
        at("invalid-value", 10, "no url here"),
        at("duplicate-entry", 11, "good-one"),
        at("orphan-translation", 12, "orphan"),
        at("malformed-input", 13, "short"),
        at("unsafe-url", 14, "Evil"),
        at("invalid-value", 15, "consensus"),
    ];
    // Two cells are found by the comma before them.
    let mut expected = expected;
    expected[1].2 += 1;
    expected[2].2 += 1;
    assert_eq!(diagnostics(&output), expected);

    // --keep-going writes the rows without errors and still fails.
    let kept = import(&site, "bad.csv", &["--keep-going"]);
    assert_eq!(kept.status.code(), Some(1));
    assert_eq!(content_files(site.root()), ["en/terms/good-one.md"]);
    assert!(stdout(&kept).contains("imported 1 term (1 file), skipped 0 existing"), "{}", stdout(&kept));
}

#[test]
fn a_header_with_an_unknown_column_is_refused() {
    let site = empty_site();
    let output = import(&site, "bad-header.csv", &[]);
    assert_eq!(output.status.code(), Some(1));
    let found = diagnostics(&output);
    assert_eq!(found, [("malformed-input".to_owned(), 1, 1), ("malformed-input".to_owned(), 1, 15)]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `title`?"));
    assert!(content_files(site.root()).is_empty());
}

#[test]
fn a_dry_run_writes_nothing() {
    let site = empty_site();
    let output = import(&site, "terms.csv", &["--dry-run"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    assert_eq!(out.lines().filter(|l| l.starts_with("would write ")).count(), 5, "{out}");
    assert!(out.contains("would import 3 terms (5 files), skip 0 existing"), "{out}");
    assert!(!site.root().join("content").exists());
    let failing = import(&site, "bad.csv", &["--dry-run", "--keep-going"]);
    assert_eq!(failing.status.code(), Some(1));
    assert!(!site.root().join("content").exists());
}

#[test]
fn the_format_comes_from_the_extension_or_the_option() {
    let site = empty_site();
    std::fs::copy(site.root().join("terms.csv"), site.root().join("terms.txt")).unwrap();
    let unknown = import(&site, "terms.txt", &[]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("--format csv"));
    let named = import(&site, "terms.txt", &["--format", "csv"]);
    assert_eq!(named.status.code(), Some(0), "{}", String::from_utf8_lossy(&named.stderr));
    assert_eq!(content_files(site.root()).len(), 5);
}

/// The first term's `administrativeStatus` becomes the term's `status:`,
/// with nothing dropped.
fn status_written(site: &SiteTest, output: &Output, file: &str, status: &str) {
    let dropped: Vec<_> = diagnostics(output).into_iter().filter(|(code, _, _)| code == "dropped-value").collect();
    assert!(dropped.is_empty(), "{dropped:?}");
    let text = std::fs::read_to_string(site.root().join("content/en/terms").join(file)).unwrap();
    assert!(text.lines().any(|l| l == format!("status: {status}")), "{text}");
}

#[test]
fn tbx_basic_concepts_become_terms() {
    let site = empty_site();
    let output = import(&site, "basic.tbx", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    status_written(&site, &output, "proof-of-stake.md", "preferred");
    assert_eq!(
        content_files(site.root()),
        ["en/terms/proof-of-stake.md", "en/terms/validator.md", "ko/terms/proof-of-stake.md"]
    );
    let built = site.build_with(&["--no-search"]);
    let rows = csv_records(&built.text("glossary.csv"));
    let header = &rows[0];
    let get = |row: &csv::StringRecord, column: &str| {
        row.get(header.iter().position(|h| h == column).unwrap()).unwrap().to_owned()
    };
    let pos = &rows[1];
    assert_eq!(get(pos, "slug"), "proof-of-stake");
    assert_eq!(get(pos, "title"), "Proof of Stake");
    assert_eq!(get(pos, "aliases"), "PoS");
    assert_eq!(get(pos, "summary"), "A consensus mechanism where validators lock <stake> & vote.");
    assert_eq!(get(pos, "tags"), "consensus");
    assert_eq!((get(&rows[2], "language").as_str(), get(&rows[2], "title").as_str()), ("ko", "지분 증명"));
    // An id that is not a slug gives way to the slugified title; `en-US` is `en`.
    assert_eq!(get(&rows[3], "slug"), "validator");
    assert_eq!(get(&rows[3], "summary"), "A node that stakes and votes on blocks.");
}

#[test]
fn tbx_v2_martif_term_entries_become_terms() {
    let site = empty_site();
    let output = import(&site, "martif.tbx", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    status_written(&site, &output, "slashing.md", "preferred");
    let built = site.build_with(&["--no-search"]);
    let page = built.html("en/terms/slashing/index.html");
    assert_eq!(page.text("h1#title"), "Slashing");
    assert!(page.text("#summary").contains("Destroying part of a validator's stake as a penalty."));
    let ko = built.html("ko/terms/slashing/index.html");
    assert_eq!(ko.text("h1#title"), "슬래싱");
    let text = std::fs::read_to_string(site.root().join("content/en/terms/slashing.md")).unwrap();
    assert!(text.contains("aliases: [Slash penalty]\ntags: [consensus]\n"), "{text}");
}

#[test]
fn tbx_problems_are_reported_at_their_elements() {
    let site = empty_site();
    let output = import(&site, "bad.tbx", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        diagnostics(&output),
        [
            ("unknown-language".to_owned(), 10, 9),
            ("missing-field".to_owned(), 16, 9),
            ("invalid-slug".to_owned(), 20, 7)
        ]
    );
    assert!(content_files(site.root()).is_empty());
    let broken = import(&site, "broken.tbx", &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!(diagnostics(&broken), [("malformed-input".to_owned(), 5, 3)]);
}

/// Builds `fixture` (or the sample site at the repository root), imports its `glossary.csv` into a site with only its
/// site.yaml and articles, and compares the two sites' builds byte for byte.
fn round_trip(fixture: &str) {
    let original = if fixture == "sample" { SiteTest::sample() } else { SiteTest::fixture(fixture) };
    // Drafts too: the export leaves them out otherwise, and links to them
    // would then be links to nothing.
    let exported = original.build_with(&["--no-search", "--drafts"]);
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(original.root().join("site.yaml"), copy.path().join("site.yaml")).unwrap();
    // Articles are not terms: the CSV leaves them out, so they come along as files.
    for lang in std::fs::read_dir(original.root().join("content")).unwrap() {
        let articles = lang.unwrap().path().join("articles");
        if articles.is_dir() {
            let rel = articles.strip_prefix(original.root()).unwrap();
            crate::support::copy_tree(&articles, &copy.path().join(rel));
        }
    }
    let csv_file = copy.path().join("glossary.csv");
    std::fs::copy(exported.out.join("glossary.csv"), &csv_file).unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("glossa").unwrap();
    let output = cmd.arg("import").arg(&csv_file).arg("--root").arg(copy.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    std::fs::remove_file(&csv_file).unwrap();
    for args in [&["--no-search"][..], &["--no-search", "--drafts"][..]] {
        let outputs: Vec<_> = [original.root(), copy.path()]
            .iter()
            .enumerate()
            .map(|(i, root)| {
                let out = root.join(format!("out-{i}"));
                let mut cmd = assert_cmd::Command::cargo_bin("glossa").unwrap();
                let built =
                    cmd.arg("build").arg("--root").arg(root).arg("--out").arg(&out).args(args).output().unwrap();
                assert_eq!(built.status.code(), Some(0), "{}", String::from_utf8_lossy(&built.stderr));
                let files = tree(&out);
                std::fs::remove_dir_all(&out).unwrap();
                files
            })
            .collect();
        let names = |files: &[(String, Vec<u8>)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&outputs[0]), names(&outputs[1]), "{fixture} {args:?}");
        for ((name, a), (_, b)) in outputs[0].iter().zip(&outputs[1]) {
            assert!(a == b, "{fixture} {args:?}: {name} differs");
        }
    }
}

#[test]
fn the_csv_export_imports_into_the_same_site_basic() {
    round_trip("basic");
}

#[test]
fn the_csv_export_imports_into_the_same_site_languages() {
    round_trip("languages");
}

#[test]
fn the_csv_export_imports_into_the_same_site_sample() {
    round_trip("sample");
}

#[test]
fn the_csv_export_imports_into_the_same_site_hostile() {
    round_trip("hostile");
}

#[test]
fn the_tbx_export_imports_into_the_same_names_and_tags() {
    let original = SiteTest::fixture("languages");
    let exported = original.build_with(&["--no-search"]);
    let copy = empty_site();
    std::fs::copy(original.root().join("site.yaml"), copy.root().join("site.yaml")).unwrap();
    std::fs::copy(exported.out.join("glossary.tbx"), copy.root().join("glossary.tbx")).unwrap();
    let output = import(&copy, "glossary.tbx", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(diagnostics(&output).is_empty(), "{:?}", diagnostics(&output));
    let imported = copy.build_with(&["--no-search"]);
    // What TBX carries: names and the tag; summaries are plain text there.
    let names = |built: &crate::support::Built| -> Vec<Vec<String>> {
        let rows = csv_records(&built.text("glossary.csv"));
        let columns: Vec<usize> = ["slug", "language", "title", "aliases", "tags"]
            .iter()
            .map(|c| rows[0].iter().position(|h| h == *c).unwrap())
            .collect();
        rows.iter().map(|row| columns.iter().map(|&i| row[i].to_owned()).collect()).collect()
    };
    assert_eq!(names(&imported), names(&exported));
}

#[test]
fn human_diagnostics_name_the_input_with_line_and_column() {
    let site = empty_site();
    let input = site.root().join("bad.csv");
    let output = site.glossa(&["import", input.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let shown = format!("{}:3:1", crate::support::collapse(&input.to_string_lossy().replace('\\', "/")));
    assert!(stderr.contains(&format!("--> {shown}")), "{stderr}");
    assert!(stderr.contains("e.g. `bad-slug`"), "{stderr}");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_where_it_stops_being_so() {
    let site = empty_site();
    std::fs::write(site.root().join("latin1.csv"), b"slug,language,title,summary\ncafe,en,Caf\xe9,Coffee.\n").unwrap();
    let output = import(&site, "latin1.csv", &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(diagnostics(&output), [("invalid-utf8".to_owned(), 2, 12)]);
    assert!(content_files(site.root()).is_empty());
}
