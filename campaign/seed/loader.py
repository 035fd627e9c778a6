from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from django.db import transaction

from campaign.models import Campaign, CampaignDocument, CampaignPhase, LegalDocument, Theme
from units.models import Unit

FIXTURE = Path(__file__).with_name("ben-tre-2022.json")


@transaction.atomic
def load_campaign(path: Path = FIXTURE) -> Counter:
    """Create the campaign, its themes, phases, legal basis and units where missing; count
    creations."""
    data = json.loads(path.read_text(encoding="utf-8"))
    created: Counter = Counter()

    fields = dict(data["campaign"])
    campaign, new = Campaign.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
    created["campaigns"] += new
    if not campaign.issuing_place and fields.get("issuing_place"):
        # Added to the fixture later: fill it in where it is still empty.
        campaign.issuing_place = fields["issuing_place"]
        campaign.save(update_fields=["issuing_place"])

    for theme in data["themes"]:
        fields = dict(theme)
        _obj, new = Theme.objects.get_or_create(
            campaign=campaign, number=fields.pop("number"), defaults=fields
        )
        created["themes"] += new

    for phase in data.get("phases", []):
        fields = dict(phase)
        _obj, new = CampaignPhase.objects.get_or_create(
            campaign=campaign, kind=fields.pop("kind"), defaults=fields
        )
        created["phases"] += new

    for position, doc in enumerate(data["legal_documents"], start=1):
        fields = dict(doc)
        lookup = (
            {"number": fields.pop("number")}
            if doc["number"]
            else {"number": "", "kind": fields.pop("kind"), "title_vi": fields["title_vi"]}
        )
        document, new = LegalDocument.objects.get_or_create(**lookup, defaults=fields)
        created["legal documents"] += new
        _link, new = CampaignDocument.objects.get_or_create(
            campaign=campaign, document=document, defaults={"position": position * 10}
        )

    for unit in data["units"]:
        fields = dict(unit)
        parent_slug = fields.pop("parent")
        fields["parent"] = Unit.objects.get(slug=parent_slug) if parent_slug else None
        _obj, new = Unit.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
        created["units"] += new

    return created
