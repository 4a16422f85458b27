//! `glossa translations`: where every translation stands, and re-stamping a
//! reviewed one with `--mark-current`.

use std::io::Write;

use super::{print_to_stderr, Outcome};
use crate::cli::{ReportFormat, TranslationsArgs};
use crate::error::Error;
use crate::model::status::{self, Status};
use crate::pipeline::{self, Options};
use crate::scaffold;

/// Prints the report, or marks one translation current.
pub fn translations(args: &TranslationsArgs) -> Result<Outcome, Error> {
    let options = Options { include_drafts: true, base_url: None, keep_bodies: false };
    let analysis = pipeline::analyse(&args.root, &options)?;
    let Some(site) = &analysis.site else {
        print_to_stderr(&analysis);
        return Ok(Outcome::ContentFailed);
    };
    let glossary = &site.glossary;
    if let (Some(slug), Some(lang)) = (&args.mark_current, &args.lang) {
        let (path, hash) = if args.article {
            scaffold::mark_article_current(&args.root, glossary, slug, lang)?
        } else {
            scaffold::mark_current(&args.root, glossary, slug, lang)?
        };
        println!("{} now follows its source at {hash}", path.display());
        return Ok(Outcome::Success);
    }
    let statuses = status::statuses(glossary);
    let article_statuses = status::article_statuses(glossary);
    let report = status::report(glossary, &statuses, &article_statuses, true);
    let text = match args.format {
        ReportFormat::Json => {
            let mut json = serde_json::to_string_pretty(&serde_json::json!({ "languages": report }))
                .map_err(|e| Error::Usage(e.to_string()))?;
            json.push('\n');
            json
        }
        ReportFormat::Human => human(&report),
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(Error::io("<stdout>", e));
        }
    }
    Ok(Outcome::Success)
}

fn human(report: &[status::LanguageReport]) -> String {
    let mut out = String::new();
    if report.is_empty() {
        out.push_str("The site has only one language: there is nothing to translate.\n");
    }
    for language in report {
        summarise(&mut out, language, &language.terms, "terms");
        if language.articles.total > 0 {
            summarise(&mut out, language, &language.articles, "articles");
        }
    }
    out
}

/// One line of counts, then the slugs that need work.
fn summarise(out: &mut String, language: &status::LanguageReport, lists: &status::StatusLists, noun: &str) {
    let counts: Vec<String> =
        Status::ALL.iter().map(|s| format!("{} {}", lists.items(*s).len(), s.as_str().replace('-', " "))).collect();
    let name = crate::util::text::printable(&language.name);
    out.push_str(&format!("{} ({name}): {} of {} {noun}\n", language.code, counts.join(", "), lists.total));
    for status in [Status::Stale, Status::Untracked, Status::Missing] {
        let items = lists.items(status);
        if !items.is_empty() {
            let slugs: Vec<&str> = items.iter().map(|t| t.slug.as_str()).collect();
            out.push_str(&format!("  {:<10} {}\n", format!("{}:", status.as_str()), slugs.join(", ")));
        }
    }
}
