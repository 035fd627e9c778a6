"""What each app declares public (kit/public.py): every name in it exists, every model a cached
public page shows is in it, and a write to one moves its topic on."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import URLResolver, get_resolver
from django.utils.module_loading import module_has_submodule
from simple_history.models import HistoricalChanges

from kit.public import MODULE, NEWS, PLEDGES, registry
from tests.factories import make_commendation, make_pledge
from tests.public_counters import generations, moved_since

# Models of the apps with public pages that no page kept in the page cache shows, and why.
NOT_SHOWN = {
    "news.Nomination": "read only by the office and the nominating unit",
    "news.NominationImage": "a nomination's evidence",
    "scoring.Criterion": "shown on leaderboards only, which are not kept in the page cache",
    "scoring.Score": "shown on leaderboards only, which are not kept in the page cache",
    # The commendation decisions: only a public decision's page and its annexed list are public.
    "awards.AwardRule": "the council's voting rules, read by the office",
    "awards.BaseSalary": "award money, never public",
    "awards.AwardRate": "award money, never public",
    "awards.EvaluationRound": "the office's work before a decision",
    "awards.CouncilMember": "the office's work before a decision",
    "awards.Proposal": "the office's work before a decision",
    "awards.CertificateLayout": "how the office prints its certificates",
}


def url_names(patterns, namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_public_page_is_a_url_name():
    names = set(url_names(get_resolver().url_patterns))
    assert "pledges:detail" in names  # the walk finds namespaced names
    assert set(registry().pages) - names == set()


def test_every_model_and_link_declared_public_exists():
    for label in [*registry().models, *registry().links]:
        assert apps.get_model(label)._meta.label == label


def test_every_model_of_an_app_with_public_pages_is_declared_or_known_not_shown():
    public_apps = [
        app for app in apps.get_app_configs() if module_has_submodule(app.module, MODULE)
    ]
    labels = {
        model._meta.label
        for app in public_apps
        for model in app.get_models()
        if not issubclass(model, HistoricalChanges)
    }
    declared = set(registry().models)
    assert labels - declared - set(NOT_SHOWN) == set()
    assert declared & set(NOT_SHOWN) == set()
    # The people named on unit pages live in another app.
    assert settings.AUTH_USER_MODEL in declared


def test_the_registry_keeps_every_model_public_pages_have_shown():
    assert set(registry().models) >= {
        "campaign.Campaign", "campaign.Theme", "campaign.LegalDocument",
        "campaign.CampaignDocument", "campaign.CampaignPhase", "units.Unit", "units.UnitRole",
        settings.AUTH_USER_MODEL, "pledges.Pledge", "pledges.ProgressReport",
        "pledges.Evidence", "news.Commendation", "news.CommendationForm",
        "scoring.ScoringRound",
    }  # fmt: skip
    assert set(registry().links) >= {
        "pledges.Pledge_legal_documents",
        "campaign.CampaignDocument",
    }


@pytest.mark.django_db
def test_an_edit_to_a_pledge_or_a_commendation_moves_its_topic_on(
    django_capture_on_commit_callbacks,
):
    pledge = make_pledge(status="accepted")
    commendation = make_commendation(campaign=pledge.campaign)
    for obj, topic in ((pledge, PLEDGES), (commendation, NEWS)):
        before = generations()
        # In a transaction of its own, as the admin, the services and autocommit write.
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            obj.title = f"{obj.title} (sửa)"
            obj.save()
        assert moved_since(before) == {topic}
