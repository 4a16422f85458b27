//! One helper for every integration test: copy a fixture site into a temp
//! folder, run the real `glossa` binary on it, and parse what it wrote.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex, OnceLock};

use assert_cmd::Command;
use scraper::{Html, Selector};

/// A fixture site copied into its own temporary folder.
pub struct SiteTest {
    dir: Arc<tempfile::TempDir>,
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>` into a fresh temp folder.
    pub fn fixture(name: &str) -> SiteTest {
        SiteTest::fixture_in(name, tempfile::tempdir().unwrap())
    }

    fn fixture_in(name: &str, dir: tempfile::TempDir) -> SiteTest {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        copy_tree(&src, dir.path());
        SiteTest { dir: Arc::new(dir) }
    }

    /// `tests/fixtures/<base>` with the files of `tests/fixtures/<case>` laid
    /// over it (every file of the case except `expected.*`).
    pub fn layered(base: &str, case: &str) -> SiteTest {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let site = SiteTest::fixture(base);
        let case_dir = fixtures.join(case);
        for entry in walkdir::WalkDir::new(&case_dir) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&case_dir).unwrap();
            if entry.file_type().is_file() && !rel.to_string_lossy().starts_with("expected.") {
                let target = site.root().join(rel);
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
        site
    }

    /// The sample site at the repository root (site.yaml, content/, no output).
    pub fn sample() -> SiteTest {
        SiteTest::sample_in(tempfile::tempdir().unwrap())
    }

    fn sample_in(dir: tempfile::TempDir) -> SiteTest {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(src.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        copy_tree(&src.join("content"), &dir.path().join("content"));
        SiteTest { dir: Arc::new(dir) }
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) a file under the root.
    pub fn write(&self, rel: &str, text: &str) -> &SiteTest {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    /// `glossa <args> --root <root>`.
    pub fn glossa(&self, args: &[&str]) -> Output {
        let mut cmd = Command::cargo_bin("glossa").unwrap();
        cmd.args(args).arg("--root").arg(self.root()).env("NO_COLOR", "1");
        cmd.output().unwrap()
    }

    /// `glossa build` into `<root>/public` with extra `args`; panics unless it exits 0.
    pub fn build_with(&self, args: &[&str]) -> Built {
        let out = self.root().join("public");
        let mut all = vec!["build", "--out", out.to_str().unwrap()];
        all.extend_from_slice(args);
        let output = self.glossa(&all);
        assert_eq!(output.status.code(), Some(0), "build failed:\n{}", String::from_utf8_lossy(&output.stderr));
        Built { out, _site: Arc::clone(&self.dir) }
    }

    /// `glossa build` into `<root>/public`.
    pub fn build(&self) -> Built {
        self.build_with(&[])
    }
}

/// `tests/fixtures/<fixture>` built once per test binary with `args`, for
/// tests that only read the output: each fixture and set of flags is built
/// the first time a test asks for it and shared after that.
pub fn shared(fixture: &'static str, args: &'static [&'static str]) -> &'static Built {
    type Cells = HashMap<(&'static str, &'static [&'static str]), &'static OnceLock<Built>>;
    static CELLS: OnceLock<Mutex<Cells>> = OnceLock::new();
    let cell = {
        let mut cells = CELLS.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *cells.entry((fixture, args)).or_insert_with(|| Box::leak(Box::new(OnceLock::new())))
    };
    cell.get_or_init(|| {
        // Shared sites live as long as the process, so their folders are
        // never dropped: they go under the target folder, and each run
        // removes those of runs that have ended.
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shared-sites");
        static SWEPT: OnceLock<()> = OnceLock::new();
        SWEPT.get_or_init(|| remove_ended_runs(&home));
        let run = home.join(std::process::id().to_string());
        std::fs::create_dir_all(&run).unwrap();
        let dir = tempfile::tempdir_in(&run).unwrap();
        let site = if fixture == "sample" { SiteTest::sample_in(dir) } else { SiteTest::fixture_in(fixture, dir) };
        site.build_with(args)
    })
}

/// Removes the shared sites of test runs whose process has ended, known on
/// Linux by a missing `/proc/<pid>` (elsewhere they stay until `cargo clean`).
fn remove_ended_runs(home: &Path) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let Ok(entries) = std::fs::read_dir(home) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !Path::new("/proc").join(&name).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A built site.
pub struct Built {
    /// The output folder.
    pub out: PathBuf,
    /// Keeps the site's temporary folder alive as long as the output is read.
    _site: Arc<tempfile::TempDir>,
}

impl Built {
    /// The text of an output file.
    pub fn text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// An output page, parsed.
    pub fn html(&self, rel: &str) -> Page {
        Page(Html::parse_document(&self.text(rel)))
    }

    /// Whether an output file exists.
    pub fn exists(&self, rel: &str) -> bool {
        self.out.join(rel).is_file()
    }
}

/// A parsed page with selector helpers.
pub struct Page(pub Html);

impl Page {
    /// Every element matching `css`.
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
        self.0.select(&selector).collect()
    }

    /// The one element matching `css`.
    pub fn one(&self, css: &str) -> scraper::ElementRef<'_> {
        let found = self.select(css);
        assert_eq!(found.len(), 1, "expected exactly one `{css}`, found {}", found.len());
        found[0]
    }

    /// The text of the one element matching `css`, whitespace collapsed.
    pub fn text(&self, css: &str) -> String {
        collapse(&self.one(css).text().collect::<String>())
    }

    /// The text of the one element matching `css` without its heading
    /// anchor (`a.anchor`), whitespace collapsed: what a heading reads as.
    pub fn heading(&self, css: &str) -> String {
        let element = self.one(css);
        let text: String = element
            .descendants()
            .filter_map(|node| node.value().as_text().map(|t| (node, t)))
            .filter(|(node, _)| {
                !node
                    .ancestors()
                    .filter_map(scraper::ElementRef::wrap)
                    .any(|a| a.value().has_class("anchor", scraper::CaseSensitivity::CaseSensitive))
            })
            .map(|(_, t)| &**t)
            .collect();
        collapse(&text)
    }

    /// An attribute of the one element matching `css`.
    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.one(css).value().attr(name).map(str::to_owned)
    }
}

/// Whitespace collapsed to single spaces, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Resolves a relative `href` against the folder of the page at `page` (both
/// site-relative), as a browser would; returns the site-relative target.
pub fn resolve(page: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the file name (or the empty part after a trailing slash)
    for segment in href.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    let mut target = parts.join("/");
    if href.ends_with('/') || href.is_empty() {
        target.push('/');
    }
    target
}

/// The names in `dir` that glossa's staging leaves (folders and locks).
pub fn staging_leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.retain(|n| n.contains("glossa-staging"));
    names.sort();
    names
}

/// A site of `terms` small terms in English, each linking the next, for
/// tests that need size rather than variety.
pub fn generated_site(terms: usize) -> SiteTest {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("site.yaml"),
        "title: Generated\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n",
    )
    .unwrap();
    let terms_dir = root.join("content/en/terms");
    std::fs::create_dir_all(&terms_dir).unwrap();
    for i in 0..terms {
        let next = (i + 1) % terms;
        let text = format!(
            "---\ntitle: Term {i}\nsummary: The {i}th generated term.\nrelated: [t{next}]\n---\nTerm {i} comes before [[t{next}]].\n\n## Explain like I'm 5 {{#eli5}}\n\nNumber {i}.\n\n## Expert deep dive {{#expert}}\n\nStill number {i}.\n"
        );
        std::fs::write(terms_dir.join(format!("t{i}.md")), text).unwrap();
    }
    SiteTest { dir: Arc::new(dir) }
}

/// Every `href` and `src` on every HTML page under `out` that is relative
/// and leads to no file of the site, as "page → href". Also fails on any
/// file that still holds the root marker.
pub fn broken_links(out: &Path) -> Vec<String> {
    let mut broken = Vec::new();
    for (rel, bytes) in tree(out) {
        let rel = rel.replace('\\', "/");
        assert!(!bytes.contains(&1u8), "{rel} still holds the root marker");
        if !rel.ends_with(".html") || rel == "404.html" {
            continue;
        }
        let page = Html::parse_document(&String::from_utf8_lossy(&bytes));
        let selector = Selector::parse("[href], [src]").unwrap();
        for element in page.select(&selector) {
            for link in [element.value().attr("href"), element.value().attr("src")].into_iter().flatten() {
                let external = link.contains(':') || link.starts_with('#') || link.starts_with('/');
                if external || link.is_empty() {
                    continue;
                }
                let target = resolve(&rel, link);
                let file =
                    if target.ends_with('/') || target.is_empty() { format!("{target}index.html") } else { target };
                if !out.join(&file).is_file() {
                    broken.push(format!("{rel} → {link}"));
                }
            }
        }
    }
    broken
}

/// [`resolve`], keeping the `#fragment`.
pub fn resolve_with_fragment(page: &str, href: &str) -> String {
    match href.split_once('#') {
        Some((_, fragment)) => format!("{}#{fragment}", resolve(page, href)),
        None => resolve(page, href),
    }
}

/// Every file under `dir`, relative and sorted, with its bytes.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// Copies a folder tree.
pub fn copy_tree(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let target = dst.join(entry.path().strip_prefix(src).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
