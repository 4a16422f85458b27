//! The build cache beside the output: a build of unchanged inputs into an
//! untouched output writes nothing, any other build reuses the last one's
//! highlighted code, and either way the output equals a build from scratch.

use std::path::Path;
use std::time::SystemTime;

use crate::support::{tree, SiteTest};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `glossa build --out <root>/public ARGS`, which must succeed; its stderr.
fn build(site: &SiteTest, args: &[&str]) -> String {
    let out = site.root().join("public");
    let mut all = vec!["build", "--out", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let output = site.glossa(&all);
    assert_eq!(output.status.code(), Some(0), "build failed:\n{}", stderr(&output));
    stderr(&output)
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or_default()
}

/// Every file under `dir` with its modification time.
fn mtimes(dir: &Path) -> Vec<(String, SystemTime)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().display().to_string(), e.metadata().unwrap().modified().unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn an_unchanged_site_is_not_written_again() {
    let site = SiteTest::fixture("basic");
    let first = build(&site, &[]);
    assert!(last_line(&first).starts_with("Built 22 pages (en 11, ko 11), 4 warnings in "), "{first}");
    assert!(site.root().join(".public.glossa-cache/build.json").is_file());
    let before = (tree(&site.root().join("public")), mtimes(&site.root().join("public")));

    let second = build(&site, &[]);
    assert!(
        last_line(&second)
            .starts_with("Up to date: nothing changed since the last build (22 pages (en 11, ko 11), 4 warnings)"),
        "{second}"
    );
    // The warnings are printed again, as the first build printed them.
    let warnings =
        |text: &str| text.lines().filter(|l| l.starts_with("warning[")).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(warnings(&first).len(), 4, "{first}");
    assert_eq!(warnings(&second), warnings(&first));
    assert_eq!((tree(&site.root().join("public")), mtimes(&site.root().join("public"))), before);
}

#[test]
fn a_changed_input_option_or_output_builds_again() {
    let site = SiteTest::fixture("basic");
    build(&site, &[]);
    let public = site.root().join("public");

    // An option: the search index goes.
    assert!(last_line(&build(&site, &["--no-search"])).starts_with("Built "));
    assert!(!public.join("pagefind").exists());
    assert!(last_line(&build(&site, &["--no-search"])).starts_with("Up to date"));

    // A page of the output edited, or removed, by hand.
    let page = public.join("en/terms/staking/index.html");
    let original = std::fs::read(&page).unwrap();
    std::fs::write(&page, b"edited").unwrap();
    assert!(last_line(&build(&site, &["--no-search"])).starts_with("Built "));
    assert_eq!(std::fs::read(&page).unwrap(), original);
    std::fs::remove_file(&page).unwrap();
    assert!(last_line(&build(&site, &["--no-search"])).starts_with("Built "));
    assert_eq!(std::fs::read(&page).unwrap(), original);

    // A file of the site's own theme, and a content file.
    site.write("static/extra.txt", "new");
    assert!(last_line(&build(&site, &["--no-search"])).starts_with("Built "));
    assert_eq!(std::fs::read_to_string(public.join("static/extra.txt")).unwrap(), "new");
    let staking = std::fs::read_to_string(site.root().join("content/en/terms/staking.md")).unwrap();
    site.write("content/en/terms/staking.md", &staking.replace("\n---\n", "\n---\nA new first line.\n\n"));
    assert!(last_line(&build(&site, &["--no-search"])).starts_with("Built "));
    assert!(std::fs::read_to_string(&page).unwrap().contains("A new first line."));
}

/// The sample site, changed in one term (its prose and one of its code
/// blocks), built warm after a build of the original and cold from scratch:
/// the same files.
#[test]
fn a_warm_build_after_one_change_equals_a_cold_build() {
    let edit = |site: &SiteTest| {
        let path = site.root().join("content/en/terms/erc-20.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = text
            .replace("function totalSupply()", "function totalSupply() /* changed */")
            .replace("is what makes DeFi composable", "is what makes DeFi composable, as the change says");
        assert_ne!(changed, text);
        std::fs::write(path, changed).unwrap();
    };
    let warm = SiteTest::sample();
    build(&warm, &[]);
    edit(&warm);
    assert!(last_line(&build(&warm, &[])).starts_with("Built "));

    let cold = SiteTest::sample();
    edit(&cold);
    build(&cold, &["--no-cache"]);
    assert!(!cold.root().join(".public.glossa-cache").exists(), "--no-cache writes no cache");
    assert_eq!(tree(&warm.root().join("public")), tree(&cold.root().join("public")));
}

/// Replaces every `from` in `bytes` with `to`, of the same length.
fn replace_bytes(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let mut out = bytes.to_vec();
    let mut at = 0;
    while let Some(found) = out[at..].windows(from.len()).position(|w| w == from) {
        out[at + found..at + found + from.len()].copy_from_slice(to);
        at += found + from.len();
    }
    out
}

/// The classes of the highlighted spans in each code block of a page.
fn block_classes(site: &SiteTest, page: &str) -> Vec<(String, Vec<String>)> {
    let html = scraper::Html::parse_document(&std::fs::read_to_string(site.root().join("public").join(page)).unwrap());
    let blocks = scraper::Selector::parse("pre code").unwrap();
    let spans = scraper::Selector::parse("span[class]").unwrap();
    html.select(&blocks)
        .map(|code| {
            let classes = code.select(&spans).filter_map(|s| s.value().attr("class")).map(str::to_owned).collect();
            (code.text().collect(), classes)
        })
        .collect()
}

/// Highlighted blocks come from the cache: a block the cache holds is not
/// highlighted again (here the stored HTML is altered to show where it came
/// from), and a block it does not hold is.
#[test]
fn highlighted_blocks_are_taken_from_the_cache() {
    let site = SiteTest::sample();
    build(&site, &[]);
    let store = site.root().join(".public.glossa-cache/highlight.bin");
    let bytes = std::fs::read(&store).unwrap();
    let marked = replace_bytes(&bytes, b"hl-storage", b"hl-STORAGE");
    assert_ne!(marked, bytes, "the sample's highlighted blocks have storage keywords");
    std::fs::write(&store, marked).unwrap();
    // Any change to the inputs makes the next build render again.
    let path = site.root().join("content/en/terms/staking.md");
    let staking = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, staking.replace("\n---\n", "\n---\n```rust\nfn fresh() {}\n```\n\n")).unwrap();
    assert!(last_line(&build(&site, &[])).starts_with("Built "));

    let marked = |classes: &[String]| classes.iter().any(|c| c.contains("hl-STORAGE"));
    let plain = |classes: &[String]| classes.iter().any(|c| c.contains("hl-storage"));
    let unchanged = block_classes(&site, "en/terms/erc-20/index.html");
    // (any block marked, any block plain)
    let any_marked_plain = |blocks: &[(String, Vec<String>)]| {
        (blocks.iter().any(|(_, c)| marked(c)), blocks.iter().any(|(_, c)| plain(c)))
    };
    assert_eq!(any_marked_plain(&unchanged), (true, false), "{unchanged:?}");
    let changed = block_classes(&site, "en/terms/staking/index.html");
    let (_, fresh) = changed.iter().find(|(text, _)| text.contains("fn fresh()")).unwrap();
    assert!(plain(fresh) && !marked(fresh), "a new block is highlighted: {fresh:?}");

    // A damaged store is ignored and replaced.
    std::fs::write(&store, b"damaged").unwrap();
    std::fs::write(&path, staking).unwrap();
    build(&site, &[]);
    let again = block_classes(&site, "en/terms/erc-20/index.html");
    assert_eq!(any_marked_plain(&again), (false, true), "{again:?}");
    assert!(std::fs::read(&store).unwrap().starts_with(b"glossa highlighted blocks 1 "));
}

/// The inode of the output file `rel`: a page taken from the previous
/// build is linked, so it keeps its inode; a page rendered again gets a new one.
#[cfg(unix)]
fn inode(site: &SiteTest, rel: &str) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(site.root().join("public").join(rel)).unwrap().ino()
}

