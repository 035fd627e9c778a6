"""Emulation titles and forms of commendation: one catalogue, two kinds never taken for each
other, each item with who awards it."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from awards.models import AwardRate
from news.models import CommendationForm
from tests.factories import commendation_form, make_campaign, make_unit

TITLE, FORM = CommendationForm.Kind.TITLE, CommendationForm.Kind.FORM


def catalogue() -> list[tuple[str, str, str]]:
    """(kind, Vietnamese name as shown, who awards it) in the catalogue's order."""
    with translation.override("vi"):
        return [(f.kind, str(f), f.awarded_by_vi or "") for f in CommendationForm.objects.all()]


@pytest.mark.django_db
def test_a_new_install_lists_the_titles_then_the_forms_each_with_its_authority():
    assert catalogue() == [
        (TITLE, "Chiến sĩ thi đua cơ sở", "Giám đốc Sở"),
        (TITLE, "Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh"),
        (TITLE, "Lao động tiên tiến", "Giám đốc Sở"),
        (TITLE, "Tập thể lao động tiên tiến", "Giám đốc Sở"),
        (FORM, "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh"),
        (FORM, "Bằng khen của Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Công Thương"),
        (FORM, "Giấy khen của Giám đốc Sở", "Giám đốc Sở"),
        (FORM, "Biểu dương gương điển hình", ""),
    ]
    assert commendation_form("lao-dong-tien-tien").recipients == "person"
    assert commendation_form("tap-the-lao-dong-tien-tien").recipients == "collective"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "english"),
    [
        ("chien-si-thi-dua-co-so", "Grassroots emulation fighter"),
        ("lao-dong-tien-tien", "Advanced worker"),
        ("tap-the-lao-dong-tien-tien", "Advanced Labour Collective"),
        ("tap-the-lao-dong-xuat-sac", "Excellent Labour Collective"),
        ("giay-khen", "Certificate of commendation from the Director of the Department"),
        (
            "bang-khen",
            "Certificate of merit from the Chairman of the Provincial People's Committee",
        ),
        (
            "bang-khen-bo-truong-bo-cong-thuong",
            "Certificate of merit from the Minister of Industry and Trade",
        ),
    ],
)
def test_english_names_follow_the_glossary(slug, english):
    with translation.override("en"):
        assert str(commendation_form(slug)) == english


@pytest.mark.django_db
def test_a_title_is_never_named_after_its_authority():
    title = commendation_form("lao-dong-tien-tien")
    assert title.awarded_by == "Giám đốc Sở"
    assert str(title) == "Lao động tiên tiến"  # not "Lao động tiên tiến của Giám đốc Sở"


@pytest.mark.django_db
def test_a_new_item_gets_a_slug_with_its_authority():
    item = CommendationForm.objects.create(
        name_vi="Bằng khen", awarded_by_vi="Thủ tướng Chính phủ", name_en="Certificate of merit"
    )
    assert item.slug == "bang-khen-thu-tuong-chinh-phu"
    assert item.kind == FORM


# The migration on a catalogue an office has been using -----------------------------------

MIGRATION = importlib.import_module("news.migrations.0006_titles_apart_from_forms")
SEEDED = importlib.import_module("news.migrations.0002_seed_forms_and_office").FORMS


@pytest.fixture
def catalogue_as_before(db):
    """The models as the migration's data step sees them, on a catalogue as an install had it
    before: 0002's rows, every one a form (the new column's default) with no authority."""
    state = MigrationLoader(connection).project_state(("news", MIGRATION.__name__.split(".")[-1]))
    apps = state.apps
    Form = apps.get_model("news", "CommendationForm")
    # Rows of later apps that point at the catalogue, which the models of that time don't know.
    AwardRate.objects.all().delete()
    Form.objects.all().delete()
    for slug, name_vi, name_en, recipients, position in SEEDED:
        Form.objects.create(
            slug=slug,
            name=name_vi,
            name_vi=name_vi,
            name_en=name_en,
            recipients=recipients,
            position=position,
        )
    return apps


def rows(apps) -> dict[str, tuple]:
    model = apps.get_model("news", "CommendationForm")
    return {
        f.slug: (f.kind, f.name_vi, f.awarded_by_vi or "", f.name_en)
        for f in model.objects.order_by("pk")
    }


def test_the_migration_classifies_an_existing_catalogue_and_keeps_what_is_in_use(
    catalogue_as_before,
):
    apps = catalogue_as_before
    Form = apps.get_model("news", "CommendationForm")
    # The office's own rows, and a published Bằng khen whose authority nobody recorded.
    Form.objects.create(
        slug="cstd-tinh", name="Chiến sĩ thi đua cấp tỉnh", name_vi="Chiến sĩ thi đua cấp tỉnh"
    )
    Form.objects.create(
        slug="bk-bo",
        name="Bằng khen của Bộ trưởng Bộ Công Thương",
        name_vi="Bằng khen của Bộ trưởng Bộ Công Thương",
    )
    campaign, unit = make_campaign(), make_unit()
    apps.get_model("news", "Commendation").objects.create(
        title="Bằng khen năm 2021",
        slug="bang-khen-nam-2021",
        honoree_name="Trần Văn Bình",
        unit_id=unit.pk,
        campaign_id=campaign.pk,
        form=Form.objects.get(slug="bang-khen"),
        summary="Hoàn thành xuất sắc nhiệm vụ.",
    )

    MIGRATION.classify(apps, None)
    after = rows(apps)
    # The form in use keeps its meaning; the same form with its authority comes beside it.
    assert after["bang-khen"] == (FORM, "Bằng khen", "", "Certificate of merit")
    assert after["bang-khen-chu-tich-ubnd-tinh"] == (
        FORM,
        "Bằng khen",
        "Chủ tịch UBND tỉnh",
        "Certificate of merit",
    )
    # Unused and as seeded: it takes its authority in place.
    assert after["giay-khen"][2] == "Giám đốc Sở" and "giay-khen-giam-doc-so" not in after
    # The office's Bộ trưởng row is that form already: no second one.
    assert "bang-khen-bo-truong-bo-cong-thuong" not in after
    assert after["bk-bo"] == (FORM, "Bằng khen của Bộ trưởng Bộ Công Thương", "", None)
    # Titles, the seeded ones and the office's own, with the glossary's English.
    assert after["cstd-tinh"][0] == TITLE
    assert after["tap-the-lao-dong-xuat-sac"] == (
        TITLE,
        "Tập thể lao động xuất sắc",
        "Chủ tịch UBND tỉnh",
        "Excellent Labour Collective",
    )
    assert {slug for slug, row in after.items() if row[0] == TITLE} == {
        "chien-si-thi-dua-co-so",
        "lao-dong-tien-tien",
        "tap-the-lao-dong-tien-tien",
        "tap-the-lao-dong-xuat-sac",
        "cstd-tinh",
    }
    assert after["bieu-duong"][:3] == (FORM, "Biểu dương gương điển hình", "")

    # Run again, it changes nothing.
    MIGRATION.classify(apps, None)
    assert rows(apps) == after
