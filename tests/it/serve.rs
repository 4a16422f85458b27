//! `glossa serve`: a real server on a free loopback port, edited under it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::SiteTest;

/// A running `glossa serve`, killed when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) address: String,
}

impl Server {
    pub(crate) fn start(site: &SiteTest) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("glossa"))
            .args(["serve", "--port", "0", "--root"])
            .arg(site.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let address = loop {
            let line = lines.next().expect("server exited before printing its address").unwrap();
            if let Some(rest) = line.split("http://").nth(1) {
                break rest.trim_end_matches('/').to_owned();
            }
        };
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    /// A raw GET (no client-side normalisation of the path): status and body.
    pub(crate) fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.request(path, &self.address);
        (status, body)
    }

    /// A raw GET with the given `Host`: status, headers and body.
    pub(crate) fn request(&self, path: &str, host: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        (status, head.to_owned(), body.to_owned())
    }

    /// Polls `path` until `pred` holds or ten seconds pass.
    pub(crate) fn wait_for(&self, path: &str, pred: impl Fn(u16, &str) -> bool) -> (u16, String) {
        let started = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if pred(status, &body) || started.elapsed() > Duration::from_secs(10) {
                return (status, body);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serves_rebuilds_on_save_and_keeps_the_last_good_site_on_errors() {
    let site = SiteTest::fixture("basic");
    let server = Server::start(&site);
    assert!(server.address.starts_with("127.0.0.1:"), "binds loopback by default: {}", server.address);

    let (status, page) = server.get("/en/terms/slashing/");
    assert_eq!(status, 200);
    assert!(page.contains("Slashing punishes"), "{page}");
    assert!(page.contains("/__glossa/live.js"), "the live-reload script is injected");
    let (status, script) = server.get("/__glossa/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));

    // An edit shows up without a restart.
    let path = site.root().join("content/en/terms/slashing.md");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, original.replace("Slashing punishes", "Slashing burns stake and punishes")).unwrap();
    let (_, page) = server.wait_for("/en/terms/slashing/", |_, body| body.contains("burns stake"));
    assert!(page.contains("burns stake"), "the edit was not served in time");
    // The CSV export holds the body as written, so it follows the edit too
    // (once edits pause).
    let (status, csv) = server.wait_for("/glossary.csv", |_, body| body.contains("burns stake"));
    assert_eq!(status, 200);
    assert!(csv.contains("Slashing burns stake and punishes"), "glossary.csv kept the old body");
    // A quiz edit, applied in place too, reaches the practice data.
    let edited = original.replace("Slashing punishes", "Slashing burns stake and punishes");
    std::fs::write(&path, edited.replace("What is slashed?", "What does slashing burn?")).unwrap();
    let (_, quiz) = server.wait_for("/en/quiz.json", |_, body| body.contains("What does slashing burn?"));
    assert!(quiz.contains("What does slashing burn?"), "quiz.json kept the old question");

    // A broken edit: the overlay data lists it, the last good page stays.
    std::fs::write(&path, "---\ntitle: [unclosed\n---\n").unwrap();
    let (_, problems) = server.wait_for("/__glossa/problems", |_, body| body.contains("\"yaml\""));
    assert!(problems.contains("content/en/terms/slashing.md:3:1"), "{problems}");
    let (status, page) = server.get("/en/terms/slashing/");
    assert_eq!(status, 200);
    assert!(page.contains("burns stake"), "the last good build keeps being served");

    // Fixing the file clears the problems.
    std::fs::write(&path, &original).unwrap();
    let (_, problems) = server.wait_for("/__glossa/problems", |_, body| !body.contains("\"yaml\""));
    assert!(!problems.contains("\"yaml\""), "{problems}");
    let (_, page) = server.wait_for("/en/terms/slashing/", |_, body| body.contains("Slashing punishes"));
    assert!(page.contains("Slashing punishes"));
}

#[test]
fn never_serves_outside_the_site() {
    let site = SiteTest::fixture("basic");
    std::fs::write(site.root().join("secret.txt"), "top secret").unwrap();
    let server = Server::start(&site);
    for path in [
        "/../secret.txt",
        "/en/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsecret.txt",
        "/static/..%5c..%5csecret.txt",
        "//etc/passwd",
        "/site.yaml",
        "/content/en/terms/slashing.md",
    ] {
        let (status, body) = server.get(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("top secret") && !body.contains("root:x:") && !body.contains("title:"), "{path}");
    }
    let (status, body) = server.get("/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's own 404 page");
    let (status, _) = server.get("/en/terms/slashing");
    assert_eq!(status, 301, "folders redirect to their slash form");
}

#[test]
fn redirects_never_leave_the_host() {
    let site = SiteTest::fixture("basic");
    let server = Server::start(&site);
    for path in ["//en/terms/slashing", "/en/terms/slashing", "///en//terms/slashing"] {
        let (status, head, _) = server.request(path, &server.address);
        assert_eq!(status, 301, "{path}");
        let location = head.lines().find_map(|l| l.strip_prefix("location: ")).unwrap_or_default();
        assert_eq!(location, "/en/terms/slashing/", "{path}");
    }
}

#[test]
fn answers_only_requests_for_this_machine() {
    let site = SiteTest::fixture("basic");
    let server = Server::start(&site);
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    for host in [server.address.clone(), format!("localhost:{port}"), format!("[::1]:{port}")] {
        assert_eq!(server.request("/en/", &host).0, 200, "{host}");
    }
    // A name an attacker controls, resolved to 127.0.0.1 (DNS rebinding).
    for host in [format!("evil.example:{port}"), "evil.example".to_owned(), format!("127.0.0.1.nip.io:{port}")] {
        let (status, _, body) = server.request("/en/", &host);
        assert_eq!(status, 403, "{host}");
        assert!(!body.contains("<html"), "{host}");
        assert_eq!(server.request("/__glossa/problems", &host).0, 403, "{host}");
    }
}

#[test]
fn content_deleted_and_restored_is_watched_again() {
    let site = SiteTest::fixture("basic");
    let server = Server::start(&site);
    let content = site.root().join("content");
    let aside = site.root().join("content-aside");
    // A branch switch: the folder goes away and comes back as a new folder.
    std::fs::rename(&content, &aside).unwrap();
    let (_, problems) = server.wait_for("/__glossa/problems", |_, body| body.contains("content/ folder"));
    assert!(problems.contains("has no content/ folder"), "{problems}");
    let (status, page) = server.get("/en/terms/slashing/");
    assert_eq!(status, 200, "the last good site stays up");
    assert!(page.contains("Slashing punishes"));
    crate::support::copy_tree(&aside, &content);
    std::thread::sleep(Duration::from_millis(300));
    let path = content.join("en/terms/slashing.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Slashing punishes", "Slashing after the switch punishes")).unwrap();
    let (_, page) = server.wait_for("/en/terms/slashing/", |_, body| body.contains("after the switch"));
    assert!(page.contains("after the switch"), "an edit in the restored folder was not noticed");
}

#[test]
fn templates_made_after_start_are_watched_and_their_errors_shown() {
    let site = SiteTest::fixture("basic");
    let server = Server::start(&site);
    assert!(!site.root().join("templates").exists());
    std::fs::create_dir_all(site.root().join("templates")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let builtin = include_str!("../../templates/404.html");
    std::fs::write(
        site.root().join("templates/404.html"),
        builtin.replace("<h1>404</h1>", "<h1>404</h1><p>Custom 404 marker</p>"),
    )
    .unwrap();
    let (_, body) = server.wait_for("/no/such/page/", |_, body| body.contains("Custom 404 marker"));
    assert!(body.contains("Custom 404 marker"), "a template in a folder made after start was not picked up");

    std::fs::write(site.root().join("templates/404.html"), "{% if %}").unwrap();
    let (_, problems) = server.wait_for("/__glossa/problems", |_, body| body.contains("\"template\""));
    assert!(problems.contains("\"code\":\"template\"") && problems.contains("templates/"), "{problems}");
    let (_, body) = server.get("/no/such/page/");
    assert!(body.contains("Custom 404 marker"), "the last good site stays up");
    std::fs::write(site.root().join("templates/404.html"), builtin).unwrap();
    let (_, problems) = server.wait_for("/__glossa/problems", |_, body| !body.contains("\"template\""));
    assert!(!problems.contains("\"template\""), "{problems}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_while_a_page_holds_its_event_stream() {
    let site = SiteTest::fixture("basic");
    let mut server = Server::start(&site);
    // What an open page does: keep /__glossa/events open.
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(stream, "GET /__glossa/events HTTP/1.1\r\nHost: {}\r\n\r\n", server.address).unwrap();
    let mut first = [0u8; 64];
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = stream.read(&mut first).unwrap();
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > Duration::from_secs(10) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let status = status.expect("the server did not stop within 10 s of Ctrl-C");
    assert!(status.success(), "{status:?}");
}
