"""Fields the apps share: long text with a length that is a rule, numbers typed in the reader's
notation and official document numbers (model fields), and image uploads that run the one
pipeline in kit.images (form fields); a date typed in day, month and year boxes.

The model fields here record a plain Django field in migrations (see `deconstruct`): the
columns are ordinary ones, so migrations never import this module and outlive it moving."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kit import numbers
from kit.images import ProcessedImage, process_image
from kit.validators import (
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


# --- A date in day / month / year boxes ----------------------------------------------------
# A browser's own date input shows its date in the browser's language: an English Chromium
# writes mm/dd/yyyy, against the portal's dd/mm/yyyy. Three boxes in dd/mm/yyyy order read
# the same in every browser (the GOV.UK "date input" pattern).

DAY, MONTH, YEAR = range(3)
# A whole date pasted into the day box: dd/mm/yyyy, with "." or "-" also taken between parts.
WHOLE_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
SEPARATOR = re.compile(r"[/.-]")


class DateProblem(NamedTuple):
    code: str  # a key of DateBoxesField's error messages
    boxes: tuple[int, ...]  # the boxes at fault, in order: DAY, MONTH, YEAR
    date: str = ""  # the date as typed, for "does not exist"


def read_date_boxes(parts: Sequence[str | None]) -> dt.date | DateProblem | None:
    """The date the boxes hold, what is wrong with them, or None when all three are empty.

    The one reading of the boxes: the field validates with it and the widget marks the boxes
    it names, so the box shown in red is always the one the message is about."""
    day, month, year = ((part or "").strip() for part in (*parts, None, None, None)[:3])
    boxes = (DAY, MONTH, YEAR)
    if SEPARATOR.search(day):
        whole = WHOLE_DATE.fullmatch(day)
        if not whole:
            return DateProblem("whole_date", (DAY,))
        # Everything came from the day box: that is the box to correct.
        (day, month, year), boxes = whole.groups(), (DAY, DAY, DAY)
    typed = (day, month, year)
    missing = tuple(box for box, text in zip(boxes, typed, strict=True) if not text)
    if len(missing) == 3:
        return None
    if missing:
        names = "_".join(("day", "month", "year")[box] for box in missing)
        return DateProblem(f"missing_{names}", missing)
    for box, text, pattern, top, code in (
        (boxes[DAY], day, r"\d{1,2}", 31, "bad_day"),
        (boxes[MONTH], month, r"\d{1,2}", 12, "bad_month"),
        (boxes[YEAR], year, r"\d{4}", 9999, "bad_year"),
    ):
        # ASCII digits only: int() would also take other scripts' digits.
        if not re.fullmatch(pattern, text, re.ASCII) or not 1 <= int(text) <= top:
            return DateProblem(code, (box,))
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        shown = f"{int(day):02d}/{int(month):02d}/{year}"
        return DateProblem("nonexistent", tuple(sorted(set(boxes))), shown)


class DateBoxesWidget(forms.MultiWidget):
    """Day, month and year boxes in a fieldset (the field's label is its legend), each with its
    own label; sent as `<name>_0`, `<name>_1` and `<name>_2`, the boxes' ids end the same way.

    When what was typed cannot be read, only the boxes at fault are marked invalid, and the
    values come back as typed."""

    template_name = "kit/widgets/date_boxes.html"
    labels = (_("Day"), _("Month"), _("Year"))

    def __init__(self, attrs=None):
        def box(digits: int) -> forms.TextInput:
            # inputmode brings up the digits on a phone; type="number" would drop a pasted
            # 30/09/2022 and a leading zero.
            return forms.TextInput(
                attrs={"inputmode": "numeric", "class": f"date-box date-box-{digits}"}
            )

        super().__init__([box(2), box(2), box(4)], attrs)

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return [value, None, None]
        if isinstance(value, dt.date):
            return [f"{value.day:02d}", f"{value.month:02d}", f"{value.year:04d}"]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        boxes = super().value_from_datadict(data, files, name)
        if all(box is None for box in boxes) and name in data:
            # A page drawn before the boxes (left open in a tab over an upgrade) sends the
            # whole date under the field's own name: it is read as if pasted into the day box.
            return [data[name], None, None]
        return boxes

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and name not in data

    def problem(self, value) -> DateProblem | None:
        """What is wrong with the boxes sent; None for a date given by the code (initial)."""
        if not isinstance(value, list | tuple):
            return None
        read = read_date_boxes(value)
        return read if isinstance(read, DateProblem) else None

    def first_wrong_index(self, value) -> int:
        """The box a link to this field's error lands on (form_errors.field_anchor)."""
        problem = self.problem(value)
        return problem.boxes[0] if problem else DAY

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        problem = self.problem(value)
        for index, (box, label) in enumerate(
            zip(context["widget"]["subwidgets"], self.labels, strict=True)
        ):
            box["label"] = label
            if problem is None:
                continue  # a date that reads but is refused (out of range): all boxes alike
            # The form marks every box of a field with an error (crispy's is-invalid, Django's
            # aria-invalid); only the ones at fault keep the mark.
            classes = [c for c in box["attrs"].get("class", "").split() if c != "is-invalid"]
            box["attrs"].pop("aria-invalid", None)
            if index in problem.boxes:
                classes.append("is-invalid")
                box["attrs"]["aria-invalid"] = "true"
            box["attrs"]["class"] = " ".join(classes)
        return context


class DateBoxesField(forms.MultiValueField):
    """A date typed in day, month and year boxes (DateBoxesWidget), dd/mm/yyyy in that order.

    Leading zeros are optional; a whole date pasted into the day box as dd/mm/yyyy is taken.
    Each error says what is wrong, starting with the field's label where it names no box."""

    widget = DateBoxesWidget
    default_error_messages = {
        "required": _("%(label)s must include a day, a month and a year."),
        "missing_day": _("%(label)s must include a day."),
        "missing_month": _("%(label)s must include a month."),
        "missing_year": _("%(label)s must include a year."),
        "missing_day_month": _("%(label)s must include a day and a month."),
        "missing_day_year": _("%(label)s must include a day and a year."),
        "missing_month_year": _("%(label)s must include a month and a year."),
        "bad_day": _("The day must be a number from 1 to 31."),
        "bad_month": _("The month must be a number from 1 to 12."),
        "bad_year": _("The year must have 4 digits."),
        "whole_date": _(
            "Write the whole date as dd/mm/yyyy, or the day, month and year each in its box."
        ),
        "nonexistent": _("The date %(date)s does not exist."),
    }

    def __init__(self, **kwargs):
        # The boxes are read together (read_date_boxes), not each by a field of its own.
        super().__init__(fields=(), require_all_fields=False, **kwargs)

    def _error(self, code: str, **params) -> ValidationError:
        message = self.error_messages[code] % {"label": self.label or gettext("The date"), **params}
        return ValidationError(message, code=code)

    def to_python(self, value) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, str):  # a whole date given as one text
            value = [value]
        read = read_date_boxes(value)
        if isinstance(read, DateProblem):
            raise self._error(read.code, date=read.date)
        return read

    def validate(self, value) -> None:
        if value is None and self.required:
            raise self._error("required")

    def clean(self, value):
        return forms.Field.clean(self, value)

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != self.to_python(initial)
        except ValidationError:
            return True


def _example_note(date: dt.date) -> str:
    return gettext("For example, %(date)s.") % {"date": date_format(date, "SHORT_DATE_FORMAT")}


# "For example, 30/09/2022." under a date field, worded when shown (as limit_note is).
example_note = lazy(_example_note, str)
