//! The theme is embedded, and a site overrides it file by file and string by string.

use crate::support::SiteTest;

#[test]
fn a_site_overrides_templates_statics_and_strings_by_name() {
    let site = SiteTest::fixture("basic");
    site.write("templates/tag.html", "<!DOCTYPE html><html lang=\"{{ page.lang }}\"><head><title>t</title></head><body><p id=\"custom\">{{ tag.label }}</p></body></html>")
        .write("static/style.css", "body { color: red }")
        .write("static/extra.txt", "extra")
        .write("templates/i18n/ko.yaml", "quiz: 문제 풀기\nno_such_key: x\n");
    let built = site.build_with(&["--no-search"]);
    assert_eq!(built.html("ko/tags/consensus/index.html").text("#custom"), "합의");
    assert_eq!(built.text("static/style.css"), "body { color: red }");
    assert_eq!(built.text("static/extra.txt"), "extra");
    assert!(built.exists("static/quiz.js"), "built-in statics stay");
    let page = built.html("ko/terms/proof-of-stake/index.html");
    assert_eq!(page.heading("#quiz-title"), "문제 풀기");
    assert_eq!(page.heading("#sources-title"), "출처", "other strings keep their built-in value");
    let check = site.glossa(&["check"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("warning[unknown-string]: unknown interface string `no_such_key`"), "{out}");
    assert!(out.contains("templates/i18n/ko.yaml:2:1"), "{out}");
}

#[test]
fn a_broken_template_is_a_usage_error_naming_it() {
    let site = SiteTest::fixture("basic");
    site.write("templates/tag.html", "{% if %}");
    let output = site.glossa(&["build", "--out", "public"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("tag.html"), "{err}");
}

#[test]
fn a_site_without_templates_or_static_uses_the_built_in_theme() {
    let built = crate::support::shared("basic", &[]);
    let css = built.text("static/style.css");
    assert!(css.contains("prefers-color-scheme: dark"));
    let page = built.html("en/terms/staking/index.html");
    assert_eq!(page.attr("a.skip-link", "href").as_deref(), Some("#main"));
    assert_eq!(page.select("header[id=site-header] nav.site-nav[aria-label]").len(), 1);
    assert_eq!(page.select("main#main").len(), 1);
}
