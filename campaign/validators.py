from __future__ import annotations

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

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
