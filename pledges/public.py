"""What the public sees of pledges: accepted and completed ones with their progress
(kit/public.py)."""

from kit.public import PLEDGES, STRUCTURE
from pledges.sitemaps import PledgeSitemap

MODELS = {
    "pledges.Pledge": PLEDGES,
    "pledges.ProgressReport": PLEDGES,
    "pledges.Evidence": PLEDGES,
}
# A pledge's legal documents.
LINKS = {"pledges.Pledge_legal_documents": PLEDGES}
PAGES = {"pledges:detail": (STRUCTURE, PLEDGES)}
SITEMAPS = {"pledges": PledgeSitemap}
