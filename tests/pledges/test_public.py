"""What visitors see: accepted pledges with target and progress on the campaign, theme and unit
pages; the pledge page with its timeline; nothing of pledges that are not public."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, CampaignDocument, LegalDocument
from pledges.models import Pledge
from tests.factories import make_campaign, make_evidence, make_pledge, make_report

pytestmark = pytest.mark.django_db

S = Pledge.Status


@pytest.fixture
def shown(two_units):
    """Unit A: two public pledges under theme 2 and one under theme 3, plus a hidden one of each
    kind; unit B: one public pledge under theme 2."""
    theme3 = two_units.campaign.themes.get(number=3)
    a = {"campaign": two_units.campaign, "unit": two_units.unit_a}
    vaccinated = make_pledge(
        theme=two_units.theme,
        status=S.ACCEPTED,
        title="Tiêm vắc xin cho toàn bộ công chức",
        target_unit="% công chức được tiêm",
        **a,
    )
    make_report(
        pledge=vaccinated,
        percent=40,
        by=two_units.head_a,
        reported_at=timezone.make_aware(dt.datetime(2022, 6, 15, 9, 30)),
    )
    online = make_pledge(
        theme=two_units.theme,
        status=S.COMPLETED,
        title="Doanh nghiệp bán hàng trực tuyến",
        latest_percent=100,
        **a,
    )
    digital = make_pledge(theme=theme3, status=S.ACCEPTED, title="Chuyển đổi số", **a)
    b = make_pledge(
        campaign=two_units.campaign,
        unit=two_units.unit_b,
        theme=two_units.theme,
        status=S.ACCEPTED,
        title="Bình ổn giá",
        latest_percent=20,
    )
    hidden = [
        make_pledge(theme=two_units.theme, status=status, title=f"Ẩn {status}", **a)
        for status in (S.DRAFT, S.SUBMITTED, S.RETURNED)
    ]
    hidden.append(
        make_pledge(
            campaign=make_campaign(status=Campaign.Status.DRAFT),
            unit=two_units.unit_a,
            status=S.ACCEPTED,
            title="Ẩn vì phong trào chưa phát động",
        )
    )
    return {
        "vaccinated": vaccinated,
        "online": online,
        "digital": digital,
        "b": b,
        "hidden": hidden,
    }


def test_theme_page_lists_accepted_pledges_with_progress_and_figures(client, two_units, shown):
    html = client.get(two_units.theme.get_absolute_url()).content.decode()
    for key in ("vaccinated", "online", "b"):
        assert shown[key].title in html
    assert shown["digital"].title not in html  # another theme
    for pledge in shown["hidden"]:
        assert pledge.title not in html
    assert "100 % công chức được tiêm" in html
    assert "pct-40" in html and "40%" in html and "báo cáo ngày 15/06/2022" in html
    assert "2 đơn vị đăng ký" in html
    assert "tiến độ trung bình 53%" in html  # (40 + 100 + 20) / 3
    assert two_units.unit_a.name in html and two_units.unit_b.name in html
    assert "csrfmiddlewaretoken" not in html
    assert " style=" not in html


def test_unit_page_groups_its_public_pledges_by_theme(client, two_units, shown):
    html = client.get(two_units.unit_a.get_absolute_url()).content.decode()
    theme2 = html.index("Nội dung 2: Nội dung thi đua 2")
    theme3 = html.index("Nội dung 3: Nội dung thi đua 3")
    assert theme2 < html.index(shown["vaccinated"].title) < theme3
    assert theme3 < html.index(shown["digital"].title)
    assert shown["b"].title not in html
    for pledge in shown["hidden"]:
        assert pledge.title not in html
    assert "csrfmiddlewaretoken" not in html


def test_campaign_page_shows_figures_per_theme_and_latest_progress(client, two_units, shown):
    html = client.get(two_units.campaign.get_absolute_url()).content.decode()
    assert "2 đơn vị đăng ký · tiến độ trung bình 53%" in html  # theme 2
    assert "1 đơn vị đăng ký · tiến độ trung bình 0%" in html  # theme 3
    assert "Chưa có cam kết nào được duyệt." in html  # themes 1 and 4
    assert shown["vaccinated"].title in html


def test_public_pages_in_english(client, two_units, shown):
    html = client.get("/en" + two_units.theme.get_absolute_url()).content.decode()
    assert "2 units pledged" in html and "average progress 53%" in html
    assert "reported 15/06/2022" in html


def test_pledge_page_shows_the_whole_timeline_with_photos(client, two_units, shown):
    pledge = shown["vaccinated"]
    photo = make_evidence(report=pledge.reports.get())
    later = make_report(pledge=pledge, percent=55, by=two_units.deputy_a, narrative="Đợt hai")
    html = client.get(pledge.get_absolute_url()).content.decode()
    assert html.index("Đợt hai") < html.index("Đã thực hiện được 40% chỉ tiêu.")
    assert "15/06/2022 09:30" in html
    assert f'<a href="{photo.get_absolute_url()}"><img src="{photo.get_thumbnail_url()}"' in html
    assert "csrfmiddlewaretoken" not in html  # nothing per-visitor for an anonymous visitor
    assert 'id="workflow-title"' not in html  # no review box, no actions
    assert later.narrative in html


def test_evidence_files_are_private_and_served_with_the_right_caching(
    client, two_units, shown, settings
):
    public_photo = make_evidence(report=shown["vaccinated"].reports.get())
    hidden_pledge = shown["hidden"][-1]
    hidden_photo = make_evidence(report=make_report(pledge=hidden_pledge, by=two_units.head_a))
    response = client.get(public_photo.get_thumbnail_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=3600"
    assert client.get(hidden_photo.get_absolute_url()).status_code == 404
    client.force_login(two_units.deputy_a)
    response = client.get(hidden_photo.get_absolute_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=3600"
    # The files live in the private storage, outside MEDIA_ROOT: no media URL reaches them.
    private_root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    assert (private_root / hidden_photo.image.name).is_file()
    assert (private_root / hidden_photo.thumbnail.name).is_file()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.jpg"))
    assert client.get(f"/media/{hidden_photo.image.name}").status_code == 404


def test_a_missing_evidence_file_is_a_404_not_a_500(client, two_units, shown):
    photo = make_evidence(report=shown["vaccinated"].reports.get())
    photo.image.storage.delete(photo.image.name)
    assert client.get(photo.get_absolute_url()).status_code == 404


def test_workflow_details_are_shown_to_the_unit_and_office_only(client, two_units, shown):
    pledge = shown["vaccinated"]
    Pledge.objects.filter(pk=pledge.pk).update(review_note="Ghi chú nội bộ của Văn phòng")
    assert "Ghi chú nội bộ" not in client.get(pledge.get_absolute_url()).content.decode()
    client.force_login(two_units.head_b)
    assert "Ghi chú nội bộ" not in client.get(pledge.get_absolute_url()).content.decode()
    client.force_login(two_units.deputy_a)
    html = client.get(pledge.get_absolute_url()).content.decode()
    assert "Ghi chú nội bộ" in html
    assert reverse("pledges:report", args=[pledge.pk]) in html


def test_a_legal_document_without_a_title_is_named_by_its_number(client, two_units, shown):
    resolution = LegalDocument.objects.create(
        number="01/NQ-CP", kind=LegalDocument.Kind.RESOLUTION, issuer="Chính phủ"
    )
    CampaignDocument.objects.create(campaign=two_units.campaign, document=resolution)
    pledge = shown["vaccinated"]
    pledge.legal_documents.set([resolution])
    html = client.get(pledge.get_absolute_url()).content.decode()
    assert "<li><strong>01/NQ-CP</strong></li>" in html
