"""The forms and titles of commendation the portal starts with carry the glossary's names."""

import importlib
import pkgutil

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import news.migrations
from news.models import CommendationForm

pytestmark = pytest.mark.django_db


def names() -> dict[str, str]:
    return dict(CommendationForm.objects.values_list("slug", "name_en"))


def test_the_titles_for_a_unit_have_their_english_names():
    assert names()["tap-the-lao-dong-tien-tien"] == "Advanced Labour Collective"
    assert names()["tap-the-lao-dong-xuat-sac"] == "Excellent Labour Collective"


def test_an_earlier_install_gets_the_names_unless_the_office_edited_them():
    [name] = [
        m.name
        for m in pkgutil.iter_modules(news.migrations.__path__)
        if m.name.endswith("_labour_collective_names")
    ]
    module = importlib.import_module(f"news.migrations.{name}")
    apps = MigrationExecutor(connection).loader.project_state(("news", name)).apps
    forms = CommendationForm.objects
    forms.filter(slug="tap-the-lao-dong-tien-tien").update(name_en="Advanced collective")
    forms.filter(slug="tap-the-lao-dong-xuat-sac").update(name_en="Excellent unit (edited)")
    module.rename(apps, None)
    assert names()["tap-the-lao-dong-tien-tien"] == "Advanced Labour Collective"
    assert names()["tap-the-lao-dong-xuat-sac"] == "Excellent unit (edited)"
