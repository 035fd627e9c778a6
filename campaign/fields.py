"""Form fields for image uploads that run the one pipeline in campaign.images."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.images import ProcessedImage, process_image

ACCEPT = "image/jpeg,image/png,image/webp"


class ImageUploadField(forms.FileField):
    """One image; `cleaned_data` holds a ProcessedImage (or None when optional and empty)."""

    def __init__(self, *, renditions=None, max_side=None, **kwargs):
        self.renditions = renditions or {}
        self.max_side = max_side
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def process(self, upload) -> ProcessedImage:
        options = {"renditions": self.renditions}
        if self.max_side:
            options["max_side"] = self.max_side
        return process_image(upload, **options)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial or not hasattr(upload, "read"):
            return upload
        return self.process(upload)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(ImageUploadField):
    """Up to `max_files` images at once; every bad file is reported by name, none is kept."""

    def __init__(self, *, max_files: int = 5, **kwargs):
        self.max_files = max_files
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT, "multiple": True}))
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("Up to %(n)s photos: JPEG, PNG or WebP, at most 10 MB each.") % {"n": max_files},
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not uploads:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > self.max_files:
            raise ValidationError(
                ngettext(
                    "You can attach at most %(n)s photo; you chose %(count)s.",
                    "You can attach at most %(n)s photos; you chose %(count)s.",
                    self.max_files,
                )
                % {"n": self.max_files, "count": len(uploads)},
                code="too_many_files",
            )
        processed, errors = [], []
        for upload in uploads:
            try:
                forms.FileField.clean(self, upload)
                processed.append(self.process(upload))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return processed
