import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from campaign.models import Campaign, CampaignDocument, LegalDocument, Theme
from campaign.seed.demo import load_demo
from campaign.seed.loader import load_campaign
from kit.roles import OFFICE_GROUP
from units.models import Unit, UnitRole

pytestmark = pytest.mark.django_db


def counts():
    return [
        m.objects.count()
        for m in (Campaign, Theme, LegalDocument, CampaignDocument, Unit, UnitRole)
    ]


def test_fixture_campaign_carries_the_announcement(fixture_campaign):
    c = fixture_campaign
    assert c.published_on.strftime("%d/%m/%Y") == "25/03/2022"
    assert c.status == Campaign.Status.ACTIVE
    assert c.contact_email == "sct@bentre.gov.vn"
    assert c.contact_phones == "0275.3822 365 - 3822 251"
    assert c.source_line_vi == "Nguồn: VP Sở – SCT"
    assert "Quyết định số 3082/QĐ-BCT" in c.body_vi
    assert "chiến thắng đại dịch COVID-19" in c.title_vi
    assert "Decision 3082/QĐ-BCT" in c.body_en
    assert [t.number for t in c.themes.all()] == [1, 2, 3, 4]
    assert (
        "Thi đua triển khai hiệu quả, an toàn Chiến lược vắc xin"
        in c.themes.get(number=3).description_vi
    )
    numbers = list(
        c.legal_documents.order_by("campaigndocument__position").values_list("number", flat=True)
    )
    assert numbers == [
        "3082/QĐ-BCT",
        "6820/KH-UBND",
        "01/NQ-CP",
        "128/KH-SCT",
        "02/NQ-CP",
        "187/KH-SCT",
        "",
    ]
    decision = LegalDocument.objects.get(number="3082/QĐ-BCT")
    assert decision.issued_on.isoformat() == "2021-12-31"
    centre = Unit.objects.get(slug="trung-tam-khuyen-cong-xuc-tien-thuong-mai")
    assert centre.phone == "0275.6281888 - 0275.3822403"
    assert centre.parent.slug == "so-cong-thuong-ben-tre"
    assert centre.name_en == "Industrial Extension & Trade Promotion Centre"


def test_loading_twice_changes_and_duplicates_nothing():
    first = load_campaign()
    assert first["campaigns"] == 1 and first["themes"] == 4 and first["units"] == 3
    before = counts()
    again = load_campaign()
    assert sum(again.values()) == 0
    assert counts() == before


def test_reloading_keeps_what_the_office_edited(fixture_campaign):
    Theme.objects.filter(number=1).update(title_vi="Tiêu đề do văn phòng sửa")
    load_campaign()
    assert Theme.objects.get(number=1).title_vi == "Tiêu đề do văn phòng sửa"


def test_demo_data_is_idempotent_and_keeps_changed_passwords(fixture_campaign):
    load_demo(password="demo password one")
    User = get_user_model()
    head1 = User.objects.get(username="head1")
    head1.set_password("changed by tester")
    head1.save()
    before = counts(), User.objects.count()
    assert sum(load_demo(password="other").values()) == 0
    assert (counts(), User.objects.count()) == before
    head1.refresh_from_db()
    assert head1.check_password("changed by tester")


def test_demo_accounts_have_their_roles(fixture_campaign):
    load_demo(password="demo password one")
    User = get_user_model()
    roles = {
        (r.user.username, r.unit.slug, r.role)
        for r in UnitRole.objects.select_related("user", "unit")
    }
    assert ("head1", "phong-quan-ly-thuong-mai", "head") in roles
    assert ("deputy1", "phong-quan-ly-thuong-mai", "deputy") in roles
    assert ("head2", "phong-quan-ly-cong-nghiep", "head") in roles
    assert ("head3", "phong-ke-hoach-tong-hop", "head") in roles
    office = User.objects.get(username="office")
    assert office.is_staff and not office.is_superuser
    assert office.groups.filter(name=OFFICE_GROUP).exists()
    assert office.check_password("demo password one")


def test_setup_portal_without_demo_loads_no_demo_data(capsys):
    call_command("setup_portal")
    assert not get_user_model().objects.exists()
    assert Unit.objects.count() == 3
    assert "createsuperuser" in capsys.readouterr().out


def test_setup_portal_creates_the_first_admin_once(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long admin password")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "admin@example.invalid")
    call_command("setup_portal")
    call_command("setup_portal")
    admin = get_user_model().objects.get()
    assert admin.is_superuser and admin.check_password("a long admin password")


def test_setup_portal_demo_uses_demo_password(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "the demo password")
    call_command("setup_portal", demo=True)
    assert get_user_model().objects.get(username="head2").check_password("the demo password")
