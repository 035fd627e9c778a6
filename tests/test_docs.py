"""Every link between README.md and the pages of docs/ leads somewhere: the file exists and, for a
`#anchor`, so does a heading that GitHub gives that anchor. The operator recipes that .ci/recipes
follows are where it reads them.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"<(?:img|a)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def prose_lines(text: str) -> list[str]:
    """The lines outside fenced code blocks, where a `#` is a heading and `[x](y)` a link."""
    lines, inside = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            lines.append(line)
    return lines


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: the text as shown, lower-cased, punctuation dropped
    (letters of any script, digits, `_` and `-` stay), each space a hyphen."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link shows its text
    text = re.sub(r"<[^>]+>", "", text).replace("`", "").replace("*", "").lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in {"L", "N", "M"})
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found, seen = set(), {}
    for line in prose_lines(path.read_text(encoding="utf-8")):
        if match := HEADING.match(line):
            slug = anchor(match.group(2))
            # A repeated heading gets -1, -2 … after the first.
            found.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
            seen[slug] = seen.get(slug, 0) + 1
    return found


def links(path: Path) -> list[str]:
    targets = []
    for line in prose_lines(path.read_text(encoding="utf-8")):
        line = CODE_SPAN.sub("", line)
        targets += LINK.findall(line) + HTML_LINK.findall(line)
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:", t)]  # relative only


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Phases, the office dashboard and reports", "phases-the-office-dashboard-and-reports"),
        ("What the last measurements show", "what-the-last-measurements-show"),
        ("`make bench` — the reference view", "make-bench--the-reference-view"),
        ("Nhập điểm: *Lưu và chấm tiếp*", "nhập-điểm-lưu-và-chấm-tiếp"),
    ],
)
def test_anchor_follows_githubs_rule(heading, expected):
    assert anchor(heading) == expected


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page):
    broken = []
    for target in links(page):
        file_part, _, fragment = target.partition("#")
        linked = (page.parent / unquote(file_part)).resolve() if file_part else page
        if not linked.exists():
            broken.append(f"{target}: no file {linked.relative_to(ROOT)}")
        elif fragment and linked.suffix == ".md" and unquote(fragment) not in anchors(linked):
            broken.append(f"{target}: no heading with the anchor #{fragment}")
    assert broken == []


def test_readme_lists_every_page_of_docs():
    listed = {(ROOT / t.partition("#")[0]).resolve() for t in links(ROOT / "README.md")}
    pages = set((ROOT / "docs").glob("*.md"))
    assert pages, "the documentation lives in docs/"
    assert sorted(p.name for p in pages - listed) == []


def test_the_recipes_ci_follows_are_where_it_reads_them():
    script = (ROOT / ".ci/recipes").read_text(encoding="utf-8")
    (source,) = re.findall(r'"\$repo/([^"]+\.md)"', script)
    names = set(re.findall(r"^\s*recipe ([a-z-]+)\b", script, flags=re.MULTILINE))
    assert names >= {"production-env", "production", "backup", "restore"}
    lines = (ROOT / source).read_text(encoding="utf-8").splitlines()
    for name in names:
        marker = lines.index(f"<!-- recipe: {name} -->")
        assert FENCE.match(lines[marker + 1]), f"{source}: a fenced block follows {name}'s marker"
