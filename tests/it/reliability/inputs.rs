//! Files from outside the site: symbolic links under content/, templates/
//! and static/ that leave the site folder are refused by name; links that
//! stay inside work.

#![cfg(unix)]

use std::os::unix::fs::symlink;

use super::{check_json, of_code, stderr};
use crate::support::SiteTest;

/// A site whose content, theme and static folders link to a secret outside it.
fn leaky_site(secret_dir: &std::path::Path) -> SiteTest {
    std::fs::write(secret_dir.join("secret.txt"), "TOP-SECRET-VALUE").unwrap();
    std::fs::write(secret_dir.join("term.md"), "---\ntitle: TOP-SECRET-VALUE\nsummary: s\n---\nTOP-SECRET-VALUE\n")
        .unwrap();
    std::fs::write(secret_dir.join("base.html"), "TOP-SECRET-VALUE").unwrap();
    let site = SiteTest::fixture("basic");
    let root = site.root();
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    symlink(secret_dir.join("secret.txt"), root.join("static/leak.txt")).unwrap();
    symlink(secret_dir, root.join("static/elsewhere")).unwrap();
    symlink("/etc/passwd", root.join("static/passwd")).unwrap();
    symlink(secret_dir.join("base.html"), root.join("templates/base.html")).unwrap();
    symlink(secret_dir.join("term.md"), root.join("content/en/terms/leak.md")).unwrap();
    site
}

#[test]
fn links_that_leave_the_site_are_refused_by_name() {
    let secret = tempfile::tempdir().unwrap();
    let site = leaky_site(secret.path());
    let (code, lines) = check_json(&site);
    assert_eq!(code, Some(1));
    let refused: Vec<String> = of_code(&lines, "link-outside-site").into_iter().map(|(file, ..)| file).collect();
    assert_eq!(
        refused,
        ["content/en/terms/leak.md", "static/elsewhere", "static/leak.txt", "static/passwd", "templates/base.html"]
    );
    let message = &of_code(&lines, "link-outside-site")[3].3;
    assert!(message.contains("/etc/passwd") && message.contains("outside the site folder"), "{message}");

    let output = site.glossa(&["build", "--out", "public"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!site.root().join("public").exists(), "nothing is written");
}

#[test]
fn links_inside_the_site_are_followed() {
    let site = SiteTest::fixture("basic");
    let root = site.root();
    site.write("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    std::fs::create_dir_all(root.join("static")).unwrap();
    symlink(root.join("assets"), root.join("static/img")).unwrap();
    symlink("../assets/logo.svg", root.join("static/logo.svg")).unwrap();
    let built = site.build();
    assert_eq!(built.text("static/img/logo.svg"), built.text("static/logo.svg"));
    assert!(built.text("static/logo.svg").starts_with("<svg"));
}

#[test]
fn the_dev_server_refuses_them_too() {
    let secret = tempfile::tempdir().unwrap();
    let site = leaky_site(secret.path());
    let server = crate::serve::Server::start(&site);
    let (_, problems) = server.wait_for("/__glossa/problems", |_, body| body.contains("link-outside-site"));
    assert!(problems.contains("static/leak.txt"), "{problems}");
    for path in
        ["/static/leak.txt", "/leak.txt", "/static/passwd", "/passwd", "/elsewhere/secret.txt", "/en/terms/leak/"]
    {
        let (_, body) = server.get(path);
        assert!(!body.contains("TOP-SECRET-VALUE") && !body.contains("root:x:"), "{path}: {body}");
    }
}
