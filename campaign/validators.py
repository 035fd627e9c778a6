from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# The official "số/ký hiệu" of a document: a number, a slash, then the kind and the issuer in
# capitals joined by hyphens, e.g. 3082/QĐ-BCT, 6820/KH-UBND, 01/NQ-CP, 125/QĐ-SCT.
document_number_validator = RegexValidator(
    regex=r"^\d{1,6}(/\d{4})?/[A-ZĐ]{1,10}(-[A-ZĐ0-9]{1,12}){0,3}$",
    message=_(
        "Enter the number in the official form “number/symbol”, for example 125/QĐ-SCT "
        "or 6820/KH-UBND."
    ),
    code="document_number",
)
# The issuer's part of a symbol, which ends the number of its own documents: SCT, UBND, VP-SCT.
issuer_code_validator = RegexValidator(
    regex=r"^[A-ZĐ]{1,12}(-[A-ZĐ0-9]{1,12}){0,2}$",
    message=_("Enter the abbreviation in capitals as it ends a document's symbol, e.g. SCT."),
    code="issuer_code",
)


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
