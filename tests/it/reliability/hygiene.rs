//! Text hygiene: control characters never reach the output or the terminal,
//! names that look the same are the same, files that look like content but
//! are not get a word, and tools that rewrite content keep what is there.

use super::{check_json, of_code, stderr};
use crate::support::SiteTest;

#[test]
fn control_characters_in_front_matter_are_errors_at_their_position() {
    let site = SiteTest::fixture("invalid/base");
    site.write(
        "content/en/terms/ctl.md",
        "---\ntitle: Bad\u{1}Title\nsummary: \"Escaped \\e[31m red\"\nfacts:\n  - ok\u{b}fact\n---\nBody.\n",
    );
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let found: Vec<(u64, u64, String)> = of_code(&lines, "control-character")
        .into_iter()
        .map(|(_, line, column, message)| (line, column, message))
        .collect();
    assert_eq!(found.len(), 3, "{lines:?}");
    assert_eq!((found[0].0, found[0].1), (2, 11), "the U+0001 itself");
    assert!(found[0].2.contains("U+0001") && found[0].2.contains("`title`"), "{}", found[0].2);
    assert_eq!((found[1].0, found[1].1), (3, 10), "an escape: at the value");
    assert!(found[1].2.contains("U+001B (escape)"), "{}", found[1].2);
    assert_eq!((found[2].0, found[2].1), (5, 7), "the vertical tab in a fact");
}

#[test]
fn control_characters_in_a_body_are_errors_and_nul_is_a_replacement_character() {
    let site = SiteTest::fixture("invalid/base");
    let path = site.root().join("content/en/terms/blockchain.md");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        "content/en/terms/blockchain.md",
        &text.replace("A blockchain is a ledger", "A block\u{0}chain is a ledger"),
    );
    let built = site.build_with(&["--no-search"]);
    let page = built.text("en/terms/blockchain/index.html");
    assert!(!page.contains('\u{0}'), "NUL reached the HTML");
    assert!(page.contains("A block\u{FFFD}chain"), "CommonMark writes NUL as U+FFFD");

    site.write(
        "content/en/terms/blockchain.md",
        &text.replace("A blockchain is a ledger", "A block\u{1b}chain is a ledger"),
    );
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let found = of_code(&lines, "control-character");
    assert_eq!(found.len(), 1, "{lines:?}");
    assert_eq!(found[0].0, "content/en/terms/blockchain.md");
}

#[test]
fn feeds_and_sitemaps_stay_well_formed_xml() {
    let site = SiteTest::fixture("hostile");
    let built = site.build_with(&["--no-search"]);
    for lang in ["en", "ko"] {
        let feed = built.text(&format!("{lang}/atom.xml"));
        roxmltree::Document::parse(&feed).unwrap_or_else(|e| panic!("{lang}/atom.xml: {e}"));
    }
    roxmltree::Document::parse(&built.text("sitemap.xml")).unwrap();
}

