//! Stage timings for profiling: with `GLOSSA_TIMINGS` set, each lap prints
//! how long the stage since the previous lap took and, on Linux, the resident
//! memory and its peak so far.

use std::time::Instant;

/// Prints how long each stage took when `GLOSSA_TIMINGS` is set.
pub struct Stopwatch {
    enabled: bool,
    last: Instant,
}

impl Stopwatch {
    /// Starts timing.
    pub fn new() -> Stopwatch {
        Stopwatch { enabled: std::env::var_os("GLOSSA_TIMINGS").is_some(), last: Instant::now() }
    }

    /// Ends the stage called `stage` and starts the next.
    pub fn lap(&mut self, stage: &str) {
        if self.enabled {
            eprintln!("{stage:>12}: {:>8.1} ms{}", self.last.elapsed().as_secs_f64() * 1000.0, memory());
        }
        self.last = Instant::now();
    }
}

impl Default for Stopwatch {
    fn default() -> Stopwatch {
        Stopwatch::new()
    }
}

/// `, 123 MB resident (peak 456 MB)` from /proc, or nothing elsewhere.
fn memory() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else { return String::new() };
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(now), Some(peak)) => format!(", {} MB resident (peak {} MB)", now / 1024, peak / 1024),
        _ => String::new(),
    }
}
