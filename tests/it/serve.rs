//! `glossa serve`: a real server on a free loopback port, edited under it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::SiteTest;

/// A running `glossa serve`, killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(site: &SiteTest) -> Server {
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
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.address).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map_or(String::new(), |(_, b)| b.to_owned());
        (status, body)
    }

    /// Polls `path` until `pred` holds or ten seconds pass.
    fn wait_for(&self, path: &str, pred: impl Fn(u16, &str) -> bool) -> (u16, String) {
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
