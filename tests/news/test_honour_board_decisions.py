"""The honour board grouped by decision: the commendations naming the same decision (number and
date) under its heading, newest decision first, the rest last; the board's own order within."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import commendation_form, make_campaign, make_commendation

pytestmark = pytest.mark.django_db


def headings(html: str) -> list[tuple[str, str]]:
    return [
        (level, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip())
        for level, text in re.findall(r"<h([234])[^>]*>(.*?)</h\1>", html, flags=re.S)
    ]


def test_commendations_are_grouped_under_their_decision(client):
    campaign = make_campaign()
    first = {"decision_number": "98/QĐ-SCT", "decision_date": dt.date(2022, 6, 10)}
    later = {"decision_number": "125/QĐ-SCT", "decision_date": dt.date(2022, 12, 28)}
    make_commendation(campaign=campaign, honoree_name="Võ Văn Sáu", **first)
    make_commendation(campaign=campaign, honoree_name="Lê Văn Giấy", **later)
    make_commendation(
        campaign=campaign, honoree_name="Trần Bằng", form=commendation_form("bang-khen"), **later
    )
    make_commendation(
        campaign=campaign,
        honoree_name="Ngô Tiên",
        form=commendation_form("lao-dong-tien-tien"),
        **later,
    )
    make_commendation(campaign=campaign, honoree_name="Đinh Không Số")
    # The same number on another date is another decision (a new year's register).
    make_commendation(
        campaign=campaign,
        honoree_name="Phan Năm Sau",
        decision_number="125/QĐ-SCT",
        decision_date=dt.date(2021, 12, 20),
    )
    response = client.get(reverse("news:honour-board", args=[campaign.slug]))
    html = response.content.decode()
    assert headings(html) == [
        ("2", "Quyết định số 125/QĐ-SCT ngày 28/12/2022 3"),
        ("3", "Danh hiệu thi đua"),
        ("4", "Lao động tiên tiến 1"),
        ("3", "Hình thức khen thưởng"),
        ("4", "Bằng khen của Chủ tịch UBND tỉnh 1"),
        ("4", "Giấy khen của Giám đốc Sở 1"),
        ("2", "Quyết định số 98/QĐ-SCT ngày 10/06/2022 1"),
        ("3", "Hình thức khen thưởng"),
        ("4", "Giấy khen của Giám đốc Sở 1"),
        ("2", "Quyết định số 125/QĐ-SCT ngày 20/12/2021 1"),
        ("3", "Hình thức khen thưởng"),
        ("4", "Giấy khen của Giám đốc Sở 1"),
        ("2", "Khen thưởng khác 1"),
        ("3", "Hình thức khen thưởng"),
        ("4", "Giấy khen của Giám đốc Sở 1"),
    ]
    order = ["Ngô Tiên", "Trần Bằng", "Lê Văn Giấy", "Võ Văn Sáu", "Phan Năm Sau", "Đinh Không Số"]
    places = [html.index(f">{name}</a>") for name in order]
    assert places == sorted(places)
    # Ids stay unique when the same form appears under several decisions.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert response.context["total"] == 6


def test_the_board_keeps_its_order_within_a_decision(client):
    campaign = make_campaign()
    decision = {"decision_number": "125/QĐ-SCT", "decision_date": dt.date(2022, 12, 28)}
    for name in ["Trần Thị Ba", "Lê Văn Một", "Nguyễn Văn Hai"]:
        make_commendation(campaign=campaign, honoree_name=name, **decision)
    make_commendation(
        campaign=campaign,
        honoree_name="Văn phòng Sở",
        honoree_kind="collective",
        **decision,
    )
    response = client.get(reverse("news:honour-board", args=[campaign.slug]))
    [group] = response.context["decisions"]
    [(_kind, [(_form, items)])] = group.kinds
    assert [c.honoree_name for c in items] == [
        "Văn phòng Sở",
        "Lê Văn Một",
        "Nguyễn Văn Hai",
        "Trần Thị Ba",
    ]


def test_without_any_decision_the_board_is_one_list_as_before(client):
    campaign = make_campaign()
    make_commendation(campaign=campaign, honoree_name="Đinh Không Số")
    html = client.get(reverse("news:honour-board", args=[campaign.slug])).content.decode()
    assert "Quyết định số" not in html and "Khen thưởng khác" not in html
    assert headings(html)[0] == ("2", "Hình thức khen thưởng")


def test_the_decision_headings_in_english(client):
    campaign = make_campaign()
    make_commendation(
        campaign=campaign, decision_number="125/QĐ-SCT", decision_date=dt.date(2022, 12, 28)
    )
    make_commendation(campaign=campaign)
    html = client.get("/en" + reverse("news:honour-board", args=[campaign.slug])).content
    html = html.decode()
    assert "Decision No. 125/QĐ-SCT of 28/12/2022" in html and "Other commendations" in html
