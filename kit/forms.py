"""Form pieces shared by the apps' forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from kit.conflicts import check_version


class VersionedModelForm(forms.ModelForm):
    """A model form for a model with a `version` field: saving over a version someone else saved
    meanwhile is refused, with `conflict_message`, instead of silently overwriting it."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    conflict_message = _(
        "Another office admin saved this while you were editing it. Copy your changes, reload "
        "the page and apply them again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                type(self.instance)
                ._default_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None:
                check_version(current, cleaned.get("expected_version"), self._conflict)
        return cleaned

    def _conflict(self) -> ValidationError:
        return ValidationError(self.conflict_message, code="conflict")


class LongSelect(forms.Select):
    """A select of a flat list of many options (every unit of the national tree) written in one
    pass: the stock widget renders a template per option, a tenth of a second for 1,300."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        selected = mark_safe(" selected")
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, selected if str(v) in chosen else "", label) for v, label in self.choices),
        )
        final = {**self.build_attrs(self.attrs, attrs), "name": name}
        return format_html("<select{}>{}</select>", flatatt(final), options)
