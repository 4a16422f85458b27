//! The built-in `base.html` (the document around every page: `<head>`, the
//! site's header and footer) written by glossa itself, for the pages whose
//! number grows with the glossary. A site that keeps the built-in templates
//! gets its term pages from here without a template engine; one with its
//! own `base.html` or `term.html` gets them from Tera. Both give the same
//! bytes: `tests/it/theme.rs` renders every term page of the fixtures both
//! ways and compares them.

use super::html::{filled, Html};
use super::layout::PageView;

/// The blocks a page fills in the document.
pub(crate) struct Blocks<'b> {
    /// The `class` of `<body>`.
    pub body_class: &'b str,
    /// Everything between the site's header and footer.
    pub layout: &'b str,
    /// The page's own scripts, after the site's.
    pub scripts: &'b str,
}

const MARK_ICON: &str = "<svg class=\"site-title__mark\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"12\" cy=\"12\" r=\"4\"/><circle cx=\"4\" cy=\"5\" r=\"2.5\"/><circle cx=\"20\" cy=\"5\" r=\"2.5\"/><circle cx=\"12\" cy=\"21\" r=\"2.5\"/><path d=\"M6 6.5l4 3.5M18 6.5l-4 3.5M12 16v2.5\"/></svg>";
const SEARCH_ICON: &str = "<svg viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\"/><path d=\"M15.5 15.5L21 21\"/></svg>";
const THEME_ICON: &str = "<svg viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"12\" cy=\"12\" r=\"4.5\"/><path d=\"M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4\"/></svg>";
const MENU_ICON: &str = "<svg viewBox=\"0 0 24 24\" width=\"22\" height=\"22\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M4 7h16M4 12h16M4 17h16\"/></svg>";

/// The whole document of a page.
pub(crate) fn document(page: &PageView<'_>, blocks: &Blocks<'_>) -> String {
    let mut h = Html::with_capacity(blocks.layout.len() + 12 * 1024);
    head(&mut h, page);
    body_start(&mut h, page, blocks.body_class);
    header(&mut h, page);
    h.raw(blocks.layout).raw("\n");
    footer(&mut h, page);
    h.raw(blocks.scripts).raw("\n</body>\n</html>\n");
    h.into_string()
}

/// A string of the page's language.
fn t<'p>(page: &PageView<'p>, key: &'p str) -> &'p str {
    page.t.get(key).map_or(key, String::as_str)
}

fn head(h: &mut Html, page: &PageView<'_>) {
    let description = filled(Some(page.description.as_str()));
    h.raw("<!DOCTYPE html>\n<html lang=\"").text(page.lang).raw("\" dir=\"").text(page.dir);
    h.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>");
    h.text(&page.title).raw("</title>\n");
    if let Some(description) = description {
        h.raw("<meta name=\"description\" content=\"").text(description).raw("\">\n");
    }
    h.raw("<link rel=\"canonical\" href=\"").text(&page.canonical).raw("\">\n");
    for alternate in &page.alternates {
        h.raw("<link rel=\"alternate\" hreflang=\"").text(alternate.lang).raw("\" href=\"").text(&alternate.href);
        h.raw("\">\n");
    }
    h.raw("<link rel=\"alternate\" hreflang=\"x-default\" href=\"").text(&page.x_default).raw("\">\n");
    h.raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").text(page.site_name);
    h.raw("\" href=\"").text(&page.feed_href).raw("\">\n<meta property=\"og:type\" content=\"").text(page.og_type);
    h.raw("\">\n<meta property=\"og:title\" content=\"").text(&page.title).raw("\">\n");
    if let Some(description) = description {
        h.raw("<meta property=\"og:description\" content=\"").text(description).raw("\">\n");
    }
    h.raw("<meta property=\"og:url\" content=\"").text(&page.canonical);
    h.raw("\">\n<meta property=\"og:site_name\" content=\"").text(page.site_name);
    h.raw("\">\n<meta property=\"og:locale\" content=\"").text(&page.og_locale).raw("\">\n");
    for locale in &page.og_alternates {
        h.raw("<meta property=\"og:locale:alternate\" content=\"").text(locale).raw("\">\n");
    }
    h.raw("<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\"");
    h.text(&page.title).raw("\">\n");
    if let Some(description) = description {
        h.raw("<meta name=\"twitter:description\" content=\"").text(description).raw("\">\n");
    }
    if let Some(json_ld) = filled(page.json_ld.as_deref()) {
        h.raw("<script type=\"application/ld+json\">").raw(json_ld).raw("</script>\n");
    }
    let root = page.root.as_str();
    h.raw("<link rel=\"icon\" href=\"").text(root).raw("static/favicon.svg\" type=\"image/svg+xml\">\n");
    h.raw("<script src=\"").text(root).raw("static/theme.js\"></script>\n");
    h.raw("<link rel=\"stylesheet\" href=\"").text(root).raw("static/style.css\">\n");
    h.raw("<link rel=\"stylesheet\" href=\"").text(root).raw("static/highlight.css\">\n\n</head>\n");
}

