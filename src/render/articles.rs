//! Article pages: the text with its table of contents, date, reading time and
//! tags, a "Terms in this article" box in learning order, and each
//! language's article index, newest first. Term pages list the articles that
//! link them ("Read more").

use serde::Serialize;

use super::urls;
use super::views::{PageView, StaleNotice, TagLink, TermLink};
use super::Site;
use crate::config::LangId;
use crate::error::Error;
use crate::markdown::{Heading, RenderedBody};
use crate::model::TermId;

/// A link to an article.
#[derive(Serialize, Clone)]
pub(super) struct ArticleLink<'a> {
    pub(super) title: &'a str,
    pub(super) href: String,
    date: String,
    date_iso: &'a str,
    description: Option<&'a str>,
    pub(super) lang: Option<&'a str>,
}

#[derive(Serialize)]
struct TocView<'a> {
    side: &'static str,
    items: &'a [Heading],
}

#[derive(Serialize)]
struct ArticleView<'a> {
    page: PageView<'a>,
    title: &'a str,
    text_lang: Option<&'a str>,
    fallback_notice: Option<String>,
    stale_notice: Option<StaleNotice>,
    date: String,
    date_iso: &'a str,
    reading_time: String,
    description: Option<&'a str>,
    tags: Vec<TagLink<'a>>,
    categories: Vec<&'a str>,
    thumbnail: Option<String>,
    toc: Option<TocView<'a>>,
    html: &'a str,
    terms: Vec<TermLink<'a>>,
}

#[derive(Serialize)]
struct IndexView<'a> {
    page: PageView<'a>,
    articles: Vec<ArticleLink<'a>>,
}

impl<'a> Site<'a> {
    /// Where article `slug` lives.
    pub(super) fn article_path(lang: &str, slug: &str) -> String {
        format!("{lang}/articles/{slug}/")
    }

    /// Whether article `index` is on the site.
    pub(super) fn article_published(&self, index: usize) -> bool {
        self.include_drafts || !self.glossary.articles[index].draft
    }

    /// The published articles, newest first (ties by slug).
    pub(super) fn articles_newest_first(&self) -> Vec<usize> {
        let mut list: Vec<usize> = (0..self.glossary.articles.len()).filter(|i| self.article_published(*i)).collect();
        let articles = &self.glossary.articles;
        list.sort_by(|a, b| articles[*b].date.cmp(&articles[*a].date).then(articles[*a].slug.cmp(&articles[*b].slug)));
        list
    }

