//! Integration tests: fixture sites built and checked through the real binary.

mod anki;
mod articles;
mod autolink;
mod cache;
mod cli;
mod determinism;
mod diagnostics;
mod exports;
mod graph;
mod i18n;
mod import;
mod incremental;
mod languages;
mod links;
mod new;
mod pages;
mod publish;
mod reliability;
mod robustness;
mod sample;
mod scale;
mod senses;
mod serve;
mod support;
mod theme;
mod translations;
