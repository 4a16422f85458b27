//! The theme: templates, static files and interface strings. Built-ins are the
//! repository's `templates/` and `static/`, embedded whole; a site's own files
//! override them by name, and its i18n files override strings key by key.
//! This is the one place where that precedence lives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::config::{LangId, SiteConfig};
use crate::diag::{Code, Diagnostic};
use crate::error::Error;
use crate::source::{SourceMap, Span};
use crate::util::text::escape_html;

static BUILTIN_TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static BUILTIN_STATIC: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// Interface strings of one language, key → text.
pub type UiStrings = BTreeMap<String, String>;

/// Everything the renderer needs from the theme.
pub struct Theme {
    /// Compiled templates.
    pub tera: tera::Tera,
    /// Whether term pages use the built-in `term.html`, `base.html` and
    /// `macros.html`, which glossa writes itself ([`crate::render`]'s
    /// `chrome`): a site's own copy of one of them renders them with Tera.
    pub builtin_term_pages: bool,
    /// Static files by output path (`/`-separated, relative to the site root).
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Interface strings per language, every key filled.
    pub strings: Vec<UiStrings>,
    /// The same for templates: strings a language lacks are marked with the
    /// language they are shown in ([`crate::render::fallback`]).
    pub page_strings: Vec<UiStrings>,
}

/// Loads the theme for the site at `root`.
pub fn load(
    root: Option<&Path>,
    config: &SiteConfig,
    sources: &mut SourceMap,
) -> Result<(Theme, Vec<Diagnostic>), Error> {
    let mut diags = Vec::new();
    let site_templates = site_files(root, "templates", sources, &mut diags);
    let site_statics = site_files(root, "static", sources, &mut diags);
    let (tera, builtin_term_pages) = load_templates(&site_templates)?;
    let statics = load_statics(&site_statics)?;
    let (strings, page_strings) = load_strings(&site_templates, config, sources, &mut diags)?;
    Ok((Theme { tera, builtin_term_pages, statics, strings, page_strings }, diags))
}

/// A site's own files of one theme folder: name relative to the folder
/// (`/`-separated) → path to read.
type SiteFiles = BTreeMap<String, PathBuf>;

/// The templates that make a term page.
const TERM_PAGE_TEMPLATES: [&str; 3] = ["term.html", "base.html", "macros.html"];

/// The compiled templates, and whether the term page's are the built-in ones.
fn load_templates(site: &SiteFiles) -> Result<(tera::Tera, bool), Error> {
    let mut templates: BTreeMap<String, String> = BTreeMap::new();
    for file in embedded_files(&BUILTIN_TEMPLATES) {
        let name = crate::util::text::slash_path(file.path());
        if name.ends_with(".html") {
            templates.insert(name, String::from_utf8_lossy(file.contents()).into_owned());
        }
    }
    let mut builtin_term_pages = true;
    for (name, path) in site {
        if name.ends_with(".html") {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            // A copy of a built-in template (the sample site keeps them all) is no override.
            if TERM_PAGE_TEMPLATES.contains(&name.as_str()) && templates.get(name) != Some(&text) {
                builtin_term_pages = false;
            }
            templates.insert(name.clone(), text);
        }
    }

    let mut tera = tera::Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape_html);
    tera.register_filter("num", localized_number);
    tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Error::template("templates/", &e))?;
    Ok((tera, builtin_term_pages))
}

/// The `num` filter: a number written in the page's digits,
/// `{{ count | num(d=page.t.digits) }}`.
fn localized_number(
    value: &tera::Value,
    args: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = match value {
        tera::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let digits = args.get("d").and_then(tera::Value::as_str).unwrap_or("0123456789");
    Ok(tera::Value::String(crate::render::localize_digits(&text, digits)))
}

fn load_statics(site: &SiteFiles) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    let mut statics: BTreeMap<String, Vec<u8>> = embedded_files(&BUILTIN_STATIC)
        .map(|f| (crate::util::text::slash_path(f.path()), f.contents().to_vec()))
        .collect();
    for (name, path) in site {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        statics.insert(name.clone(), bytes);
    }
    Ok(statics)
}

