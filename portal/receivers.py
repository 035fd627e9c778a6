"""Cache invalidation, the one job signals do here: they see every write path (services, the
admin, loaddata, the shell), so any save or delete of what the public pages show moves the public
content generation on after commit. No business logic belongs in this module.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from kit.cache import NEWS, PLEDGES, STRUCTURE, public_content_changed

# Every model whose rows a public page shows (names of unit heads and reporters included), by
# topic (kit/cache.py). A new model shown on a public page is added here.
PUBLIC_MODELS = {
    "campaign.Campaign": STRUCTURE,
    "campaign.Theme": STRUCTURE,
    "campaign.LegalDocument": STRUCTURE,
    "campaign.CampaignDocument": STRUCTURE,
    "campaign.CampaignPhase": STRUCTURE,  # the campaign page's timeline
    "units.Unit": STRUCTURE,
    "units.UnitRole": STRUCTURE,
    settings.AUTH_USER_MODEL: STRUCTURE,
    "pledges.Pledge": PLEDGES,
    "pledges.ProgressReport": PLEDGES,
    "pledges.Evidence": PLEDGES,
    "news.Commendation": NEWS,
    "news.CommendationForm": NEWS,
    # Leaderboards are not stored whole, but the sitemap lists the published rounds.
    "scoring.ScoringRound": STRUCTURE,
}
# Many-to-many links shown publicly (a pledge's legal documents, a campaign's legal basis).
PUBLIC_LINKS = {"pledges.Pledge_legal_documents": PLEDGES, "campaign.CampaignDocument": STRUCTURE}


def on_write(sender, using=None, update_fields=None, **kwargs):
    # A login only records its time, which no public page shows.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    public_content_changed(topic=PUBLIC_MODELS[sender._meta.label], using=using)


def on_link(sender, action, using=None, **kwargs):
    if action.startswith("post_"):
        public_content_changed(topic=PUBLIC_LINKS[sender._meta.label], using=using)


def connect() -> None:
    for label in PUBLIC_MODELS:
        post_save.connect(on_write, sender=label, dispatch_uid=f"public-cache-save:{label}")
        post_delete.connect(on_write, sender=label, dispatch_uid=f"public-cache-delete:{label}")
    for label in PUBLIC_LINKS:
        m2m_changed.connect(on_link, sender=label, dispatch_uid=f"public-cache-link:{label}")
