"""The honour board a page at a time: its weight stays bounded at national scale, the total and
each group's count are the whole board's, and the grouping by decision carries on."""

import datetime as dt

import pytest
from django.urls import reverse

from news import views
from tests.factories import commendation_form, make_campaign, make_commendation

pytestmark = pytest.mark.django_db


def test_the_board_is_paged_with_the_whole_board_counted(client, monkeypatch):
    monkeypatch.setattr(views, "HONOUR_BOARD_PER_PAGE", 3)
    campaign = make_campaign()
    decision = {"decision_number": "125/QĐ-SCT", "decision_date": dt.date(2022, 12, 28)}
    for i in range(4):
        make_commendation(campaign=campaign, honoree_name=f"Người {i}", **decision)
    make_commendation(campaign=campaign, honoree_name="Không Quyết Định")
    url = reverse("news:honour-board", args=[campaign.slug])
    first = client.get(url)
    assert first.context["total"] == 5
    [group] = first.context["decisions"]
    assert group.total == 4  # the decision's four, though three are on this page
    [(_kind, [(_form, honorees)])] = group.kinds
    assert len(honorees) == 3 and honorees.total == 4
    html = first.content.decode()
    assert "Trang 1 / 2" in html and 'href="?page=2"' in html
    second = client.get(url, {"page": 2})
    names = [
        [c.honoree_name for _f, items in g.kinds[0][1] for c in items]
        for g in second.context["decisions"]
    ]
    assert names == [["Người 3"], ["Không Quyết Định"]]
    assert second.context["total"] == 5


def test_a_page_past_the_end_shows_the_last(client):
    campaign = make_campaign()
    make_commendation(campaign=campaign, honoree_name="Người Cuối")
    response = client.get(reverse("news:honour-board", args=[campaign.slug]), {"page": "99x"})
    assert response.status_code == 200 and "Người Cuối" in response.content.decode()


def test_one_title_or_form_has_its_own_pages(client, monkeypatch):
    monkeypatch.setattr(views, "HONOUR_BOARD_PER_PAGE", 2)
    campaign = make_campaign()
    for i in range(3):
        make_commendation(campaign=campaign, honoree_name=f"Giấy {i}")
    bang = commendation_form("bang-khen")
    make_commendation(campaign=campaign, honoree_name="Bằng Một", form=bang)
    url = reverse("news:honour-board", args=[campaign.slug])
    html = client.get(url).content.decode()
    assert 'href="?form=bang-khen">Bằng khen của Chủ tịch UBND tỉnh' in html
    response = client.get(url, {"form": "giay-khen", "page": 2})
    assert [c.honoree_name for c in response.context["page_obj"]] == ["Giấy 2"]
    assert response.context["total"] == 4  # the whole board's, as before
    html = response.content.decode()
    assert 'aria-current="page" href="?form=giay-khen"' in html
    assert 'href="?form=giay-khen&amp;page=1"' in html  # the pages keep the form
    assert "Bằng Một" not in html
    # An unknown form shows the whole board, as the news list ignores an unknown filter.
    assert client.get(url, {"form": "khong-co"}).context["page_obj"].paginator.count == 4
