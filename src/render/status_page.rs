//! The translation status page of each language: per translated language, a
//! bar of up-to-date / stale / untracked / missing terms and the lists behind
//! it, then the same for articles; the same data as
//! `glossa translations --format json`.

use serde::Serialize;

use super::views::PageView;
use super::Site;
use crate::config::LangId;
use crate::error::Error;
use crate::model::status::{LanguageReport, Status, StatusLists};

#[derive(Serialize)]
struct Segment {
    status: &'static str,
    label: String,
    count: usize,
    x: String,
    width: String,
}

/// A link to a term or article in a status list.
#[derive(Serialize)]
struct StatusLink<'a> {
    title: &'a str,
    href: String,
    lang: Option<&'a str>,
}

#[derive(Serialize)]
struct StatusList<'a> {
    status: &'static str,
    label: String,
    count: usize,
    links: Vec<StatusLink<'a>>,
    /// Items not listed on the page (see the data file).
    more: usize,
}

/// The bar, legend and lists of terms or of articles.
#[derive(Serialize)]
struct Breakdown<'a> {
    id: String,
    summary: String,
    segments: Vec<Segment>,
    lists: Vec<StatusList<'a>>,
}

#[derive(Serialize)]
struct LanguageView<'a> {
    code: &'a str,
    name: &'a str,
    terms: Breakdown<'a>,
    articles: Option<Breakdown<'a>>,
}

#[derive(Serialize)]
struct StatusView<'a> {
    page: PageView<'a>,
    languages: Vec<LanguageView<'a>>,
    data_href: String,
}

/// Which kind of item a breakdown lists.
#[derive(Clone, Copy)]
enum Kind {
    Terms,
    Articles,
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
            .map(|language| LanguageView {
                code: &language.code,
                name: &language.name,
                terms: self.breakdown(lang, &page_dir, &language.code, &language.terms, Kind::Terms),
                articles: (language.articles.total > 0)
                    .then(|| self.breakdown(lang, &page_dir, &language.code, &language.articles, Kind::Articles)),
            })
            .collect();
        let data_href = super::urls::relative(&page_dir, STATUS_JSON);
        self.render_template("translations.html", &StatusView { page, languages, data_href })
    }

    fn breakdown(&self, lang: LangId, page_dir: &str, code: &str, lists: &StatusLists, kind: Kind) -> Breakdown<'a> {
        let total = lists.total.max(1) as f64;
        let mut x = 0.0;
        let segments = Status::ALL
            .iter()
            .map(|&status| {
                let count = lists.items(status).len();
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
        let lists_view = Status::ALL
            .iter()
            .map(|&status| {
                let all = lists.items(status);
                let shown = all.iter().take(super::index_pages::PAGE_SIZE);
                let links = match kind {
                    Kind::Terms => shown
                        .filter_map(|item| self.glossary.lookup(&item.slug))
                        .map(|id| {
                            let link = self.term_link(id, lang, page_dir, false);
                            StatusLink { title: link.title, href: link.href, lang: link.lang }
                        })
                        .collect(),
                    Kind::Articles => shown
                        .filter_map(|item| self.glossary.articles.iter().position(|a| a.slug.as_str() == item.slug))
                        .map(|index| {
                            let link = self.article_link(index, lang, page_dir);
                            StatusLink { title: link.title, href: link.href, lang: link.lang }
                        })
                        .collect(),
                };
                StatusList {
                    status: status.as_str(),
                    label: self.status_label(lang, status),
                    count: all.len(),
                    links,
                    more: all.len().saturating_sub(super::index_pages::PAGE_SIZE),
                }
            })
            .collect();
        let (key, id) = match kind {
            Kind::Terms => ("translations_summary", format!("status-{code}")),
            Kind::Articles => ("translations_summary_articles", format!("status-{code}-articles")),
        };
        let summary = self
            .theme
            .text(lang, key)
            .replace("{done}", &lists.up_to_date.len().to_string())
            .replace("{total}", &lists.total.to_string());
        Breakdown { id, summary, segments, lists: lists_view }
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
