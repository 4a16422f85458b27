//! `glossa import`: read a CSV or TBX file, check every entry, then write
//! the term files (none when any entry has an error, unless `--keep-going`).
//! Diagnostics go to stderr; the files written and the summary to stdout.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::{colour, Outcome};
use crate::cli::ImportArgs;
use crate::diag::{self, Code, Diagnostic, Diagnostics, Format, Severity};
use crate::error::Error;
use crate::import::{self, plan};
use crate::source::{SourceMap, Span};
use crate::util::text::slash_path;

/// Runs the import and prints what it did.
pub fn import(args: &ImportArgs) -> Result<Outcome, Error> {
    let mut sources = SourceMap::default();
    let (config, diags) = crate::config::load(crate::config::read(&args.root)?, &mut sources);
    let Some(config) = config else {
        print(&diags, &sources, args.diagnostics);
        return Err(Error::Usage("site.yaml has errors: fix them first".into()));
    };
    let format = args.format.or_else(|| import::Format::from_extension(&args.file)).ok_or_else(|| {
        Error::Usage(format!(
            "cannot tell the format of {} from its name: pass --format csv or --format tbx",
            args.file.display()
        ))
    })?;
    let bytes = std::fs::read(&args.file).map_err(|e| Error::io(&args.file, e))?;
    let (text, utf8_error) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(e.utf8_error().valid_up_to())),
    };
    let file = sources.add(args.file.clone(), text);
    if let Some(at) = utf8_error {
        let diag = Diagnostic::new(Code::InvalidUtf8, Some(Span::new(file, at..at)), "the file is not valid UTF-8")
            .with_help("save it as UTF-8 (spreadsheets offer \"CSV UTF-8\")");
        print(&[diag], &sources, args.diagnostics);
        return Ok(Outcome::ContentFailed);
    }
    let read = import::read(format, &sources.get(file).text, file, &config);
    let plan = plan::plan(read.entries, &args.root, &config, &sources);
    let mut all = read.diags;
    all.extend(plan.diags);
    let failed = all.iter().any(|d| d.severity == Severity::Error);
    print(&all, &sources, args.diagnostics);
    if failed && !args.keep_going {
        eprintln!("nothing imported: fix the errors above, or pass --keep-going to import the entries without errors");
        return Ok(Outcome::ContentFailed);
    }
    let (files, appeared) = if args.dry_run {
        (plan.files.iter().map(|p| p.rel.clone()).collect(), Vec::new())
    } else {
        let written = import::write::write_all(&args.root, &plan.files)?;
        (written.files, written.appeared)
    };
    for rel in &appeared {
        eprintln!("warning: {} appeared while importing: left as it is", slash_path(rel));
    }
    report(args, &files, plan.existing.len() + appeared.len());
    Ok(if failed { Outcome::ContentFailed } else { Outcome::Success })
}

/// Prints the files and the summary line to stdout.
fn report(args: &ImportArgs, files: &[PathBuf], skipped: usize) {
    let mut terms: Vec<&str> = files.iter().filter_map(|rel| rel.file_stem().and_then(|s| s.to_str())).collect();
    terms.sort_unstable();
    terms.dedup();
    let (n, m) = (terms.len(), files.len());
    let (term_word, file_word) = (if n == 1 { "term" } else { "terms" }, if m == 1 { "file" } else { "files" });
    for rel in files {
        let shown = slash_path(&args.root.join(rel));
        if args.dry_run {
            println!("would write {shown}");
        } else {
            println!("wrote {shown}");
        }
    }
    if args.dry_run {
        println!(
            "would import {n} {term_word} ({m} {file_word}), skip {skipped} existing; nothing written (--dry-run)"
        );
    } else {
        println!("imported {n} {term_word} ({m} {file_word}), skipped {skipped} existing");
    }
    if m > 0 {
        let root = if args.root == std::path::Path::new(".") {
            String::new()
        } else {
            format!(" --root {}", args.root.display())
        };
        println!("next: `glossa check{root}` reports what the imported terms still need");
    }
}

fn print(list: &[Diagnostic], sources: &SourceMap, format: Format) {
    if list.is_empty() {
        return;
    }
    let located = Diagnostics::new(list.to_vec(), sources);
    eprint!("{}", diag::render(&located, sources, format, colour(std::io::stderr().is_terminal())));
}
