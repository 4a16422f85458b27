//! A search document as a Pagefind record: the words it indexes, with their
//! weights, and the fields each result shows. Pagefind can read the same
//! from HTML, but parsing it was a tenth of a cold build of short terms, so
//! the record is written here the way Pagefind's HTML reader reads a page
//! (`fossick/parser.rs`): each block's text with a full stop where a
//! sentence would end, weighted blocks between Pagefind's weight markers,
//! escapes decoded and spaces folded last. A test below indexes records and
//! the equivalent HTML and compares the two indexes byte for byte, so a
//! Pagefind that reads HTML differently fails it.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::digest::Blocks;

/// A block whose text ends in one of these gets a full stop, as Pagefind's
/// reader gives it, so that excerpts read as sentences.
static ENDS_SENTENCE: LazyLock<Regex> = LazyLock::new(|| pattern("[\\w'\"\\)\\$\\*]"));
static LINE_BREAKS: LazyLock<Regex> = LazyLock::new(|| pattern("(\n|\r\n)+"));
static SPACE_RUNS: LazyLock<Regex> = LazyLock::new(|| pattern("\\s{2,}"));

fn pattern(source: &str) -> Regex {
    Regex::new(source).unwrap_or_else(|error| unreachable!("a fixed pattern: {error}"))
}

/// How much a block's words weigh: a weight of the page's own choosing, or
/// the one Pagefind gives a heading of a level (`<h2>` 6 down to `<h6>` 2).
#[derive(Debug, Clone, Copy)]
enum Weight {
    Chosen(&'static str),
    Heading(u8),
}

/// A record being written: its text as HTML text (escapes still escaped)
/// and its fields, both as Pagefind's reader would have taken them from
/// the page's HTML.
#[derive(Debug)]
pub(super) struct Record {
    text: String,
    meta: BTreeMap<String, String>,
}

impl Record {
    /// A record whose title (escaped HTML text) weighs ten times its body.
    pub(super) fn new(title: &str) -> Record {
        let mut record = Record { text: String::new(), meta: BTreeMap::new() };
        // Without a title of its own, the page's `<title>` (the same text) is the field.
        record.meta.insert("title".to_owned(), normalize(title));
        record.block(title, Some(Weight::Chosen("10")));
        record
    }

    /// A field every result shows, indexed with `weight` (a number as text).
    pub(super) fn field(&mut self, name: &str, text: &str, weight: &'static str) {
        if !text.is_empty() {
            self.meta.insert(name.to_owned(), normalize(text));
        }
        self.block(text, Some(Weight::Chosen(weight)));
    }

    fn block(&mut self, text: &str, weight: Option<Weight>) {
        match weight {
            Some(Weight::Chosen(weight)) => self.text.extend([" ___PAGEFIND_WEIGHT___", weight, " "]),
            Some(Weight::Heading(level)) => {
                let weight = 8 - level.clamp(2, 6);
                self.text.push_str(&format!(" ___PAGEFIND_AUTO_WEIGHT___{weight} "));
            }
            None => {}
        }
        self.text.push(' ');
        self.text.push_str(text);
        if text.chars().next_back().is_some_and(|last| ENDS_SENTENCE.is_match(last.encode_utf8(&mut [0; 4]))) {
            self.text.push('.');
        }
        self.text.push(' ');
        if weight.is_some() {
            self.text.push_str(" ___END_PAGEFIND_WEIGHT___ ");
        }
    }

