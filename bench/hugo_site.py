#!/usr/bin/env python3
"""Turns a glossa site into an equivalent Hugo site, for timing both on the
same pages: the same term files per language (wiki links made into ordinary
links), Hugo's multilingual mode, code highlighting on (Chroma, with CSS
classes as glossa does), and minimal templates that show what a glossa term
page shows (title, summary, facts, body, prerequisites, quiz, sources).

usage: bench/hugo_site.py GLOSSA_SITE HUGO_SITE
"""
import os
import re
import shutil
import sys

import yaml  # PyYAML

WIKI = re.compile(r"\[\[([a-z0-9-]+)(?:#[^|\]]*)?(?:\\?\|([^\]]*))?\]\]")

CONFIG = """baseURL = "https://example.org/"
title = "Generated Glossary"
defaultContentLanguage = "{default}"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.highlight]
  noClasses = false
  codeFences = true
[markup.goldmark.parser.attribute]
  title = true
[languages]
{languages}
"""

SINGLE = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body><main>
<h1>{{ .Title }}</h1>
<p>{{ .Params.summary | markdownify }}</p>
<ul>{{ range .Params.facts }}<li>{{ . | markdownify }}</li>{{ end }}</ul>
{{ .Content }}
<ol>{{ range .Params.prerequisites }}<li><a href="../{{ . }}/">{{ . }}</a></li>{{ end }}</ol>
{{ range $i, $q := .Params.quiz }}<fieldset><legend>{{ $q.question | markdownify }}</legend>
{{ range $q.choices }}<label><input type="radio" name="q{{ $i }}"> {{ . | markdownify }}</label>{{ end }}
<details><summary>Answer</summary>{{ $q.explanation | markdownify }}</details></fieldset>{{ end }}
<ol>{{ range .Params.sources }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ol>
</main></body></html>
"""

LIST = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>
<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(os.path.join(source, "site.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    if os.path.exists(target):
        shutil.rmtree(target)
    codes = [l["code"] for l in config["languages"]]
    languages = "\n".join(
        f'  [languages.{c}]\n    weight = {i + 1}\n    contentDir = "content/{c}"' for i, c in enumerate(codes)
    )
    os.makedirs(os.path.join(target, "layouts", "_default"))
    with open(os.path.join(target, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG.format(default=config["default_language"], languages=languages))
    with open(os.path.join(target, "layouts", "_default", "single.html"), "w", encoding="utf-8") as f:
        f.write(SINGLE)
    for name in ("list.html", "home.html"):
        with open(os.path.join(target, "layouts", "_default", name), "w", encoding="utf-8") as f:
            f.write(LIST)
    count = 0
    for code in codes:
        folder = os.path.join(source, "content", code, "terms")
        out = os.path.join(target, "content", code, "terms")
        os.makedirs(out)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            text = WIKI.sub(lambda m: f"[{m.group(2) or m.group(1)}](../{m.group(1)}/)", text)
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(text)
            count += 1
    print(f"wrote {count} Hugo pages to {target}")


if __name__ == "__main__":
    main()
