"""The benchmark's reference view: only with PORTAL_BENCHMARK, one query, a 13-row table."""

from __future__ import annotations

import importlib

import pytest
from django.urls import clear_url_caches

from config import urls
from devtools.benchmark import ADDED_ROW
from tests.factories import make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def benchmark_urls(settings):
    """The URLconf as a benchmark run loads it, and back to normal afterwards."""
    settings.PORTAL_BENCHMARK = True
    clear_url_caches()
    importlib.reload(urls)
    yield
    settings.PORTAL_BENCHMARK = False
    clear_url_caches()
    importlib.reload(urls)


def test_the_reference_view_does_not_exist_in_service(client):
    assert client.get("/bench/fortunes/").status_code == 404


def test_the_reference_view_renders_twelve_rows_and_one_more_from_one_query(
    client, benchmark_urls, django_assert_num_queries
):
    for i in range(15):
        make_unit(name=f"Đơn vị <{i:02d}>")
    with django_assert_num_queries(1):
        response = client.get("/bench/fortunes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<tr><td>") == 13
    assert ADDED_ROW[1] in html
    assert "&lt;" in html and "<0" not in html  # escaped by the template
    rows = [line for line in html.splitlines() if line.startswith("<tr><td>")]
    messages = [row.split("<td>")[2].removesuffix("</td></tr>") for row in rows]
    assert messages == sorted(messages)