/// Term pages whose inputs are unchanged are linked from the last build's
/// output; the rest are rendered. After each of a series of edits, each
/// changing different inputs, the warm site equals a cold build of the same
/// content, search index and all.
#[cfg(unix)]
#[test]
fn term_pages_whose_inputs_did_not_change_are_taken_from_the_last_build() {
    type Edit = fn(&SiteTest);
    // (edit, whether an unrelated term's pages, and the files that show the
    // site's face alone, are still taken from the last build)
    let edits: [(&str, Edit, bool); 6] = [
        // A translation's body: no status or link changes, so only its term is rendered.
        ("a body", |site| append_to(site, "content/ko/terms/staking.md", "\nZzz qqq.\n"), true),
        // The body its translation was made from: the translation goes stale.
        ("a source body", |site| append_to(site, "content/en/terms/staking.md", "\nZzz qqq.\n"), false),
        // Again: the translation stays stale, only the source hash it is behind changes.
        ("a source body again", |site| append_to(site, "content/en/terms/staking.md", "\nQqq zzz.\n"), true),
        // A title other pages show: every page is rendered.
        (
            "a title",
            |site| replace_in(site, "content/ko/terms/staking.md", "title: 스테이킹 (Staking)", "title: 스테이킹"),
            false,
        ),
        // A link between terms: the "mentioned in" lists change.
        ("a link", |site| append_to(site, "content/ko/terms/erc-20.md", "\n[[slashing]]\n"), false),
        // The cache's record of pages damaged: every page is rendered.
        (
            "a damaged cache",
            |site| {
                std::fs::write(site.root().join(".public.glossa-cache/pages.bin"), b"glossa pages 1 damaged").unwrap();
                append_to(site, "content/ko/terms/staking.md", "\nQqq zzz.\n");
            },
            false,
        ),
    ];
    let warm = SiteTest::sample();
    build(&warm, &[]);
    // Files that show the site's face alone, and files that show bodies.
    let face_files = [
        "en/index.html",
        "ko/tags/staking/index.html",
        "en/glossary.json",
        "glossary.tbx",
        "sitemap.xml",
        "translations.json",
    ];
    let body_files = ["glossary.csv", "ko/glossary.csv", "en/anki.txt"];
    for (name, edit, unrelated_kept) in edits {
        let inodes = |files: &[&str]| files.iter().map(|file| inode(&warm, file)).collect::<Vec<_>>();
        let before = (inode(&warm, "en/terms/bridge/index.html"), inode(&warm, "ko/terms/staking/index.html"));
        let files_before = (inodes(&face_files), inodes(&body_files));
        edit(&warm);
        assert!(last_line(&build(&warm, &[])).starts_with("Built "), "{name}");
        let after = (inode(&warm, "en/terms/bridge/index.html"), inode(&warm, "ko/terms/staking/index.html"));
        assert_eq!(before.0 == after.0, unrelated_kept, "{name}: an unrelated page");
        assert_ne!(before.1, after.1, "{name}: the edited term's page is rendered again");
        let files_after = (inodes(&face_files), inodes(&body_files));
        for (file, (was, is)) in face_files.iter().zip(files_before.0.iter().zip(&files_after.0)) {
            assert_eq!(was == is, unrelated_kept, "{name}: {file}");
        }
        for (file, (was, is)) in body_files.iter().zip(files_before.1.iter().zip(&files_after.1)) {
            assert_ne!(was, is, "{name}: {file} is written again");
        }

        let cold = SiteTest::sample();
        let cache = warm.root().join(".public.glossa-cache");
        for rel in walkdir::WalkDir::new(warm.root().join("content")).into_iter().map(Result::unwrap) {
            if rel.file_type().is_file() {
                let rel = rel.path().strip_prefix(warm.root()).unwrap();
                cold.write(rel.to_str().unwrap(), &std::fs::read_to_string(warm.root().join(rel)).unwrap());
            }
        }
        build(&cold, &["--no-cache"]);
        assert_eq!(tree(&warm.root().join("public")), tree(&cold.root().join("public")), "{name}");
        assert!(cache.join("pages.bin").is_file());
    }
}

