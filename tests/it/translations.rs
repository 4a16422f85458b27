//! `glossa translations`: the status of every translation, re-stamping a
//! reviewed one, and what readers see of a stale translation.

use crate::support::{resolve, SiteTest};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn reports_every_language_in_both_formats() {
    let site = SiteTest::fixture("basic");
    let human = stdout(&site.glossa(&["translations"]));
    assert_eq!(
        human,
        "ko (한국어): 0 up to date, 0 stale, 3 untracked, 2 missing of 5 terms\n  untracked: proof-of-stake, staking, validator\n  missing:   restaking, slashing\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&site.glossa(&["translations", "--format", "json"]))).unwrap();
    let ko = &json["languages"][0];
    assert_eq!(ko["code"], "ko");
    assert_eq!(ko["total"], 5);
    assert_eq!(ko["missing"][1]["slug"], "slashing");
    assert_eq!(ko["up-to-date"].as_array().unwrap().len(), 0);
}

#[test]
fn mark_current_stamps_only_the_source_line_and_stale_translations_are_shown() {
    let site = SiteTest::fixture("basic");
    let path = site.root().join("content/ko/terms/staking.md");
    let before = std::fs::read_to_string(&path).unwrap();
    let output = site.glossa(&["translations", "--mark-current", "staking", "--lang", "ko"]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let after = std::fs::read_to_string(&path).unwrap();
    let added: Vec<&str> = after.lines().filter(|l| !before.lines().any(|b| b == *l)).collect();
    assert_eq!(added.len(), 1);
    assert!(added[0].starts_with("source: ") && added[0].len() == "source: ".len() + 12, "{added:?}");
    assert!(stdout(&site.glossa(&["translations"])).starts_with("ko (한국어): 1 up to date, 0 stale, 2 untracked"));

    // The English source changes: the Korean page says so and links the source.
    let en = site.root().join("content/en/terms/staking.md");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(&en, text.replace("Staking needs a", "Staking always needs a")).unwrap();
    assert!(stdout(&site.glossa(&["translations"])).contains("  stale:     staking\n"));
    let built = site.build_with(&["--no-search"]);
    let page = built.html("ko/terms/staking/index.html");
    assert!(page.text("#stale-notice").contains("English"));
    assert_eq!(
        resolve("ko/terms/staking/index.html", &page.attr("#stale-notice a", "href").unwrap()),
        "en/terms/staking/"
    );
    assert!(built.html("ko/terms/validator/index.html").select("#stale-notice").is_empty());
    let status = built.html("ko/translations/index.html");
    let stale: Vec<String> = status
        .select(".status-list")
        .iter()
        .filter(|d| d.text().collect::<String>().contains("뒤처짐"))
        .map(|d| d.text().collect())
        .collect();
    assert_eq!(stale.len(), 1);
    assert!(stale[0].contains("스테이킹"), "{stale:?}");
    let data: serde_json::Value = serde_json::from_str(&built.text("translations.json")).unwrap();
    assert_eq!(data["languages"][0]["stale"][0]["slug"], "staking");

    // Reviewed: re-stamp, and only the hash changes.
    assert_eq!(site.glossa(&["translations", "--mark-current", "staking", "--lang", "ko"]).status.code(), Some(0));
    let restamped = std::fs::read_to_string(&path).unwrap();
    assert_eq!(restamped.lines().count(), after.lines().count());
    assert_ne!(restamped, after);
    assert!(stdout(&site.glossa(&["translations"])).starts_with("ko (한국어): 1 up to date, 0 stale"));
}

#[test]
fn mark_current_refuses_what_it_cannot_stamp() {
    let site = SiteTest::fixture("basic");
    for args in [
        &["translations", "--mark-current", "staking", "--lang", "en"][..],
        &["translations", "--mark-current", "slashing", "--lang", "ko"],
        &["translations", "--mark-current", "no-such-term", "--lang", "ko"],
        &["translations", "--mark-current", "staking"],
    ] {
        assert_eq!(site.glossa(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn every_page_links_the_status_page() {
    let built = crate::support::shared("basic", &[]);
    let page = built.html("en/terms/staking/index.html");
    let href = page.attr(".site-footer a[href*=translations]", "href").unwrap();
    assert_eq!(resolve("en/terms/staking/index.html", &href), "en/translations/");
    assert!(built.exists("en/translations/index.html") && built.exists("ko/translations/index.html"));
}
