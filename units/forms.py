from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from units.spreadsheet import MAX_BYTES


class UnitImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("An Excel workbook (.xlsx, first sheet) or a CSV file, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file; import nothing"),
        required=False,
        help_text=_("Shows the problems, or what an import would change."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class UnitSearchForm(forms.Form):
    """The units list's search box: part of a unit's name, accents optional (submitted by GET)."""

    q = forms.CharField(
        label=_("Find a unit"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(
            attrs={"class": "form-control", "placeholder": _("Part of its name, e.g. Hải Phòng")}
        ),
    )

    def query_string(self) -> str:
        """The search as a query string, for the pagination links."""
        return urlencode({"q": self.cleaned_data["q"]}) if self.is_valid() else ""