fn append_to(site: &SiteTest, rel: &str, text: &str) {
    let path = site.root().join(rel);
    let mut body = std::fs::read_to_string(&path).unwrap();
    body.push_str(text);
    std::fs::write(path, body).unwrap();
}

fn replace_in(site: &SiteTest, rel: &str, from: &str, to: &str) {
    let path = site.root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has {from:?}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// The inodes of the files of each search shard of `lang`, by shard folder
/// (`1` for the bundle itself, `2`, `3`… for the others).
#[cfg(unix)]
fn shard_inodes(site: &SiteTest, lang: &str) -> std::collections::BTreeMap<String, Vec<(String, u64)>> {
    use std::os::unix::fs::MetadataExt as _;
    let bundle = site.root().join("public/pagefind").join(lang);
    let mut shards: std::collections::BTreeMap<String, Vec<(String, u64)>> = Default::default();
    for entry in walkdir::WalkDir::new(&bundle).sort_by_file_name().into_iter().map(Result::unwrap) {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&bundle).unwrap().to_string_lossy().into_owned();
            let first = rel.split('/').next().unwrap_or_default();
            let shard = if rel.contains('/') && first.bytes().all(|b| b.is_ascii_digit()) { first } else { "1" };
            shards.entry(shard.to_owned()).or_default().push((rel.clone(), entry.metadata().unwrap().ino()));
        }
    }
    shards
}

