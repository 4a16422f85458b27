//! The pages that list terms: each language's home (A–Z index and tags), tag
//! pages, the root language chooser and the 404 page.

use serde::Serialize;

use super::az::{self, Group};
use super::urls;
use super::views::{PageView, TagLink, TermLink};
use super::Site;
use crate::config::LangId;
use crate::error::Error;

/// Lists longer than this are split over pages of this size (spec §4.5:
/// pages stay small at any size of glossary).
pub(super) const PAGE_SIZE: usize = 300;

#[derive(Serialize)]
struct AzGroup<'a> {
    label: String,
    id: String,
    /// Where the group's own pages start (when the index is split).
    href: Option<String>,
    count: usize,
    terms: Vec<TermLink<'a>>,
    /// The terms, in order (for the group's own pages).
    #[serde(skip)]
    ids: Vec<crate::model::TermId>,
}

/// Links between the pages of a split list.
#[derive(Serialize)]
struct Pagination {
    current: usize,
    pages: usize,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Serialize)]
struct AzPageView<'a> {
    page: PageView<'a>,
    label: String,
    terms: Vec<TermLink<'a>>,
    pagination: Option<Pagination>,
}

/// The folder of page `number` (1-based) of a list whose first page is `first`.
fn page_dir(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_owned()
    } else {
        format!("{first}{number}/")
    }
}

fn pagination(first: &str, here: &str, number: usize, pages: usize) -> Option<Pagination> {
    (pages > 1).then(|| Pagination {
        current: number,
        pages,
        previous: (number > 1).then(|| urls::relative(here, &page_dir(first, number - 1))),
        next: (number < pages).then(|| urls::relative(here, &page_dir(first, number + 1))),
    })
}

#[derive(Serialize)]
struct HomeView<'a> {
    page: PageView<'a>,
    term_count: usize,
    groups: Vec<AzGroup<'a>>,
    /// Whether the groups are on pages of their own.
    split: bool,
    tags: Vec<TagLink<'a>>,
}

#[derive(Serialize)]
struct TagView<'a> {
    page: PageView<'a>,
    tag: TagLink<'a>,
    terms: Vec<TermLink<'a>>,
    map_href: String,
    pagination: Option<Pagination>,
}

#[derive(Serialize)]
struct ChooserLanguage<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    href: String,
    /// The language's interface strings (for the 404 page).
    t: &'a crate::theme::UiStrings,
}

#[derive(Serialize)]
struct ChooserView<'a> {
    site_title: &'a str,
    default_lang: &'a str,
    default_href: String,
    languages: Vec<ChooserLanguage<'a>>,
    canonical: String,
    alternates: Vec<super::views::Alternate<'a>>,
}

#[derive(Serialize)]
struct NotFoundView<'a> {
    page: PageView<'a>,
    homes: Vec<ChooserLanguage<'a>>,
}

impl<'a> Site<'a> {
    /// The link to tag `tag` from a page at `page_dir`.
    pub fn tag_link(&self, tag: &'a str, lang: LangId, page_dir: &str) -> TagLink<'a> {
        let code = self.glossary.config.language(lang).code.as_str();
        TagLink {
            slug: tag,
            label: self.glossary.config.tag_label(tag, lang),
            href: urls::relative(page_dir, &urls::tag(code, tag)),
            count: self.tags.get(tag).map_or(0, Vec::len),
        }
    }

    /// The A–Z groups of `lang`, each with its terms in order.
    fn az_groups(&self, lang: LangId, page_dir: &str) -> Vec<AzGroup<'a>> {
        let code = self.glossary.config.language(lang).code.as_str();
        let mut links: Vec<(Group, (String, String), TermLink<'a>, crate::model::TermId)> = self
            .published_terms()
            .map(|t| {
                let link = self.term_link(t.id, lang, page_dir, false);
                (Group::of(link.title), az::sort_key(link.title), link, t.id)
            })
            .collect();
        let hangul_first = code == "ko";
        links.sort_by(|a, b| {
            a.0.cmp_for(b.0, hangul_first).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.slug.cmp(b.2.slug))
        });
        let mut groups: Vec<AzGroup<'a>> = Vec::new();
        for (group, _, link, id) in links {
            match groups.last_mut() {
                Some(last) if last.id == group.id() => {
                    last.terms.push(link);
                    last.ids.push(id);
                }
                _ => groups.push(AzGroup {
                    label: group.label(),
                    id: group.id(),
                    href: None,
                    count: 0,
                    terms: vec![link],
                    ids: vec![id],
                }),
            }
        }
        for group in &mut groups {
            group.count = group.terms.len();
        }
        groups
    }

