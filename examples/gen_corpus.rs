//! Generates a large, realistic glossary site for benchmarks:
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --terms 10000 --langs en,ko --out /tmp/corpus [--shape SHAPE]
//! ```
//!
//! Shapes: `standard` (below), `long` (bodies of about 650 words with two
//! code blocks in different languages: Rust, Python, Solidity, YAML, Bash)
//! and `short` (50–150 words, no code, no list: like ethereum.org's
//! glossary).
//!
//! Deterministic (the same arguments give the same files). Each term gets tags,
//! prerequisites that only point at earlier terms (so they stay acyclic),
//! related terms, facts, sources and a three-question quiz; bodies of about
//! 400 words with a list, a code block and wiki links, and ELI5 and expert
//! sections. Korean text is in Hangul.

use std::fmt::Write as _;
use std::path::PathBuf;

const EN_WORDS: &[&str] = &[
    "ledger",
    "network",
    "protocol",
    "stake",
    "validator",
    "block",
    "consensus",
    "reward",
    "penalty",
    "token",
    "contract",
    "liquidity",
    "market",
    "price",
    "risk",
    "collateral",
    "yield",
    "bridge",
    "rollup",
    "proof",
    "signature",
    "hash",
    "layer",
    "chain",
    "account",
    "balance",
    "transfer",
    "oracle",
    "vault",
    "pool",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "that",
    "is",
    "for",
    "with",
    "as",
    "on",
    "by",
    "it",
    "which",
    "when",
    "secures",
    "moves",
    "locks",
    "issues",
    "measures",
    "verifies",
    "records",
    "splits",
    "settles",
    "earns",
];
const KO_WORDS: &[&str] = &[
    "장부",
    "네트워크",
    "프로토콜",
    "지분",
    "검증자",
    "블록",
    "합의",
    "보상",
    "벌칙",
    "토큰",
    "계약",
    "유동성",
    "시장",
    "가격",
    "위험",
    "담보",
    "수익",
    "브리지",
    "롤업",
    "증명",
    "서명",
    "해시",
    "계층",
    "체인",
    "계정",
    "잔액",
    "전송",
    "오라클",
    "금고",
    "풀",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "으로",
    "지킵니다",
    "옮깁니다",
    "잠급니다",
    "발행합니다",
    "측정합니다",
    "검증합니다",
    "기록합니다",
    "나눕니다",
];
const TAGS: &[&str] =
    &["staking", "restaking", "defi", "infrastructure", "security", "ai", "scaling", "governance", "privacy", "tokens"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The kind of content generated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Standard,
    Long,
    Short,
}

