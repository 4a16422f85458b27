//! site.yaml: read into a positioned tree, validated key by key, and turned
//! into a [`SiteConfig`] that later stages can trust.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{suggest, Code, Diagnostic};
use crate::error::Error;
use crate::schema::Reader;
use crate::source::{FileId, SourceMap, Span};
use crate::util::{slug, url};
use crate::yaml;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "site.yaml";

const SITE_KEYS: &[&str] =
    &["title", "base_url", "default_language", "languages", "autolink", "repository", "tags", "search_shard_size"];

/// Terms a search index holds at most unless site.yaml says otherwise
/// (`search_shard_size`): a language with more is indexed in several parts
/// that the browser searches together (README, "Search"). Parts of 2,500
/// keep the indexer's memory small, let one part be finished while the
/// pages of the next are written, and let a warm build index again only
/// the part an edit touched (at 10,000 terms × 2: 2.2 s against 3.8 s in
/// parts of 5,000), for about 0.5 s more on a slow phone's first search
/// (BENCHMARKS.md, "Parts of the search index").
pub const SEARCH_SHARD_SIZE: usize = 2_500;
const LANGUAGE_KEYS: &[&str] = &["code", "name", "title", "dir", "partial"];

/// A language code as declared in site.yaml (`en`, `ko`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct LangCode(String);

impl LangCode {
    /// Validates a BCP-47-like code: 2–3 letters, then `-` subtags of letters or digits.
    pub fn parse(text: &str) -> Option<LangCode> {
        let mut parts = text.split('-');
        let primary = parts.next()?;
        let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        (primary_ok && rest_ok).then(|| LangCode(text.to_owned()))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for LangCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Index of a language in [`SiteConfig::languages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct LangId(pub usize);

/// One declared language.
#[derive(Debug, Clone)]
pub struct Language {
    /// Its code.
    pub code: LangCode,
    /// Its name in itself (`한국어`).
    pub name: String,
    /// The site title in this language, if it differs.
    pub title: Option<String>,
    /// The direction its text is written in.
    pub dir: Direction,
    /// Where site.yaml declares it (its `code`).
    pub span: Span,
    /// Still being translated: a term missing in it is not a warning.
    pub partial: bool,
}

/// The direction a language is written in: `dir` of its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// Languages written right to left (ISO 639 codes); a language's `dir` in
/// site.yaml overrides this.
const RTL_LANGUAGES: &[&str] =
    &["ar", "arc", "ckb", "dv", "fa", "ha-arab", "he", "khw", "ks", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi"];

impl Direction {
    /// The usual direction of `code` (`ar`, `he-IL`, `fa` are right to left).
    pub fn of(code: &str) -> Direction {
        let lower = code.to_ascii_lowercase();
        let primary = lower.split('-').next().unwrap_or_default();
        // A script subtag decides where one is given (`ks-Deva` is left to right).
        let script = lower.split('-').find(|s| s.len() == 4);
        let rtl = match script {
            Some(script) => matches!(script, "arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm" | "rohg"),
            None => RTL_LANGUAGES.contains(&primary),
        };
        if rtl {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }

    /// The value of the `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// The site title in the default language.
    pub title: String,
    /// Absolute base URL, always ending in `/`.
    pub base_url: String,
    /// The declared languages, in site.yaml order.
    pub languages: Vec<Language>,
    /// The language every term must exist in.
    pub default_language: LangId,
    /// Where site.yaml names the default language (for problems of the site as a whole).
    pub default_language_span: Span,
    /// Whether first mentions of other terms are linked automatically.
    pub autolink: bool,
    /// Repository URL for "edit this page" links.
    pub repository: Option<String>,
    /// Tag labels per language code.
    pub tag_labels: BTreeMap<String, BTreeMap<LangCode, String>>,
    /// Terms per part of a language's search index, at most.
    pub search_shard_size: usize,
}

impl SiteConfig {
    /// The language with code `code`.
    pub fn lang_id(&self, code: &str) -> Option<LangId> {
        self.languages.iter().position(|l| l.code.as_str() == code).map(LangId)
    }

    /// The language `id`.
    pub fn language(&self, id: LangId) -> &Language {
        &self.languages[id.0]
    }

    /// Every language id, in declaration order.
    pub fn lang_ids(&self) -> impl Iterator<Item = LangId> + Clone {
        (0..self.languages.len()).map(LangId)
    }

    /// The site title in language `id`.
    pub fn title_in(&self, id: LangId) -> &str {
        self.language(id).title.as_deref().unwrap_or(&self.title)
    }

    /// The label of tag `tag` in language `id`: its label there, else in the default language, else the slug.
    pub fn tag_label<'a>(&'a self, tag: &'a str, id: LangId) -> &'a str {
        let labels = self.tag_labels.get(tag);
        labels
            .and_then(|l| l.get(&self.language(id).code).or_else(|| l.get(&self.language(self.default_language).code)))
            .map_or(tag, String::as_str)
    }

    /// Replaces the base URL (used by `--base-url` and the dev server).
    pub fn with_base_url(mut self, base: &str) -> Result<SiteConfig, Error> {
        self.base_url =
            normalise_base_url(base).ok_or_else(|| Error::Usage(format!("`{base}` is not an absolute http(s) URL")))?;
        Ok(self)
    }
}

fn normalise_base_url(text: &str) -> Option<String> {
    let text = text.trim();
    if !url::is_absolute_http(text) || text.contains(['?', '#', ' ', '"', '<', '>']) {
        return None;
    }
    Some(if text.ends_with('/') { text.to_owned() } else { format!("{text}/") })
}

/// Reads the bytes of site.yaml at `root`.
pub fn read(root: &Path) -> Result<Vec<u8>, Error> {
    let path = root.join(CONFIG_FILE);
    std::fs::read(&path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::Usage(format!(
                "no {CONFIG_FILE} in `{}`: run glossa in a site folder, or point --root at one",
                root.display()
            ))
        } else {
            Error::Io { path, source }
        }
    })
}

