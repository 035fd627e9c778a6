"""The edit-conflict rule shared by every model with a `version`: each save of a row counts as a
new version, and an editor who opened an older one is refused with the caller's error."""

from __future__ import annotations

import pytest

from kit.conflicts import check_version
from pledges.models import Pledge
from scoring.models import ScoringRound
from tests.factories import make_campaign, make_pledge, make_report, make_round

pytestmark = pytest.mark.django_db


class Refused(Exception):
    pass


@pytest.mark.parametrize("make", ["pledge", "round"])
def test_every_save_of_an_existing_row_is_a_new_version(make):
    campaign = make_campaign()
    row = make_pledge(campaign=campaign) if make == "pledge" else make_round(campaign=campaign)
    assert row.version == 1
    row.save()
    row.save()
    stored = type(row).objects.get(pk=row.pk)
    assert (row.version, stored.version) == (3, 3)


def test_a_save_of_other_columns_only_keeps_the_version_in_memory_and_stored():
    pledge = make_pledge(status="accepted")
    make_report(pledge=pledge, percent=40)  # saves only the latest percent and time
    stored = Pledge.objects.get(pk=pledge.pk)
    assert (pledge.version, stored.version, stored.latest_percent) == (1, 1, 40)


def test_the_version_counts_in_the_columns_a_save_names():
    scoring_round = make_round(campaign=make_campaign(), status="draft")
    scoring_round.title = "Sơ kết 6 tháng"
    scoring_round.save(update_fields=["title", "version"])
    stored = ScoringRound.objects.get(pk=scoring_round.pk)
    assert (stored.title, stored.version) == ("Sơ kết 6 tháng", 2)


@pytest.mark.parametrize("expected", [1, None])
def test_an_older_or_missing_version_is_refused_with_the_callers_error(expected):
    with pytest.raises(Refused):
        check_version(2, expected, Refused)


def test_the_version_the_editor_opened_passes():
    check_version(2, 2, Refused)
