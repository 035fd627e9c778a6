"""What the public sees of units and the people in them (kit/public.py)."""

from django.conf import settings

from kit.public import STRUCTURE
from units.sitemaps import UnitSitemap

# The unit pages name their heads and deputies.
MODELS = {
    "units.Unit": STRUCTURE,
    "units.UnitRole": STRUCTURE,
    settings.AUTH_USER_MODEL: STRUCTURE,
}
# The unit page is composed in portal/pages.py and declared there.
PAGES = {"units:list": (STRUCTURE,)}
SITEMAPS = {"units": UnitSitemap}
