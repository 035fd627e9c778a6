from __future__ import annotations

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
