"""A campaign's pledge figures over the whole unit tree, by theme and by branch, in two queries."""

from __future__ import annotations

import pytest

from pledges.rollups import Figures, campaign_rollup
from tests.factories import make_campaign, make_pledge, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """Ministry -> two provinces -> divisions (one deep), plus a second top unit; pledges of
    every kind spread over them."""
    campaign = make_campaign()
    t1, t2 = campaign.themes.get(number=1), campaign.themes.get(number=2)
    ministry = make_unit(name="Bộ Công Thương", position=0)
    north = make_unit(name="Sở Công Thương Hà Nội", parent=ministry, position=2)
    south = make_unit(name="Sở Công Thương An Giang", parent=ministry, position=1)
    north_trade = make_unit(name="Phòng Thương mại Hà Nội", parent=north)
    north_team = make_unit(name="Đội Quản lý thị trường số 1", parent=north_trade)
    south_trade = make_unit(name="Phòng Thương mại An Giang", parent=south)
    closed = make_unit(name="Phòng đã giải thể", parent=south, is_active=False)
    other_top = make_unit(name="Sở Công Thương Bến Tre", position=5)

    def pledge(unit, theme, percent, status="accepted"):
        make_pledge(
            campaign=campaign, unit=unit, theme=theme, status=status, latest_percent=percent
        )

    pledge(north_trade, t1, 40)
    pledge(north_team, t1, 60, status="completed")  # two levels down: still Hà Nội
    pledge(north, t2, 20)
    pledge(south_trade, t1, 10)
    pledge(south_trade, t1, 30)
    pledge(ministry, t2, 90)  # the top unit's own pledge
    pledge(other_top, t2, 50)
    # Not public: other states, an inactive unit, another campaign.
    pledge(north_trade, t1, 99, status="submitted")
    pledge(north_trade, t1, 99, status="draft")
    pledge(closed, t1, 99)
    make_pledge(unit=south_trade, status="accepted", latest_percent=99)
    return campaign, {"t1": t1, "t2": t2, "ministry": ministry, "north": north, "south": south}


def test_figures_by_theme_cover_every_level_of_the_tree(tree):
    campaign, t = tree
    rollup = campaign_rollup(campaign)
    assert rollup.by_theme[t["t1"].pk] == Figures(units=3, pledges=4, completed=1, average=35)
    assert rollup.by_theme[t["t2"].pk] == Figures(units=3, pledges=3, completed=0, average=53)
    assert rollup.total == Figures(units=6, pledges=7, completed=1, average=43)


def test_figures_by_branch_sum_each_province_with_all_its_sub_units(tree):
    campaign, t = tree
    rows = {row.unit.name: row.figures for row in campaign_rollup(campaign).branches}
    assert rows == {
        "Bộ Công Thương": Figures(units=1, pledges=1, completed=0, average=90),
        "Sở Công Thương An Giang": Figures(units=1, pledges=2, completed=0, average=20),
        "Sở Công Thương Hà Nội": Figures(units=3, pledges=3, completed=1, average=40),
        "Sở Công Thương Bến Tre": Figures(units=1, pledges=1, completed=0, average=50),
    }
    # Grouped under their top unit, in display order (position, then name).
    assert list(rows) == [
        "Bộ Công Thương",
        "Sở Công Thương An Giang",
        "Sở Công Thương Hà Nội",
        "Sở Công Thương Bến Tre",
    ]
    by_theme = campaign_rollup(campaign).branches_by_theme[t["t1"].pk]
    assert [(row.unit.name, row.figures.pledges) for row in by_theme] == [
        ("Sở Công Thương An Giang", 2),
        ("Sở Công Thương Hà Nội", 2),
    ]


@pytest.mark.parametrize("extra", [0, 60])
def test_the_rollup_takes_two_queries_however_big_the_tree(tree, django_assert_num_queries, extra):
    campaign, t = tree
    parent = t["north"]
    for i in range(extra):  # a deep chain and many pledging units
        parent = make_unit(name=f"Đơn vị cấp {i}", parent=parent)
        make_pledge(campaign=campaign, unit=parent, theme=t["t1"], status="accepted")
    with django_assert_num_queries(2):
        rollup = campaign_rollup(campaign)
    assert rollup.total.pledges == 7 + extra


def test_the_campaign_and_theme_pages_show_the_branch_figures(client, tree):
    campaign, t = tree
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "Số liệu theo đơn vị" in html
    assert "Sở Công Thương Hà Nội" in html
    assert "Tất cả đơn vị" in html  # the whole campaign's row
    theme_html = client.get(t["t1"].get_absolute_url()).content.decode()
    assert "Sở Công Thương An Giang" in theme_html
    assert "Bộ Công Thương</a>" not in theme_html  # no theme-1 pledge in its own branch
