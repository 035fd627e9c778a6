"""The allow-list for commendation bodies: what an office admin may format, and nothing else.

Whatever is pasted into the body (from Word, a web page or typed by hand) passes through nh3
before it is stored and again before it is shown, so scripts, event handlers, `javascript:`
links, frames and inline styles never reach a page, the admin preview or a feed.
"""

from __future__ import annotations

import html

import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
# Merged table cells (rowspan, colspan) are what the body editor's table writes.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "th": {"scope", "rowspan", "colspan"},
    "td": {"rowspan", "colspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Dropped together with everything inside them, not just unwrapped.
DROP_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"}
)


def sanitize_html(value: str) -> str:
    """The allowed part of `value`; idempotent, so cleaning twice changes nothing."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROP_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def html_to_text(value: str) -> str:
    """The words of an HTML fragment, for search keys and plain-text fallbacks."""
    return " ".join(html.unescape(strip_tags(value.replace("<", " <"))).split())


def text_to_html(value: str) -> str:
    """Plain text (as typed in a nomination) as escaped paragraphs for a rich-text body."""
    paragraphs = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n".join("<p>{}</p>".format(html.escape(p).replace("\n", "<br>")) for p in paragraphs)
