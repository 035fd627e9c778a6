"""Statistics checked against figures worked out by hand, the weekly chart's geometry, and the
shortlist of candidates for commendation."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from news.models import Nomination
from office import reports
from office.charts import line_chart
from pledges.models import Pledge
from tests.factories import make_evidence, make_nomination, make_pledge, make_report, make_unit

pytestmark = pytest.mark.django_db

S = Pledge.Status
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = dt.date(2026, 11, 27)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=HCM)


@pytest.fixture
def figures(department_tree):
    """Four active units and one inactive; pledges whose figures are worked out below.

    - unit A: theme 1 accepted 4 Apr 2022, reports 40 % (6 Apr) and 80 % (13 Apr);
              theme 2 accepted 12 Apr, report 50 % (20 Apr); theme 3 a draft.
    - unit B: theme 1 completed (accepted 5 Apr, report 100 % on 25 Apr).
    - team B: theme 1 submitted only.  - department: nothing.
    - an inactive unit: an accepted pledge at 90 %, left out everywhere.
    """
    c = department_tree.campaign
    c.starts_on, c.ends_on = dt.date(2022, 3, 25), dt.date(2022, 4, 30)
    c.save()
    t1, t2, t3, _t4 = department_tree.themes
    a1 = make_pledge(
        campaign=c,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.ACCEPTED,
        reviewed_at=at("2022-04-04"),
        due_on=c.ends_on,
    )
    make_report(pledge=a1, percent=40, reported_at=at("2022-04-06"))
    make_report(pledge=a1, percent=80, reported_at=at("2022-04-13"))
    a2 = make_pledge(
        campaign=c,
        unit=department_tree.unit_a,
        theme=t2,
        status=S.ACCEPTED,
        reviewed_at=at("2022-04-12"),
        due_on=c.ends_on,
    )
    make_report(pledge=a2, percent=50, reported_at=at("2022-04-20"))
    make_pledge(campaign=c, unit=department_tree.unit_a, theme=t3, status=S.DRAFT, due_on=c.ends_on)
    b1 = make_pledge(
        campaign=c,
        unit=department_tree.unit_b,
        theme=t1,
        status=S.COMPLETED,
        reviewed_at=at("2022-04-05"),
        due_on=c.ends_on,
    )
    make_report(pledge=b1, percent=100, reported_at=at("2022-04-25"))
    make_pledge(
        campaign=c, unit=department_tree.team_b, theme=t1, status=S.SUBMITTED, due_on=c.ends_on
    )
    gone = make_unit(name="Đơn vị đã giải thể", is_active=False)
    make_pledge(
        campaign=c,
        unit=gone,
        theme=t1,
        status=S.ACCEPTED,
        latest_percent=90,
        reviewed_at=at("2022-04-01"),
        due_on=c.ends_on,
    )
    return department_tree


def test_participation_status_and_theme_figures(figures):
    stats = reports.campaign_statistics(campaign=figures.campaign, user=figures.office, today=TODAY)
    # Units with an accepted (or completed) pledge: A and B, of 4 active units.
    assert (stats.units_participating, stats.units_total) == (2, 4)
    assert stats.participation == 50
    assert stats.by_status == [
        ("draft", "Bản nháp", 1),
        ("submitted", "Đã gửi duyệt", 1),
        ("returned", "Trả lại để hoàn thiện", 0),
        ("accepted", "Đã duyệt", 2),
        ("completed", "Đã hoàn thành", 1),
    ]
    assert stats.pledges_total == 5
    by_theme = {theme.number: figures for theme, figures in stats.themes}
    # Theme 1: A at 80 % and B at 100 % -> 2 units, average 90; theme 2: A at 50 %.
    assert (by_theme[1].units, by_theme[1].pledges, by_theme[1].average) == (2, 2, 90)
    assert (by_theme[2].units, by_theme[2].pledges, by_theme[2].average) == (1, 1, 50)
    assert by_theme[3] is None and by_theme[4] is None


def test_weekly_progress(figures):
    stats = reports.campaign_statistics(campaign=figures.campaign, user=figures.office, today=TODAY)
    rows = [(w.starts_on.isoformat(), w.pledges, w.average, w.reports) for w in stats.weeks]
    assert rows == [
        # Mon 4 Apr: A1 accepted (40 % on the 6th), B1 accepted on the 5th (no report yet).
        ("2022-04-04", 2, 20.0, 1),
        # A2 accepted on the 12th (0 %); A1 at 80 % on the 13th: (80 + 0 + 0) / 3.
        ("2022-04-11", 3, 26.7, 1),
        # A2 at 50 % on the 20th: (80 + 50 + 0) / 3.
        ("2022-04-18", 3, 43.3, 1),
        # B1 at 100 % on the 25th: (80 + 50 + 100) / 3; the campaign ends on Sat 30 Apr.
        ("2022-04-25", 3, 76.7, 1),
    ]
    assert stats.weeks[-1].ends_on == dt.date(2022, 5, 1)


def test_a_unit_s_statistics_leave_drafts_out_when_asked(figures):
    stats = reports.campaign_statistics(
        campaign=figures.campaign,
        user=figures.office,
        unit=figures.unit_a,
        drafts=False,
        today=TODAY,
    )
    assert [(status, n) for status, _label, n in stats.by_status] == [
        ("submitted", 0),
        ("returned", 0),
        ("accepted", 2),
        ("completed", 0),
    ]
    assert (stats.units_participating, stats.units_total) == (1, 1)


def test_no_accepted_pledge_means_no_chart(department_tree):
    stats = reports.campaign_statistics(
        campaign=department_tree.campaign, user=department_tree.office
    )
    assert stats.weeks == [] and stats.chart is None and stats.participation == 0


def test_the_chart_is_plain_svg_with_its_table(client, figures):
    client.force_login(figures.office)
    html = client.get(reverse("office:statistics", args=[figures.campaign.slug])).content.decode()
    # The labels' SVG has no viewBox, so a narrow screen does not shrink their text; only the
    # plot inside it is stretched.
    assert '<svg class="line-chart" height="260" role="img"' in html
    assert 'viewBox="0 0 640 260" preserveAspectRatio="none"' in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "style=" not in html
    # Coordinates stay in the dot notation SVG needs, whatever the page's language.
    assert 'points="80.0,' in html and ",," not in html.split('points="', 1)[1].split('"', 1)[0]
    assert "04/04–10/04/2022" in html and "26,7%" in html  # the table, in Vietnamese format
    assert "50%" in html  # participation


def test_line_chart_geometry():
    chart = line_chart([(1, 0), (2, 50), (3, 100)], label=str, width=200, height=132)
    # plot area: x 25..188 (12.5% to 94% of the width), y 12..100
    assert chart.line == "25.0,100.0 106.5,56.0 188.0,12.0"
    assert chart.area == "M25.0,100.0 L25.0,100.0 L106.5,56.0 L188.0,12.0 L188.0,100.0 Z"
    assert [t.label for t in chart.y_ticks] == ["0%", "25%", "50%", "75%", "100%"]
    assert [t.label for t in chart.x_ticks] == ["1", "2", "3"]
    # Labels are placed by shares of the width, which the box stretches to.
    assert [t.at for t in chart.x_labels] == [12.5, 53.25, 94.0]
    assert chart.y_label_x == 8.5
    single = line_chart([(1, 30)], label=str, width=200, height=132)
    assert single.line == "106.5,73.6"
    many = line_chart([(i, 10) for i in range(100)], label=str)
    assert len(many.x_ticks) <= 9 and many.dots == []


@pytest.mark.parametrize(("language", "label"), [("vi", "12,5%"), ("en", "12.5%")])
def test_axis_labels_are_in_the_readers_notation(language, label):
    with translation.override(language):
        chart = line_chart([(1, 10), (2, 20)], label=str, y_max=50, y_step=12.5)
    assert [t.label for t in chart.y_ticks][:2] == ["0%", label]
    assert chart.y_ticks[1].at == 174.0  # a coordinate: a plain number for SVG


def test_candidates_are_completed_pledges_with_evidence_and_accepted_nominations(department_tree):
    t1, t2, *_ = department_tree.themes
    done = make_pledge(
        campaign=department_tree.campaign,
        unit=department_tree.unit_a,
        theme=t1,
        status=S.COMPLETED,
        title="Tiêm vắc xin",
    )
    photo = make_evidence(report=make_report(pledge=done, percent=100, by=department_tree.deputy_a))
    bare = make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_b, theme=t1, status=S.COMPLETED
    )
    make_report(pledge=bare, percent=100)  # completed, but nothing to show for it
    going = make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_b, theme=t2, status=S.ACCEPTED
    )
    make_evidence(report=make_report(pledge=going, percent=60))  # evidence, not completed
    accepted = make_nomination(
        unit=department_tree.unit_b,
        by=department_tree.head_b,
        theme=t1,
        honoree_name="Trần Thị Mai",
    )
    Nomination.objects.filter(pk=accepted.pk).update(status=Nomination.Status.ACCEPTED)
    make_nomination(
        unit=department_tree.unit_b, by=department_tree.head_b, theme=t1, honoree_name="Chưa duyệt"
    )

    shortlist = reports.commendation_candidates(
        campaign=department_tree.campaign, user=department_tree.office
    )
    [entry] = shortlist.units
    assert entry.unit == department_tree.unit_a
    [item] = entry.pledges
    assert (
        item.pledge == done
        and item.evidence == [photo]
        and item.people == [department_tree.deputy_a]
    )
    assert [n.honoree_name for n in shortlist.nominations] == ["Trần Thị Mai"]


def test_the_candidates_page_links_the_evidence(client, department_tree):
    t1, *_ = department_tree.themes
    done = make_pledge(
        campaign=department_tree.campaign, unit=department_tree.unit_a, theme=t1, status=S.COMPLETED
    )
    photo = make_evidence(report=make_report(pledge=done, percent=100, by=department_tree.head_a))
    client.force_login(department_tree.office)
    html = client.get(
        reverse("office:candidates", args=[department_tree.campaign.slug])
    ).content.decode()
    assert done.get_absolute_url() in html
    assert photo.get_absolute_url() in html and photo.get_thumbnail_url() in html
    assert "Nguyễn Văn An" in html


def test_the_figures_are_kept_until_a_pledge_or_report_changes(
    client, figures, settings, django_capture_on_commit_callbacks
):
    """Every office admin sees the same figures: kept in the cache under the pledges' counter,
    made again after the next progress report, and in each language's notation."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 60
    client.force_login(figures.office)
    url = reverse("office:statistics", args=[figures.campaign.slug])

    def get(path=url):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(path).content.decode()
        return html, " ".join(q["sql"] for q in queries.captured_queries)

    html, _sql = get()
    assert "26,7%" in html
    html, sql = get()
    assert "26,7%" in html and "pledges_progressreport" not in sql  # from the cache
    assert "26.7%" in get("/en" + url)[0]  # the English notation is kept apart
    assert "76,7%" in html and "83,3%" not in html  # the last week: (80 + 50 + 100) / 3
    a1 = Pledge.objects.get(unit=figures.unit_a, theme__number=1)
    with django_capture_on_commit_callbacks(execute=True):  # the counter moves on at commit
        make_report(pledge=a1, percent=100, reported_at=at("2022-04-28"))
    html, sql = get()
    assert "pledges_progressreport" in sql and "83,3%" in html  # (100 + 50 + 100) / 3
