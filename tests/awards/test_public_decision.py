"""A decision the office marked public: its number, date, issuer, abstract and annexed list for
everyone; nothing of a draft or of a decision kept internal, and never the award money."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse

from kit.public import NEWS, registry
from tests.factories import make_award, make_decision, make_unit, make_user
from tests.public_counters import generations, moved_since
from tests.sitemap import sitemap_text

pytestmark = pytest.mark.django_db


def public_decision(**kw):
    kw.setdefault("status", "issued")
    kw.setdefault("is_public", True)
    return make_decision(
        number=125,
        date=dt.date(2022, 12, 28),
        abstract="Về việc khen thưởng tổng kết phong trào thi đua phòng, chống dịch",
        **kw,
    )


def test_everyone_reads_a_public_decision_and_its_annexed_list(client):
    decision = public_decision()
    make_award(
        decision=decision,
        unit=make_unit(name="Phòng Quản lý Thương mại"),
        honoree_name="Nguyễn Thị Hoa",
        form_name="Giấy khen của Giám đốc Sở Công Thương",
        amount=1_234_567,
        achievement="Bí mật nội bộ về thành tích",
    )
    make_award(
        decision=decision,
        unit=make_unit(name="Văn phòng Sở"),
        honoree_name="Văn phòng Sở",
        honoree_kind="collective",
        amount=2_000_000,
    )
    response = client.get(reverse("awards:public-decision", args=[decision.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for shown in (
        "Quyết định số 125/QĐ-SCT",
        "28/12/2022",
        "SỞ CÔNG THƯƠNG",
        "Về việc khen thưởng tổng kết phong trào thi đua phòng, chống dịch",
        "Nguyễn Thị Hoa",
        "Phòng Quản lý Thương mại",
        "Giấy khen của Giám đốc Sở Công Thương",
        "Danh sách kèm theo",
    ):
        assert shown in html, shown
    # Collectives first, then individuals.
    collectives, people = html.index(">Tập thể</h3>"), html.index(">Cá nhân</h3>")
    assert collectives < html.index("Văn phòng Sở</td>") < people < html.index("Nguyễn Thị Hoa")
    # Nothing else: no money, no achievement, no signer.
    for hidden in ("1.234.567", "1234567", "2.000.000", "Bí mật nội bộ", "Nguyễn Văn Giám"):
        assert hidden not in html, hidden


@pytest.mark.parametrize(
    "kw", [{"status": "draft"}, {"is_public": False}, {"status": "draft", "is_public": True}]
)
def test_a_draft_or_internal_decision_is_not_found_even_by_the_office(client, kw):
    decision = public_decision(**kw)
    url = reverse("awards:public-decision", args=[decision.pk])
    assert client.get(url).status_code == 404
    client.force_login(make_user(office=True))
    assert client.get(url).status_code == 404


def test_the_public_decision_in_english(client):
    decision = public_decision()
    make_award(decision=decision, honoree_name="Nguyễn Thị Hoa")
    html = client.get("/en" + reverse("awards:public-decision", args=[decision.pk])).content
    html = html.decode()
    assert "Decision No. 125/QĐ-SCT" in html and "Annexed list" in html


@pytest.mark.parametrize("size", [5, 300])
def test_public_decision_query_count_is_fixed(client, django_assert_num_queries, size):
    decision = public_decision()
    units = [make_unit() for _ in range(4)]
    for i in range(size):
        make_award(
            decision=decision,
            unit=units[i % 4],
            honoree_name=f"Người {i}",
            honoree_kind="collective" if i % 5 == 0 else "person",
        )
    # the decision; its awards with their units; the footer's campaign
    with django_assert_num_queries(3):
        response = client.get(reverse("awards:public-decision", args=[decision.pk]))
    assert response.context["total"] == size


def test_the_sitemap_lists_public_decisions_only(client):
    shown = public_decision()
    internal = make_decision(status="issued", is_public=False)
    draft = make_decision(is_public=True)
    xml = sitemap_text(client)
    assert reverse("awards:public-decision", args=[shown.pk]) in xml
    assert reverse("awards:public-decision", args=[internal.pk]) not in xml
    assert reverse("awards:public-decision", args=[draft.pk]) not in xml


def test_a_write_to_a_decision_or_an_award_moves_the_news_pages_on(
    django_capture_on_commit_callbacks,
):
    assert registry().pages["awards:public-decision"] == ("structure", "news")
    decision = public_decision()
    award = make_award(decision=decision)
    for obj in (decision, award):
        before = generations()
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            obj.save()
        assert NEWS in moved_since(before)


def test_the_certificates_page_links_the_public_decision(client):
    client.force_login(make_user(office=True))
    shown, internal = public_decision(), make_decision(status="issued")
    public_url = reverse("awards:public-decision", args=[shown.pk])
    html = client.get(reverse("awards:certificates", args=[shown.pk])).content.decode()
    assert public_url in html
    html = client.get(reverse("awards:certificates", args=[internal.pk])).content.decode()
    assert f'"{reverse("awards:public-decision", args=[internal.pk])}"' not in html
    assert "Trang công khai của quyết định" not in html
