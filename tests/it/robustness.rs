//! Hostile and broken input: every case gives a diagnostic or works, never a
//! panic or a hang. A property test feeds arbitrary front matter and Markdown
//! through the whole analysis and render.

use proptest::prelude::*;

use crate::support::SiteTest;

fn check_json(site: &SiteTest) -> (Option<i32>, Vec<serde_json::Value>) {
    let output = site.glossa(&["check", "--format", "json"]);
    let lines = String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (output.status.code(), lines)
}

fn codes(lines: &[serde_json::Value]) -> Vec<String> {
    lines.iter().map(|l| l["code"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn empty_and_fence_less_files_are_reported() {
    let site = SiteTest::fixture("invalid/base");
    site.write("content/en/terms/empty.md", "")
        .write("content/en/terms/no-front.md", "# Just a heading\n")
        .write("content/en/terms/unterminated.md", "---\ntitle: Open\nsummary: never closed\n");
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let yaml: Vec<&str> = lines.iter().filter(|l| l["code"] == "yaml").map(|l| l["file"].as_str().unwrap()).collect();
    assert_eq!(yaml, ["content/en/terms/empty.md", "content/en/terms/no-front.md", "content/en/terms/unterminated.md"]);
}

#[test]
fn binary_files_are_invalid_utf8() {
    let site = SiteTest::fixture("invalid/base");
    std::fs::write(site.root().join("content/en/terms/image.md"), [0x89, b'P', b'N', b'G', 0, 0xff, 0xfe]).unwrap();
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    assert!(codes(&lines).contains(&"invalid-utf8".to_owned()), "{lines:?}");
}

#[test]
fn huge_files_work() {
    let site = SiteTest::fixture("invalid/base");
    let paragraph = "Hashes make tamper-evident fingerprints of data of any size. ".repeat(40);
    let body = format!("{paragraph}\n\n").repeat(800);
    assert!(body.len() > 1_500_000);
    let text = std::fs::read_to_string(site.root().join("content/en/terms/blockchain.md")).unwrap();
    site.write(
        "content/en/terms/blockchain.md",
        &text.replace("A blockchain is a ledger", &format!("{body}A blockchain is a ledger")),
    );
    let built = site.build_with(&["--no-search"]);
    assert!(built.text("en/terms/blockchain/index.html").len() > 1_500_000);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let site = SiteTest::fixture("invalid/base");
    std::os::unix::fs::symlink("..", site.root().join("content/en/terms/loop")).unwrap();
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let read_errors: Vec<&serde_json::Value> = lines.iter().filter(|l| l["code"] == "read-error").collect();
    assert_eq!(read_errors.len(), 1, "{lines:?}");
    assert!(read_errors[0]["message"].as_str().unwrap().contains("symbolic link loop"));
}

#[test]
fn a_failure_while_rendering_leaves_the_previous_site_intact() {
    let site = SiteTest::fixture("invalid/base");
    let built = site.build_with(&["--no-search"]);
    let before = crate::support::tree(&built.out);
    // Parses, but fails when rendered: the error comes after the staging folder exists.
    site.write("templates/term.html", "{{ page.no_such_field.deeper }}");
    let output = site.glossa(&["build", "--out", built.out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(crate::support::tree(&built.out), before);
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("glossa-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// Front matter values that are plausible, broken, or hostile.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z-]{0,12}",
        "\\PC{0,20}",
        Just("[unclosed".to_owned()),
        Just("{ a: [1, 2 }".to_owned()),
        Just("\"quoted: \\\"x\\\"\"".to_owned()),
        Just("*alias".to_owned()),
        Just("&anchor [a]".to_owned()),
        Just("|\n  block".to_owned()),
        Just("[[wiki]] and `code`".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("~".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999999999999".to_owned()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(glossa::frontmatter::TERM_KEYS.to_vec()).prop_map(str::to_owned),
        "[a-z_]{1,10}",
        Just("- item".to_owned()),
        Just("? complex".to_owned()),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "\\PC{0,40}",
        Just("[[".to_owned()),
        Just("]]".to_owned()),
        Just("[[alpha]]".to_owned()),
        Just("[[alpha|x]]".to_owned()),
        Just("[[#]]".to_owned()),
        Just("## Head {#eli5}\n".to_owned()),
        Just("## Head {#expert}\n".to_owned()),
        Just("## Head {#quiz}\n".to_owned()),
        Just("```rust\nfn x() {}\n".to_owned()),
        Just("```\n".to_owned()),
        Just("[^1]\n\n[^1]: note\n".to_owned()),
        Just("| a | b |\n|---|---|\n| 1 |\n".to_owned()),
        Just("<script>x</script>".to_owned()),
        Just("[l](javascript:x)".to_owned()),
        Just("![i](data:x)".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|parts| parts.concat())
}

fn term_file() -> impl Strategy<Value = String> {
    let arbitrary = (prop::collection::vec((key(), value()), 0..8), markdown(), any::<bool>()).prop_map(
        |(fields, body, fenced)| {
            let front: String = fields.into_iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            if fenced {
                format!("---\n{front}---\n{body}")
            } else {
                format!("{front}{body}")
            }
        },
    );
    // A valid front matter with an arbitrary body, so rendering is exercised too.
    let valid_front =
        ("\\PC{1,20}", markdown()).prop_map(|(title, body)| format!("---\ntitle: {title:?}\nsummary: s\n---\n{body}"));
    prop_oneof![arbitrary, valid_front]
}

proptest! {
    // Each case writes a small site and runs the whole pipeline in process.
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_content_never_panics(alpha in term_file(), beta in term_file(), ko in term_file()) {
        let inputs = glossa::pipeline::Inputs {
            config: b"title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: Korean }\n".to_vec(),
            content: vec![
                glossa::source::RawFile { rel: "content/en/terms/alpha.md".into(), bytes: Ok(alpha.into_bytes()) },
                glossa::source::RawFile { rel: "content/en/terms/beta.md".into(), bytes: Ok(beta.into_bytes()) },
                glossa::source::RawFile { rel: "content/ko/terms/alpha.md".into(), bytes: Ok(ko.into_bytes()) },
            ],
            theme_root: None,
        };
        let analysis = glossa::pipeline::analyse_inputs(inputs, &glossa::pipeline::Options::default()).unwrap();
        let text = glossa::diag::render(&analysis.diagnostics, analysis.sources(), glossa::diag::Format::Human, false);
        prop_assert!(analysis.diagnostics.is_empty() || !text.is_empty());
        // glossa never renders content with errors, but even that must not panic.
        if let Some(site) = analysis.site.as_ref() {
            let sink = glossa::output::MemorySink::default();
            site.renderer(true).without_search().render(&sink, &|| {}).unwrap();
            prop_assert!(!sink.into_files().is_empty());
        }
    }
}