fn load_strings(
    site: &SiteFiles,
    config: &SiteConfig,
    sources: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Result<(Vec<UiStrings>, Vec<UiStrings>), Error> {
    let builtin = |code: &str| -> UiStrings {
        BUILTIN_TEMPLATES
            .get_file(format!("i18n/{code}.yaml"))
            .and_then(|f| serde_yaml::from_slice(f.contents()).ok())
            .unwrap_or_default()
    };
    let english = builtin("en");
    let mut per_lang = Vec::new();
    for lang in &config.languages {
        let mut strings = builtin(lang.code.as_str());
        if let Some(path) = site.get(&format!("i18n/{}.yaml", lang.code)) {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            let rel = PathBuf::from(format!("templates/i18n/{}.yaml", lang.code));
            let file = sources.add(rel, text);
            let text = &sources.get(file).text;
            match serde_yaml::from_str::<BTreeMap<String, String>>(crate::util::text::strip_bom(text)) {
                Ok(overrides) => {
                    for (key, value) in overrides {
                        let offset = text.find(&format!("{key}:")).unwrap_or(0);
                        if let Some(control) = value.chars().find(|&c| crate::util::text::is_stray_control(c)) {
                            diags.push(
                                Diagnostic::new(
                                    Code::ControlCharacter,
                                    Some(Span::new(file, offset..offset + key.len())),
                                    format!(
                                        "interface string `{key}` contains the control character {}",
                                        crate::schema::describe_control(control)
                                    ),
                                )
                                .with_help("delete it: pages cannot carry it"),
                            );
                        }
                        if !english.contains_key(&key) {
                            diags.push(
                                Diagnostic::new(
                                    Code::UnknownString,
                                    Some(Span::new(file, offset..offset + key.len())),
                                    format!("unknown interface string `{key}`"),
                                )
                                .with_optional_help(
                                    crate::diag::suggest::did_you_mean(&key, english.keys().map(String::as_str)),
                                ),
                            );
                        }
                        strings.insert(key, value);
                    }
                }
                Err(e) => {
                    let offset = e.location().map_or(0, |l| l.index());
                    diags.push(Diagnostic::new(
                        Code::Yaml,
                        Some(Span::new(file, offset..offset)),
                        format!("interface strings do not parse: {e}"),
                    ));
                }
            }
        }
        per_lang.push(strings);
    }
    // Fill gaps: the default language's string, then English, then the key.
    let default_id = config.default_language;
    let default = per_lang.get(default_id.0).cloned().unwrap_or_default();
    let default_language = config.language(default_id);
    let mut marked = Vec::with_capacity(per_lang.len());
    for (i, strings) in per_lang.iter_mut().enumerate() {
        let language = &config.languages[i];
        let mut page = strings.clone();
        let mut missing = Vec::new();
        for key in english.keys() {
            if strings.contains_key(key) {
                continue;
            }
            let (value, lang, dir) = match default.get(key) {
                Some(value) => (value, default_language.code.as_str(), default_language.dir.as_str()),
                None => (english.get(key).unwrap_or(key), "en", "ltr"),
            };
            page.insert(key.clone(), crate::render::fallback::mark(value, lang, dir));
            strings.insert(key.clone(), value.clone());
            missing.push(key.as_str());
        }
        if !missing.is_empty() {
            diags.push(missing_strings(language, &missing, default_language));
        }
        marked.push(page);
    }
    Ok((per_lang, marked))
}

/// The warning for a language that lacks interface strings.
fn missing_strings(
    language: &crate::config::Language,
    missing: &[&str],
    shown_in: &crate::config::Language,
) -> Diagnostic {
    const LISTED: usize = 8;
    let mut keys = missing.iter().take(LISTED).map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    if missing.len() > LISTED {
        keys.push_str(&format!(" and {} more", missing.len() - LISTED));
    }
    let code = language.code.as_str();
    Diagnostic::new(
        Code::MissingStrings,
        Some(language.span),
        format!("language `{code}` lacks {} interface strings: {keys}", missing.len()),
    )
    .with_help(format!(
        "add them to templates/i18n/{code}.yaml (glossa's templates/i18n/en.yaml lists every key); until then pages in `{code}` show them in {}, marked lang=\"{}\"",
        shown_in.name, shown_in.code
    ))
}

impl Theme {
    /// The interface strings of `lang`.
    pub fn strings(&self, lang: LangId) -> &UiStrings {
        &self.strings[lang.0]
    }

    /// The interface strings of `lang` for templates, fallbacks marked.
    pub fn page_strings(&self, lang: LangId) -> &UiStrings {
        &self.page_strings[lang.0]
    }

    /// One string of `lang` (the key itself if unknown).
    pub fn text<'a>(&'a self, lang: LangId, key: &'a str) -> &'a str {
        self.strings(lang).get(key).map_or(key, String::as_str)
    }
}

fn embedded_files(dir: &'static Dir<'static>) -> impl Iterator<Item = &'static include_dir::File<'static>> {
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        files.extend(dir.files());
        stack.extend(dir.dirs());
    }
    files.sort_by_key(|f| f.path());
    files.into_iter()
}

