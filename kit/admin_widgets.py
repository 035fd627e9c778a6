"""Admin pieces shared by every app's admin."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import models
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.html import format_html

EMPTY_LABEL = BLANK_CHOICE_DASH[0][1]


class ValidAutocompleteSelect(AutocompleteSelect):
    """Django renders an autocomplete without a value as a <select> with no <option> (when
    required) or an empty one, both invalid HTML; here the empty choice has a label, as
    ordinary selects do."""

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = groups[0][1]
        has_value = any(v not in (None, "") for v in value)
        if not has_value and not any(option["value"] == "" for option in options):
            options.insert(0, self.create_option(name, "", "", False, 0))
        for option in options:
            if option["value"] == "" and not option["label"]:
                option["label"] = EMPTY_LABEL
        return groups


class AutocompleteMixin:
    """Use ValidAutocompleteSelect for the admin's autocomplete_fields."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ValidAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# A change list's long text (a commendation's title, a pledge's, an audit event's object) is cut
# here so that it reads on at most three lines at 1280 px, beside the columns static/portal/
# admin.css gives it; the whole text stays in the cell's title.
SHORT_TEXT_LENGTH = 80


def short_text(text: str, length: int = SHORT_TEXT_LENGTH) -> str:
    """`text` cut after a whole word (Vietnamese syllables are words), ending in "…"."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if text[length - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"


def truncated_column(model: type[models.Model], name: str, length: int = SHORT_TEXT_LENGTH):
    """A change-list column of `model`'s field `name` (a text or a foreign key, read as its
    text), cut to `length` characters with the whole text in the title. Set it as an attribute
    of the ModelAdmin and list that attribute's name in list_display: Django reads a model's
    own field name as the plain field, never as a column of the admin's."""
    field = model._meta.get_field(name)

    @admin.display(description=field.verbose_name, ordering=name)
    def column(model_admin, obj):
        text = str(getattr(obj, name) or "")
        if not text:
            return None  # the admin's "-" for an empty value, as for the plain field
        short = short_text(text, length)
        if short == text:
            return text
        return format_html('<span title="{}">{}</span>', text, short)

    return column
