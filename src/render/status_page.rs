//! The translation status page of each language: per translated language, a
//! bar of up-to-date / stale / untracked / missing terms and the lists behind
//! it; the same data as `glossa translations --format json`.

use serde::Serialize;

use super::views::{PageView, TermLink};
use super::Site;
use crate::config::LangId;
use crate::error::Error;
use crate::model::status::{LanguageReport, Status};

#[derive(Serialize)]
struct Segment {
    status: &'static str,
    label: String,
    count: usize,
    x: String,
    width: String,
}

#[derive(Serialize)]
struct StatusList<'a> {
    status: &'static str,
    label: String,
    count: usize,
    terms: Vec<TermLink<'a>>,
    /// Terms not listed on the page (see the data file).
    more: usize,
}

#[derive(Serialize)]
struct LanguageView<'a> {
    code: &'a str,
    name: &'a str,
    total: usize,
    summary: String,
    segments: Vec<Segment>,
    lists: Vec<StatusList<'a>>,
}

#[derive(Serialize)]
struct StatusView<'a> {
    page: PageView<'a>,
    languages: Vec<LanguageView<'a>>,
    data_href: String,
}

impl<'a> Site<'a> {
    /// Where the status page of `lang` lives.
    pub fn status_path(lang: &str) -> String {
        format!("{lang}/translations/")
    }

    /// The status page in `lang`.
    pub fn status_page(&self, lang: LangId, report: &'a [LanguageReport]) -> Result<String, Error> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let page_dir = Self::status_path(code);
        let title = format!("{} · {}", self.theme.text(lang, "translations_title"), config.title_in(lang));
        let description = self.theme.text(lang, "translations_intro").to_owned();
        let page = self.page_view(lang, &page_dir, title, description, &|l| Self::status_path(l));
        let languages = report
            .iter()
            .map(|language| {
                let total = language.total.max(1) as f64;
                let mut x = 0.0;
                let segments = Status::ALL
                    .iter()
                    .map(|&status| {
                        let count = language.terms(status).len();
                        let width = 100.0 * count as f64 / total;
                        let segment = Segment {
                            status: status.as_str(),
                            label: self.status_label(lang, status),
                            count,
                            x: format!("{x:.2}"),
                            width: format!("{width:.2}"),
                        };
                        x += width;
                        segment
                    })
                    .collect();
                let lists = Status::ALL
                    .iter()
                    .map(|&status| {
                        let all = language.terms(status);
                        StatusList {
                            status: status.as_str(),
                            label: self.status_label(lang, status),
                            count: all.len(),
                            terms: all
                                .iter()
                                .take(super::index_pages::PAGE_SIZE)
                                .filter_map(|t| self.glossary.lookup(&t.slug))
                                .map(|id| self.term_link(id, lang, &page_dir, false))
                                .collect(),
                            more: all.len().saturating_sub(super::index_pages::PAGE_SIZE),
                        }
                    })
                    .collect();
                let summary = self
                    .theme
                    .text(lang, "translations_summary")
                    .replace("{done}", &language.up_to_date.len().to_string())
                    .replace("{total}", &language.total.to_string());
                LanguageView {
                    code: &language.code,
                    name: &language.name,
                    total: language.total,
                    summary,
                    segments,
                    lists,
                }
            })
            .collect();
        let data_href = super::urls::relative(&page_dir, STATUS_JSON);
        self.render_template("translations.html", &StatusView { page, languages, data_href })
    }

    fn status_label(&self, lang: LangId, status: Status) -> String {
        let key = match status {
            Status::UpToDate => "status_up_to_date",
            Status::Stale => "status_stale",
            Status::Untracked => "status_untracked",
            Status::Missing => "status_missing",
        };
        self.theme.text(lang, key).to_owned()
    }
}

/// The site path of the status data file.
pub(super) const STATUS_JSON: &str = "translations.json";
