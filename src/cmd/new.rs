//! `glossa new`: scaffold a term or a translation and say where it went.

use super::Outcome;
use crate::cli::NewArgs;
use crate::error::Error;
use crate::scaffold::{self, Request};
use crate::source::SourceMap;
use crate::{config, diag};

/// Creates the file and prints its path.
pub fn new(args: &NewArgs) -> Result<Outcome, Error> {
    let mut sources = SourceMap::default();
    let (config, diags) = config::load(config::read(&args.root)?, &mut sources);
    let Some(config) = config else {
        let list = diag::Diagnostics::new(diags, &sources);
        eprint!("{}", diag::render(&list, &sources, diag::Format::Human, false));
        return Err(Error::Usage("site.yaml has errors: fix them first".into()));
    };
    let request = Request { slug: args.slug.clone(), lang: args.lang.clone(), article: args.article };
    let rel = scaffold::create(&args.root, &config, &request)?;
    println!("{}", args.root.join(&rel).display());
    Ok(Outcome::Success)
}
