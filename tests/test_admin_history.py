"""Every history page of the admin can be read and never posted to: a version posted back would
write an old status, score or text over newer ones, past the services that check each step."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from simple_history.admin import SimpleHistoryAdmin

from tests.factories import make_commendation, make_nomination, make_pledge, make_report
from tests.images import jpeg_bytes

HISTORY_ADMINS = sorted(
    (model._meta.label for model, model_admin in admin.site._registry.items()
     if isinstance(model_admin, SimpleHistoryAdmin)),
)  # fmt: skip


def test_the_history_admins_are_the_ones_this_file_covers():
    assert HISTORY_ADMINS == [
        "news.Commendation",
        "news.Nomination",
        "pledges.Evidence",
        "pledges.Pledge",
        "pledges.ProgressReport",
        "scoring.Score",
    ]


@pytest.fixture
def records(fixture_campaign):
    from tests.factories import make_criterion, make_evidence, make_round, make_score, make_unit

    pledge = make_pledge(status="submitted", campaign=fixture_campaign)
    pledge.status = "accepted"
    pledge.save()  # a second version, so an older one exists
    report = make_report(pledge=make_pledge(status="accepted", campaign=fixture_campaign))
    return {
        "pledges.Pledge": pledge,
        "pledges.ProgressReport": report,
        "pledges.Evidence": make_evidence(report=report),
        "news.Commendation": make_commendation(campaign=fixture_campaign),
        "news.Nomination": make_nomination(images=[jpeg_bytes()]),
        "scoring.Score": make_score(
            scoring_round=make_round(campaign=fixture_campaign),
            unit=make_unit(),
            criterion=make_criterion(theme=fixture_campaign.themes.first()),
            points=3,
        ),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("label", HISTORY_ADMINS)
def test_a_version_can_be_read_but_not_posted_back(client, records, label):
    obj = records[label]
    client.force_login(
        get_user_model().objects.create_superuser("root", "root@example.invalid", "x" * 20)
    )
    oldest = obj.history.order_by("history_id").first()
    opts = obj._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/{oldest.history_id}/"
    page = client.get(url)
    assert page.status_code == 200
    before = obj.history.count()
    assert client.post(url, {}).status_code == 403
    assert obj.history.count() == before
