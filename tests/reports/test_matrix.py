"""The coverage matrix: each flag raised exactly when it should be, N days from the setting or
the page, and the filters by unit subtree, status and flag."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from office import reports
from pledges.models import Pledge
from tests.factories import make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status
NOW = timezone.now()


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def matrix(department_tree, days=30, **filters):
    roots = reports.unit_tree()
    if "unit" in filters:
        roots = [reports.find_node(roots, filters.pop("unit"))]
    return reports.coverage_matrix(
        campaign=department_tree.campaign,
        user=department_tree.office,
        roots=roots,
        days=days,
        now=NOW,
        **filters,
    )


def flags(table, unit) -> list[list[str]]:
    """The flags of `unit`'s row, theme by theme."""
    [row] = [row for row in table.rows() if row.unit == unit]
    return [cell.flags for cell in row.cells]


def test_a_theme_without_a_pledge_is_flagged_and_a_draft_does_not_count(department_tree):
    t1, t2, t3, _t4 = department_tree.themes
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t1, status=S.ACCEPTED
    )
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t2, status=S.DRAFT
    )
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t3, status=S.RETURNED
    )
    assert flags(matrix(department_tree), department_tree.unit_a) == [
        [],
        ["no-pledge"],
        [],
        ["no-pledge"],
    ]
    assert flags(matrix(department_tree), department_tree.unit_b) == [["no-pledge"]] * 4


def test_submitted_and_not_reviewed_for_more_than_n_days(department_tree):
    t1, t2, *_ = department_tree.themes
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.SUBMITTED,
        submitted_at=ago(31),
    )
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t2,
        status=S.SUBMITTED,
        submitted_at=ago(29),
    )
    assert flags(matrix(department_tree), department_tree.unit_a)[:2] == [["waiting"], []]
    # N from the caller (the page's `days`): 28 days flags both.
    assert flags(matrix(department_tree, days=28), department_tree.unit_a)[:2] == [
        ["waiting"],
        ["waiting"],
    ]


def test_accepted_without_progress_for_more_than_n_days(department_tree):
    t1, t2, t3, t4 = department_tree.themes
    quiet = make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t1, status=S.ACCEPTED
    )
    make_report(pledge=quiet, percent=20, reported_at=ago(45))
    recent = make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t2,
        status=S.ACCEPTED,
        reviewed_at=ago(90),
    )
    make_report(pledge=recent, percent=50, reported_at=ago(3))
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t3,
        status=S.ACCEPTED,
        reviewed_at=ago(40),
    )  # never reported, accepted 40 days ago
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t4,
        status=S.COMPLETED,
        reviewed_at=ago(90),
        latest_report_at=ago(60),
    )  # done: nothing to flag
    assert flags(matrix(department_tree), department_tree.unit_a) == [["stale"], [], ["stale"], []]
    assert flags(matrix(department_tree, days=50), department_tree.unit_a) == [[], [], [], []]


def test_the_flags_agree_with_the_querysets_the_reminders_use(department_tree):
    t1, t2, *_ = department_tree.themes
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.SUBMITTED,
        submitted_at=ago(31),
    )
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_b,
        theme=t2,
        status=S.ACCEPTED,
        reviewed_at=ago(31),
    )
    table = matrix(department_tree)
    assert table.totals == {"no-pledge": 4 * 4 - 2, "waiting": 1, "stale": 1}
    assert Pledge.objects.waiting_review(days=30, now=NOW).count() == 1
    assert Pledge.objects.stale(days=30, now=NOW).count() == 1


def test_rows_follow_the_tree_in_collapsible_groups(department_tree):
    table = matrix(department_tree)
    [dept] = table.groups
    assert dept.unit == department_tree.dept
    assert [row.unit for row in dept.rows] == [department_tree.dept, department_tree.unit_a]
    [group_b] = dept.groups  # unit B has a sub-unit: a group of its own inside
    assert [row.unit for row in group_b.rows] == [department_tree.unit_b, department_tree.team_b]
    assert dept.unit_count == 4


def test_filter_by_subtree_status_and_flag(department_tree):
    t1, t2, *_ = department_tree.themes
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t1, status=S.ACCEPTED
    )
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.team_b, theme=t1, status=S.SUBMITTED
    )
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.team_b, theme=t2, status=S.ACCEPTED
    )
    subtree = matrix(department_tree, unit="qlcn")
    assert [row.unit for row in subtree.rows()] == [department_tree.unit_b, department_tree.team_b]
    accepted = matrix(department_tree, status=S.ACCEPTED)
    assert [row.unit for row in accepted.rows()] == [department_tree.unit_a, department_tree.team_b]
    [cell] = [c for c in accepted.rows()[1].cells if c.pledges]
    assert [p.status for p in cell.pledges] == [S.ACCEPTED]  # the submitted one is not shown
    assert matrix(department_tree, status=S.COMPLETED).is_empty
    every_theme = [
        make_pledge(
            campaign=department_tree.campaign, unit=department_tree.dept, theme=t, status=S.ACCEPTED
        )
        for t in department_tree.themes
    ]
    assert every_theme
    assert department_tree.dept not in [
        row.unit for row in matrix(department_tree, flag="any").rows()
    ]
    assert [row.unit for row in matrix(department_tree, flag="no-pledge").rows()] == [
        department_tree.unit_a,
        department_tree.unit_b,
        department_tree.team_b,
    ]


