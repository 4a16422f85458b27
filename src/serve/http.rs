//! The dev server's HTTP side: the site from memory, the live-reload events
//! and script, and the problem list. Only paths that name a file of the site
//! are ever answered with it: anything climbing out (`..`, encoded or not)
//! is refused, and unknown paths get the site's 404 page. Requests for a
//! host name other than a loopback name or an IP address get 403, so a page
//! on another site cannot read this one through DNS rebinding.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use super::{Notice, Shared};

const LIVE_JS: &str = include_str!("live.js");
const LIVE_TAG: &str = "<script src=\"/__glossa/live.js\" defer></script>";

/// The server's routes.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/__glossa/live.js", get(live_js))
        .route("/__glossa/events", get(events))
        .route("/__glossa/problems", get(problems))
        .fallback(get(site_file))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&shared), check_host))
        .with_state(shared)
}

/// Answers only requests addressed to this machine by a loopback name, an
/// IP address or a name given with `--allow-host`.
async fn check_host(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    if host_allowed(request.headers(), &shared.allowed_hosts) {
        return next.run(request).await;
    }
    with_type(
        Body::from("glossa serve answers only localhost, IP addresses and hosts named with --allow-host\n"),
        "text/plain; charset=utf-8",
        StatusCode::FORBIDDEN,
    )
}

/// Whether the `Host` header names this server: no header (HTTP/1.0), an
/// IP address, `localhost` or a name under it, or an allowed name. A name
/// the attacker controls, pointed at 127.0.0.1, is none of these.
pub(super) fn host_allowed(headers: &HeaderMap, allowed: &[String]) -> bool {
    let Some(host) = headers.get(header::HOST) else { return true };
    let Ok(host) = host.to_str() else { return false };
    let name = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(
            host,
            |(name, port)| {
                if port.bytes().all(|b| b.is_ascii_digit()) {
                    name
                } else {
                    host
                }
            },
        ),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name.parse::<std::net::IpAddr>().is_ok()
        || name == "localhost"
        || name.ends_with(".localhost")
        || allowed.iter().any(|a| a.eq_ignore_ascii_case(&name))
}

async fn live_js() -> Response {
    with_type(Body::from(LIVE_JS), "text/javascript; charset=utf-8", StatusCode::OK)
}

async fn problems(State(shared): State<Arc<Shared>>) -> Response {
    let (_, problems) = shared.snapshot();
    let json = serde_json::to_string(problems.as_ref()).unwrap_or_else(|_| "[]".to_owned());
    with_type(Body::from(json), "application/json", StatusCode::OK)
}

