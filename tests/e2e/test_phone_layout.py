"""Every portal page on a 375 px phone, as a visitor, a unit head and the office: nothing
scrolls sideways, no text is justified, the weekly chart's labels stay readable, and axe and the
Nu Html Checker stay at zero (`Checks.check`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import (
    make_criterion,
    make_evidence,
    make_nomination,
    make_pledge,
    make_report,
    make_round,
    make_score,
)

SLUG = "nganh-cong-thuong-doan-ket-phong-chong-covid-19"
WIDTH = 375

# What reaches past the screen's right edge, innermost first, for the failure message. An
# element inside a box that scrolls on its own (overflow-x) does not widen the page.
BEYOND_THE_EDGE = """width => [...document.querySelectorAll('body *')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 0.5)
  .filter(el => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
    }
    return ![...el.children].some(child => child.getBoundingClientRect().right > width + 0.5);
  })
  .slice(0, 8)
  .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
    + (typeof el.className === 'string' && el.className.trim()
       ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
    + ` (right edge ${Math.round(el.getBoundingClientRect().right)} px)`)"""

JUSTIFIED = """() => [...document.querySelectorAll('main *')]
  .filter(el => el.getClientRects().length && getComputedStyle(el).textAlign === 'justify')
  .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className)"""

# The rendered size of each chart label: its CSS size times the scale the SVG draws it at.
CHART_LABEL_SIZES = """() => [...document.querySelectorAll('.line-chart text')]
  .filter(el => el.getClientRects().length)
  .map(el => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().d)"""


def assert_fits(checks, path: str, name: str) -> None:
    """Open `path` and check it; the width first, so a failure names what sticks out."""
    page = checks.page
    response = page.goto(checks.url(path))
    assert response is not None and response.status == 200, (path, response and response.status)
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    beyond = page.evaluate(BEYOND_THE_EDGE, WIDTH)
    assert width <= WIDTH, f"{path} is {width} px wide at {WIDTH} px; beyond the edge: {beyond}"
    assert page.evaluate(JUSTIFIED) == [], f"justified text on {path}"
    checks.check(f"phone-{name}")


@pytest.fixture
def campaign_under_way(public_content):
    """On top of `public_content`: a pledge waiting for review, one completed with evidence, an
    accepted nomination, reports over several weeks and a published leaderboard."""
    from campaign.models import Campaign
    from news.models import Nomination
    from news.services import nomination_accept
    from units.models import Unit

    campaign = Campaign.objects.get(slug=SLUG)
    unit = public_content["unit"]
    other = Unit.objects.get(slug="phong-quan-ly-cong-nghiep")
    themes = list(campaign.themes.order_by("number"))
    now = timezone.now()
    for weeks_ago, percent in ((6, 10), (4, 25), (2, 60)):
        make_report(
            pledge=public_content["pledge"],
            percent=percent,
            reported_at=now - dt.timedelta(weeks=weeks_ago),
        )
    make_pledge(
        campaign=campaign,
        unit=other,
        theme=themes[0],
        status="submitted",
        title="Kiểm tra, giám sát thị trường hàng hóa thiết yếu mùa dịch",
        submitted_at=now - dt.timedelta(days=40),
    )
    done = make_pledge(
        campaign=campaign,
        unit=other,
        theme=themes[2],
        status="completed",
        title="Bảo đảm cung ứng hàng hóa thiết yếu cho người dân vùng phong tỏa",
        completed_at=now - dt.timedelta(days=3),
    )
    make_evidence(report=make_report(pledge=done, percent=100))
    nomination = make_nomination(unit=unit, theme=themes[1], position="Phó Trưởng phòng")
    office = campaign_office_user()
    nomination_accept(nomination=Nomination.objects.get(pk=nomination.pk), by=office)
    scoring_round = make_round(campaign=campaign)
    for theme in themes:
        criterion = make_criterion(theme=theme, max_points="25")
        make_score(scoring_round=scoring_round, unit=unit, criterion=criterion, points="20.5")
        make_score(scoring_round=scoring_round, unit=other, criterion=criterion, points="18")
    return public_content


def campaign_office_user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="office")


def test_a_visitor_reads_every_public_page_without_sideways_scroll(
    phone_checks, campaign_under_way
):
    content = campaign_under_way
    campaign = f"/campaigns/{SLUG}/"
    pages = {
        "home": "/",
        "campaigns": "/campaigns/",
        "campaign": campaign,
        "theme": f"{campaign}themes/{content['theme'].number}/",
        "units": "/units/",
        "unit": content["unit"].get_absolute_url(),
        "pledge": content["pledge"].get_absolute_url(),
        "news": "/news/",
        "commendation": content["commendation"].get_absolute_url(),
        "honour-board": "/honour-board/",
        "leaderboard": f"/leaderboard/{SLUG}/",
        "login": "/accounts/login/",
        "campaign-en": f"/en{campaign}",
    }
    for name, path in pages.items():
        assert_fits(phone_checks, path, name)


def test_the_news_filters_fold_on_a_phone_and_show_how_many_are_in_use(
    phone_checks, campaign_under_way
):
    page = phone_checks.page
    phone_checks.visit("/news/", name="phone-news")
    panel = page.locator("details.filter-panel")
    assert panel.get_attribute("open") is None
    assert page.get_by_label("Nội dung thi đua").is_hidden()
    unit = campaign_under_way["unit"]
    phone_checks.visit(f"/news/?unit={unit.slug}&form=giay-khen&q=", name="phone-news-filtered")
    assert panel.get_attribute("open") == ""
    assert panel.locator("summary").inner_text() == "Bộ lọc (2)"


def test_a_unit_head_works_on_a_phone_without_sideways_scroll(phone_checks, campaign_under_way):
    pledge = campaign_under_way["pledge"]
    phone_checks.log_in("head1")
    pages = {
        "workspace": "/workspace/",
        "pledge-form": f"/workspace/{pledge.unit.slug}/{SLUG}/new/",
        "pledge-owner": pledge.get_absolute_url(),
        "report-form": f"/workspace/pledges/{pledge.pk}/report/",
        "nominations": "/nominations/",
        "nomination-form": "/nominations/new/",
        "password-change": "/accounts/password_change/",
    }
    for name, path in pages.items():
        assert_fits(phone_checks, path, name)


def test_the_office_reads_its_pages_and_the_report_on_a_phone(phone_checks, campaign_under_way):
    unit = campaign_under_way["unit"]
    phone_checks.log_in("office")
    pages = {
        "office-report": f"/office/{SLUG}/report/",
        "office-unit-report": f"/office/{SLUG}/report/{unit.slug}/",
        "office-index": "/office/",
        "office-matrix": f"/office/{SLUG}/",
        "office-statistics": f"/office/{SLUG}/statistics/",
        "office-candidates": f"/office/{SLUG}/candidates/",
        "review-queue": "/review/",
        "exports": "/exports/",
        "nominations-office": "/nominations/",
    }
    for name, path in pages.items():
        assert_fits(phone_checks, path, name)
        if name == "office-statistics":
            sizes = phone_checks.page.evaluate(CHART_LABEL_SIZES)
            assert sizes and min(sizes) >= 12, f"chart labels of {min(sizes):.1f} px"