/// A search shard whose documents are the ones the last build indexed is
/// linked from it, whichever pages changed; a shard with a changed
/// document is indexed again, and the site equals a cold build.
#[cfg(unix)]
#[test]
fn search_shards_whose_documents_did_not_change_are_taken_from_the_last_build() {
    let shard_size = "search_shard_size: 8\n";
    let warm = SiteTest::sample();
    append_to(&warm, "site.yaml", shard_size);
    build(&warm, &[]);
    let (en, ko) = (shard_inodes(&warm, "en"), shard_inodes(&warm, "ko"));
    assert!(ko.len() >= 3, "the sample's Korean index has several shards: {:?}", ko.keys());

    // The opening of the Korean page's body: its search document changes,
    // the English one's does not.
    let path = warm.root().join("content/ko/terms/staking.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let body = text.find("\n---\n").map(|at| at + 5).unwrap();
    std::fs::write(&path, format!("{}검증자 예치금. {}", &text[..body], &text[body..])).unwrap();
    assert!(last_line(&build(&warm, &[])).starts_with("Built "));

    assert_eq!(shard_inodes(&warm, "en"), en, "every English shard is linked");
    let after = shard_inodes(&warm, "ko");
    assert_eq!(after.keys().collect::<Vec<_>>(), ko.keys().collect::<Vec<_>>());
    let changed: Vec<&String> = ko.keys().filter(|shard| after[*shard] != ko[*shard]).collect();
    assert_eq!(changed.len(), 1, "only the shard with the edited page is indexed again: {changed:?}");
    // Indexed again means written again: no file of that shard keeps its inode.
    let old: std::collections::HashSet<u64> = ko[changed[0]].iter().map(|(_, ino)| *ino).collect();
    assert!(after[changed[0]].iter().all(|(_, ino)| !old.contains(ino)));

    let cold = SiteTest::sample();
    append_to(&cold, "site.yaml", shard_size);
    cold.write("content/ko/terms/staking.md", &std::fs::read_to_string(&path).unwrap());
    build(&cold, &["--no-cache"]);
    assert_eq!(tree(&warm.root().join("public")), tree(&cold.root().join("public")));
}
