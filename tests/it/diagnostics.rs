//! Every diagnostic code, one fixture each: `tests/fixtures/invalid/<code>/`
//! holds only the files that differ from the clean `invalid/base/` site and
//! `expected.jsonl`, the exact `check --format json` output; each is a test
//! of its own. Run with `GLOSSA_BLESS=1` to rewrite the expected files after
//! a deliberate change.

use std::path::Path;

use crate::support::SiteTest;

fn cases() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut cases: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "base" && !name.contains('.'))
        .collect();
    cases.sort();
    cases
}

#[test]
fn the_base_site_is_clean() {
    let site = SiteTest::fixture("invalid/base");
    let output = site.glossa(&["check", "--strict", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    assert_eq!(output.status.code(), Some(0));
}

/// Runs `check --format json` on fixture `invalid/<case>` and compares it
/// with its `expected.jsonl` (rewritten when `GLOSSA_BLESS` is set).
fn check_fixture(case: &str) {
    let site = SiteTest::layered("invalid/base", &format!("invalid/{case}"));
    let output = site.glossa(&["check", "--format", "json"]);
    let actual = String::from_utf8(output.stdout).unwrap();
    let expected_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/invalid/{case}/expected.jsonl"));
    if std::env::var_os("GLOSSA_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(actual, expected, "{case}: `check --format json` differs from expected.jsonl");
    let lines: Vec<serde_json::Value> = actual.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty(), "{case}: no diagnostic");
    for line in &lines {
        assert_eq!(line["code"], case, "{case}: one defect per fixture, but got {line}");
        assert!(line["line"].as_u64().is_some_and(|l| l >= 1), "{case}: no position in {line}");
    }
    let is_error = lines[0]["severity"] == "error";
    assert_eq!(output.status.code(), Some(if is_error { 1 } else { 0 }), "{case}");
    if !is_error {
        assert_eq!(site.glossa(&["check", "--strict"]).status.code(), Some(1), "{case} under --strict");
    }
}

/// One test per fixture under `tests/fixtures/invalid/`, each named after
/// its code; [`every_fixture_has_its_test`] keeps the list complete.
macro_rules! fixture_tests {
    ($($name:ident => $case:literal,)*) => {
        $(
            #[test]
            fn $name() {
                check_fixture($case);
            }
        )*
        const FIXTURE_TESTS: &[&str] = &[$($case),*];
    };
}

fixture_tests! {
    ambiguous_link => "ambiguous-link",
    ambiguous_mention => "ambiguous-mention",
    control_character => "control-character",
    deprecated_term => "deprecated-term",
    duplicate_alias => "duplicate-alias",
    duplicate_body => "duplicate-body",
    duplicate_source => "duplicate-source",
    invalid_quiz => "invalid-quiz",
    invalid_slug => "invalid-slug",
    invalid_utf8 => "invalid-utf8",
    invalid_value => "invalid-value",
    isolated_term => "isolated-term",
    link_to_draft => "link-to-draft",
    missing_field => "missing-field",
    missing_section => "missing-section",
    missing_strings => "missing-strings",
    missing_translation => "missing-translation",
    mojibake => "mojibake",
    orphan_translation => "orphan-translation",
    prerequisite_cycle => "prerequisite-cycle",
    stale_translation => "stale-translation",
    stray_file => "stray-file",
    translation_mismatch => "translation-mismatch",
    unclosed_link => "unclosed-link",
    unknown_citation => "unknown-citation",
    unknown_field => "unknown-field",
    unknown_language => "unknown-language",
    unknown_reference => "unknown-reference",
    unknown_tag => "unknown-tag",
    unsafe_url => "unsafe-url",
    untranslated => "untranslated",
    yaml => "yaml",
}

#[test]
fn every_fixture_has_its_test() {
    assert_eq!(cases(), FIXTURE_TESTS, "add the fixture to `fixture_tests!`");
}

#[test]
fn every_code_of_the_contract_has_a_fixture() {
    let cases = cases();
    for code in glossa::diag::Code::ALL {
        let name = code.as_str();
        // These need the file system, a theme or an empty site: tested in `robustness`,
        // `theme` and `reliability`.
        // The import codes are raised by `glossa import` only: tested in `import`.
        if matches!(
            name,
            "read-error"
                | "unknown-string"
                | "link-outside-site"
                | "empty-site"
                | "malformed-input"
                | "duplicate-entry"
                | "file-exists"
                | "dropped-value"
        ) {
            continue;
        }
        assert!(cases.iter().any(|c| c == name), "no fixture for `{name}`");
    }
}

#[test]
fn a_site_with_twenty_mistakes_gets_all_of_them_in_one_run() {
    let site = SiteTest::fixture("many-mistakes");
    let output = site.glossa(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut found: Vec<(String, String, u64)> = lines
        .iter()
        .map(|l| {
            (
                l["code"].as_str().unwrap().to_owned(),
                l["file"].as_str().unwrap().to_owned(),
                l["line"].as_u64().unwrap(),
            )
        })
        .collect();
    found.dedup();
    assert!(found.len() >= 20, "only {} distinct mistakes: {found:#?}", found.len());
    let mut codes: Vec<&str> = lines.iter().map(|l| l["code"].as_str().unwrap()).collect();
    codes.sort_unstable();
    codes.dedup();
    for code in [
        "duplicate-alias",
        "duplicate-source",
        "invalid-quiz",
        "invalid-slug",
        "invalid-value",
        "missing-field",
        "missing-section",
        "missing-translation",
        "mojibake",
        "orphan-translation",
        "prerequisite-cycle",
        "stale-translation",
        "translation-mismatch",
        "unknown-field",
        "unknown-language",
        "unknown-reference",
        "unsafe-url",
        "yaml",
    ] {
        assert!(codes.contains(&code), "{code} not reported: {codes:?}");
    }
    // Sorted by file, then line and column.
    let keys: Vec<(String, u64, u64)> = lines
        .iter()
        .map(|l| (l["file"].as_str().unwrap().to_owned(), l["line"].as_u64().unwrap(), l["column"].as_u64().unwrap()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn human_output_shows_the_line_a_caret_and_help() {
    let site = SiteTest::fixture("many-mistakes");
    let output = site.glossa(&["check"]);
    let text = String::from_utf8_lossy(&output.stdout);
    let expected = "error[unknown-reference]: prerequisite `betta` is not a term
 --> content/en/terms/alpha.md:5:17
  |
5 | prerequisites: [betta]
  |                 ^^^^^
  = help: did you mean `beta`?
";
    assert!(text.contains(expected), "{text}");
    assert!(text.contains("error[prerequisite-cycle]: prerequisites form a cycle: beta → gamma → beta"), "{text}");
    assert!(text.trim_end().ends_with("19 errors, 8 warnings in 9 files"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
}

#[test]
fn github_output_is_workflow_annotations() {
    let site = SiteTest::fixture("many-mistakes");
    let output = site.glossa(&["check", "--format", "github"]);
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().find(|l| l.contains("betta")).unwrap();
    assert_eq!(
        line,
        "::error file=content/en/terms/alpha.md,line=5,col=17,title=unknown-reference::[unknown-reference] prerequisite `betta` is not a term%0Ahelp: did you mean `beta`?"
    );
    assert!(text.lines().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")), "{text}");
}
