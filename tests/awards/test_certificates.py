"""The certificates (giấy khen) of an issued decision: one per honouree, in the layout of the
pre-printed paper, aligned by the office's offsets under the strict CSP."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse

from awards.models import CertificateLayout
from kit.storage import private_storage
from tests.factories import (
    make_award,
    make_campaign,
    make_decision,
    make_unit,
    make_user,
)
from tests.images import jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def text_of(html: str) -> str:
    """The page's text, tags left out and spaces folded, as a reader sees it."""
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body))).strip()


@pytest.fixture
def office_client(client):
    client.force_login(make_user(office=True))
    return client


@pytest.fixture
def decision():
    campaign = make_campaign(
        movement="phong trào thi đua “Ngành Công Thương đoàn kết, chung tay phòng, chống dịch "
        "COVID-19”"
    )
    decision = make_decision(
        campaign=campaign,
        number=125,
        date=dt.date(2022, 12, 28),
        status="issued",
        signer_on_behalf_of="Giám đốc",
        signer_position="Phó Giám đốc",
        signer_name="Trần Văn Phó",
    )
    issuer = "Giám đốc Sở Công Thương tỉnh Bến Tre"
    make_award(
        decision=decision,
        unit=make_unit(name="Phòng Quản lý Thương mại"),
        honoree_name="Nguyễn Thị Hoa",
        salutation="ba",
        position="Chuyên viên",
        issuer=issuer,
    )
    make_award(
        decision=decision,
        unit=make_unit(name="Phòng Kế hoạch – Tài chính"),
        honoree_name="Lê Văn Nam",
        salutation="ong",
        position="Trưởng phòng Kế hoạch – Tài chính",
        issuer=issuer,
    )
    make_award(
        decision=decision,
        unit=make_unit(name="Văn phòng Sở"),
        honoree_name="Văn phòng Sở",
        honoree_kind="collective",
        issuer=issuer,
    )
    return decision