fn body_start(h: &mut Html, page: &PageView<'_>, body_class: &str) {
    h.raw("<body class=\"").raw(body_class).raw("\" data-copy=\"").text(t(page, "copy_code"));
    h.raw("\" data-copied=\"").text(t(page, "copied")).raw("\"");
    let digits = t(page, "digits");
    if digits != "0123456789" {
        h.raw(" data-digits=\"").text(digits).raw("\"");
    }
    h.raw(">\n<a class=\"skip-link\" href=\"#main\">").text(t(page, "skip_to_content")).raw("</a>\n");
}

fn header(h: &mut Html, page: &PageView<'_>) {
    h.raw("<header class=\"site-header\" id=\"site-header\">\n  <div class=\"site-header__inner\">\n    <a class=\"site-title\" href=\"");
    h.text(&page.home).raw("\"");
    if page.is_home {
        h.raw(" aria-current=\"page\"");
    }
    h.raw(">").raw(MARK_ICON).raw("<span>").text(page.site_title).raw("</span></a>\n");
    h.raw("    <nav class=\"site-nav\" aria-label=\"").text(t(page, "nav_label")).raw("\">\n      ");
    nav(h, page);
    h.raw("\n    </nav>\n    <div class=\"site-tools\">\n");
    search_form(h, page);
    h.raw("      <nav class=\"language-switcher\" aria-label=\"").text(t(page, "languages"));
    h.raw("\">\n        <ul>\n");
    languages(h, page);
    h.raw("        </ul>\n      </nav>\n      <button class=\"theme-toggle\" type=\"button\" hidden");
    for (name, key) in
        [("light", "theme_light"), ("dark", "theme_dark"), ("system", "theme_system"), ("label", "theme")]
    {
        h.raw(" data-").raw(name).raw("=\"").text(t(page, key)).raw("\"");
    }
    h.raw(">").raw(THEME_ICON).raw("<span class=\"theme-toggle__label\">").text(t(page, "theme_system"));
    h.raw("</span></button>\n    </div>\n    <details class=\"mobile-menu\">\n      <summary aria-label=\"");
    h.text(t(page, "menu")).raw("\">").raw(MENU_ICON).raw("<span aria-hidden=\"true\">").text(t(page, "menu"));
    h.raw("</span></summary>\n      <nav class=\"mobile-menu__panel\" aria-label=\"").text(t(page, "nav_label"));
    h.raw("\">\n        ");
    nav(h, page);
    h.raw("\n        <ul class=\"mobile-menu__languages\">\n");
    languages(h, page);
    h.raw("        </ul>\n      </nav>\n    </details>\n  </div>\n</header>\n");
}