    /// The text to index and the fields, as `add_custom_record` takes them.
    pub(super) fn finish(self) -> (String, BTreeMap<String, String>) {
        (normalize(&self.text), self.meta)
    }
}

/// The body's blocks.
impl Blocks for Record {
    fn paragraph(&mut self, text: &str) {
        self.block(text, None);
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.block(text, Some(Weight::Heading(level)));
    }
}

/// HTML text as Pagefind keeps it: escapes decoded, the ends trimmed, line
/// breaks and runs of spaces made one space.
fn normalize(html_text: &str) -> String {
    let text = html_escape::decode_html_entities(html_text);
    let text = LINE_BREAKS.replace_all(text.trim(), " ");
    SPACE_RUNS.replace_all(&text, " ").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page's parts, as escaped HTML text.
    struct Page {
        lang: &'static str,
        title: &'static str,
        fields: Vec<(&'static str, &'static str, &'static str)>,
        /// Body blocks: a heading level (0 for a paragraph) and its text.
        body: Vec<(u8, &'static str)>,
    }

    impl Page {
        fn record(&self) -> Record {
            let mut record = Record::new(self.title);
            for (name, text, weight) in &self.fields {
                record.field(name, text, weight);
            }
            for (level, text) in &self.body {
                match level {
                    0 => record.paragraph(text),
                    level => record.heading(*level, text),
                }
            }
            record
        }

        /// The page as HTML marked up for Pagefind's reader.
        fn html(&self) -> String {
            let mut html = format!(
                "<!DOCTYPE html><html lang=\"{}\"><head><title>{title}</title></head><body><main data-pagefind-body>\
                 <h1 data-pagefind-meta=\"title\" data-pagefind-weight=\"10\">{title}</h1>",
                self.lang,
                title = self.title
            );
            for (name, text, weight) in &self.fields {
                html.push_str(&format!(
                    "<p data-pagefind-meta=\"{name}\" data-pagefind-weight=\"{weight}\">{text}</p>"
                ));
            }
            html.push_str("<div>");
            for (level, text) in &self.body {
                let element = if *level == 0 { "p".to_owned() } else { format!("h{level}") };
                html.push_str(&format!("<{element}>{text}</{element}>"));
            }
            html.push_str("</div></main></body></html>");
            html
        }
    }

    fn pages() -> Vec<Page> {
        vec![
            Page {
                lang: "en",
                title: "Proof of stake",
                fields: vec![("aliases", "PoS | staking", "10"), ("summary", "Validators lock ether (ETH).", "3")],
                body: vec![
                    (0, "Validators put up ether as a bond &amp; lose it when they cheat"),
                    (2, "Why it matters"),
                    (0, "It uses far less energy than proof of work: about 99.95% less"),
                    (3, "Slashing &lt;rules&gt;"),
                    (6, "A &quot;quoted&quot; deep heading"),
                    (0, "Line\nbreaks,\r\n tabs\tand&nbsp;no-break spaces"),
                ],
            },
            Page {
                lang: "ko",
                title: "지분 증명 &#39;PoS&#39;",
                fields: vec![("summary", "검증자가 이더를 맡기고 블록을 만드는 방식", "3")],
                body: vec![
                    (0, "검증자는 보증금으로 이더를 맡깁니다"),
                    (2, "왜 중요한가"),
                    (0, "에너지를 적게 씁니다."),
                ],
            },
            Page {
                lang: "en",
                title: "Gas &amp; fees",
                fields: vec![("aliases", "", "10"), ("summary", "", "3")],
                body: vec![(0, "*"), (0, "Costs $"), (0, "(see below)"), (0, "a ___PAGEFIND_WEIGHT___2 word")],
            },
            Page {
                lang: "zh-Hans", title: "权益证明", fields: vec![], body: vec![(0, "验证者抵押以太币来出块。")]
            },
        ]
    }

    /// The bundle Pagefind makes of the pages, read from HTML or from records.
    fn index(from_html: bool) -> Vec<(String, Vec<u8>)> {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let config = pagefind::options::PagefindServiceConfig::builder().keep_index_url(false).build();
            let mut index = pagefind::api::PagefindIndex::new(Some(config)).unwrap();
            for (n, page) in pages().iter().enumerate() {
                let url = format!("/{n}/");
                if from_html {
                    index.add_html_file(None, Some(url), page.html()).await.unwrap();
                } else {
                    let (text, meta) = page.record().finish();
                    let lang = page.lang.to_lowercase();
                    index.add_custom_record(url, text, lang, Some(meta), None, None).await.unwrap();
                }
            }
            let mut files: Vec<(String, Vec<u8>)> = index
                .get_files()
                .await
                .unwrap()
                .into_iter()
                .map(|f| (f.filename.display().to_string(), f.contents))
                .collect();
            files.sort();
            files
        })
    }

    #[test]
    fn records_index_exactly_as_pagefind_reads_the_same_page_as_html() {
        let (from_html, from_records) = (index(true), index(false));
        assert!(from_html.len() > 10, "{} files", from_html.len());
        assert_eq!(
            from_html.iter().map(|(name, _)| name).collect::<Vec<_>>(),
            from_records.iter().map(|(name, _)| name).collect::<Vec<_>>()
        );
        for ((name, html), (_, record)) in from_html.iter().zip(&from_records) {
            assert!(html == record, "{name} differs");
        }
    }

    #[test]
    fn blocks_end_as_sentences_and_weights_enclose_their_words() {
        let mut record = Record::new("Gas &amp; fees");
        record.field("summary", "What  a\ntransaction &quot;costs&quot;", "3");
        record.heading(2, "Why");
        record.paragraph("(it) is *");
        let (text, meta) = record.finish();
        assert_eq!(
            text,
            "___PAGEFIND_WEIGHT___10 Gas & fees. ___END_PAGEFIND_WEIGHT___ ___PAGEFIND_WEIGHT___3 What a transaction \"costs\" \
             ___END_PAGEFIND_WEIGHT___ ___PAGEFIND_AUTO_WEIGHT___6 Why. ___END_PAGEFIND_WEIGHT___ (it) is *."
        );
        assert_eq!(meta["title"], "Gas & fees");
        assert_eq!(meta["summary"], "What a transaction \"costs\"");
    }
}
