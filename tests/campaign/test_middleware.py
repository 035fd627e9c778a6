"""A NUL character anywhere in a request's address, query string or form is a 400, never a 500
(PostgreSQL refuses it in any text parameter)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(fixture_campaign):
    client = Client(raise_request_exception=False)
    client.force_login(make_user(office=True))
    return client


# The cases that were a 500 on PostgreSQL, as reported.
REPORTED = [
    "/api/v1/pledges/?unit=%00",
    "/api/v1/pledges/?campaign=%00",
    "/api/v1/themes/?campaign=%00",
    "/api/v1/commendations/?campaign=%00",
    "/api/v1/scores/?campaign=%00",
    "/office/?campaign=%00",
    "/admin/pledges/pledge/?campaign__id__exact=%00",
    "/admin/pledges/pledge/?q=%00",
    "/news/?q=%00",
]


@pytest.mark.parametrize("url", REPORTED)
def test_a_nul_in_a_query_value_is_a_bad_request(office_client, url):
    assert office_client.get(url).status_code == 400


def test_the_page_says_so_in_the_visitors_language_with_the_portals_headers(office_client):
    response = office_client.get("/news/?q=%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html and "Cổng thi đua" in html
    assert "Content-Security-Policy" in response and response["X-Frame-Options"] == "DENY"
    english = office_client.get("/en/news/?q=%00").content.decode()
    assert "The portal could not read this request" in english


def test_the_open_data_api_answers_its_own_json_error(client, fixture_campaign):
    response = client.get("/api/v1/pledges/", {"unit": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["error"] == (
        "Yêu cầu có ký tự mà không tham số nào chấp nhận."
    )


@pytest.mark.parametrize(
    "url",
    ["/news/?a%00b=1", "/units/%00/", "/admin/pledges/pledge/%00/change/"],
    ids=["name", "path", "admin path"],
)
def test_a_nul_in_a_parameter_name_or_the_path_is_a_bad_request(office_client, url):
    assert office_client.get(url).status_code == 400


@pytest.mark.parametrize("multipart", [False, True], ids=["urlencoded", "multipart"])
def test_a_nul_in_a_form_field_is_a_bad_request(client, fixture_campaign, multipart):
    data = {"username": "head\x00", "password": "x"}
    if multipart:
        response = client.post(reverse("login"), data)
    else:
        response = client.post(
            reverse("login"), urlencode(data), content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == 400


def test_a_nul_in_a_cookie_is_a_bad_request(client, fixture_campaign):
    """Django decodes the octal escape of a quoted cookie value, and the session key went into
    a query: a 500 on every page on PostgreSQL."""
    response = client.get("/", HTTP_COOKIE='sessionid="abcdefgh\\000ijklmnop"')
    assert response.status_code == 400


def test_other_requests_pass(client, fixture_campaign):
    assert client.get("/news/", {"q": "phòng chống dịch"}).status_code == 200
    assert client.post(reverse("login"), {"username": "head", "password": "x"}).status_code == 200
    # A body that is not a form is its view's to read: a NUL there is not looked for.
    response = client.post(reverse("login"), '{"a": "\\u0000"}', content_type="application/json")
    assert response.status_code == 200
