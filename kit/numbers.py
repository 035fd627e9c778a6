"""Numbers as people of each language write them: 1.234,5 and 2.500 in Vietnamese, 1,234.5 and
2,500 in English.

Django's localized form fields read a number loosely (`sanitize_separators`): in English "2,5"
loses its comma and becomes 25; in Vietnamese "2.5" is taken as two and a half while "2.500" is
two thousand five hundred. A person who types the other language's notation must be told so,
not misread or guessed at; so the fields here read a number strictly in the language of the
page — the thousands separator only between groups of three digits, the decimal separator at
most once — and refuse anything else with a message that shows the notation. They are text
boxes: `<input type="number">` follows the browser's language, not the page's, and some
browsers refuse "2,5" there before the portal can say anything.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext_lazy as _

# Minus signs people paste besides the hyphen-minus: the typographic minus and the en dash.
_MINUS = "-\u2212\u2013"


def plain(value: Decimal) -> Decimal:
    """A decimal without trailing zeros and never in exponent form: 10.00 is 10 (not 1E+1),
    7.50 is 7.5."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


@functools.cache
def _pattern(decimal_sep: str, thousand_sep: str, grouping: int) -> re.Pattern:
    sign = f"[{re.escape('+' + _MINUS)}]?"
    grouped = rf"[0-9]{{1,{grouping}}}(?:{re.escape(thousand_sep)}[0-9]{{{grouping}}})+"
    return re.compile(
        rf"(?P<sign>{sign})(?P<whole>{grouped}|[0-9]+)?(?:{re.escape(decimal_sep)}(?P<frac>[0-9]+))?"
    )


def read_number(text: str) -> Decimal:
    """`text` read in the active language's notation; ValueError when it is not written so."""
    decimal_sep = get_format("DECIMAL_SEPARATOR")
    thousand_sep = get_format("THOUSAND_SEPARATOR")
    grouping = get_format("NUMBER_GROUPING")
    match = _pattern(decimal_sep, thousand_sep, grouping).fullmatch(text.strip())
    if not match or (match["whole"] is None and match["frac"] is None):
        raise ValueError(text)
    whole = (match["whole"] or "0").replace(thousand_sep, "")
    # Trailing zeros of the decimals change nothing, and would count against a field's
    # decimal places: 2,50 is 2.5.
    frac = (match["frac"] or "").rstrip("0")
    sign = "-" if match["sign"] and match["sign"] in _MINUS else ""
    try:
        return Decimal(sign + whole + (f".{frac}" if frac else ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits digits only
        raise ValueError(text) from exc


def notation() -> dict[str, str]:
    """The active language's number notation, for messages: examples and both separators."""
    return {
        "example": number_format(Decimal("1234.5"), force_grouping=True),
        "whole": number_format(2500, force_grouping=True),
        "thousands": get_format("THOUSAND_SEPARATOR"),
        "decimal": get_format("DECIMAL_SEPARATOR"),
    }


class _LocalizedNumber:
    """What the two fields share: a text box, strict reading, values shown without trailing
    zeros and with the reader's separators."""

    inputmode = "decimal"

    def __init__(self, *args, **kwargs):
        widget = kwargs.get("widget")
        if (
            widget is None
            or isinstance(widget, forms.NumberInput)
            or (isinstance(widget, type) and issubclass(widget, forms.NumberInput))
        ):
            kwargs["widget"] = forms.TextInput
        kwargs["localize"] = True
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # The phone's keypad with digits and its separators; the check itself is the server's.
        attrs.setdefault("inputmode", self.inputmode)
        return attrs

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            value = plain(value)
        return super().prepare_value(value)

    def read(self, value) -> Decimal:
        if isinstance(value, Decimal | int | float):  # a value given in code, not typed
            return Decimal(str(value))
        try:
            return read_number(str(value))
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params=notation()
            ) from None


class DecimalField(_LocalizedNumber, forms.DecimalField):
    default_error_messages = {
        "invalid": _(
            "Enter a number as in %(example)s or %(whole)s: “%(thousands)s” between thousands, "
            "“%(decimal)s” before the decimals."
        ),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        return self.read(value)


class IntegerField(_LocalizedNumber, forms.IntegerField):
    inputmode = "numeric"
    default_error_messages = {
        "invalid": _("Enter a whole number as in %(whole)s: “%(thousands)s” between thousands."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        number = self.read(value)
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid", params=notation())
        return int(number)