def test_the_page_shows_cells_flags_and_the_tree(client, department_tree, settings):
    t1, *_ = department_tree.themes
    pledge = make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.SUBMITTED,
        title="Bình ổn giá",
        submitted_at=ago(12),
        latest_percent=0,
    )
    settings.OFFICE_FLAG_DAYS = 10
    client.force_login(department_tree.office)
    url = reverse("office:matrix", args=[department_tree.campaign.slug])
    html = client.get(url).content.decode()
    assert '<details class="matrix-group" open>' in html
    assert "<summary>" in html and "Tổ kiểm tra thị trường" in html
    assert f'href="{pledge.get_absolute_url()}">Bình ổn giá</a>' in html
    assert "Đã gửi duyệt" in html and "0%" in html
    assert "Chờ duyệt quá hạn" in html  # the waiting flag, from the setting's 10 days
    assert html.count('class="badge matrix-flag flag-waiting">') == 2  # legend and cell
    assert "Chưa có cam kết" in html
    assert "gửi duyệt quá 10 ngày" in html  # the legend names N
    html = client.get(url, {"days": "20"}).content.decode()
    assert "gửi duyệt quá 20 ngày" in html
    assert html.count('class="badge matrix-flag flag-waiting">') == 1  # in the legend only


def test_bad_filters_are_named_and_the_page_still_shows(client, department_tree):
    client.force_login(department_tree.office)
    url = reverse("office:matrix", args=[department_tree.campaign.slug])
    response = client.get(url, {"days": "0", "status": "x", "unit": "khong-co"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("invalid-feedback") == 3
    assert "Phòng Quản lý Thương mại" in html  # the matrix falls back to every unit


def test_only_the_exceptions_stand_out(client, department_tree, settings):
    """Cells without a pledge are the ordinary state: a muted dash read out as "no pledge",
    never a coloured tag; the cell with a pledge and the one to act on stand out."""
    t1, t2, *_ = department_tree.themes
    make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t1, status=S.ACCEPTED
    )
    make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_b,
        theme=t2,
        status=S.SUBMITTED,
        submitted_at=ago(40),
    )
    settings.OFFICE_FLAG_DAYS = 30
    client.force_login(department_tree.office)
    html = client.get(
        reverse("office:matrix", args=[department_tree.campaign.slug])
    ).content.decode()
    assert "flag-no-pledge" not in html
    cells = 4 * 4  # four units (the department, A, B and B's team) by four themes
    assert html.count('<span class="matrix-none"><span aria-hidden="true">–</span>') == cells - 2
    assert html.count('<span class="visually-hidden">Chưa có cam kết</span>') == cells - 2
    assert html.count('class="matrix-cell matrix-cell-pledged"') == 1
    assert html.count('class="matrix-cell matrix-cell-attention"') == 1
    assert html.count('class="row-flagged"') == 1  # unit B's row alone: its pledge waits


def test_a_large_tree_sums_up_the_units_that_have_sub_units(department_tree, settings):
    """Past `summarize_over` units, unit B (with its team) is one row of figures; the
    department and unit A, without sub-units of their own, keep their rows."""
    t1, t2, *_ = department_tree.themes
    c = department_tree.campaign
    make_pledge(campaign=c, unit=department_tree.unit_b, theme=t1, status=S.ACCEPTED)
    make_pledge(
        campaign=c, unit=department_tree.team_b, theme=t1, status=S.SUBMITTED, submitted_at=ago(40)
    )
    make_pledge(campaign=c, unit=department_tree.team_b, theme=t2, status=S.DRAFT)
    table = matrix(department_tree, summarize_over=3)
    [group] = table.groups
    assert [row.unit for row in group.rows] == [department_tree.dept, department_tree.unit_a]
    assert group.groups == []
    [summary] = group.summaries
    assert summary.unit == department_tree.unit_b and summary.units == 2
    first, second, *_ = summary.cells
    assert (first.pledged, first.waiting, first.stale) == (2, 1, 0)
    assert (second.pledged, second.waiting, second.stale) == (0, 0, 0)  # a draft is no pledge
    assert group.unit_count == 4
    assert table.totals["waiting"] == 1  # the legend counts the units summed up too
    # Small enough: the same tree in full, as before.
    [group] = matrix(department_tree, summarize_over=4).groups
    assert group.summaries == [] and [g.unit for g in group.groups] == [department_tree.unit_b]


def test_a_summed_up_unit_opens_by_its_link_keeping_the_filters(
    client, department_tree, monkeypatch
):
    monkeypatch.setattr(reports, "SUMMARIZE_OVER", 3)
    client.force_login(department_tree.office)
    url = reverse("office:matrix", args=[department_tree.campaign.slug])
    html = client.get(url, {"status": "", "days": "20"}).content.decode()
    assert 'class="table table-sm table-bordered matrix-table matrix-summary"' in html
    assert '<a href="?status=&amp;days=20&amp;unit=qlcn">Phòng Quản lý Công nghiệp</a>' in html
    assert "0/2 đơn vị có cam kết" in html
    assert "Tổ kiểm tra thị trường" not in html.split("matrix-legend")[1]
    html = client.get(url, {"status": "", "days": "20", "unit": "qlcn"}).content.decode()
    assert "matrix-summary" not in html
    assert '<th scope="row" class="matrix-unit matrix-child">' in html
    assert "Tổ kiểm tra thị trường</a>" in html
    # The path back: every unit, then the department, then the unit shown.
    assert '<a href="?status=&amp;days=20">Tất cả đơn vị</a>' in html
    assert '<a href="?status=&amp;days=20&amp;unit=so">Sở Công Thương</a>' in html
    assert 'aria-current="page">Phòng Quản lý Công nghiệp</li>' in html
