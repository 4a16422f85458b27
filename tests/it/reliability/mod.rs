//! Nothing lost, nothing leaked, nothing stalls: each way an unlucky user or
//! an attacker was found to break a build or the dev server, through the
//! real binary.

mod hygiene;
mod inputs;
mod output;
mod stalls;

use std::process::Output;

/// stderr, for assertion messages.
fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `check --format json`: the exit code and one JSON value a diagnostic.
fn check_json(site: &crate::support::SiteTest) -> (Option<i32>, Vec<serde_json::Value>) {
    let output = site.glossa(&["check", "--format", "json"]);
    let lines = String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (output.status.code(), lines)
}

/// The diagnostics of `code`, as (file, line, column, message).
fn of_code(lines: &[serde_json::Value], code: &str) -> Vec<(String, u64, u64, String)> {
    lines
        .iter()
        .filter(|l| l["code"] == code)
        .map(|l| {
            (
                l["file"].as_str().unwrap_or_default().to_owned(),
                l["line"].as_u64().unwrap_or_default(),
                l["column"].as_u64().unwrap_or_default(),
                l["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}