def certificates_text(client, decision) -> tuple[str, list[str]]:
    response = client.get(reverse("awards:certificates", args=[decision.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    sheets = re.findall(r'<article class="certificate".*?</article>', html, flags=re.S)
    return html, [text_of(sheet) for sheet in sheets]


def test_each_honouree_has_a_certificate_in_the_pre_printed_papers_layout(office_client, decision):
    _html, sheets = certificates_text(office_client, decision)
    assert len(sheets) == 3
    collective, nam, hoa = sheets  # the annexed list's order: collectives, then people by name
    assert collective.startswith(
        "GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH BẾN TRE TẶNG GIẤY KHEN Văn phòng Sở Đã có thành tích"
    )
    assert "Ông Văn phòng" not in collective and "Bà Văn phòng" not in collective
    assert hoa == (
        "GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH BẾN TRE TẶNG GIẤY KHEN Bà Nguyễn Thị Hoa "
        "Chuyên viên, Phòng Quản lý Thương mại "
        "Đã có thành tích xuất sắc trong phong trào thi đua “Ngành Công Thương đoàn kết, chung "
        "tay phòng, chống dịch COVID-19” "
        "Quyết định số 125/QĐ-SCT ngày 28/12/2022 "
        "Bến Tre, ngày 28 tháng 12 năm 2022 KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Phó"
    )
    # A position that names the unit already does not repeat it.
    assert "Ông Lê Văn Nam Trưởng phòng Kế hoạch – Tài chính Đã có" in nam


def test_one_certificate_alone(office_client, decision):
    award = decision.awards.get(honoree_name="Lê Văn Nam")
    response = office_client.get(reverse("awards:certificate", args=[decision.pk, award.pk]))
    html = response.content.decode()
    assert html.count('<article class="certificate"') == 1
    assert "Ông Lê Văn Nam" in text_of(html) and "Nguyễn Thị Hoa" not in html


def test_a_decision_without_a_campaign_prints_the_awards_own_achievement(office_client):
    decision = make_decision(status="issued")
    make_award(decision=decision, salutation="ong", achievement="Hoàn thành xuất sắc nhiệm vụ.")
    _html, [sheet] = certificates_text(office_client, decision)
    assert "Ông Nguyễn Văn An Phòng số" in sheet
    assert "Hoàn thành xuất sắc nhiệm vụ. Quyết định số" in sheet
    assert "KT." not in sheet  # the director signs himself: no “KT.” line
    assert sheet.endswith("GIÁM ĐỐC Nguyễn Văn Giám")


def test_a_person_without_a_salutation_is_flagged_on_screen_only(office_client):
    decision = make_decision(status="issued")
    make_award(decision=decision, honoree_name="Phạm Minh")
    html, [sheet] = certificates_text(office_client, decision)
    assert "GIẤY KHEN Phạm Minh" in sheet
    assert "1 người chưa có danh xưng" in text_of(html)


def test_a_draft_decision_has_no_certificates(office_client):
    draft = make_decision()
    award = make_award(decision=draft)
    assert office_client.get(reverse("awards:certificates", args=[draft.pk])).status_code == 404
    url = reverse("awards:certificate", args=[draft.pk, award.pk])
    assert office_client.get(url).status_code == 404


def test_the_offsets_and_font_size_reach_the_page_under_the_csp_nonce(office_client, decision):
    layout = CertificateLayout.load()
    layout.offset_top_mm, layout.offset_left_mm, layout.font_size_pt = -6, 12, 16
    layout.save()
    response = office_client.get(reverse("awards:certificates", args=[decision.pk]))
    html = response.content.decode()
    [(nonce, css)] = re.findall(r'<style nonce="([^"]+)">(.*?)</style>', html, flags=re.S)
    assert "--certificate-offset-top: -6mm" in css
    assert "--certificate-offset-left: 12mm" in css
    assert "--certificate-font-size: 16pt" in css
    policy = response.headers["Content-Security-Policy"]
    style_src = re.search(r"style-src ([^;]+)", policy).group(1).split()
    assert f"'nonce-{nonce}'" in style_src and "'unsafe-inline'" not in policy
    assert " style=" not in html  # no inline style attribute anywhere
    assert "portal/certificates.css" in html


def test_the_offsets_are_bounded(admin_client):
    layout = CertificateLayout.load()
    url = reverse("admin:awards_certificatelayout_change", args=[layout.pk])
    response = admin_client.post(
        url, {"offset_top_mm": "41", "offset_left_mm": "-41", "font_size_pt": "14"}
    )
    assert response.status_code == 200
    assert "offset_top_mm" in response.context["adminform"].form.errors
    assert "offset_left_mm" in response.context["adminform"].form.errors
    layout.refresh_from_db()
    assert (layout.offset_top_mm, layout.offset_left_mm) == (0, 0)


def test_an_uploaded_emblem_is_reencoded_kept_private_and_printed(client, decision):
    office = make_user(office=True)
    client.force_login(office)
    layout = CertificateLayout.load()
    url = reverse("admin:awards_certificatelayout_change", args=[layout.pk])
    photo = jpeg_bytes(size=(1600, 1200), gps=True)
    response = client.post(
        url,
        {
            "offset_top_mm": "3",
            "offset_left_mm": "-2",
            "font_size_pt": "14",
            "emblem_upload": upload("quoc-huy.jpg", photo),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    layout.refresh_from_db()
    assert layout.emblem.name.startswith("certificates/")
    assert private_storage.exists(layout.emblem.name)
    stored = layout.emblem.read()
    assert stored != photo and b"PhoneMaker" not in stored
    html = client.get(reverse("awards:certificates", args=[decision.pk])).content.decode()
    assert html.count(reverse("awards:certificate-emblem")) == 3
    emblem = client.get(reverse("awards:certificate-emblem"))
    assert emblem.status_code == 200 and emblem["Content-Type"] == "image/jpeg"
    assert "private" in emblem["Cache-Control"]


def test_without_an_emblem_the_certificates_print_none(office_client, decision):
    html, _sheets = certificates_text(office_client, decision)
    assert "<img" not in html.split('<div class="certificates"', 1)[1]
    assert office_client.get(reverse("awards:certificate-emblem")).status_code == 404
    assert not CertificateLayout.objects.exists()  # the defaults, read without a write


def test_an_emblem_that_is_not_an_image_is_refused(admin_client):
    layout = CertificateLayout.load()
    url = reverse("admin:awards_certificatelayout_change", args=[layout.pk])
    response = admin_client.post(
        url,
        {
            "offset_top_mm": "0",
            "offset_left_mm": "0",
            "font_size_pt": "14",
            "emblem_upload": upload("emblem.png", b"not an image"),
        },
    )
    assert response.status_code == 200
    assert "emblem_upload" in response.context["adminform"].form.errors
    layout.refresh_from_db()
    assert not layout.emblem


@pytest.mark.parametrize("size", [5, 300])
def test_certificates_query_count_is_fixed(client, django_assert_num_queries, size):
    client.force_login(make_user(office=True))
    CertificateLayout.load()
    decision = make_decision(status="issued", campaign=make_campaign(themes=0))
    units = [make_unit() for _ in range(3)]
    for i in range(size):
        make_award(
            decision=decision,
            unit=units[i % 3],
            honoree_name=f"Người {i}",
            campaign=decision.campaign,  # as issuing the decision records it
        )
    # session, user, the office group; the decision with its campaign; the awards with their
    # units and forms; their campaign (read once, not joined to each row); the layout; the page
    # frame's campaign (footer) and the office's badges (header)
    with django_assert_num_queries(9):
        response = client.get(reverse("awards:certificates", args=[decision.pk]))
    assert response.content.decode().count('<article class="certificate"') == size


def test_certificates_in_english_keep_the_same_layout(office_client, decision):
    html = office_client.get("/en" + reverse("awards:certificates", args=[decision.pk]))
    text = text_of(html.content.decode())
    assert "PRESENTS" in text and "Mrs" not in text
    assert "Ms Nguyễn Thị Hoa" in text
    assert "Decision No. 125/QĐ-SCT of 28/12/2022" in text
    assert "FOR THE GIÁM ĐỐC" in text


def test_the_office_sets_the_salutations_on_the_certificates_page(office_client):
    from audit.models import Event

    decision = make_decision(status="issued")
    hoa = make_award(decision=decision, honoree_name="Nguyễn Thị Hoa")
    nam = make_award(decision=decision, honoree_name="Lê Văn Nam", salutation="ba")
    unit = make_award(decision=decision, honoree_name="Văn phòng Sở", honoree_kind="collective")
    page = office_client.get(reverse("awards:certificates", args=[decision.pk]))
    html = page.content.decode()
    assert f'name="salutation-{hoa.pk}"' in html and f'name="salutation-{unit.pk}"' not in html
    url = reverse("awards:certificate-salutations", args=[decision.pk])
    response = office_client.post(
        url,
        {
            f"salutation-{hoa.pk}": "ba",
            f"was-{hoa.pk}": "",
            f"salutation-{nam.pk}": "ong",
            f"was-{nam.pk}": "ba",
            f"salutation-{unit.pk}": "ong",  # a collective has none
            f"was-{unit.pk}": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:certificates", args=[decision.pk])
    for award, salutation in ((hoa, "ba"), (nam, "ong"), (unit, "")):
        award.refresh_from_db()
        assert award.salutation == salutation
    events = Event.objects.filter(object_type="awards.award").order_by("pk")
    assert [(e.object_id, e.detail) for e in events] == [
        (str(hoa.pk), "salutation: - → ba"),
        (str(nam.pk), "salutation: ba → ong"),
    ]
    _html, sheets = certificates_text(office_client, decision)
    assert any("Bà Nguyễn Thị Hoa" in s for s in sheets)
    assert any("Ông Lê Văn Nam" in s for s in sheets)


def test_a_salutation_changed_meanwhile_is_kept_and_reported(office_client):
    decision = make_decision(status="issued")
    hoa = make_award(decision=decision, honoree_name="Nguyễn Thị Hoa", salutation="ba")
    url = reverse("awards:certificate-salutations", args=[decision.pk])
    # The form was read while Hoa had none; someone set "Bà" since.
    response = office_client.post(
        url, {f"salutation-{hoa.pk}": "ong", f"was-{hoa.pk}": ""}, follow=True
    )
    hoa.refresh_from_db()
    assert hoa.salutation == "ba"
    assert "người khác đã đổi danh xưng của Nguyễn Thị Hoa" in response.content.decode()


def test_bad_salutations_change_nothing(office_client):
    decision = make_decision(status="issued")
    other = make_award(decision=make_decision(status="issued"), honoree_name="Người Khác")
    hoa = make_award(decision=decision, honoree_name="Nguyễn Thị Hoa")
    url = reverse("awards:certificate-salutations", args=[decision.pk])
    response = office_client.post(
        url,
        {
            f"salutation-{hoa.pk}": "mr",
            f"salutation-{other.pk}": "ong",  # an award of another decision
            "salutation-x": "ong",
        },
        follow=True,
    )
    assert response.status_code == 200
    hoa.refresh_from_db()
    other.refresh_from_db()
    assert hoa.salutation == other.salutation == ""
    assert "Không có gì thay đổi." in response.content.decode()


def test_a_draft_decisions_salutations_are_not_found(office_client):
    draft = make_decision()
    hoa = make_award(decision=draft)
    url = reverse("awards:certificate-salutations", args=[draft.pk])
    assert office_client.post(url, {f"salutation-{hoa.pk}": "ba"}).status_code == 404
    hoa.refresh_from_db()
    assert hoa.salutation == ""


def test_the_salutation_boxes_are_named_by_plain_ids_however_large(office_client):
    """Vietnamese pages group thousands with dots; an id in a field name must not be: award
    12345 is sent back as salutation-12345, never salutation-12.345."""
    decision = make_decision(status="issued")
    make_award(pk=12345, decision=decision, honoree_name="Nguyễn Thị Hoa")
    html = office_client.get(reverse("awards:certificates", args=[decision.pk])).content.decode()
    assert 'name="salutation-12345"' in html and 'name="was-12345"' in html
    assert "12.345" not in html
