"""Open data: what each endpoint returns, and what it never returns (drafts, submitted or
returned pledges, scheduled news, draft rounds, inactive units, people's e-mails and user
names)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from pledges.models import Pledge

pytestmark = pytest.mark.django_db

ENDPOINTS = ["campaigns", "themes", "units", "pledges", "commendations", "scores"]


def get(client, name, **params):
    response = client.get(reverse(f"api:{name}"), params)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def test_the_index_lists_every_endpoint(client, data):
    response, body = get(client, "index")
    assert response.status_code == 200
    assert body == {name: f"http://testserver/api/v1/{name}/" for name in ENDPOINTS}


def test_campaigns_are_the_public_ones_with_their_themes(client, data):
    _response, body = get(client, "campaigns")
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    campaign = body["results"][0]
    assert campaign["slug"] == data.campaign.slug
    assert campaign["title"] == {"vi": data.campaign.title, "en": None}
    assert campaign["status"] == "active"
    assert campaign["starts_on"] == "2022-03-25"
    assert campaign["url"] == f"http://testserver{data.campaign.get_absolute_url()}"
    assert [t["number"] for t in campaign["themes"]] == [1, 2, 3, 4]
    assert data.hidden_campaign.slug not in json.dumps(body)


def test_themes_carry_their_criteria(client, data):
    _response, body = get(client, "themes", campaign=data.campaign.slug)
    assert [t["number"] for t in body["results"]] == [1, 2, 3, 4]
    first = body["results"][0]
    assert first["campaign"] == data.campaign.slug
    assert [(c["number"], c["max_points"]) for c in first["criteria"]] == [(1, 10), (2, 5)]
    _response, everything = get(client, "themes")
    assert everything["count"] == 4  # the draft campaign's themes are not there


def test_units_are_the_active_ones_with_their_own_contacts(client, data):
    _response, body = get(client, "units", page_size=200)
    slugs = {u["slug"] for u in body["results"]}
    assert data.unit_a.slug in slugs and data.inactive.slug not in slugs
    unit = next(u for u in body["results"] if u["slug"] == data.unit_a.slug)
    assert unit["name"]["vi"] == "Phòng Quản lý Thương mại"
    assert unit["short_name"]["vi"] == "QLTM"
    assert unit["kind"] == "division"
    assert set(unit) == {
        "slug", "name", "short_name", "kind", "parent", "address", "phone", "email", "url",
    }  # fmt: skip


def test_pledges_are_only_the_public_ones_with_their_timeline(client, data):
    _response, body = get(client, "pledges", page_size=200)
    ids = {p["id"] for p in body["results"]}
    assert ids == set(Pledge.objects.public().values_list("pk", flat=True))
    for status in ("draft", "submitted", "returned"):
        assert data.by_status[status].pk not in ids
    assert data.on_inactive.pk not in ids and data.hidden_pledge.pk not in ids
    pledge = next(p for p in body["results"] if p["id"] == data.by_status["accepted"].pk)
    assert pledge["status"] == "accepted"
    assert pledge["target"] == {"value": 100, "measure": "% công chức được tiêm vắc xin"}
    assert pledge["progress"]["percent"] == 60
    assert pledge["progress"]["reported_at"].endswith("+07:00")
    [report] = pledge["reports"]
    assert report["narrative"] == "Đã tiêm 60% công chức."
    [evidence] = report["evidence"]
    assert evidence["thumbnail"].startswith("http://testserver/evidence/")
    assert "reported_by" not in report


def test_pledge_filters(client, data):
    _response, body = get(client, "pledges", unit=data.unit_a.slug, theme=1)
    assert {p["id"] for p in body["results"]} == {
        data.by_status["accepted"].pk,
        data.by_status["completed"].pk,
    }
    _response, body = get(client, "pledges", campaign="khong-co")
    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_commendations_are_only_the_published_ones(client, data):
    _response, body = get(client, "commendations")
    assert [c["slug"] for c in body["results"]] == [data.published.slug]
    commendation = body["results"][0]
    assert commendation["decision"] == {"number": "125/QĐ-SCT", "date": "2022-09-02"}
    assert commendation["form"] == {
        "slug": "giay-khen",
        "kind": "form",  # a form of commendation, not an emulation title
        "name": {"vi": "Giấy khen", "en": "Certificate of commendation"},
        "awarded_by": {"vi": "Giám đốc Sở", "en": "Director of the Department"},
    }
    assert commendation["theme"] == 1 and commendation["unit"] == data.unit_a.slug
    assert set(commendation["honoree"]) == {"name", "kind", "position"}


def test_scores_are_the_published_rounds_ranked(client, data):
    _response, body = get(client, "scores")
    assert [r["id"] for r in body["results"]] == [data.published_round.pk]
    scoring_round = body["results"][0]
    assert scoring_round["title"]["vi"] == "Sơ kết 6 tháng"
    assert [(c["theme"], c["number"], c["max_points"]) for c in scoring_round["criteria"]] == [
        (1, 1, 10),
        (1, 2, 5),
        (2, 1, 20),
    ]
    standings = scoring_round["standings"]
    assert data.inactive.slug not in {s["unit"] for s in standings}
    assert len(standings) == len(data.units)
    # Unit i scored min(i % 7, max) on each criterion: unit 2 has 6, unit 1 has 3, A has 0.
    assert [(s["rank"], s["total"]) for s in standings] == [(1, 6), (2, 3), (3, 0)]
    top = standings[0]
    assert top["themes"] == [{"theme": 1, "points": 4}, {"theme": 2, "points": 2}]
    assert len(top["criteria"]) == 3
    assert data.draft_round.title not in json.dumps(body, ensure_ascii=False)


@pytest.mark.parametrize("name", ENDPOINTS)
def test_no_personal_data_and_no_dependence_on_the_visitors_language(client, data, name):
    response = client.get(reverse(f"api:{name}"), {"page_size": 200})
    text = response.content.decode()
    for secret in ("an@example.invalid", "head_a", "office", data.nomination.achievements):
        assert secret not in text
    english = client.get(
        reverse(f"api:{name}"), {"page_size": 200}, headers={"accept-language": "en"}
    )
    assert english.content == response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "csrftoken" not in response.cookies


def test_pages_link_to_each_other(client, data):
    _response, first = get(client, "themes", page_size=3)
    assert first["count"] == 4 and len(first["results"]) == 3
    assert first["next"] == "http://testserver/api/v1/themes/?page_size=3&page=2"
    response, second = get(client, "themes", page_size=3, page=2)
    assert [t["number"] for t in second["results"]] == [4]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/themes/?page_size=3&page=1"


@pytest.mark.parametrize(
    ("params", "status"),
    [({"page": "9"}, 404), ({"page": "0"}, 400), ({"page": "abc"}, 400), ({"theme": "x"}, 400)],
)
def test_bad_parameters_get_a_json_error(client, data, params, status):
    url = reverse("api:pledges")
    response = client.get(url, params)
    assert response.status_code == status
    assert "error" in json.loads(response.content)


def test_read_only(client, data):
    assert client.post(reverse("api:pledges"), {}).status_code == 405
