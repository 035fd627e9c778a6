"""Fields the apps share: long text with a length that is a rule, numbers typed in the reader's
notation and official document numbers (model fields), and image uploads that run the one
pipeline in campaign.images (form fields); the date picker input.

The model fields here record a plain Django field in migrations (see `deconstruct`): the
columns are ordinary ones, so migrations never import this module and outlive it moving."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.formats import get_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext

from campaign import numbers
from campaign.images import ProcessedImage, process_image
from campaign.validators import (
    TextLengthValidator,
    document_number_validator,
    grouped_number,
    normalise_document_number,
)


def _limit_note(limit: int) -> str:
    return ngettext("At most %(limit)s character.", "At most %(limit)s characters.", limit) % {
        "limit": grouped_number(limit)
    }


# Form classes are built once at import; the note is worded and numbered when it is shown.
limit_note = lazy(_limit_note, str)


def _photos_note(max_files: int) -> str:
    return gettext("Up to %(n)s photos: JPEG, PNG or WebP, at most 10 MB each.") % {"n": max_files}


# Worded when shown, as limit_note is: filled in at import it stayed in the language the
# process started in, and the English page said it in Vietnamese.
photos_note = lazy(_photos_note, str)


class BoundedTextField(models.TextField):
    """A TextField whose `max_length` is a rule, not only a hint to the browser.

    Django's TextField hands `max_length` to the form widget and nothing else, so `full_clean()`
    (the admin, the services) would let a 2 000 000-character text through. This one checks it
    there as well, and its form field says the limit in its help text and refuses a longer text
    with TextLengthValidator's message.
    """

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        # Added the way CharField adds its own check: it follows max_length and stays out of
        # the migrations.
        self.validators.append(TextLengthValidator(max_length))

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        # The column is an ordinary text column: migrations record a plain TextField, so they
        # never import this module and outlive it moving elsewhere.
        return name, "django.db.models.TextField", args, kwargs

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        # The form's own length check (Django's message) gives way to ours.
        field.validators = [v for v in field.validators if type(v) is not MaxLengthValidator]
        field.validators.append(TextLengthValidator(self.max_length))
        note = limit_note(self.max_length)
        field.help_text = format_lazy("{} {}", field.help_text, note) if field.help_text else note
        return field


class _TypedNumber:
    """A number a person types: its form field reads it in the reader's notation (1.234,5 in
    Vietnamese, 1,234.5 in English) in a text box, in every ModelForm and in the admin."""

    form_class: type[forms.Field]
    plain_path: str  # the Django field that migrations record

    def formfield(self, **kwargs):
        # The admin asks for its <input type="number"> widget for integers; the form field
        # puts a text box in its place.
        kwargs.setdefault("form_class", self.form_class)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, self.plain_path, args, kwargs


class NumberDecimalField(_TypedNumber, models.DecimalField):
    form_class = numbers.DecimalField
    plain_path = "django.db.models.DecimalField"


class NumberPositiveSmallIntegerField(_TypedNumber, models.PositiveSmallIntegerField):
    form_class = numbers.IntegerField
    plain_path = "django.db.models.PositiveSmallIntegerField"


class DocumentNumberFormField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return normalise_document_number(value) if value else value


class DocumentNumberField(models.CharField):
    """An official document's number/symbol (số/ký hiệu, Decree 30/2020/NĐ-CP), stored as the
    decree writes it whatever was typed: "15 / TTr – SCT" is kept as 15/TTr-SCT. The model
    field normalises too, so `full_clean()` outside a form (services, imports) stores the same."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)
        self.validators.append(document_number_validator)

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_document_number(value) if value else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DocumentNumberFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


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
        kwargs.setdefault("help_text", photos_note(max_files))
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


class DatePickerInput(forms.DateInput):
    """The browser's own date picker (`<input type="date">`), which sends and shows ISO dates.

    A browser without a picker shows a text box, where the portal's dd/mm/yyyy is typed (the
    locale's DATE_INPUT_FORMATS read both). A value sent back with other errors is shown in ISO
    as well, so the picker does not empty a date typed as dd/mm/yyyy.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            value = _parse_date(value) or value
        return super().format_value(value)


def _parse_date(text: str) -> dt.date | None:
    for fmt in get_format("DATE_INPUT_FORMATS"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
