"""Edits a term file the way a contributor would: a sentence put at the
start of its body, so the page and its search document both change.

    python3 bench/edit_term.py SITE/content/en/terms/term-00042.md
"""

import sys
import time

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    text = f.read()
body = text.index("\n---\n", 4) + len("\n---\n")
with open(path, "w", encoding="utf-8") as f:
    f.write(f"{text[:body]}Edited {time.time_ns()}. {text[body:]}")
