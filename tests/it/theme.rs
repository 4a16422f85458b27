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

/// `site` with its own copy of the built-in `base.html` (a comment added),
/// which makes Tera render its term pages.
fn with_own_base_template(site: &SiteTest) {
    let builtin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/base.html")).unwrap();
    site.write("templates/base.html", &format!("{{# a site's own copy #}}{builtin}"));
}

#[test]
fn term_pages_written_by_glossa_are_those_tera_renders_from_the_built_in_templates() {
    for fixture in ["sample", "basic", "hostile", "languages", "senses"] {
        let native = crate::support::shared(fixture, &["--no-search"]);
        let site = if fixture == "sample" { SiteTest::sample() } else { SiteTest::fixture(fixture) };
        with_own_base_template(&site);
        let tera = site.build_with(&["--no-search"]);
        let (native, tera) = (crate::support::tree(&native.out), crate::support::tree(&tera.out));
        assert!(native.iter().any(|(path, _)| path.contains("/terms/")), "{fixture}: no term pages");
        assert_eq!(native.len(), tera.len(), "{fixture}: the same files");
        for ((path, bytes), (tera_path, tera_bytes)) in native.iter().zip(&tera) {
            assert_eq!(path, tera_path, "{fixture}");
            assert!(bytes == tera_bytes, "{fixture}: {path} differs between glossa's markup and Tera's");
        }
    }
}

#[test]
fn with_the_search_index_in_parts_glossa_and_tera_still_write_the_same_term_pages() {
    let sharded = |own_base: bool| {
        let site = SiteTest::fixture("basic");
        let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
        site.write("site.yaml", &format!("{config}search_shard_size: 2\n"));
        if own_base {
            with_own_base_template(&site);
        }
        let built = site.build_with(&["--no-search"]);
        crate::support::tree(&built.out)
    };
    let native = sharded(false);
    assert!(String::from_utf8_lossy(&native.iter().find(|(p, _)| p == "en/terms/staking/index.html").unwrap().1)
        .contains("data-shards="));
    assert!(native == sharded(true), "the same files, byte for byte");
}

#[test]
fn a_site_term_template_arranges_the_parts_of_the_page() {
    let site = SiteTest::fixture("basic");
    site.write(
        "templates/term.html",
        "{% extends \"base.html\" %}{% block layout %}<main id=\"main\"><h1 id=\"own-title\">{{ title }}</h1>\
         {{ fragments.quiz | safe }}{{ fragments.sources | safe }}\
         <p id=\"own-count\">{{ related | length }}</p></main>{% endblock layout %}",
    );
    let built = site.build_with(&["--no-search"]);
    let page = built.html("en/terms/proof-of-stake/index.html");
    assert_eq!(page.text("#own-title"), "Proof of Stake");
    assert_eq!(page.select("#quiz fieldset.quiz-question").len(), 2, "the quiz as the built-in page writes it");
    assert_eq!(page.select("#sources li").len(), 2);
    assert!(page.select("#explanation").is_empty(), "only the parts the template places");
    assert_eq!(page.text("#own-count"), "1", "the view's data is there too");
    assert_eq!(page.select("header#site-header").len(), 1, "the site's base.html around it");
}

#[test]
fn a_site_macros_template_reaches_term_pages() {
    let site = SiteTest::fixture("basic");
    let builtin = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/macros.html")).unwrap();
    let own = builtin.replace("<ul class=\"nav-list\">", "<ul class=\"nav-list\" id=\"own-nav\">");
    assert_ne!(own, builtin);
    site.write("templates/macros.html", &own);
    let built = site.build_with(&["--no-search"]);
    let page = built.html("en/terms/staking/index.html");
    assert_eq!(page.select("#own-nav").len(), 2, "the header's and the phone menu's navigation");
}
