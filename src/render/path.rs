//! Where every page and file of the site lives: one typed value per page
//! ([`PagePath`]) or file ([`FilePath`]), each giving its folder or file and
//! a link to it. Links are written from the site root behind [`ROOT`], which
//! stands for "the way from this page to the root"; [`relativize`] replaces
//! it when a page is written, so the same HTML (a summary, a body) is right
//! on a page at any depth, and the 404 page, served at any depth, gets the
//! base URL's path instead.

/// Stands for the path from the page being written to the site root. It is
/// a control character, which content can never hold (each one is an error
/// in `check`), so no text can forge it.
pub const ROOT: char = '\u{1}';

/// A page: a folder holding `index.html`, or a file at the root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePath<'a> {
    /// The language chooser: `index.html`.
    Chooser,
    /// `404.html`, which hosts serve at any depth.
    NotFound,
    /// A language's home: `en/`.
    Home(&'a str),
    /// A term: `en/terms/staking/`.
    Term(&'a str, &'a str),
    /// Page `n` (from 1) of a tag's terms: `en/tags/defi/`, `en/tags/defi/2/`.
    Tag(&'a str, &'a str, usize),
    /// A tag's concept map: `en/tags/defi/map/`.
    ConceptMap(&'a str, &'a str),
    /// A language's topics: every tag with its concept map, `en/tags/`.
    Topics(&'a str),
    /// A language's search page: `en/search/` (`?q=` with JavaScript).
    Search(&'a str),
    /// Page `n` (from 1) of one letter of the A–Z index: `en/az/s/`, `en/az/s/2/`.
    Az(&'a str, &'a str, usize),
    /// A language's article index: `en/articles/`.
    Articles(&'a str),
    /// An article: `en/articles/how-staking-works/`.
    Article(&'a str, &'a str),
    /// A language's practice page: `en/practice/`.
    Practice(&'a str),
    /// A language's translation status page: `en/translations/`.
    Translations(&'a str),
    /// The senses of a name several terms share: `en/senses/token/`.
    Senses(&'a str, &'a str),
}

impl<'a> PagePath<'a> {
    /// The page's folder, relative to the site root and ending in `/`
    /// (empty for the pages at the root).
    pub fn dir(&self) -> String {
        let mut dir = String::with_capacity(48);
        let mut push = |parts: &[&str]| {
            for part in parts {
                dir.push_str(part);
                dir.push('/');
            }
        };
        match *self {
            PagePath::Chooser | PagePath::NotFound => {}
            PagePath::Home(lang) => push(&[lang]),
            PagePath::Term(lang, slug) => push(&[lang, "terms", slug]),
            PagePath::Tag(lang, tag, _) => push(&[lang, "tags", tag]),
            PagePath::ConceptMap(lang, tag) => push(&[lang, "tags", tag, "map"]),
            PagePath::Topics(lang) => push(&[lang, "tags"]),
            PagePath::Search(lang) => push(&[lang, "search"]),
            PagePath::Az(lang, letter, _) => push(&[lang, "az", letter]),
            PagePath::Articles(lang) => push(&[lang, "articles"]),
            PagePath::Article(lang, slug) => push(&[lang, "articles", slug]),
            PagePath::Practice(lang) => push(&[lang, "practice"]),
            PagePath::Translations(lang) => push(&[lang, "translations"]),
            PagePath::Senses(lang, slug) => push(&[lang, "senses", slug]),
        }
        if let PagePath::Tag(_, _, n) | PagePath::Az(_, _, n) = *self {
            if n > 1 {
                dir.push_str(&n.to_string());
                dir.push('/');
            }
        }
        dir
    }

    /// The path its URL names: the folder (served as `index.html`), or the
    /// file for the 404 page.
    pub fn url_path(&self) -> String {
        match self {
            PagePath::NotFound => self.file(),
            _ => self.dir(),
        }
    }

    /// The file that holds the page.
    pub fn file(&self) -> String {
        match self {
            PagePath::NotFound => "404.html".to_owned(),
            _ => format!("{}index.html", self.dir()),
        }
    }

    /// A link to the page, from the root marker: right on any page once written.
    pub fn href(&self) -> String {
        rooted(&self.dir())
    }

    /// The page's language, for pages that have one.
    pub fn lang(&self) -> Option<&'a str> {
        match *self {
            PagePath::Chooser | PagePath::NotFound => None,
            PagePath::Home(lang)
            | PagePath::Term(lang, _)
            | PagePath::Tag(lang, _, _)
            | PagePath::ConceptMap(lang, _)
            | PagePath::Topics(lang)
            | PagePath::Search(lang)
            | PagePath::Az(lang, _, _)
            | PagePath::Articles(lang)
            | PagePath::Article(lang, _)
            | PagePath::Practice(lang)
            | PagePath::Translations(lang)
            | PagePath::Senses(lang, _) => Some(lang),
        }
    }

    /// The same page in language `code` (the switcher, `hreflang`). The
    /// pages at the root have no languages: theirs is the language's home.
    pub fn in_lang<'b>(&self, code: &'b str) -> PagePath<'b>
    where
        'a: 'b,
    {
        match *self {
            PagePath::Chooser | PagePath::NotFound | PagePath::Home(_) => PagePath::Home(code),
            PagePath::Term(_, slug) => PagePath::Term(code, slug),
            PagePath::Tag(_, tag, n) => PagePath::Tag(code, tag, n),
            PagePath::ConceptMap(_, tag) => PagePath::ConceptMap(code, tag),
            PagePath::Topics(_) => PagePath::Topics(code),
            PagePath::Search(_) => PagePath::Search(code),
            PagePath::Az(_, letter, n) => PagePath::Az(code, letter, n),
            PagePath::Articles(_) => PagePath::Articles(code),
            PagePath::Article(_, slug) => PagePath::Article(code, slug),
            PagePath::Practice(_) => PagePath::Practice(code),
            PagePath::Translations(_) => PagePath::Translations(code),
            PagePath::Senses(_, slug) => PagePath::Senses(code, slug),
        }
    }

    /// The way from this page to the site root: `../` per folder, or, for
    /// the 404 page, `base_path` (it is served at any depth).
    pub fn to_root(&self, base_path: &str) -> String {
        match self {
            PagePath::NotFound => base_path.to_owned(),
            _ => "../".repeat(self.dir().matches('/').count()),
        }
    }
}

/// A file of the site that is not a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePath<'a> {
    /// A file of the theme's `static/`.
    Static(&'a str),
    /// A term's concept graph as Mermaid source: `en/terms/staking/graph.mmd`.
    Graph(&'a str, &'a str),
    /// A language's Atom feed: `en/atom.xml`.
    Feed(&'a str),
    /// A language's export: `en/glossary.json`.
    Export(&'a str),
    /// Every language's terms as CSV: `glossary.csv`.
    Csv,
    /// A language's terms as CSV: `en/glossary.csv`.
    LanguageCsv(&'a str),
    /// Every language's terms as TBX v2, which translation tools read: `glossary.tbx`.
    Tbx,
    /// A language's terms as TBX v2: `en/glossary.tbx`.
    LanguageTbx(&'a str),
    /// Every language's terms as TBX v3: `glossary.v3.tbx`.
    TbxV3,
    /// A language's terms as TBX v3: `en/glossary.v3.tbx`.
    LanguageTbxV3(&'a str),
    /// The glossary as a SKOS concept scheme in Turtle: `glossary.ttl`.
    Skos,
    /// A language's Anki deck: `en/anki.txt`.
    Anki(&'a str),
    /// A language's learning paths: `en/paths.json`.
    Paths(&'a str),
    /// A language's quiz questions: `en/quiz.json`.
    Quiz(&'a str),
    /// A file of a language's search bundle: `pagefind/en/…`.
    Search(&'a str, &'a str),
    /// The folder of a language's search bundle: `pagefind/en/`.
    SearchBundle(&'a str),
    /// The translation status of every language: `translations.json`.
    TranslationStatus,
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// `.nojekyll`, which keeps GitHub Pages from running Jekyll.
    NoJekyll,
}

impl FilePath<'_> {
    /// The file's path relative to the site root.
    pub fn path(&self) -> String {
        match *self {
            FilePath::Static(name) => format!("static/{name}"),
            FilePath::Graph(lang, slug) => format!("{}graph.mmd", PagePath::Term(lang, slug).dir()),
            FilePath::Feed(lang) => format!("{lang}/atom.xml"),
            FilePath::Export(lang) => format!("{lang}/glossary.json"),
            FilePath::Csv => "glossary.csv".to_owned(),
            FilePath::LanguageCsv(lang) => format!("{lang}/glossary.csv"),
            FilePath::Tbx => "glossary.tbx".to_owned(),
            FilePath::LanguageTbx(lang) => format!("{lang}/glossary.tbx"),
            FilePath::TbxV3 => "glossary.v3.tbx".to_owned(),
            FilePath::LanguageTbxV3(lang) => format!("{lang}/glossary.v3.tbx"),
            FilePath::Skos => "glossary.ttl".to_owned(),
            FilePath::Anki(lang) => format!("{lang}/anki.txt"),
            FilePath::Paths(lang) => format!("{lang}/paths.json"),
            FilePath::Quiz(lang) => format!("{lang}/quiz.json"),
            FilePath::Search(lang, file) => format!("pagefind/{lang}/{file}"),
            FilePath::SearchBundle(lang) => format!("pagefind/{lang}/"),
            FilePath::TranslationStatus => "translations.json".to_owned(),
            FilePath::Sitemap => "sitemap.xml".to_owned(),
            FilePath::Robots => "robots.txt".to_owned(),
            FilePath::NoJekyll => ".nojekyll".to_owned(),
        }
    }

    /// A link to the file, from the root marker.
    pub fn href(&self) -> String {
        rooted(&self.path())
    }
}

/// `text` with every root marker replaced by `to_root`: the links in it made
/// right for the page `to_root` leads up from.
pub fn relativize(text: &str, to_root: &str) -> String {
    if to_root.is_empty() {
        // From the root itself, a link to the root is `./`, never empty.
        return text.replace(&format!("{ROOT}\""), "./\"").replace(ROOT, "");
    }
    text.replace(ROOT, to_root)
}

/// `path`, encoded, after the root marker.
fn rooted(path: &str) -> String {
    let mut href = String::with_capacity(path.len() + 4);
    href.push(ROOT);
    encode_path_into(path, &mut href);
    href
}

/// Percent-encodes what may not stand in a URL path (spaces, quotes, `#`,
/// `?`); non-ASCII stays as UTF-8, which browsers and servers accept.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    encode_path_into(path, &mut out);
    out
}

fn encode_path_into(path: &str, out: &mut String) {
    if !path.contains([' ', '"', '<', '>', '#', '?']) {
        out.push_str(path);
        return;
    }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_one_folder() {
        let cases = [
            (PagePath::Chooser, "", "index.html"),
            (PagePath::NotFound, "", "404.html"),
            (PagePath::Home("en"), "en/", "en/index.html"),
            (PagePath::Term("ko", "staking"), "ko/terms/staking/", "ko/terms/staking/index.html"),
            (PagePath::Tag("en", "defi", 1), "en/tags/defi/", "en/tags/defi/index.html"),
            (PagePath::Tag("en", "defi", 3), "en/tags/defi/3/", "en/tags/defi/3/index.html"),
            (PagePath::ConceptMap("en", "defi"), "en/tags/defi/map/", "en/tags/defi/map/index.html"),
            (PagePath::Topics("en"), "en/tags/", "en/tags/index.html"),
            (PagePath::Search("ko"), "ko/search/", "ko/search/index.html"),
            (PagePath::Az("ko", "ㄱ", 2), "ko/az/ㄱ/2/", "ko/az/ㄱ/2/index.html"),
            (PagePath::Articles("en"), "en/articles/", "en/articles/index.html"),
            (PagePath::Article("en", "a"), "en/articles/a/", "en/articles/a/index.html"),
            (PagePath::Practice("en"), "en/practice/", "en/practice/index.html"),
            (PagePath::Translations("en"), "en/translations/", "en/translations/index.html"),
            (PagePath::Senses("en", "token"), "en/senses/token/", "en/senses/token/index.html"),
        ];
        for (page, dir, file) in cases {
            assert_eq!((page.dir().as_str(), page.file().as_str()), (dir, file), "{page:?}");
            if let Some(lang) = page.lang() {
                assert_eq!(page.in_lang("xx").in_lang(lang), page);
            }
        }
    }

    #[test]
    fn links_resolve_for_the_page_they_are_written_on() {
        let target = PagePath::Term("en", "staking").href();
        let on = |page: PagePath<'_>| relativize(&format!("<a href=\"{target}\">"), &page.to_root("/glossary/"));
        assert_eq!(on(PagePath::Term("en", "x")), "<a href=\"../../../en/terms/staking/\">");
        assert_eq!(on(PagePath::Tag("en", "defi", 2)), "<a href=\"../../../../en/terms/staking/\">");
        assert_eq!(on(PagePath::Home("en")), "<a href=\"../en/terms/staking/\">");
        assert_eq!(on(PagePath::Chooser), "<a href=\"en/terms/staking/\">");
        assert_eq!(on(PagePath::NotFound), "<a href=\"/glossary/en/terms/staking/\">");
        let root = PagePath::Chooser.href();
        assert_eq!(relativize(&format!("<a href=\"{root}\">"), ""), "<a href=\"./\">");
        assert_eq!(FilePath::Static("a b.png").href(), format!("{ROOT}static/a%20b.png"));
    }
}