    /// Where the A–Z pages of group `id` start.
    fn az_path(lang: &str, id: &str) -> String {
        format!("{lang}/az/{}/", id.trim_start_matches("az-"))
    }

    /// The home page of `lang`: the A–Z index (every term, or past
    /// `PAGE_SIZE` terms the letters linking to pages of their own) and the tags.
    pub fn home_page(&self, lang: LangId) -> Result<String, Error> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let page_dir = urls::home(code);
        let mut groups = self.az_groups(lang, &page_dir);
        let term_count: usize = groups.iter().map(|g| g.count).sum();
        let split = term_count > PAGE_SIZE;
        if split {
            for group in &mut groups {
                group.href = Some(urls::relative(&page_dir, &Self::az_path(code, &group.id)));
                group.terms.clear();
            }
        }
        let title = config.title_in(lang).to_owned();
        let description = self.theme.text(lang, "home_description").replace("{count}", &term_count.to_string());
        let mut page = self.page_view(lang, &page_dir, title, description.clone(), &|l| urls::home(l));
        page.json_ld = Some(self.home_json_ld(lang, &description));
        let tags = self.tags.keys().map(|t| self.tag_link(t, lang, &page_dir)).collect();
        self.render_template("home.html", &HomeView { page, term_count, groups, split, tags })
    }

    /// When the home's A–Z index is split: each group's pages, as (folder, HTML).
    pub fn az_pages(&self, lang: LangId) -> Result<Vec<(String, String)>, Error> {
        if self.published_terms().count() <= PAGE_SIZE {
            return Ok(Vec::new());
        }
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let mut pages = Vec::new();
        for group in self.az_groups(lang, &urls::home(code)) {
            let first = Self::az_path(code, &group.id);
            let chunks: Vec<&[crate::model::TermId]> = group.ids.chunks(PAGE_SIZE).collect();
            for (i, chunk) in chunks.iter().enumerate() {
                let here = page_dir(&first, i + 1);
                let terms: Vec<TermLink<'a>> = chunk.iter().map(|&t| self.term_link(t, lang, &here, false)).collect();
                let title =
                    format!("{} {} · {}", self.theme.text(lang, "az_index"), group.label, config.title_in(lang));
                let description =
                    self.theme.text(lang, "home_description").replace("{count}", &group.count.to_string());
                let id = group.id.clone();
                let page =
                    self.page_view(lang, &here, title, description, &|l| page_dir(&Self::az_path(l, &id), i + 1));
                let view = AzPageView {
                    page,
                    label: group.label.clone(),
                    terms,
                    pagination: pagination(&first, &here, i + 1, chunks.len()),
                };
                pages.push((here, self.render_template("az.html", &view)?));
            }
        }
        Ok(pages)
    }

    /// Every tag page of `lang` (split past `PAGE_SIZE` terms), as (page folder, HTML).
    pub fn tag_pages(&self, lang: LangId) -> Result<Vec<(String, String)>, Error> {
        let config = &self.glossary.config;
        let code = config.language(lang).code.as_str();
        let mut pages = Vec::new();
        for (&tag, terms) in &self.tags {
            let first = urls::tag(code, tag);
            let mut ordered: Vec<TermLink<'a>> =
                terms.iter().map(|&t| self.term_link(t, lang, &first, false)).collect();
            ordered.sort_by(|a, b| az::sort_key(a.title).cmp(&az::sort_key(b.title)).then_with(|| a.slug.cmp(b.slug)));
            let label = config.tag_label(tag, lang);
            let chunks: Vec<&[TermLink<'a>]> = ordered.chunks(PAGE_SIZE).collect();
            for (i, chunk) in chunks.iter().enumerate() {
                let here = page_dir(&first, i + 1);
                let links: Vec<TermLink<'a>> = chunk
                    .iter()
                    .filter_map(|l| self.glossary.lookup(l.slug))
                    .map(|t| self.term_link(t, lang, &here, true))
                    .collect();
                let title = format!(
                    "{} · {}",
                    self.theme.text(lang, "tag_title").replace("{tag}", label),
                    config.title_in(lang)
                );
                let description = self
                    .theme
                    .text(lang, "tag_description")
                    .replace("{tag}", label)
                    .replace("{count}", &ordered.len().to_string());
                let page = self.page_view(lang, &here, title, description, &|l| page_dir(&urls::tag(l, tag), i + 1));
                let map_href = urls::relative(&here, &Site::map_path(code, tag));
                let view = TagView {
                    page,
                    tag: self.tag_link(tag, lang, &here),
                    terms: links,
                    map_href,
                    pagination: pagination(&first, &here, i + 1, chunks.len()),
                };
                pages.push((here, self.render_template("tag.html", &view)?));
            }
        }
        Ok(pages)
    }

    fn homes(&self, from: &dyn Fn(&str) -> String) -> Vec<ChooserLanguage<'a>> {
        let config = &self.glossary.config;
        config
            .lang_ids()
            .map(|lang| {
                let l = config.language(lang);
                ChooserLanguage {
                    code: l.code.as_str(),
                    name: &l.name,
                    title: config.title_in(lang),
                    href: from(&urls::home(l.code.as_str())),
                    t: self.theme.strings(lang),
                }
            })
            .collect()
    }

    /// The root page: offers every language and sends the reader to theirs.
    pub fn chooser_page(&self) -> Result<String, Error> {
        let config = &self.glossary.config;
        let default = config.language(config.default_language);
        let view = ChooserView {
            site_title: &config.title,
            default_lang: default.code.as_str(),
            default_href: urls::home(default.code.as_str()),
            languages: self.homes(&|path| urls::relative("", path)),
            canonical: self.urls.absolute(""),
            alternates: config
                .languages
                .iter()
                .map(|l| super::views::Alternate {
                    lang: l.code.as_str(),
                    href: self.urls.absolute(&urls::home(l.code.as_str())),
                })
                .collect(),
        };
        self.render_template("chooser.html", &view)
    }

    /// The 404 page: served at any depth, so its links are rooted at the base path.
    pub fn not_found_page(&self) -> Result<String, Error> {
        let config = &self.glossary.config;
        let lang = config.default_language;
        let mut page = self.page_view(
            lang,
            "",
            format!("{} · {}", self.theme.text(lang, "not_found_title"), config.title_in(lang)),
            String::new(),
            &|l| urls::home(l),
        );
        page.root = self.urls.base_path().to_owned();
        page.home = self.urls.rooted(&urls::home(config.language(lang).code.as_str()));
        for link in &mut page.languages {
            link.href = self.urls.rooted(&urls::home(link.code));
            link.current = false;
        }
        let default_code = config.language(lang).code.as_str();
        page.status_href = page.status_href.map(|_| self.urls.rooted(&Site::status_path(default_code)));
        page.practice_href = self.urls.rooted(&Site::practice_path(default_code));
        page.articles_href = page.articles_href.map(|_| self.urls.rooted(&format!("{default_code}/articles/")));
        page.canonical = self.urls.absolute("404.html");
        let homes = self.homes(&|path| self.urls.rooted(path));
        self.render_template("404.html", &NotFoundView { page, homes })
    }
}
