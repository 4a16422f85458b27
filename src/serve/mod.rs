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
}

/// What a browser is told about a rebuild.
#[derive(Debug, Clone)]
enum Notice {
    /// The site changed: reload.
    Reload,
    /// The content has problems (JSON list): show the overlay.
    Problems(String),
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
        .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
    runtime.block_on(run(options))
}

async fn run(options: &ServeOptions) -> Result<Outcome, Error> {
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
        Error::Usage(format!("cannot listen on {address}: {e} (is another server using the port? try --port 0)"))
    })?;
    let local = listener.local_addr().map_err(|e| Error::io("<socket>", e))?;
    let base_url = format!("http://{local}/");

    let builder = Builder::new(options.root.clone(), base_url.clone());
    let (events, _) = broadcast::channel(16);
    let shared = Arc::new(Shared { snapshot: RwLock::new(Snapshot::default()), events });
    // Watching starts before the first build, so no change made meanwhile is missed.
    let (_watcher, first_build) = watch::start(&options.root, builder, Arc::clone(&shared))?;
    tokio::task::block_in_place(|| first_build.recv())
        .map_err(|_| Error::Usage("the first build stopped unexpectedly".into()))??;

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
    let app = http::router(Arc::clone(&shared));
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| Error::io("<socket>", e))?;
    Ok(Outcome::Success)
}
