//! Feeds arbitrary bytes through the whole analysis and render as one or two
//! term files (split at the first NUL byte). Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

const CONFIG: &[u8] = b"title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: Korean }\n";

fuzz_target!(|data: &[u8]| {
    let (first, second) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let inputs = glossa::pipeline::Inputs {
        config: CONFIG.to_vec(),
        content: vec![
            glossa::source::RawFile { rel: "content/en/terms/alpha.md".into(), bytes: Ok(first.to_vec()) },
            glossa::source::RawFile { rel: "content/ko/terms/alpha.md".into(), bytes: Ok(second.to_vec()) },
        ],
        theme_root: None,
    };
    let Ok(analysis) = glossa::pipeline::analyse_inputs(inputs, &glossa::pipeline::Options::default()) else { return };
    let _ = glossa::diag::render(&analysis.diagnostics, analysis.sources(), glossa::diag::Format::Human, false);
    if let Some(site) = &analysis.site {
        let sink = glossa::output::MemorySink::default();
        let _ = site.renderer(true).without_search().render(&sink, &|| {});
    }
});
