"""Numbers typed into the portal are read in the page's language — 1.234,5 and 2.500 in
Vietnamese, 1,234.5 and 2,500 in English — and anything else is refused, never misread."""

import re
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from kit import numbers


class Form(forms.Form):
    amount = numbers.DecimalField(max_digits=12, decimal_places=2, required=False)
    count = numbers.IntegerField(required=False)


def read(language: str, **data):
    with translation.override(language):
        form = Form(data)
        valid = form.is_valid()
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    return (form.cleaned_data if valid else None), errors


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [
        ("vi", "1.234,5", Decimal("1234.5")),
        ("vi", "2.500", Decimal(2500)),
        ("vi", "2500", Decimal(2500)),
        ("vi", "7,5", Decimal("7.5")),
        ("vi", "7,50", Decimal("7.5")),
        ("vi", "12.345.678,25", Decimal("12345678.25")),
        ("vi", " 30 ", Decimal(30)),
        ("en", "1,234.5", Decimal("1234.5")),
        ("en", "2,500", Decimal(2500)),
        ("en", "7.5", Decimal("7.5")),
        ("en", "2.500", Decimal("2.5")),  # a decimal point in English
    ],
)
def test_decimals_as_each_language_writes_them(language, typed, value):
    cleaned, errors = read(language, amount=typed)
    assert errors == {}
    assert cleaned["amount"] == value


VI_DECIMAL = (
    "Hãy nhập số theo cách viết 1.234,5 hoặc 2.500: dấu “.” ngăn cách hàng nghìn, "
    "dấu “,” đứng trước phần thập phân."
)
EN_DECIMAL = (
    "Enter a number as in 1,234.5 or 2,500: “,” between thousands, “.” before the decimals."
)


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("vi", "2.5", VI_DECIMAL),  # not two and a half, nor 25
        ("vi", "1,234.5", VI_DECIMAL),  # the English notation
        ("vi", "1234.567", VI_DECIMAL),  # a group needs a separator before it, not four digits
        ("vi", "1.23", VI_DECIMAL),
        ("vi", "1 234", VI_DECIMAL),
        ("vi", "ba mươi", VI_DECIMAL),
        ("en", "2,5", EN_DECIMAL),  # Django's own reading makes this 25
        ("en", "1.234,5", EN_DECIMAL),  # the Vietnamese notation
        ("en", "12,34", EN_DECIMAL),
        ("en", "thirty", EN_DECIMAL),
    ],
)
def test_other_notations_are_refused_in_the_readers_language(language, typed, message):
    cleaned, errors = read(language, amount=typed)
    assert cleaned is None
    assert errors == {"amount": [message]}


@pytest.mark.parametrize(
    ("language", "typed", "value"),
    [("vi", "2.500", 2500), ("vi", "30", 30), ("en", "2,500", 2500), ("en", "1,000,000", 10**6)],
)
def test_whole_numbers_take_the_thousands_separator(language, typed, value):
    cleaned, errors = read(language, count=typed)
    assert errors == {}
    assert cleaned["count"] == value


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("vi", "2,5", "Hãy nhập số nguyên theo cách viết 2.500: dấu “.” ngăn cách hàng nghìn."),
        ("vi", "2,500", "Hãy nhập số nguyên theo cách viết 2.500: dấu “.” ngăn cách hàng nghìn."),
        ("en", "2.500", "Enter a whole number as in 2,500: “,” between thousands."),
    ],
)
def test_whole_numbers_refuse_decimals_and_the_other_notation(language, typed, message):
    cleaned, errors = read(language, count=typed)
    assert errors == {"count": [message]}


@pytest.mark.parametrize(
    ("language", "shown"), [("vi", 'value="1.234,5"'), ("en", 'value="1,234.5"')]
)
def test_a_value_is_shown_back_in_the_readers_notation_as_a_text_box(language, shown):
    with translation.override(language):
        html = str(Form(initial={"amount": Decimal("1234.50"), "count": 2500}))
    assert shown in html  # without the stored trailing zero
    assert 'type="number"' not in html  # the browser's own check follows its own language
    assert re.search(r'<input type="text" name="amount"[^>]* inputmode="decimal"', html)
    assert re.search(r'<input type="text" name="count"[^>]* inputmode="numeric"', html)


@pytest.mark.parametrize(
    ("language", "shown"), [("vi", "Trang 1.500 / 2.500"), ("en", "Page 1,500 of 2,500")]
)
def test_page_links_carry_plain_numbers_while_the_label_is_grouped(language, shown):
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    page = Paginator(range(25_000), 10).page(1500)
    with translation.override(language):
        html = render_to_string(
            "includes/_pagination.html", {"is_paginated": True, "page_obj": page}
        )
    assert 'href="?page=1499"' in html and 'href="?page=1501"' in html
    assert shown in html
