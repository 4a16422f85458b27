//! The practice page of each language: questions drawn from every term's
//! quiz (all, or one tag's), one at a time, each linked to its term. It is
//! driven by `static/practice.js` from the language's `quiz.json`.

use serde::Serialize;

use super::urls;
use super::views::{PageView, TagLink};
use super::Site;
use crate::error::Error;
use crate::output::OutputSink;

#[derive(Serialize)]
struct PracticeView<'a> {
    page: PageView<'a>,
    tags: Vec<TagLink<'a>>,
    data_href: String,
    question_count: usize,
}

impl Site<'_> {
    /// Where the practice page of `lang` lives.
    pub fn practice_path(lang: &str) -> String {
        format!("{lang}/practice/")
    }

    /// Every language's practice page.
    pub(super) fn render_practice(&self, sink: &dyn OutputSink) -> Result<usize, Error> {
        let config = &self.glossary.config;
        for lang in config.lang_ids() {
            let code = config.language(lang).code.as_str();
            let page_dir = Self::practice_path(code);
            let title = format!("{} · {}", self.theme.text(lang, "practice_title"), config.title_in(lang));
            let description = self.theme.text(lang, "practice_intro").to_owned();
            let page = self.page_view(lang, &page_dir, title, description, &|l| Self::practice_path(l));
            let question_count = self
                .published_terms()
                .map(|t| {
                    let (entry, _) = self.glossary.entry_or_fallback(t.id, lang);
                    let own = entry.front.quiz.as_ref().map_or(0, Vec::len);
                    if own > 0 {
                        own
                    } else {
                        let (source, _) = self.glossary.entry_or_fallback(t.id, config.default_language);
                        source.front.quiz.as_ref().map_or(0, Vec::len)
                    }
                })
                .sum();
            let view = PracticeView {
                page,
                tags: self.tags.keys().map(|t| self.tag_link(t, lang, &page_dir)).collect(),
                data_href: urls::relative(&page_dir, &format!("{code}/quiz.json")),
                question_count,
            };
            sink.write(&urls::index_file(&page_dir), self.render_template("practice.html", &view)?.as_bytes())?;
        }
        Ok(config.languages.len())
    }
}
