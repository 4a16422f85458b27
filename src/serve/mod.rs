//! `glossa serve`: build the site in memory, serve it on loopback, watch the
//! sources and rebuild on change, reloading open pages. A build with errors
//! never replaces the last good one: the errors are shown in an overlay.
//! State lives in one `Shared` value handed to the HTTP handlers and the
//! watcher, never in globals.

mod http;
mod rebuild;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use tokio::sync::broadcast;

use crate::cmd::Outcome;
use crate::error::Error;
pub use rebuild::{Builder, Problem};

/// Options of `glossa serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to bind (loopback unless told otherwise).
    pub bind: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Open the site in a browser.
    pub open: bool,
    /// Host names answered besides loopback names and IP addresses (`--allow-host`).
    pub allowed_hosts: Vec<String>,
}

/// What a browser is told about a rebuild.
#[derive(Debug, Clone)]
enum Notice {
    /// The site changed: reload.
    Reload,
    /// The content has problems (JSON list): show the overlay.
    Problems(String),
    /// The server is stopping: end every event stream, so no open page
    /// keeps the server from shutting down.
    Shutdown,
}

/// The files of a built site, by site path (shared, cheap to clone).
type Files = Arc<std::collections::BTreeMap<String, Arc<[u8]>>>;

/// The site being served and the problems of the latest build.
#[derive(Debug, Default)]
struct Snapshot {
    /// Files by site path; empty until a build succeeds.
    files: Files,
    /// Problems of the latest build (errors keep the previous files).
    problems: Arc<Vec<Problem>>,
}

/// Shared between the HTTP handlers and the watcher.
struct Shared {
    snapshot: RwLock<Snapshot>,
    events: broadcast::Sender<Notice>,
    /// Host names answered besides loopback names and IP addresses.
    allowed_hosts: Vec<String>,
}

impl Shared {
    fn snapshot(&self) -> (Files, Arc<Vec<Problem>>) {
        let guard = self.snapshot.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        (Arc::clone(&guard.files), Arc::clone(&guard.problems))
    }
}

/// Runs the dev server until interrupted.
pub fn serve(options: &ServeOptions) -> Result<Outcome, Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|source| Error::Server { what: "cannot start the server".into(), source, hint: "" })?;
    runtime.block_on(run(options))
}

/// How long open connections get to close after Ctrl-C.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

async fn run(options: &ServeOptions) -> Result<Outcome, Error> {
    // Not a site at all: say so now rather than serve an error page.
    crate::pipeline::Inputs::check_site(&options.root)?;
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address).await.map_err(|source| Error::Server {
        what: format!("cannot listen on {address}"),
        source,
        hint: " (is another server using the port? try --port 0)",
    })?;
    let local = listener.local_addr().map_err(|source| Error::Server {
        what: "cannot read the listening address".into(),
        source,
        hint: "",
    })?;
    let base_url = format!("http://{local}/");

    let builder = Builder::new(options.root.clone(), base_url.clone());
    let (events, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Snapshot::default()),
        events,
        allowed_hosts: options.allowed_hosts.clone(),
    });
    // Watching starts before the first build, so no change made meanwhile is missed.
    let (_watcher, first_build) = watch::start(&options.root, builder, Arc::clone(&shared))?;
    tokio::task::block_in_place(|| first_build.recv())
        .map_err(|_| Error::Usage("the first build stopped unexpectedly".into()))?;

    println!("Serving {} at {base_url}", options.root.display());
    println!("Watching content/, templates/, static/ and site.yaml; drafts are shown. Press Ctrl-C to stop.");
    if options.open {
        let url = base_url.clone();
        std::thread::spawn(move || {
            if let Err(e) = open::that(&url) {
                eprintln!("could not open a browser: {e}");
            }
        });
    }
    let stop_requested = stop_signal();
    let app = http::router(Arc::clone(&shared));
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let mut stopping = stopping;
        let _ = stopping.wait_for(|stop| *stop).await;
    });
    let interrupted = async {
        stop_requested.await;
        // Event streams end, so pages holding one let the server stop.
        let _ = shared.events.send(Notice::Shutdown);
        let _ = stop.send(true);
        // Whatever is still open after a moment is cut off.
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        served = server => served.map_err(|source| Error::Server { what: "the server stopped".into(), source, hint: "" })?,
        () = interrupted => {}
    }
    println!("Stopped.");
    Ok(Outcome::Success)
}

/// Ctrl-C, or SIGTERM where there is one, listened for from this call on:
/// tokio's `ctrl_c()` listens only once first polled, and a Ctrl-C that came
/// before would kill the server instead of stopping it.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, Signal, SignalKind};
        async fn next(signal: Option<Signal>) {
            match signal {
                Some(mut signal) => {
                    signal.recv().await;
                }
                None => std::future::pending().await,
            }
        }
        let interrupt = signal(SignalKind::interrupt()).ok();
        let terminate = signal(SignalKind::terminate()).ok();
        async move {
            tokio::select! {
                () = next(interrupt) => {}
                () = next(terminate) => {}
            }
        }
    }
    #[cfg(windows)]
    {
        let ctrl_c = tokio::signal::windows::ctrl_c().ok();
        async move {
            match ctrl_c {
                Some(mut ctrl_c) => {
                    ctrl_c.recv().await;
                }
                None => std::future::pending().await,
            }
        }
    }
}
