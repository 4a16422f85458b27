//! Absolute URLs, from `base_url`: canonical links, `hreflang` alternates,
//! the sitemap, feeds and the search index. Links between pages are
//! relative ([`super::path`]), so a site works under any path and from disk.

use super::path::encode_path;

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

    /// The site path prefixed with the base URL's path (`/glossary/en/`).
    pub fn rooted(&self, path: &str) -> String {
        format!("{}{}", self.base_path, encode_path(path))
    }

    /// The base URL's path, ending in `/`.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }
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
}