/// Decodes and validates site.yaml into `sources`. Problems are diagnostics;
/// no config is returned only when a required value is unusable.
pub fn load(bytes: Vec<u8>, sources: &mut SourceMap) -> (Option<SiteConfig>, Vec<Diagnostic>) {
    let (text, utf8_error) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(e.utf8_error().valid_up_to())),
    };
    let file = sources.add(PathBuf::from(CONFIG_FILE), text);
    let mut diags = Vec::new();
    if let Some(offset) = utf8_error {
        diags.push(Diagnostic::new(
            Code::InvalidUtf8,
            Some(Span::new(file, offset..offset)),
            "site.yaml is not valid UTF-8",
        ));
        return (None, diags);
    }
    // A config with problems in optional keys is still usable, so the content
    // is checked too and every problem is reported in one run.
    let config = parse(&sources.get(file).text, file, &mut diags);
    (config, diags)
}

/// Parses the text of site.yaml.
pub fn parse(text: &str, file: FileId, diags: &mut Vec<Diagnostic>) -> Option<SiteConfig> {
    let body = crate::util::text::strip_bom(text);
    let base = text.len() - body.len();
    let root = match yaml::parse(body) {
        Ok(root) => root,
        Err(e) => {
            diags.push(Diagnostic::new(
                Code::Yaml,
                Some(Span::new(file, base + e.offset..base + e.offset)),
                format!("site.yaml does not parse: {}", e.message),
            ));
            return None;
        }
    };
    let mut r = Reader::new(file, base, body, diags);
    let fields = r.fields(&root, "site.yaml", SITE_KEYS);
    let title = r.required_text(&fields, "title", Code::MissingField, "site.yaml");
    let base_url = match fields.get("base_url") {
        Some(node) => r.text(node, "base_url").and_then(|text| {
            let normalised = normalise_base_url(&text);
            if normalised.is_none() {
                r.report(
                    Code::InvalidValue,
                    node,
                    format!("`base_url` must be an absolute http(s) URL, found `{text}`"),
                    Some("write e.g. `base_url: https://example.org/glossary/`".to_owned()),
                );
            }
            normalised
        }),
        None => r.required_text(&fields, "base_url", Code::MissingField, "site.yaml"),
    };

    let mut languages: Vec<Language> = Vec::new();
    if let Some(node) = fields.get("languages") {
        for item in r.list(node, "languages") {
            let lang_fields = r.fields(item, "a language", LANGUAGE_KEYS);
            let code_text = r.required_text(&lang_fields, "code", Code::MissingField, "a language");
            let name = r.required_text(&lang_fields, "name", Code::MissingField, "a language");
            let title = lang_fields.get("title").and_then(|n| r.text(n, "title"));
            let dir = lang_fields.get("dir").and_then(|n| match r.text(n, "dir").as_deref() {
                Some("ltr") => Some(Direction::Ltr),
                Some("rtl") => Some(Direction::Rtl),
                Some(other) => {
                    r.report(
                        Code::InvalidValue,
                        n,
                        format!("`dir` must be `ltr` or `rtl`, found `{other}`"),
                        Some("write `dir: rtl` for a language written right to left".to_owned()),
                    );
                    None
                }
                None => None,
            });
            let partial = lang_fields.get("partial").and_then(|n| r.bool(n, "partial")).unwrap_or(false);
            let (Some(code_text), Some(name)) = (code_text, name) else { continue };
            let code_node = lang_fields.get("code").unwrap_or(item);
            match LangCode::parse(&code_text) {
                Some(code) if languages.iter().any(|l| l.code == code) => {
                    r.report(Code::InvalidValue, code_node, format!("language `{code}` is declared twice"), None);
                }
                Some(code) => {
                    let dir = dir.unwrap_or_else(|| Direction::of(code.as_str()));
                    let span = r.span(code_node);
                    languages.push(Language { code, name, title, dir, span, partial });
                }
                None => r.report(
                    Code::InvalidValue,
                    code_node,
                    format!("`{code_text}` is not a language code"),
                    Some("use a code such as `en`, `ko` or `pt-BR`".to_owned()),
                ),
            }
        }
    }
    if languages.is_empty() && fields.get("languages").is_none() {
        r.required_text(&fields, "languages", Code::MissingField, "site.yaml");
    } else if languages.is_empty() {
        if let Some(node) = fields.get("languages") {
            r.report(
                Code::InvalidValue,
                node,
                "`languages` declares no language",
                Some("add `- { code: en, name: English }`".to_owned()),
            );
        }
    }

    let default_language = match fields.get("default_language") {
        Some(node) => r.text(node, "default_language").and_then(|code| {
            let id = languages.iter().position(|l| l.code.as_str() == code).map(LangId);
            if id.is_none() && !languages.is_empty() {
                let codes = languages.iter().map(|l| l.code.as_str());
                let help = suggest::did_you_mean(&code, codes.clone())
                    .unwrap_or_else(|| format!("declared languages: {}", codes.collect::<Vec<_>>().join(", ")));
                r.report(
                    Code::UnknownLanguage,
                    node,
                    format!("default language `{code}` is not in `languages`"),
                    Some(help),
                );
            }
            id
        }),
        None => {
            r.required_text(&fields, "default_language", Code::MissingField, "site.yaml");
            None
        }
    };
    let autolink = fields.get("autolink").and_then(|n| r.bool(n, "autolink")).unwrap_or(true);
    let repository = fields.get("repository").and_then(|node| {
        let text = r.text(node, "repository")?;
        if url::is_absolute_http(&text) {
            Some(text.trim_end_matches('/').to_owned())
        } else {
            r.report(Code::UnsafeUrl, node, format!("`repository` must be an http(s) URL, found `{text}`"), None);
            None
        }
    });
    let tag_labels = fields.get("tags").map(|node| read_tag_labels(&mut r, node, &languages)).unwrap_or_default();
    let search_shard_size = fields.get("search_shard_size").and_then(|node| match node.as_index() {
        Some(size) if size > 0 => Some(size),
        _ => {
            r.report(
                Code::InvalidValue,
                node,
                "`search_shard_size` must be a whole number of terms, at least 1",
                Some(format!("leave it out for the default, {SEARCH_SHARD_SIZE}")),
            );
            None
        }
    });

    let default_language_span = fields.get("default_language").map_or(Span::file_start(file), |n| r.span(n));
    Some(SiteConfig {
        title: title?,
        base_url: base_url?,
        default_language: default_language?,
        default_language_span,
        languages,
        autolink,
        repository,
        tag_labels,
        search_shard_size: search_shard_size.unwrap_or(SEARCH_SHARD_SIZE),
    })
}