async fn events(State(shared): State<Arc<Shared>>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(shared.events.subscribe())
        .take_while(|notice| !matches!(notice, Ok(Notice::Shutdown)))
        .filter_map(|notice| match notice {
            Ok(Notice::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
            Ok(Notice::Problems(json)) => Some(Ok(Event::default().event("problems").data(json))),
            Ok(Notice::Shutdown) | Err(_) => None,
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn site_file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let (files, problems) = shared.snapshot();
    let key = match site_path(uri.path()) {
        Ok(key) => key,
        Err(status) => return with_type(Body::from("bad request\n"), "text/plain; charset=utf-8", status),
    };
    if files.is_empty() {
        let html = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>glossa: errors</title></head><body><main><h1>The site has errors</h1><p>{} problem(s); fix them and this page reloads.</p></main>{LIVE_TAG}</body></html>",
            problems.len()
        );
        return with_type(Body::from(html), "text/html; charset=utf-8", StatusCode::SERVICE_UNAVAILABLE);
    }
    if let Some(bytes) = files.get(&key) {
        return file_response(&key, bytes, StatusCode::OK);
    }
    // `/en/terms/x` → `/en/terms/x/`, as static hosts do. The target is
    // built from the cleaned path, so it is always one absolute path on this
    // host: `//evil.example/x` becomes `/evil.example/x/`, never another host.
    if !key.is_empty() && files.contains_key(&format!("{key}/index.html")) {
        let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
        if let Ok(location) = HeaderValue::from_str(&redirect_target(&key)) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    match files.get("404.html") {
        Some(bytes) => file_response("404.html", bytes, StatusCode::NOT_FOUND),
        None => with_type(Body::from("not found\n"), "text/plain; charset=utf-8", StatusCode::NOT_FOUND),
    }
}

/// Where a request for the folder `key` (a cleaned site path) is redirected.
/// Percent-encoded again, since the header must be ASCII.
fn redirect_target(key: &str) -> String {
    let mut target = String::from("/");
    for byte in key.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => target.push(char::from(byte)),
            _ => target.push_str(&format!("%{byte:02X}")),
        }
    }
    target.push('/');
    target
}

/// The site file a request path names: percent-decoded, `index.html` for a
/// folder. Any `..`, `.`, backslash or NUL segment is refused (400).
pub(super) fn site_path(path: &str) -> Result<String, StatusCode> {
    let decoded = percent_decode(path).ok_or(StatusCode::BAD_REQUEST)?;
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return Err(StatusCode::BAD_REQUEST),
            s if s.contains(['\\', '\0']) => return Err(StatusCode::BAD_REQUEST),
            s => parts.push(s),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Ok(key)
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn file_response(key: &str, bytes: &[u8], status: StatusCode) -> Response {
    let kind = content_type(key);
    if kind.starts_with("text/html") {
        let html = String::from_utf8_lossy(bytes);
        let injected = match html.rfind("</body>") {
            Some(at) => format!("{}{LIVE_TAG}{}", &html[..at], &html[at..]),
            None => format!("{html}{LIVE_TAG}"),
        };
        return with_type(Body::from(injected), kind, status);
    }
    with_type(Body::from(bytes.to_vec()), kind, status)
}

fn with_type(body: Body, kind: &'static str, status: StatusCode) -> Response {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "mmd" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_request_paths_to_site_files() {
        for (path, key) in [
            ("/", "index.html"),
            ("/en/", "en/index.html"),
            ("/en/terms/staking/", "en/terms/staking/index.html"),
            ("/static/style.css", "static/style.css"),
            ("//en//", "en/index.html"),
            ("/ko/terms/%EC%8A%A4/", "ko/terms/스/index.html"),
        ] {
            assert_eq!(site_path(path).as_deref(), Ok(key), "{path}");
        }
    }

    #[test]
    fn redirects_stay_on_this_host() {
        for (path, target) in [
            ("/en/terms/x", "/en/terms/x/"),
            ("//evil.example/x", "/evil.example/x/"),
            ("/%2F%2Fevil.example", "/evil.example/"),
            ("/ko/terms/%EC%8A%A4", "/ko/terms/%EC%8A%A4/"),
        ] {
            let key = site_path(path).unwrap();
            assert_eq!(redirect_target(&key), target, "{path}");
        }
    }

    #[test]
    fn answers_only_hosts_that_name_this_machine() {
        let ask = |host: Option<&str>, allowed: &[&str]| {
            let mut headers = HeaderMap::new();
            if let Some(host) = host {
                headers.insert(header::HOST, HeaderValue::from_str(host).unwrap());
            }
            host_allowed(&headers, &allowed.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>())
        };
        for host in
            ["127.0.0.1:1111", "localhost:1111", "LOCALHOST", "[::1]:1111", "192.168.1.20:8080", "app.localhost"]
        {
            assert!(ask(Some(host), &[]), "{host}");
        }
        assert!(ask(None, &[]));
        for host in ["evil.example", "evil.example:1111", "localhost.evil.example", "127.0.0.1.evil.example"] {
            assert!(!ask(Some(host), &[]), "{host}");
        }
        assert!(ask(Some("glossary.test:1111"), &["glossary.test"]));
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        for path in
            ["/../etc/passwd", "/en/../../x", "/%2e%2e/x", "/%2E%2E%2Fetc", "/a/./b", "/a%5Cb", "/%00", "/%zz", "/%ff"]
        {
            assert_eq!(site_path(path), Err(StatusCode::BAD_REQUEST), "{path}");
        }
    }
}
