"""Installs that loaded the fixture campaign before its corrections get them from the migration:
every field that still holds the fixture's first text, and the new report fields; never a field
the office has edited since. (New installs load the corrected fixture itself.)"""

import importlib
import json
import pkgutil

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import campaign.migrations
from campaign.models import Campaign, LegalDocument, Theme
from campaign.seed.loader import FIXTURE

pytestmark = pytest.mark.django_db


def migration(package, suffix: str):
    [name] = [m.name for m in pkgutil.iter_modules(package.__path__) if m.name.endswith(suffix)]
    module = importlib.import_module(f"{package.__name__}.{name}")
    app = package.__name__.split(".")[0]
    # The models as the migration sees them, not as they are today.
    apps = MigrationExecutor(connection).loader.project_state((app, name)).apps
    return module, apps


@pytest.fixture
def corrections():
    return migration(campaign.migrations, "_report_letterhead_and_seed_corrections")


def as_first_loaded(module) -> None:
    """Put back the texts an install loaded before the corrections; the report fields did not
    exist then (NULL in the translated columns, empty otherwise)."""
    for name, (first, _corrected) in module.CAMPAIGN.items():
        empty = None if name.endswith(("_vi", "_en")) else ""
        Campaign.objects.filter(slug=module.SLUG).update(**{name: first or empty})
    for number, fields in module.THEMES.items():
        Theme.objects.filter(number=number).update(**{k: v[0] for k, v in fields.items()})
    for number, fields in module.DOCUMENTS.items():
        LegalDocument.objects.filter(number=number).update(**{k: v[0] for k, v in fields.items()})


def test_an_earlier_install_gets_the_corrected_texts_and_keeps_the_offices_edits(
    corrections, fixture_campaign
):
    module, apps = corrections
    as_first_loaded(module)
    Campaign.objects.update(title_en="Title edited by the office")
    LegalDocument.objects.filter(number="02/NQ-CP").update(title_vi="Về môi trường kinh doanh")
    assert Campaign.objects.get().summary_vi == module.OLD_SUMMARY_VI

    module.correct_fixture(apps, None)

    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    fixed = Campaign.objects.get()
    for name in module.CAMPAIGN:
        if name != "title_en":
            assert getattr(fixed, name) == data["campaign"][name], name
    assert fixed.title_en == "Title edited by the office"
    with connection.cursor() as cursor:  # modeltranslation's own column follows Vietnamese
        cursor.execute("SELECT summary, governing_body FROM campaign_campaign")
        assert cursor.fetchone() == (data["campaign"]["summary_vi"], "UBND tỉnh Bến Tre")
    for theme in data["themes"]:
        assert Theme.objects.get(number=theme["number"]).description_en == theme["description_en"]
    first = LegalDocument.objects.get(number="01/NQ-CP")
    second = LegalDocument.objects.get(number="02/NQ-CP")
    assert (first.title_vi, first.title_en) == ("", "")
    assert (second.title_vi, second.title_en) == ("Về môi trường kinh doanh", "")


def test_the_corrections_change_nothing_on_an_install_that_has_them(corrections, fixture_campaign):
    module, apps = corrections
    before = list(Campaign.objects.values()), list(Theme.objects.values())
    module.correct_fixture(apps, None)
    assert (list(Campaign.objects.values()), list(Theme.objects.values())) == before
