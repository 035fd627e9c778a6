"""The public leaderboard: published rounds only, units ranked with ties sharing a rank."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from campaign.models import Campaign
from tests.factories import make_campaign, make_criterion, make_round, make_score
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def score(scoring_round, unit, *pairs):
    for criterion, points in pairs:
        make_score(scoring_round=scoring_round, unit=unit, criterion=criterion, points=points)


@pytest.fixture
def rounds(criteria_and_units):
    first = make_round(
        campaign=criteria_and_units.campaign, title="Sơ kết 6 tháng", held_on="2022-06-30"
    )
    score(
        first,
        criteria_and_units.unit_a,
        (criteria_and_units.c11, 10),
        (criteria_and_units.c12, 5),
        (criteria_and_units.c21, 12),
    )  # 27
    score(
        first, criteria_and_units.unit_b, (criteria_and_units.c11, 7), (criteria_and_units.c21, 20)
    )  # 27
    score(
        first,
        criteria_and_units.unit_c,
        (criteria_and_units.c11, "7.5"),
        (criteria_and_units.c12, "1.5"),
    )  # 9
    final = make_round(campaign=criteria_and_units.campaign, title="Tổng kết năm",
                       held_on="2022-12-20", kind="final")  # fmt: skip
    score(final, criteria_and_units.unit_c, (criteria_and_units.c21, 1))
    draft = make_round(campaign=criteria_and_units.campaign, title="Bản nháp chấm điểm",
                       status="draft", held_on="2023-01-10")  # fmt: skip
    score(draft, criteria_and_units.unit_c, (criteria_and_units.c21, 20))
    return first, final, draft


def table_rows(html: str) -> list[list[str]]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr.*?</tr>", body, re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        rows.append([re.sub(r"<[^>]+>", "", c).split("(")[0].strip() for c in cells])
    return rows


def test_units_are_ranked_and_ties_share_a_rank(client, criteria_and_units, rounds):
    first, _final, _draft = rounds
    response = client.get(
        reverse("scoring:leaderboard-round", args=[criteria_and_units.campaign.slug, first.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert table_rows(html) == [
        ["1", "Phòng Quản lý Thương mại", "15", "12", "27"],
        ["1", "Phòng Quản lý Công nghiệp", "7", "20", "27"],
        ["3", "Phòng Kế hoạch – Tổng hợp", "9", "–", "9"],
    ]
    assert html.count("(đồng hạng)") == 2
    assert "/ 15" in html and "/ 20" in html and "/ 35" in html  # maxima per theme and total
    assert "Nội dung 3" not in html  # a theme without criteria is not a column


def test_the_campaign_leaderboard_shows_the_newest_published_round(
    client, criteria_and_units, rounds
):
    html = client.get(
        reverse("scoring:leaderboard", args=[criteria_and_units.campaign.slug])
    ).content.decode()
    assert '<h2 id="round-title" class="h4">Tổng kết năm</h2>' in html
    assert "Sơ kết 6 tháng" in html  # offered as the other round
    assert "Bản nháp chấm điểm" not in html


def test_a_draft_round_is_not_found(client, criteria_and_units, rounds):
    draft = rounds[2]
    url = reverse("scoring:leaderboard-round", args=[criteria_and_units.campaign.slug, draft.pk])
    assert client.get(url).status_code == 404
    client.force_login(
        criteria_and_units.office
    )  # not even the office sees it here; the admin shows it
    assert client.get(url).status_code == 404


def test_a_draft_campaign_has_no_leaderboard(client, criteria_and_units):
    hidden = make_campaign(status=Campaign.Status.DRAFT)
    criterion = make_criterion(theme=hidden.themes.get(number=1))
    scoring_round = make_round(campaign=hidden)
    score(scoring_round, criteria_and_units.unit_a, (criterion, 3))
    assert client.get(reverse("scoring:leaderboard", args=[hidden.slug])).status_code == 404


def test_inactive_units_are_left_out(client, criteria_and_units, rounds):
    criteria_and_units.unit_b.is_active = False
    criteria_and_units.unit_b.save()
    html = client.get(
        reverse("scoring:leaderboard-round", args=[criteria_and_units.campaign.slug, rounds[0].pk])
    )
    names = [row[1] for row in table_rows(html.content.decode())]
    assert names == ["Phòng Quản lý Thương mại", "Phòng Kế hoạch – Tổng hợp"]


def test_no_published_round_says_so(client, criteria_and_units):
    html = client.get(
        reverse("scoring:leaderboard", args=[criteria_and_units.campaign.slug])
    ).content.decode()
    assert "Chưa công bố kết quả chấm điểm nào của phong trào này." in html


def test_current_redirects_to_the_current_campaign(client, criteria_and_units):
    response = client.get(reverse("scoring:leaderboard-current"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "scoring:leaderboard", args=[criteria_and_units.campaign.slug]
    )


def test_english_page_and_no_per_visitor_content(client, criteria_and_units, rounds):
    response = client.get(
        "/en" + reverse("scoring:leaderboard", args=[criteria_and_units.campaign.slug])
    )
    html = response.content.decode()
    assert "Leaderboard" in html and "Final review" in html
    assert "csrfmiddlewaretoken" not in html
    assert "Set-Cookie" not in str(response.headers)


def test_the_sitemap_lists_published_rounds_only(client, criteria_and_units, rounds):
    first, final, draft = rounds
    xml = sitemap_text(client)
    assert f"/leaderboard/{criteria_and_units.campaign.slug}/{first.pk}/" in xml
    assert f"/en/leaderboard/{criteria_and_units.campaign.slug}/{final.pk}/" in xml
    assert f"/leaderboard/{criteria_and_units.campaign.slug}/{draft.pk}/" not in xml


@pytest.mark.parametrize(("prefix", "total"), [("", "1.234,5"), ("/en", "1,234.5")])
def test_large_totals_are_grouped_in_the_readers_notation(
    client, criteria_and_units, prefix, total
):
    big = make_criterion(theme=criteria_and_units.theme1, number=3, max_points="2000")
    first = make_round(campaign=criteria_and_units.campaign, title="Sơ kết", held_on="2022-06-30")
    score(first, criteria_and_units.unit_a, (big, "1234.5"))
    url = prefix + reverse(
        "scoring:leaderboard-round", args=[criteria_and_units.campaign.slug, first.pk]
    )
    rows = table_rows(client.get(url).content.decode())
    assert rows[0][-1] == total
