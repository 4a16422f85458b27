//! The analysis memo: after any edit, an analysis that recalls what the last
//! one kept gives the same diagnostics and pages as one from scratch, and
//! recalls exactly what the edit left unchanged.

use std::collections::BTreeMap;
use std::path::Path;

use glossa::output::MemorySink;
use glossa::pipeline::memo::Memo;
use glossa::pipeline::{analyse_recalling, Inputs, Options};

use crate::support::SiteTest;

/// What one analysis of a site gave.
struct Analysed {
    /// Every diagnostic, as JSON.
    diagnostics: String,
    /// The rendered site, when the content has no errors.
    pages: Option<BTreeMap<String, Vec<u8>>>,
    /// Records recalled from `stored`, and records kept.
    recalled: usize,
    kept: usize,
    /// The memo file it left.
    memo: Vec<u8>,
}

/// Analyses the site at `root` with the memo file `stored` (empty: none)
/// and renders it.
fn analyse(root: &Path, stored: Vec<u8>) -> Analysed {
    let inputs = Inputs::read(root).unwrap();
    let digest = inputs.digest(&["memo test"]);
    let out = tempfile::NamedTempFile::new().unwrap();
    let memo = Memo::new(&digest, stored, Box::new(out.reopen().unwrap()));
    let options = Options { keep_bodies: false, ..Options::default() };
    let analysis = analyse_recalling(inputs, &options, Some(&memo)).unwrap();
    let (recalled, kept) = (memo.recalled(), memo.kept());
    assert!(memo.finish());
    let diagnostics =
        glossa::diag::render(&analysis.diagnostics, analysis.sources(), glossa::diag::Format::Json, false);
    let pages = (analysis.diagnostics.errors() == 0).then(|| {
        let sink = MemorySink::default();
        analysis.site.as_ref().unwrap().renderer(false).render(&sink, &|| {}).unwrap();
        sink.into_files()
    });
    Analysed { diagnostics, pages, recalled, kept, memo: std::fs::read(out.path()).unwrap() }
}

fn replace_in(site: &SiteTest, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    assert!(text.contains(from), "{rel} has {from:?}");
    site.write(rel, &text.replacen(from, to, 1));
}

/// The body of a term file: what follows its front matter.
fn body_of(site: &SiteTest, rel: &str) -> String {
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    let end = text[4..].find("\n---\n").unwrap() + 4 + "\n---\n".len();
    text[end..].to_owned()
}

const STAKING: &str = "content/en/terms/staking.md";
const KO_STAKING: &str = "content/ko/terms/staking.md";
const ERC20: &str = "content/en/terms/erc-20.md";

#[test]
fn a_recalling_analysis_equals_one_from_scratch_after_every_edit() {
    type Edit = fn(&SiteTest);
    // (what changes, the edit, how many records the next analysis works out
    // again: at least, at most). Edits that leave errors come last: after
    // them the pages are not rendered.
    let edits: [(&str, Edit, usize, usize); 6] = [
        ("nothing", |_| {}, 0, 0),
        // Its front matter, its entry's Markdown (and fallback) and its signature.
        ("a body", |site| replace_in(site, STAKING, "\n---\n", "\n---\nA new opening line.\n\n"), 3, 4),
        // Front matter decides what other entries' Markdown shows: all of that is worked out again.
        ("a title", |site| replace_in(site, STAKING, "title: Staking", "title: Staking (PoS)"), 50, usize::MAX),
        // One body pasted onto another term: a duplicate-body warning.
        (
            "a copied body",
            |site| {
                let (copied, body) = (body_of(site, STAKING), body_of(site, ERC20));
                replace_in(site, ERC20, &body, &copied);
            },
            3,
            4,
        ),
        // A key no term has: a front matter error.
        ("a front matter key", |site| replace_in(site, ERC20, "title:", "colour: red\ntitle:"), 50, usize::MAX),
        // A link to no term: a Markdown error.
        ("a broken link", |site| replace_in(site, KO_STAKING, "\n---\n", "\n---\n[[no-such-term]]\n\n"), 3, 4),
    ];
    let site = SiteTest::sample();
    let mut memo = analyse(site.root(), Vec::new()).memo;
    for (name, edit, fewest, most) in edits {
        edit(&site);
        let warm = analyse(site.root(), memo);
        let cold = analyse(site.root(), Vec::new());
        assert_eq!(cold.recalled, 0);
        assert_eq!(warm.diagnostics, cold.diagnostics, "{name}: the diagnostics");
        assert!(warm.pages == cold.pages, "{name}: the pages");
        assert_eq!(warm.kept, cold.kept, "{name}: the records kept");
        let worked_out = warm.kept - warm.recalled;
        assert!((fewest..=most).contains(&worked_out), "{name}: {worked_out} records worked out again");
        memo = warm.memo;
    }
}
