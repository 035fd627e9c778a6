"""What a reader sees of a page, as a list of text nodes, and which of them are in the wrong
language.

A page rendered in Vietnamese and the same page rendered in English should differ in every node
that is language: a node that comes out the same in both was not translated, unless it is data
that is the same in any language (names, numbers, dates, codes, addresses, records' own text).
An English page should hold no Vietnamese outside such data.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that hold no visible text, or text the reader never sees as such.
HIDDEN = {"script", "style", "template", "svg"}
# Elements whose text is not in the page's language by nature: code (a file name, a command, a
# document number), an edit box's content (what a person wrote, in either language's field), and
# a feed's fields that programs read (RFC 822 dates are English by the standard).
VERBATIM = {"code", "kbd", "samp", "pre", "var", "textarea"} | {
    "pubdate", "lastbuilddate", "updated", "published", "guid", "id",
}  # fmt: skip
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
# Attributes a reader sees or hears: tooltips, placeholders, accessible names, image texts.
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
BUTTON_INPUTS = {"submit", "button", "reset"}


@dataclass(frozen=True)
class Node:
    kind: str  # "text", or the attribute the text was read from
    text: str
    lang: str  # the language the page says the node is in (the nearest lang attribute)
    verbatim: bool  # inside <code>, an edit box and the like, or marked translate="no"

    def key(self) -> tuple[str, str]:
        return (self.kind, self.text)


class _NodeParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []
        # (tag, lang, verbatim) of each open element
        self.stack: list[tuple[str, str, bool]] = [("#document", "", False)]
        self.hidden = 0

    @property
    def lang(self) -> str:
        return self.stack[-1][1]

    @property
    def verbatim(self) -> bool:
        return self.stack[-1][2]

    def add(self, kind: str, text: str | None, lang: str, verbatim: bool) -> None:
        text = " ".join((text or "").split())
        if text and not self.hidden:
            self.nodes.append(Node(kind, text, lang, verbatim))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or self.lang).split("-")[0].lower()
        verbatim = self.verbatim or tag in VERBATIM or attrs.get("translate") == "no"
        if tag == "input" and attrs.get("type") == "hidden":
            return
        for name in SHOWN_ATTRIBUTES:
            self.add(name, attrs.get(name), lang, verbatim)
        if tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUTS:
            self.add("value", attrs.get("value"), lang, verbatim)
        if tag == "optgroup":
            self.add("label", attrs.get("label"), lang, verbatim)
        if tag in VOID:
            return
        self.stack.append((tag, lang, verbatim))
        if tag in HIDDEN:
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        # Close up to the matching element; an end tag with no open element is ignored, as a
        # browser would (implied ends such as </p> are closed by the next matching end tag).
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                for closed, _lang, _verbatim in self.stack[depth:]:
                    if closed in HIDDEN:
                        self.hidden -= 1
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.add("text", data, self.lang, self.verbatim)


def text_nodes(html: str) -> list[Node]:
    parser = _NodeParser()
    parser.feed(html)
    parser.close()
    return parser.nodes


# --- what is data ------------------------------------------------------------------------------

_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _is_code_token(token: str, vietnamese: bool) -> bool:
    """A document number, a file name, a path, an abbreviation, a product name: not a word of
    either language. Looking for Vietnamese, only numbers, paths and short abbreviations (QĐ)
    are codes: a heading in capitals (CỘNG HÒA) is still Vietnamese."""
    if any(ch.isdigit() for ch in token) or re.search(r"[/._@\\#=*]", token.strip(".,;:!?")):
        return True
    letters = [ch for ch in token if ch.isalpha()]
    if len(letters) <= 1:
        return True
    if vietnamese:
        return len(letters) <= 3 and all(ch.isupper() for ch in letters)
    if all(ch.isupper() for ch in letters) and len(letters) <= 6:
        return True  # PDF, CSV, RSS, QĐ, BCT
    return any(ch.isupper() for ch in letters[1:])  # WebP, iPhone: names, not words


def words(
    text: str, data: DataText, allowed: frozenset[str] = frozenset(), vietnamese: bool = False
) -> list[str]:
    """The words of a node that are language: what is left when data, addresses, codes and the
    words both languages write alike are taken out."""
    text = data.remove(text)
    text = _EMAIL.sub(" ", _URL.sub(" ", text))
    found = []
    for token in text.split():
        if _is_code_token(token, vietnamese):
            continue
        found.extend(_WORD.findall(token))
    return [w for w in found if len(w) > 1 and w not in allowed]


VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def is_vietnamese(word: str) -> bool:
    """Letters only Vietnamese writes: ă â đ ê ô ơ ư, or a tone mark (hook above, dot below and
    the rest)."""
    decomposed = unicodedata.normalize("NFD", word)
    return any(ch in VIETNAMESE_LETTERS for ch in word) or any(
        ch in TONE_MARKS or ch in "\u0306\u0302\u031b" for ch in decomposed
    )


class DataText:
    """The records' own text (names, titles, what people wrote), which a page shows the same in
    both languages because it is stored in one."""

    def __init__(self, values):
        # A text in paragraphs is shown a paragraph (or a line) per node, stored HTML a node per
        # element.
        pieces = set()
        for value in map(str, values):
            pieces.update([value, *value.splitlines()])
            if "<" in value:
                pieces.update(node.text for node in text_nodes(value))
        values = {" ".join(piece.split()) for piece in pieces}
        # Whole words only, longest first, so a short value never eats part of a longer one.
        values = sorted((v for v in values if len(v) > 1), key=len, reverse=True)
        self.pattern = (
            re.compile("|".join(rf"(?<!\w){re.escape(v)}(?!\w)" for v in values))
            if values
            else None
        )

    def remove(self, text: str) -> str:
        return self.pattern.sub(" ", text) if self.pattern else text


# --- the comparison ----------------------------------------------------------------------------


def untranslated(
    vi: list[Node], en: list[Node], data: DataText, allowed: frozenset[str]
) -> list[str]:
    """Nodes of the Vietnamese page that came out the same on the English one and are language.

    The two pages are aligned as sequences of nodes, so a node is compared with its counterpart
    even where one language adds or drops a node elsewhere on the page.
    """
    matcher = difflib.SequenceMatcher(
        None, [n.key() for n in vi], [n.key() for n in en], autojunk=False
    )
    leaks = []
    for block in matcher.get_matching_blocks():
        for node in vi[block.a : block.a + block.size]:
            if node.lang not in ("vi", "") or node.verbatim:
                continue
            if words(node.text, data, allowed):
                leaks.append(_show(node))
    return _unique(leaks)


def vietnamese_on_english(en: list[Node], data: DataText, allowed: frozenset[str]) -> list[str]:
    leaks = []
    for node in en:
        if node.lang not in ("en", "") or node.verbatim:
            continue
        if any(is_vietnamese(w) for w in words(node.text, data, allowed, vietnamese=True)):
            leaks.append(_show(node))
    return _unique(leaks)


def _show(node: Node) -> str:
    return node.text if node.kind == "text" else f"[{node.kind}] {node.text}"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