#[test]
fn values_printed_in_diagnostics_cannot_drive_the_terminal_or_the_ci_log() {
    let site = SiteTest::fixture("invalid/base");
    // A key with an escape sequence is an unknown key, printed by name; a
    // title with a newline is quoted in the duplicate-alias message.
    let twin = "title: \"Blockchain\"\nsummary: s\n";
    site.write("content/en/terms/twin.md", &format!("---\n{twin}---\nBody.\n"));
    site.write(
        "content/en/terms/evil.md",
        "---\ntitle: \"Evil\\n::error file=x::injected\"\nsummary: s\n\"\\e[2Jbad\": 1\n---\nBody.\n",
    );
    site.write(
        "content/en/terms/evil2.md",
        "---\ntitle: \"Evil\\n::error file=x::injected\"\nsummary: s\n---\nBody.\n",
    );
    let human = site.glossa(&["check"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("unknown key `␛[2Jbad`"), "{text}");
    assert!(!text.contains('\u{1b}'), "a raw escape reached the terminal");
    assert!(!text.lines().any(|l| l.starts_with("::error")), "{text}");

    let github = site.glossa(&["check", "--format", "github"]);
    let log = String::from_utf8_lossy(&github.stdout);
    let lines: Vec<&str> = log.lines().collect();
    let (_, json) = check_json(&site);
    assert_eq!(lines.len(), json.len(), "one annotation a diagnostic:\n{log}");
    // The injected text stays inside its annotation: every line is one of ours.
    for line in &lines {
        assert!(line.starts_with("::error file=content/") || line.starts_with("::warning file=content/"), "{line}");
        assert!(!line.contains('\u{1b}'), "{line}");
    }
}

#[test]
fn names_that_read_the_same_are_duplicates() {
    let site = SiteTest::fixture("invalid/base");
    site.write("content/en/terms/zero-width.md", "---\ntitle: \"Block\u{200b}chain\"\nsummary: s\n---\nBody.\n");
    let nfd = "\u{1100}\u{1161}\u{11a8}"; // 각 decomposed
    site.write("content/en/terms/nfc.md", "---\ntitle: 각\nsummary: s\n---\nBody.\n");
    site.write("content/en/terms/nfd.md", &format!("---\ntitle: {nfd}\nsummary: s\n---\nBody.\n"));
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let duplicates: Vec<String> = of_code(&lines, "duplicate-alias").into_iter().map(|(file, ..)| file).collect();
    assert_eq!(duplicates, ["content/en/terms/nfd.md", "content/en/terms/zero-width.md"], "{lines:?}");
    let message = &of_code(&lines, "duplicate-alias")[1].3;
    assert!(message.contains("the same to a reader"), "{message}");
}

#[test]
fn files_that_look_like_terms_but_are_not_read_get_a_warning() {
    let site = SiteTest::fixture("invalid/base");
    site.write("content/en/terms/shouting.MD", "---\ntitle: Loud\nsummary: s\n---\nBody.\n");
    site.write("content/en/terms/long.markdown", "---\ntitle: Long\nsummary: s\n---\nBody.\n");
    std::fs::create_dir_all(site.root().join("content/en/terms/folder.md")).unwrap();
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(0), "{lines:?}");
    let stray = of_code(&lines, "stray-file");
    let files: Vec<&str> = stray.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(files, ["content/en/terms/folder.md", "content/en/terms/long.markdown", "content/en/terms/shouting.MD"]);
    let help: Vec<String> =
        lines.iter().filter(|l| l["code"] == "stray-file").map(|l| l["help"].as_str().unwrap().to_owned()).collect();
    assert!(help[2].contains("rename it to shouting.md"), "{help:?}");
    assert!(help[0].contains("is a folder"), "{help:?}");
}

#[test]
fn mark_current_keeps_comments_and_quotes_around_the_hash() {
    let site = SiteTest::fixture("basic");
    let path = site.root().join("content/ko/terms/staking.md");
    let text = std::fs::read_to_string(&path).unwrap();
    for (written, kept) in [
        ("source: 000000000000   # reviewed by Kim", "   # reviewed by Kim"),
        ("source: \"000000000000\" # quoted", "\" # quoted"),
        ("source: '000000000000'", "'"),
    ] {
        std::fs::write(&path, text.replacen("sources:", &format!("{written}\nsources:"), 1)).unwrap();
        let output = site.glossa(&["translations", "--mark-current", "staking", "--lang", "ko"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let after = std::fs::read_to_string(&path).unwrap();
        let line = after.lines().find(|l| l.starts_with("source:")).unwrap();
        assert!(line.ends_with(kept) && !line.contains("000000000000"), "{written} became {line}");
        assert_eq!(after.lines().count(), text.lines().count() + 1, "nothing else changed");
    }
}

#[test]
fn a_mermaid_directive_in_a_title_stays_text() {
    let site = SiteTest::fixture("basic");
    let path = site.root().join("content/en/terms/validator.md");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        "content/en/terms/validator.md",
        &text.replacen("title: Validator", "title: \"Validator %%{init: {'theme':'dark'}}%%\"", 1),
    );
    let built = site.build_with(&["--no-search"]);
    for graph in ["en/terms/validator/graph.mmd", "en/terms/staking/graph.mmd"] {
        let mermaid = built.text(graph);
        assert!(!mermaid.contains("%%{"), "{graph}:\n{mermaid}");
        assert!(mermaid.contains("#37;#37;{init"), "{graph}:\n{mermaid}");
    }
}

#[test]
fn control_characters_in_interface_strings_are_errors() {
    let site = SiteTest::fixture("basic");
    site.write("templates/i18n/en.yaml", "quiz: \"Quiz\\e[5m\"\n");
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let found = of_code(&lines, "control-character");
    assert_eq!(found.len(), 1, "{lines:?}");
    assert_eq!((found[0].0.as_str(), found[0].1, found[0].2), ("templates/i18n/en.yaml", 1, 1));
}
