"""Form pieces shared by the apps' admin forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
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
