from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from news.sanitize import ALLOWED_TAGS


class RichTextarea(forms.Textarea):
    """A plain HTML textarea with a small formatting toolbar (static/portal/news-admin.js).

    Nothing is loaded from outside and no inline script is needed, so it runs offline under the
    portal's Content-Security-Policy. Without JavaScript it is an ordinary textarea.
    """

    BUTTONS = [
        ("p", _("Paragraph")),
        ("h2", _("Heading")),
        ("h3", _("Subheading")),
        ("strong", _("Bold")),
        ("em", _("Italic")),
        ("ul", _("Bulleted list")),
        ("ol", _("Numbered list")),
        ("blockquote", _("Quote")),
        ("a", _("Link")),
    ]

    class Media:
        js = ["portal/news-admin.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 18, "class": "vLargeTextField news-rich-text", **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None):
        textarea = super().render(name, value, attrs, renderer)
        target = (attrs or {}).get("id") or f"id_{name}"
        buttons = format_html_join(
            "",
            '<button type="button" class="button" data-tag="{}">{}</button> ',
            ((tag, label) for tag, label in self.BUTTONS if tag in ALLOWED_TAGS),
        )
        return format_html(
            '<div class="news-rich-text-toolbar" role="toolbar" aria-label="{}" '
            'aria-controls="{}" data-target="{}" data-link-prompt="{}">{}</div>{}',
            _("Formatting"),
            target,
            target,
            _("Address of the link (https://…):"),
            buttons,
            textarea,
        )
