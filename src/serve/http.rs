//! The dev server's HTTP side: the site from memory, the live-reload events
//! and script, and the problem list. Only paths that name a file of the site
//! are ever answered with it: anything climbing out (`..`, encoded or not)
//! is refused, and unknown paths get the site's 404 page.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
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
        .with_state(shared)
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
    let stream = BroadcastStream::new(shared.events.subscribe()).filter_map(|notice| match notice {
        Ok(Notice::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
        Ok(Notice::Problems(json)) => Some(Ok(Event::default().event("problems").data(json))),
        Err(_) => None,
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
    // `/en/terms/x` → `/en/terms/x/`, as static hosts do.
    if !key.is_empty() && files.contains_key(&format!("{key}/index.html")) {
        let mut response = StatusCode::MOVED_PERMANENTLY.into_response();
        if let Ok(location) = HeaderValue::from_str(&format!("{}/", uri.path())) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    match files.get("404.html") {
        Some(bytes) => file_response("404.html", bytes, StatusCode::NOT_FOUND),
        None => with_type(Body::from("not found\n"), "text/plain; charset=utf-8", StatusCode::NOT_FOUND),
    }
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
    fn refuses_paths_that_climb_out() {
        for path in
            ["/../etc/passwd", "/en/../../x", "/%2e%2e/x", "/%2E%2E%2Fetc", "/a/./b", "/a%5Cb", "/%00", "/%zz", "/%ff"]
        {
            assert_eq!(site_path(path), Err(StatusCode::BAD_REQUEST), "{path}");
        }
    }
}
