"""The news list's filters fold behind "Bộ lọc", which counts the filters in use."""

import re

from django.urls import reverse

from tests.factories import make_commendation


def panel(client, params) -> tuple[bool, str]:
    """Whether the filter panel starts open, and its summary."""
    html = client.get(reverse("news:list"), params).content.decode()
    opening = re.search(r'<details class="filter-panel[^"]*"[^>]*>', html).group(0)
    summary = re.search(r"<summary>(.*?)</summary>", html.split(opening, 1)[1]).group(1)
    return " open" in opening, summary.strip()


def test_the_panel_is_folded_until_a_filter_is_used(client, campaign, theme, unit):
    make_commendation(campaign=campaign, theme=theme, unit=unit)
    assert panel(client, {}) == (False, "Bộ lọc")
    # Search words stay in view above the panel, so they are not counted.
    assert panel(client, {"q": "dịch"}) == (False, "Bộ lọc")
    assert panel(client, {"theme": theme.pk, "unit": unit.slug}) == (True, "Bộ lọc (2)")


def test_a_filter_that_is_not_valid_is_not_counted(client, campaign, theme):
    assert panel(client, {"theme": theme.pk, "unit": "no-such-unit"}) == (True, "Bộ lọc (1)")
