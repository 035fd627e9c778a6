from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# The official number/symbol (số/ký hiệu) of a document, as Decree 30/2020/NĐ-CP writes it: a
# number, for legal normative documents also the year, a slash, then the kind and the issuer
# joined by hyphens: 3082/QĐ-BCT, 15/TTr-SCT, 30/2020/NĐ-CP, 59/2020/QH14; an official letter
# has no kind (123/SCT-VP). The decree's abbreviations mix capitals and small letters (TTr for
# tờ trình, CTr for chương trình, QyĐ for quy định, TTg for the Prime Minister), so every part
# starts with a capital and may go on in either case.
document_number_validator = RegexValidator(
    regex=r"^[0-9]{1,6}(/[0-9]{4})?/[A-ZĐ][A-Za-zĐđ0-9]{0,11}(-[A-ZĐ][A-Za-zĐđ0-9]{0,11}){0,3}$",
    message=_(
        "Enter the number in the official form “number/symbol”, for example 125/QĐ-SCT, "
        "15/TTr-SCT or 30/2020/NĐ-CP."
    ),
    code="document_number",
)
# The issuer's part of a symbol, which ends the number of its own documents: SCT, UBND, VP-SCT.
issuer_code_validator = RegexValidator(
    regex=r"^[A-ZĐ]{1,12}(-[A-ZĐ0-9]{1,12}){0,2}$",
    message=_("Enter the abbreviation in capitals as it ends a document's symbol, e.g. SCT."),
    code="issuer_code",
)

# What people type or paste in place of the symbol's own characters: dashes and minus signs for
# the hyphen, other slashes for the solidus, and the Icelandic eth (Ð, U+00D0) that old font
# converters left for a capital Đ.
_SYMBOL_LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2044\u2215\uff0f", "/"),
        "\u00d0": "Đ",
        "\u00f0": "đ",
    }
)
# Spaces around the slash and the hyphens ("15 / TTr - SCT"), and the zero-width ones that come
# with copied text. A space elsewhere ("QĐ SCT") is a missing hyphen: it is left for the
# validator to refuse rather than glued into another symbol.
_LOOSE_SPACES = re.compile(r"\s*([/-])\s*|[\u200b\u200c\u200d\ufeff]")


def normalise_document_number(text: str) -> str:
    """`text` as the decree writes a number/symbol: " 15 / TTr – SCT " is 15/TTr-SCT."""
    text = unicodedata.normalize("NFC", text).translate(_SYMBOL_LOOKALIKES)
    return _LOOSE_SPACES.sub(r"\1", text).strip()


def _grouped_number(value: int) -> str:
    return number_format(value, force_grouping=True)


grouped_number = lazy(_grouped_number, str)


class TextLengthValidator(MaxLengthValidator):
    """Django's length check, with a message that tells the writer what to do and shows both
    numbers in the reader's notation (3.000 in Vietnamese, 3,000 in English); Django's own puts
    bare integers in a sentence that reads awkwardly in Vietnamese."""

    message = ngettext_lazy(
        "This text can be at most %(limit)s character long; it has %(count)s. Please shorten it.",
        "This text can be at most %(limit)s characters long; it has %(count)s. Please shorten it.",
        "limit_value",
    )

    def __call__(self, value) -> None:
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            raise ValidationError(
                self.message,
                code=self.code,
                params={
                    "limit_value": self.limit_value,
                    "show_value": length,
                    "value": value,
                    # Formatted when the message is, so words and numbers share one language.
                    "limit": grouped_number(self.limit_value),
                    "count": grouped_number(length),
                },
            )