    /// The rendered text of article `index` for pages in `lang`.
    fn article_body(&self, index: usize, lang: LangId) -> Option<&'a RenderedBody> {
        match self.glossary.articles[index].entry(lang) {
            Some(own) => self.rendered.articles.get(own),
            None => self.rendered.article_fallback.get(&(index, lang)),
        }
    }

    /// `date` (YYYY-MM-DD) as the language writes it.
    pub(super) fn display_date(&self, date: &str, lang: LangId) -> String {
        let mut parts = date.split('-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
            return date.to_owned();
        };
        let month_number: usize = month.parse().unwrap_or(1);
        let months: Vec<&str> = self.theme.text(lang, "months").split(',').map(str::trim).collect();
        let month_name = months.get(month_number.saturating_sub(1)).copied().unwrap_or(month);
        self.theme
            .text(lang, "date_format")
            .replace("{year}", year)
            .replace("{month_name}", month_name)
            .replace("{month}", &month_number.to_string())
            .replace("{day}", day.trim_start_matches('0'))
    }

    /// A link to article `index` from a page at `page_dir` in `lang`.
    pub(super) fn article_link(&self, index: usize, lang: LangId, page_dir: &str) -> ArticleLink<'a> {
        let glossary = self.glossary;
        let (entry, fallback) = glossary.article_entry(index, lang);
        let code = glossary.config.language(lang).code.as_str();
        let article = &glossary.articles[index];
        ArticleLink {
            title: &entry.front.title.value,
            href: urls::relative(page_dir, &Self::article_path(code, article.slug.as_str())),
            date: self.display_date(&article.date, lang),
            date_iso: &article.date,
            description: entry.front.description.as_ref().map(|d| d.value.as_str()),
            lang: fallback.then(|| glossary.config.language(entry.lang).code.as_str()),
        }
    }

    /// `[lang][term]`: the published articles whose text links each term.
    pub(super) fn compute_article_mentions(&self) -> Vec<Vec<Vec<usize>>> {
        let glossary = self.glossary;
        glossary
            .config
            .lang_ids()
            .map(|lang| {
                let mut by_term = vec![Vec::new(); glossary.terms.len()];
                for index in self.articles_newest_first() {
                    if let Some(body) = self.article_body(index, lang) {
                        for term in &body.links {
                            by_term[term.index()].push(index);
                        }
                    }
                }
                by_term
            })
            .collect()
    }

    /// The articles that link `term`, for its "Read more" list.
    pub(super) fn read_more(&self, term: TermId, lang: LangId, page_dir: &str) -> Vec<ArticleLink<'a>> {
        self.article_mentions[lang.0][term.index()].iter().map(|&i| self.article_link(i, lang, page_dir)).collect()
    }

    /// Every published article page and each language's index, as (folder, HTML).
    pub(super) fn article_pages(&self, lang: LangId) -> Result<Vec<(String, String)>, Error> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let order = self.articles_newest_first();
        let mut pages = Vec::new();
        for &index in &order {
            pages.push(self.article_page(index, lang)?);
        }
        if !order.is_empty() {
            let page_dir = format!("{code}/articles/");
            let title = format!("{} · {}", self.theme.text(lang, "articles"), config.title_in(lang));
            let description = self.theme.text(lang, "articles_intro").to_owned();
            let page = self.page_view(lang, &page_dir, title, description, &|l| format!("{l}/articles/"));
            let articles = order.iter().map(|&i| self.article_link(i, lang, &page_dir)).collect();
            pages.push((page_dir, self.render_template("articles.html", &IndexView { page, articles })?));
        }
        Ok(pages)
    }

    fn article_page(&self, index: usize, lang: LangId) -> Result<(String, String), Error> {
        let glossary = self.glossary;
        let config = &glossary.config;
        let code = config.language(lang).code.as_str();
        let article = &glossary.articles[index];
        let slug = article.slug.as_str();
        let page_dir = Self::article_path(code, slug);
        let (entry, fallback) = glossary.article_entry(index, lang);
        let body = self.article_body(index, lang);
        let entry_lang = config.language(entry.lang);
        let text = &glossary.sources.get(entry.file).text[entry.body.clone()];
        let minutes = crate::util::text::word_count(text).div_ceil(200).max(1);
        let mut terms: Vec<TermId> = body.map(|b| b.links.clone()).unwrap_or_default();
        terms.retain(|t| self.published(*t));
        glossary.graph.sort_by_rank(&mut terms);
        let title = &entry.front.title.value;
        let description = entry.front.description.as_ref().map(|d| d.value.as_str());
        let mut page = self.page_view(
            lang,
            &page_dir,
            format!("{title} · {}", config.title_in(lang)),
            description.unwrap_or_default().to_owned(),
            &|l| Self::article_path(l, slug),
        );
        page.og_type = "article";
        let view = ArticleView {
            page,
            title,
            text_lang: fallback.then(|| entry_lang.code.as_str()),
            fallback_notice: fallback.then(|| {
                self.theme
                    .text(lang, "fallback_article")
                    .replace("{language}", &config.language(lang).name)
                    .replace("{source}", &entry_lang.name)
            }),
            stale_notice: (self.article_statuses[index][lang.0] == crate::model::status::Status::Stale).then(|| {
                let source = config.language(config.default_language).code.as_str();
                self.stale_notice(lang, &page_dir, "stale_notice_article", &Self::article_path(source, slug))
            }),
            date: self.display_date(&article.date, lang),
            date_iso: &article.date,
            reading_time: self.theme.text(lang, "reading_time").replace("{minutes}", &minutes.to_string()),
            description,
            // Tags belong to the article, as they do to a term: from the default-language file.
            tags: glossary
                .article_entry(index, config.default_language)
                .0
                .front
                .tags
                .iter()
                .flatten()
                .filter(|t| self.tags.contains_key(t.value.as_str()))
                .map(|t| self.tag_link(&t.value, lang, &page_dir))
                .collect(),
            categories: entry.front.categories.iter().map(|c| c.value.as_str()).collect(),
            thumbnail: entry
                .front
                .thumbnail
                .as_ref()
                .map(|t| urls::relative(&page_dir, &format!("static/{}", t.value))),
            toc: entry.front.toc.and_then(|side| {
                let items = body.map(|b| b.headings.as_slice()).unwrap_or_default();
                (!items.is_empty()).then_some(TocView {
                    side: match side {
                        crate::frontmatter::article::TocSide::Left => "left",
                        crate::frontmatter::article::TocSide::Right => "right",
                    },
                    items,
                })
            }),
            html: body.map_or("", |b| b.main.as_str()),
            terms: terms.into_iter().map(|t| self.term_link(t, lang, &page_dir, false)).collect(),
        };
        Ok((page_dir, self.render_template("article.html", &view)?))
    }
}