/// Files under the site's `folder` (walked by [`crate::source::walk`], so
/// nothing from outside the site folder). Entries that cannot be read and
/// links that leave the site become diagnostics.
fn site_files(root: Option<&Path>, folder: &str, sources: &mut SourceMap, diags: &mut Vec<Diagnostic>) -> SiteFiles {
    use crate::source::walk::Found;
    let Some(root) = root else { return SiteFiles::new() };
    let mut files = SiteFiles::new();
    for found in crate::source::walk::walk(root, folder) {
        match found {
            Found::File { rel, path } => {
                let name = crate::util::text::slash_path(rel.strip_prefix(folder).unwrap_or(&rel));
                files.insert(name, path);
            }
            Found::Folder { .. } => {}
            Found::Outside { rel, target } => {
                let file = sources.add(rel.clone(), String::new());
                diags.push(crate::source::discover::outside_site(&rel, &target, Span::file_start(file)));
            }
            Found::Unreadable { rel, reason } => {
                let file = sources.add(rel.clone(), String::new());
                diags.push(Diagnostic::new(
                    Code::ReadError,
                    Some(Span::file_start(file)),
                    format!("{} {reason}", crate::util::text::slash_path(&rel)),
                ));
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_template_parses() {
        let (tera, builtin_term_pages) = load_templates(&SiteFiles::new()).unwrap();
        assert!(builtin_term_pages);
        for name in ["base.html", "term.html", "home.html", "tag.html", "chooser.html", "404.html"] {
            assert!(tera.get_template_names().any(|n| n == name), "{name} missing");
        }
    }

    #[test]
    fn builtin_strings_have_the_same_keys_and_placeholders_in_every_language() {
        let read = |code: &str| -> UiStrings {
            serde_yaml::from_slice(BUILTIN_TEMPLATES.get_file(format!("i18n/{code}.yaml")).unwrap().contents()).unwrap()
        };
        let placeholders = |text: &str| -> std::collections::BTreeSet<String> {
            text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned())).collect()
        };
        let en = read("en");
        let shipped: Vec<String> = BUILTIN_TEMPLATES
            .get_dir("i18n")
            .unwrap()
            .files()
            .filter_map(|f| f.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        for code in ["en", "ko", "ja", "zh", "es", "fr", "de", "pt", "ar"] {
            assert!(shipped.iter().any(|s| s == code), "no strings for {code}");
            let strings = read(code);
            assert_eq!(en.keys().collect::<Vec<_>>(), strings.keys().collect::<Vec<_>>(), "{code}");
            for (key, text) in &strings {
                if key != "date_format" {
                    assert_eq!(placeholders(text), placeholders(&en[key]), "{code}: {key}");
                }
            }
            assert_eq!(strings["months"].split(',').count(), 12, "{code}");
            assert_eq!(strings["digits"].chars().count(), 10, "{code}");
        }
    }
}
