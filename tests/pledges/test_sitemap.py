"""sitemap.xml lists the pledges anyone may read, in both languages, and no other."""

from __future__ import annotations

import pytest
from django.utils import timezone

from campaign.models import Campaign
from pledges.models import Pledge
from tests import sitemap
from tests.factories import make_campaign, make_pledge, make_unit
from tests.sitemap import NS

pytestmark = pytest.mark.django_db

S = Pledge.Status


def sitemap_entries(client) -> dict[str, str | None]:
    """Each listed URL with its last modification date."""
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in sitemap.sitemap_entries(client)
    }


def test_the_sitemap_lists_public_pledges_only_in_both_languages(client, two_units):
    a = {"campaign": two_units.campaign, "unit": two_units.unit_a}
    accepted = make_pledge(status=S.ACCEPTED, **a)
    completed = make_pledge(status=S.COMPLETED, **a)
    hidden = [
        make_pledge(status=S.DRAFT, **a),
        make_pledge(status=S.SUBMITTED, **a),
        make_pledge(status=S.RETURNED, **a),
        make_pledge(
            status=S.ACCEPTED, campaign=two_units.campaign, unit=make_unit(is_active=False)
        ),
        make_pledge(
            status=S.ACCEPTED,
            campaign=make_campaign(status=Campaign.Status.DRAFT),
            unit=two_units.unit_a,
        ),
    ]

    entries = sitemap_entries(client)
    pledges = {url for url in entries if "/pledges/" in url}
    assert pledges == {
        f"http://testserver{prefix}{pledge.get_absolute_url()}"
        for prefix in ("", "/en")
        for pledge in (accepted, completed)
    }
    assert not any(pledge.get_absolute_url() in url for pledge in hidden for url in entries)
    url = f"http://testserver/en{accepted.get_absolute_url()}"
    assert entries[url] == timezone.localdate(accepted.updated_at).isoformat()