fn read_tag_labels(
    r: &mut Reader<'_>,
    node: &yaml::Node,
    languages: &[Language],
) -> BTreeMap<String, BTreeMap<LangCode, String>> {
    let mut labels = BTreeMap::new();
    let Some(entries) = node.as_map() else {
        r.report(
            Code::InvalidValue,
            node,
            "`tags` must map each tag to its labels, e.g. `defi: { en: DeFi, ko: 디파이 }`",
            None,
        );
        return labels;
    };
    for (tag_node, per_lang) in entries {
        let Some(tag) = r.text(tag_node, "tags") else { continue };
        if !slug::is_valid(&tag) {
            r.report(
                Code::InvalidSlug,
                tag_node,
                format!("tag `{tag}` is not a valid slug"),
                Some(format!("use `{}`", slug::slugify(&tag))),
            );
            continue;
        }
        let mut by_lang = BTreeMap::new();
        for (code_node, label_node) in per_lang.as_map().unwrap_or_default() {
            let Some(code) = r.text(code_node, "tags") else { continue };
            let Some(lang) = languages.iter().find(|l| l.code.as_str() == code) else {
                let help = suggest::did_you_mean(&code, languages.iter().map(|l| l.code.as_str()));
                r.report(Code::UnknownLanguage, code_node, format!("tag label for undeclared language `{code}`"), help);
                continue;
            };
            if let Some(label) = r.text(label_node, "tags") {
                by_lang.insert(lang.code.clone(), label);
            }
        }
        if per_lang.as_map().is_none() {
            r.report(
                Code::InvalidValue,
                per_lang,
                format!("labels of tag `{tag}` must map language codes to text"),
                None,
            );
        }
        labels.insert(tag, by_lang);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Option<SiteConfig>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let config = parse(text, FileId(0), &mut diags);
        (config, diags)
    }

    const GOOD: &str = "title: G\nbase_url: https://example.org/glossary\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: 한국어, title: 용어 사전 }\ntags: { defi: { en: DeFi, ko: 디파이 } }\n";

    #[test]
    fn reads_a_valid_config() {
        let (config, diags) = parse_text(GOOD);
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        assert_eq!(config.base_url, "https://example.org/glossary/");
        assert_eq!(config.default_language, LangId(0));
        assert_eq!(config.title_in(LangId(1)), "용어 사전");
        assert_eq!(config.tag_label("defi", LangId(1)), "디파이");
        assert_eq!(config.tag_label("staking", LangId(1)), "staking");
        assert!(config.autolink);
    }

    #[test]
    fn search_shard_size_is_a_positive_whole_number() {
        let site = |extra: &str| {
            let yaml = format!(
                "title: G\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - {{ code: en, name: English }}\n{extra}"
            );
            let mut diags = Vec::new();
            let config = parse(&yaml, FileId(0), &mut diags);
            (config.map(|c| c.search_shard_size), diags.iter().map(|d| d.message.clone()).collect::<Vec<_>>())
        };
        assert_eq!(site(""), (Some(SEARCH_SHARD_SIZE), vec![]));
        assert_eq!(site("search_shard_size: 500\n"), (Some(500), vec![]));
        for bad in ["0", "-3", "many", "1.5"] {
            let (size, messages) = site(&format!("search_shard_size: {bad}\n"));
            assert_eq!(size, Some(SEARCH_SHARD_SIZE), "{bad}");
            assert_eq!(messages, ["`search_shard_size` must be a whole number of terms, at least 1"], "{bad}");
        }
    }

    #[test]
    fn reports_unknown_keys_with_a_suggestion() {
        let (_, diags) = parse_text(&GOOD.replace("title: G", "titel: G"));
        let unknown = diags.iter().find(|d| d.code == Code::UnknownField).unwrap();
        assert_eq!(unknown.help.as_deref(), Some("did you mean `title`?"));
        assert!(diags.iter().any(|d| d.code == Code::MissingField));
    }

    #[test]
    fn rejects_bad_values() {
        let (config, diags) = parse_text(
            &GOOD
                .replace("https://example.org/glossary", "/glossary/")
                .replace("default_language: en", "default_language: kr"),
        );
        assert!(config.is_none());
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::InvalidValue), "{codes:?}");
        assert!(codes.contains(&Code::UnknownLanguage), "{codes:?}");
    }

    #[test]
    fn language_codes() {
        assert!(LangCode::parse("en").is_some());
        assert!(LangCode::parse("pt-BR").is_some());
        assert!(LangCode::parse("EN").is_none());
        assert!(LangCode::parse("../x").is_none());
        assert!(LangCode::parse("").is_none());
    }
}
