"""The commendation body's visual editor (django-prose-editor), built from the sanitiser's list.

Each formatting the editor offers is an extension that writes one HTML tag; only the extensions
whose tags `news.sanitize.ALLOWED_TAGS` keeps are switched on, so whatever the editor writes is
stored as it was written. The editor's scripts and styles come from the package's static files.
"""

from __future__ import annotations

from django import forms
from django_prose_editor.widgets import AdminProseEditorWidget

from news.sanitize import ALLOWED_TAGS, URL_SCHEMES

# The tag each extension writes. Tags the sanitiser keeps only for pasted text (<b>, <i>, a
# table's <thead>/<tbody>) have none: the editor reads them as bold, italic and table rows.
TAG_EXTENSIONS = {
    "p": "Paragraph",
    "br": "HardBreak",
    "strong": "Bold",
    "em": "Italic",
    "u": "Underline",
    "s": "Strike",
    "sub": "Subscript",
    "sup": "Superscript",
    "ul": "BulletList",
    "ol": "OrderedList",
    "li": "ListItem",
    "blockquote": "Blockquote",
    "hr": "HorizontalRule",
    "a": "Link",
    "table": "Table",
    "tr": "TableRow",
    "th": "TableHeader",
    "td": "TableCell",
}
HEADINGS = sorted(int(tag[1:]) for tag in ALLOWED_TAGS if tag[0] == "h" and tag[1:].isdigit())

# Options that keep an extension to what the sanitiser keeps: links open in the same window
# (no target) with the schemes the sanitiser allows, numbered lists without a start or style.
_OPTIONS = {
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
    "OrderedList": {"enableListAttributes": False},
}


def editor_extensions() -> dict:
    extensions = {
        name: _OPTIONS.get(name, True)
        for tag, name in TAG_EXTENSIONS.items()
        if tag in ALLOWED_TAGS
    }
    if HEADINGS:
        extensions["Heading"] = {"levels": HEADINGS}
    return extensions


class BodyEditor(AdminProseEditorWidget):
    """The body's textarea, turned into the visual editor by the package's script. Without
    JavaScript it stays a textarea of HTML, which the sanitiser cleans as before."""

    @property
    def media(self):
        # Names the editing area and translates the toolbar (static/portal/admin-prose-editor.js).
        return super().media + forms.Media(js=["portal/admin-prose-editor.js"])

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"rows": 18, **(attrs or {})},
            config={"extensions": editor_extensions()},
            preset="configurable",
        )
