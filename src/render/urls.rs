//! Where every page lives and how pages link to each other. Internal links are
//! relative (a site works under any path prefix, and from disk); canonical
//! URLs, hreflang alternates and the sitemap are absolute, from `base_url`.

/// Absolute and path-prefixed URLs for one site.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    base_path: String,
}

impl Urls {
    /// URLs under `base_url` (absolute, ending in `/`).
    pub fn new(base_url: &str) -> Urls {
        let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
        let base_path = after_scheme.find('/').map_or("/", |i| &after_scheme[i..]).to_owned();
        Urls { base: base_url.to_owned(), base_path }
    }

    /// The absolute URL of a site path (`en/terms/x/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base, encode_path(path))
    }

    /// The site path prefixed with the base URL's path (`/glossary/en/`), for
    /// pages such as 404 that are served at any depth.
    pub fn rooted(&self, path: &str) -> String {
        format!("{}{}", self.base_path, encode_path(path))
    }

    /// The base URL's path, ending in `/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }
}

/// Percent-encodes what may not stand in a URL path (spaces, quotes, non-ASCII
/// stays as UTF-8, which browsers and servers accept).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '"' => out.push_str("%22"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            _ => out.push(c),
        }
    }
    out
}

/// The relative prefix from a page at `page_dir` (`en/terms/x/`) to the site root.
pub fn to_root(page_dir: &str) -> String {
    "../".repeat(page_dir.split('/').filter(|s| !s.is_empty()).count())
}

/// The link from a page at `page_dir` to the site path `target`.
pub fn relative(page_dir: &str, target: &str) -> String {
    let link = format!("{}{}", to_root(page_dir), encode_path(target));
    if link.is_empty() {
        "./".to_owned()
    } else {
        link
    }
}

/// A language's home: `en/`.
pub fn home(lang: &str) -> String {
    format!("{lang}/")
}

/// A term page: `en/terms/staking/`.
pub fn term(lang: &str, slug: &str) -> String {
    format!("{lang}/terms/{slug}/")
}

/// A tag page: `en/tags/defi/`.
pub fn tag(lang: &str, tag: &str) -> String {
    format!("{lang}/tags/{tag}/")
}

/// The file that serves a page directory.
pub fn index_file(page_dir: &str) -> String {
    format!("{page_dir}index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_rooted_urls_keep_the_prefix() {
        let urls = Urls::new("https://example.org/glossary/");
        assert_eq!(urls.absolute("en/terms/x/"), "https://example.org/glossary/en/terms/x/");
        assert_eq!(urls.rooted("static/style.css"), "/glossary/static/style.css");
        assert_eq!(Urls::new("https://example.org/").base_path(), "/");
    }

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(relative("en/terms/x/", "ko/terms/x/"), "../../../ko/terms/x/");
        assert_eq!(relative("en/", "en/tags/defi/"), "../en/tags/defi/");
        assert_eq!(relative("", "en/"), "en/");
        assert_eq!(relative("", ""), "./");
    }
}