fn search_form(h: &mut Html, page: &PageView<'_>) {
    h.raw("      <form class=\"search\" id=\"search\" role=\"search\" aria-label=\"").text(t(page, "search_label"));
    h.raw("\" action=\"").text(&page.search_href).raw("\" method=\"get\" data-index=\"").text(&page.root);
    h.raw("pagefind/").text(page.lang).raw("/pagefind.js\"");
    if !page.search_shards.is_empty() {
        h.raw(" data-shards=\"").text(&page.search_shards).raw("\"");
    }
    h.raw("\n         ");
    let lines: [&[(&str, &str)]; 2] = [
        &[("results", "search_results"), ("none", "search_none"), ("unavailable", "search_unavailable")],
        &[("more", "search_show_more"), ("title", "search_title"), ("close", "close")],
    ];
    for line in lines {
        for (name, key) in line {
            h.raw(" data-").raw(name).raw("=\"").text(t(page, key)).raw("\"");
        }
        h.raw("\n         ");
    }
    h.raw(" data-particles=\"").text(&page.search_particles).raw("\">\n");
    h.raw("        <label class=\"visually-hidden\" for=\"search-input\">").text(t(page, "search_label"));
    h.raw("</label>\n        <input id=\"search-input\" type=\"search\" name=\"q\" placeholder=\"");
    h.text(t(page, "search_placeholder"));
    h.raw("\" autocomplete=\"off\" spellcheck=\"false\">\n        <kbd class=\"search__key\" aria-hidden=\"true\">/</kbd>\n        <button class=\"search__submit\" type=\"submit\">");
    h.raw(SEARCH_ICON).raw("<span class=\"visually-hidden\">").text(t(page, "search_button"));
    h.raw("</span></button>\n      </form>\n");
}

/// The site's sections (the `nav` macro).
fn nav(h: &mut Html, page: &PageView<'_>) {
    h.raw("<ul class=\"nav-list\">\n");
    let articles = filled(page.articles_href.as_deref());
    let items = [
        (Some(page.home.as_str()), "terms", "nav_terms"),
        (Some(page.topics_href.as_str()), "topics", "nav_topics"),
        (Some(page.practice_href.as_str()), "practice", "practice_title"),
        (articles, "articles", "articles"),
    ];
    for (href, section, key) in items {
        let Some(href) = href else { continue };
        h.raw("        <li><a href=\"").text(href).raw("\"");
        if page.section == section {
            h.raw(" aria-current=\"true\"");
        }
        h.raw(">").text(t(page, key)).raw("</a></li>\n");
    }
    h.raw("      </ul>");
}

/// The language switcher's entries.
fn languages(h: &mut Html, page: &PageView<'_>) {
    for language in &page.languages {
        h.raw("          <li><a href=\"").text(&language.href).raw("\" hreflang=\"").text(language.code);
        h.raw("\" lang=\"").text(language.code).raw("\"");
        if language.current {
            h.raw(" aria-current=\"true\"");
        }
        h.raw(">").text(language.name).raw("</a></li>\n");
    }
}

fn footer(h: &mut Html, page: &PageView<'_>) {
    h.raw("<footer class=\"site-footer\" id=\"site-footer\">\n  <div class=\"site-footer__inner\">\n    <ul class=\"site-footer__links\">\n");
    let links = [
        (Some(page.home.as_str()), "all_terms"),
        (Some(page.topics_href.as_str()), "nav_topics"),
        (Some(page.practice_href.as_str()), "practice_title"),
        (filled(page.articles_href.as_deref()), "articles"),
        (filled(page.status_href.as_deref()), "translations_title"),
        (Some(page.feed_href.as_str()), "feed"),
    ];
    for (href, key) in links {
        let Some(href) = href else { continue };
        h.raw("      <li><a href=\"").text(href).raw("\">").text(t(page, key)).raw("</a></li>\n");
    }
    h.raw("    </ul>\n    <p>").text(t(page, "footer_built")).raw("</p>\n  </div>\n</footer>\n");
    h.raw("<script src=\"").text(&page.root).raw("static/site.js\" defer></script>\n");
    h.raw("<script src=\"").text(&page.root).raw("static/search.js\" defer></script>\n");
}
