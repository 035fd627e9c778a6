from __future__ import annotations

from decimal import Decimal

from django import template

from scoring.models import points_display

register = template.Library()


@register.filter
def points(value) -> str:
    """Points as the reader writes them, without trailing zeros: 9,5 (vi), 9.5 (en), 10."""
    if value is None or value == "":
        return ""
    return points_display(Decimal(value))
