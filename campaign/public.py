"""What the public sees of campaigns (kit/public.py)."""

from campaign.sitemaps import AnnouncementSitemap, CampaignSitemap, ThemeSitemap
from kit.public import STRUCTURE

MODELS = {
    "campaign.Campaign": STRUCTURE,
    "campaign.Theme": STRUCTURE,
    "campaign.LegalDocument": STRUCTURE,
    "campaign.CampaignDocument": STRUCTURE,
    "campaign.CampaignPhase": STRUCTURE,  # the campaign page's timeline
}
# A campaign's legal basis.
LINKS = {"campaign.CampaignDocument": STRUCTURE}
# The campaign and theme pages are composed in portal/pages.py and declared there.
PAGES = {
    "campaign:list": (STRUCTURE,),
    "campaign:announcement": (STRUCTURE,),
}
SITEMAPS = {
    "campaigns": CampaignSitemap,
    "announcements": AnnouncementSitemap,
    "themes": ThemeSitemap,
}
