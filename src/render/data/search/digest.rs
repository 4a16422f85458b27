//! What the index reads of a body: every heading, and the prose up to a
//! budget of characters. Pagefind's time and memory grow with the text it is
//! given, while a reader's query almost always matches a title, an alias,
//! the summary, a heading or the opening paragraphs; code is left out, since
//! its tokens are noise in a glossary's results.

/// Words of prose indexed per page: the opening paragraphs. Pagefind's work
/// follows the words it is given, so the budget is in words, the same in
/// every language (a budget in characters gave Korean pages, whose words are
/// short, twice the words of English ones and twice the indexing time).
/// Scripts written without spaces count a word per two characters, about
/// what Pagefind's segmenter makes of them (BENCHMARKS.md).
pub(super) const PROSE_BUDGET: usize = 180;

/// Elements whose text is never indexed.
const SKIPPED: [&str; 5] = ["pre", "script", "style", "svg", "template"];

/// Elements that end a run of words (a space is put where they open or close).
const BLOCKS: [&str; 20] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "section",
    "figure",
    "figcaption",
    "aside",
    "details",
];

/// Where a digest goes: its blocks in order, as HTML text.
pub(super) trait Blocks {
    fn paragraph(&mut self, text: &str);
    /// A heading, `level` 2 to 6.
    fn heading(&mut self, level: u8, text: &str);
}

/// A digest of generated body HTML for the index: headings whole, the rest
/// of the text in paragraphs until `budget` words are used. Text is copied
/// as it stands, so its escapes stay escapes.
pub(super) fn digest(html: &str, budget: &mut usize, out: &mut impl Blocks) {
    let mut rest = html;
    let mut heading: Option<u8> = None;
    let mut run = String::new();
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            take_text(rest, heading.is_some(), budget, &mut run);
            break;
        };
        take_text(&rest[..open], heading.is_some(), budget, &mut run);
        let Some(close) = rest[open..].find('>') else { break };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let closing = tag.starts_with('/');
        let name = tag_name(tag.trim_start_matches('/'));
        if !closing && SKIPPED.contains(&name.as_str()) {
            let end = format!("</{name}");
            rest = match find_ignoring_case(rest, &end) {
                Some(at) => rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..]),
                None => "",
            };
            continue;
        }
        if is_heading(&name) {
            flush(&mut run, heading, out);
            // The page's own `<h1>` is the title: a body's first level is 2.
            heading = (!closing).then_some(name.as_bytes()[1].saturating_sub(b'0').max(2));
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !run.ends_with(' ') && !run.is_empty() {
            run.push(' ');
        }
    }
    flush(&mut run, heading, out);
}

/// Appends `text` to the current run: all of it inside a heading, otherwise
/// as many whole words as the budget allows.
fn take_text(text: &str, in_heading: bool, budget: &mut usize, run: &mut String) {
    if in_heading {
        run.push_str(text);
        return;
    }
    let mut last = 0;
    for (at, word) in words(text) {
        let cost = word_cost(word);
        if cost > *budget {
            *budget = 0;
            break;
        }
        *budget -= cost;
        last = at + word.len();
    }
    let kept = &text[..last];
    if kept.starts_with(char::is_whitespace) && (run.is_empty() || run.ends_with(' ')) {
        run.push_str(kept.trim_start());
    } else {
        run.push_str(kept);
    }
    if text[last..].starts_with(char::is_whitespace) && !run.is_empty() && !run.ends_with(' ') {
        run.push(' ');
    }
}

/// What `word` (text between spaces) takes of the budget: one word, or a
/// word per two characters of a script written without spaces.
fn word_cost(word: &str) -> usize {
    let unspaced = word.chars().filter(|&c| is_unspaced(c)).count();
    usize::max(1, unspaced.div_ceil(2) + usize::from(unspaced < word.chars().count() && unspaced > 0))
}

/// Han, kana and Thai: scripts that do not put spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{0E00}'..='\u{0E7F}')
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

/// Gives the run as a heading or a paragraph, if it has any text.
fn flush(run: &mut String, heading: Option<u8>, out: &mut impl Blocks) {
    let text = run.trim();
    match heading {
        _ if text.is_empty() => {}
        Some(level) => out.heading(level, text),
        None => out.paragraph(text),
    }
    run.clear();
}

fn tag_name(tag: &str) -> String {
    tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase()
}

fn is_heading(name: &str) -> bool {
    name.len() == 2 && name.starts_with('h') && matches!(name.as_bytes()[1], b'1'..=b'6')
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks written out as HTML.
    impl Blocks for String {
        fn paragraph(&mut self, text: &str) {
            self.push_str(&format!("<p>{text}</p>"));
        }

        fn heading(&mut self, level: u8, text: &str) {
            self.push_str(&format!("<h{level}>{text}</h{level}>"));
        }
    }

    fn digested(html: &str, mut budget: usize) -> String {
        let mut out = String::new();
        digest(html, &mut budget, &mut out);
        out
    }

    #[test]
    fn keeps_headings_and_prose_and_drops_code() {
        let html = "<p>Staking <a href=\"x\">locks</a> ether.</p>\n<pre><code class=\"language-rust\">fn stake() {}</code></pre>\
                    <h2 id=\"why\">Why <em>it</em> matters</h2><ul><li>one</li><li>two</li></ul>";
        assert_eq!(digested(html, 100), "<p>Staking locks ether.</p><h2>Why it matters</h2><p>one two</p>");
    }

    #[test]
    fn the_budget_cuts_at_a_whole_word_and_spares_headings() {
        let html = "<p>alpha beta gamma delta</p><h3>A heading past the budget</h3><p>epsilon</p>";
        assert_eq!(digested(html, 2), "<p>alpha beta</p><h3>A heading past the budget</h3>");
    }

    #[test]
    fn words_cost_the_same_in_every_script_and_unspaced_runs_by_length() {
        assert_eq!(word_cost("staking"), 1);
        assert_eq!(word_cost("스테이킹을"), 1);
        assert_eq!(word_cost("ステーキング"), 3);
        assert_eq!(word_cost("質押"), 1);
        assert_eq!(word_cost("Ethereumの"), 2);
        let korean = "<p>스테이킹은 자산을 맡기고 보상을 받는 방법입니다</p>";
        assert_eq!(digested(korean, 3), "<p>스테이킹은 자산을 맡기고</p>");
    }

    #[test]
    fn escapes_stay_escaped_and_scripts_are_skipped() {
        let html =
            "<p>a &lt;b&gt; &amp; c</p><script>var x = \"<p>no</p>\";</script><SVG><text>no</text></SVG><p>d</p>";
        assert_eq!(digested(html, 100), "<p>a &lt;b&gt; &amp; c d</p>");
    }

    #[test]
    fn the_budget_is_shared_across_calls() {
        let mut budget = 2;
        let mut out = String::new();
        digest("<p>abc</p>", &mut budget, &mut out);
        digest("<p>de fgh</p>", &mut budget, &mut out);
        assert_eq!(out, "<p>abc</p><p>de</p>");
        assert_eq!(budget, 0);
    }
}
