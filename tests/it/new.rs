//! `glossa new`: a term skeleton that checks clean, and translations that
//! carry the source hash, so an edit to the source makes them stale.

use crate::support::SiteTest;

fn json(site: &SiteTest) -> Vec<serde_json::Value> {
    let output = site.glossa(&["check", "--format", "json"]);
    String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn starts_a_term_that_checks_without_errors() {
    let site = SiteTest::fixture("basic");
    let output = site.glossa(&["new", "liquid-staking"]);
    assert_eq!(output.status.code(), Some(0));
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.trim_end().ends_with("content/en/terms/liquid-staking.md"), "{printed}");
    let text = std::fs::read_to_string(site.root().join("content/en/terms/liquid-staking.md")).unwrap();
    assert!(text.contains("title: Liquid Staking") && text.contains("{#eli5}") && text.contains("{#expert}"));
    let errors: Vec<_> = json(&site).into_iter().filter(|d| d["severity"] == "error").collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn never_overwrites_and_validates_its_input() {
    let site = SiteTest::fixture("basic");
    let path = site.root().join("content/en/terms/staking.md");
    let before = std::fs::read(&path).unwrap();
    assert_eq!(site.glossa(&["new", "staking"]).status.code(), Some(2));
    assert_eq!(site.glossa(&["new", "validator", "--lang", "ko"]).status.code(), Some(2));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let bad = site.glossa(&["new", "Liquid Staking"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`liquid-staking`"));
    assert_eq!(site.glossa(&["new", "slashing", "--lang", "fr"]).status.code(), Some(2));
    assert_eq!(site.glossa(&["new", "no-such-term", "--lang", "ko"]).status.code(), Some(2));
}

#[test]
fn a_translation_is_stamped_and_goes_stale_when_the_source_changes() {
    let site = SiteTest::fixture("basic");
    let missing = json(&site);
    let help = missing
        .iter()
        .find(|d| d["code"] == "missing-translation" && d["message"].as_str().unwrap().contains("slashing"))
        .unwrap();
    assert_eq!(help["help"], "start it with `glossa new slashing --lang ko`");

    assert_eq!(site.glossa(&["new", "slashing", "--lang", "ko"]).status.code(), Some(0));
    let text = std::fs::read_to_string(site.root().join("content/ko/terms/slashing.md")).unwrap();
    assert!(text.contains("\nsource: "), "{text}");
    assert!(!text.contains("prerequisites:"), "term-wide keys come from the source");
    let after = json(&site);
    assert!(!after.iter().any(|d| d["code"] == "stale-translation"));
    assert!(after.iter().any(|d| d["code"] == "untranslated" && d["file"] == "content/ko/terms/slashing.md"));
    assert!(!after
        .iter()
        .any(|d| d["code"] == "missing-translation" && d["message"].as_str().unwrap().contains("slashing")));

    // Tags and sources do not make a translation stale; the body does.
    let source = site.root().join("content/en/terms/slashing.md");
    let en = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, en.replace("sources:\n", "tags: [consensus]\nsources:\n")).unwrap();
    assert!(!json(&site).iter().any(|d| d["code"] == "stale-translation"));
    std::fs::write(&source, en.replace("Slashing punishes", "Slashing burns stake and punishes")).unwrap();
    let stale: Vec<_> = json(&site).into_iter().filter(|d| d["code"] == "stale-translation").collect();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0]["file"], "content/ko/terms/slashing.md");
    let source_line = text.lines().position(|l| l.starts_with("source:")).unwrap() + 1;
    assert_eq!(stale[0]["line"].as_u64(), Some(source_line as u64));
}

#[test]
fn a_translation_never_starts_from_a_source_with_errors() {
    let cases = [
        (SiteTest::fixture("basic"), "content/en/terms/slashing.md", &["new", "slashing", "--lang", "ko"][..]),
        (
            SiteTest::layered("basic", "articles"),
            "content/en/articles/an-older-note.md",
            &["new", "an-older-note", "--article", "--lang", "ko"][..],
        ),
    ];
    for (site, source, args) in cases {
        let text = std::fs::read_to_string(site.root().join(source)).unwrap();
        site.write(source, &text.replacen("title: ", "title: [", 1));
        let translation = site.root().join(source.replacen("/en/", "/ko/", 1));
        let output = site.glossa(args);
        assert_eq!(output.status.code(), Some(2), "{source}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(&format!("{source} has errors: fix them first")), "{stderr}");
        assert!(!translation.exists(), "{source}: nothing is written");
    }
}