struct Args {
    shape: Shape,
    terms: usize,
    langs: Vec<String>,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        shape: Shape::Standard,
        terms: 1000,
        langs: vec!["en".into(), "ko".into()],
        out: PathBuf::from("corpus"),
        seed: 1,
    };
    let mut iter = std::env::args().skip(1);
    while let Some(flag) = iter.next() {
        let value = iter.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--terms" => args.terms = value.parse().map_err(|e| format!("--terms: {e}"))?,
            "--langs" => args.langs = value.split(',').map(str::to_owned).collect(),
            "--out" => args.out = PathBuf::from(value),
            "--seed" => args.seed = value.parse().map_err(|e| format!("--seed: {e}"))?,
            "--shape" => {
                args.shape = match value.as_str() {
                    "standard" => Shape::Standard,
                    "long" => Shape::Long,
                    "short" => Shape::Short,
                    other => return Err(format!("--shape: `{other}` is not standard, long or short")),
                }
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    if args.langs.is_empty() || args.terms == 0 {
        return Err("need at least one language and one term".into());
    }
    Ok(args)
}

fn slug(i: usize) -> String {
    format!("term-{i:05}")
}

fn title(i: usize, lang: &str) -> String {
    match lang {
        "ko" => format!("용어 {i:05}"),
        _ => format!("Term {i:05}"),
    }
}

fn sentence(rng: &mut Rng, words: &[&str], length: usize) -> String {
    let mut s: Vec<&str> = (0..length).map(|_| rng.pick(words)).collect();
    if let Some(first) = s.first_mut() {
        *first = first.trim();
    }
    let mut text = s.join(" ");
    if let Some(c) = text.get(..1) {
        let upper = c.to_uppercase();
        text.replace_range(..1, &upper);
    }
    text.push('.');
    text
}

fn paragraph(rng: &mut Rng, words: &[&str], sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let length = 8 + rng.below(10);
            sentence(rng, words, length)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A code block in one of five languages (which one depends on `k`); the
/// same for every translation of term `i`.
fn code_block(i: usize, k: usize) -> String {
    let comment = sentence(&mut Rng(i as u64 ^ ((k as u64) << 32)), EN_WORDS, 6);
    match k % 5 {
        0 => format!("```rust\nfn reward_{i}(stake: u64, rate_bps: u64) -> u64 {{\n    // {comment}\n    stake * rate_bps / 10_000\n}}\n```\n"),
        1 => format!("```python\ndef reward_{i}(stake: int, rate_bps: int) -> int:\n    \"\"\"{comment}\"\"\"\n    return stake * rate_bps // 10_000\n```\n"),
        2 => format!("```solidity\ncontract Vault{i} {{\n    mapping(address => uint256) public balance; // {comment}\n    function deposit() external payable {{ balance[msg.sender] += msg.value; }}\n}}\n```\n"),
        3 => format!("```yaml\nvalidator:\n  id: {i}\n  stake: 32\n  # {comment}\n  withdrawals: [partial, full]\n```\n"),
        _ => format!("```bash\n# {comment}\nfor key in keys/*.json; do\n  deposit --key \"$key\" --amount 32 --term {i}\ndone\n```\n"),
    }
}

fn term_file(i: usize, lang: &str, default: bool, n: usize, shape: Shape, rng: &mut Rng) -> String {
    let words = if lang == "ko" { KO_WORDS } else { EN_WORDS };
    let mut f = String::new();
    let _ = writeln!(f, "---\ntitle: {}\nsummary: {}", title(i, lang), sentence(rng, words, 12));
    if default {
        let tags: Vec<&str> = (0..1 + rng.below(2))
            .map(|_| rng.pick(TAGS))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let _ = writeln!(f, "tags: [{}]", tags.join(", "));
        if i > 0 {
            let mut pre: Vec<usize> = (0..rng.below(4)).map(|_| rng.below(i)).collect();
            pre.sort_unstable();
            pre.dedup();
            if !pre.is_empty() {
                let _ = writeln!(f, "prerequisites: [{}]", pre.iter().map(|p| slug(*p)).collect::<Vec<_>>().join(", "));
            }
        }
        let mut related: Vec<usize> = (0..rng.below(3)).map(|_| rng.below(n)).filter(|r| *r != i).collect();
        related.sort_unstable();
        related.dedup();
        if !related.is_empty() {
            let _ = writeln!(f, "related: [{}]", related.iter().map(|r| slug(*r)).collect::<Vec<_>>().join(", "));
        }
    }
    f.push_str("facts:\n");
    for _ in 0..3 {
        let _ = writeln!(f, "  - {}", sentence(rng, words, 10));
    }
    let _ = writeln!(
        f,
        "sources:\n  - {{ title: Specification {i}, url: \"https://example.org/spec/{i}\" }}\n  - {{ title: Paper {i}, url: \"https://example.org/paper/{i}\" }}"
    );
    f.push_str("quiz:\n");
    for q in 0..3 {
        let _ = writeln!(
            f,
            "  - question: {}?\n    choices: [choice {q}a, choice {q}b, choice {q}c]\n    answer: {}\n    explanation: {}",
            sentence(rng, words, 8).trim_end_matches('.'),
            q % 3,
            sentence(rng, words, 10)
        );
    }
    let _ = writeln!(f, "updated: 2026-{:02}-{:02}\n---", 1 + rng.below(12), 1 + rng.below(28));
    if shape == Shape::Short {
        // 50–150 words: one or two short paragraphs with a link, no code.
        for _ in 0..1 + rng.below(2) {
            let sentences = 3 + rng.below(2);
            let mut text = paragraph(rng, words, sentences);
            let target = rng.below(n);
            if target != i {
                let _ = write!(text, " See [[{}]].", slug(target));
            }
            f.push_str(&text);
            f.push_str("\n\n");
        }
        let _ = writeln!(f, "## {} {{#eli5}}\n\n{}\n", sections(lang).0, sentence(rng, words, 12));
        let _ = writeln!(f, "## {} {{#expert}}\n\n{}", sections(lang).1, sentence(rng, words, 14));
        return f;
    }
    // About 400 words of body (650 for `long`) with links, a list and code.
    let paragraphs = if shape == Shape::Long { 8 } else { 4 };
    for p in 0..paragraphs {
        let mut text = paragraph(rng, words, 5);
        if i > 0 || n > 1 {
            let target = rng.below(n);
            if target != i {
                let _ = write!(text, " See [[{}]].", slug(target));
            }
        }
        f.push_str(&text);
        f.push_str("\n\n");
        if p == 1 {
            for _ in 0..3 {
                let _ = writeln!(f, "- {}", sentence(rng, words, 6));
            }
            f.push('\n');
        }
        // Translations keep their code: the blocks depend on the term only.
        if p == 2 && shape == Shape::Standard {
            let _ = writeln!(f, "{}", code_block(i, 0));
        }
        if shape == Shape::Long && (p == 2 || p == 5) {
            let _ = writeln!(f, "{}", code_block(i, i + p));
        }
    }
    let (eli5, expert) = sections(lang);
    let _ = writeln!(f, "## {eli5} {{#eli5}}\n\n{}\n", paragraph(rng, words, 3));
    let _ = writeln!(f, "## {expert} {{#expert}}\n\n{}\n\n{}", paragraph(rng, words, 4), paragraph(rng, words, 3));
    f
}

/// The headings of the ELI5 and expert sections in `lang`.
fn sections(lang: &str) -> (&'static str, &'static str) {
    if lang == "ko" {
        ("다섯 살에게 설명하기", "전문가 심화")
    } else {
        ("Explain like I'm 5", "Expert deep dive")
    }
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!(
                "gen_corpus: {message}\nusage: gen_corpus --terms N --langs en,ko --out DIR [--seed S] [--shape standard|long|short]"
            );
            std::process::exit(2);
        }
    };
    let languages: String = args.langs.iter().map(|l| format!("  - {{ code: {l}, name: {l} }}\n")).collect();
    let config = format!(
        "title: Generated Glossary\nbase_url: https://example.org/\ndefault_language: {}\nlanguages:\n{languages}autolink: true\n",
        args.langs[0]
    );
    let write = |path: PathBuf, text: &str| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };
    write(args.out.join("site.yaml"), &config);
    for (l, lang) in args.langs.iter().enumerate() {
        let mut rng = Rng(args.seed ^ (l as u64 + 1).wrapping_mul(0x1234_5678_9abc_def1));
        for i in 0..args.terms {
            let text = term_file(i, lang, l == 0, args.terms, args.shape, &mut rng);
            write(args.out.join(format!("content/{lang}/terms/{}.md", slug(i))), &text);
        }
    }
    println!("wrote {} terms × {} languages to {}", args.terms, args.langs.len(), args.out.display());
}
