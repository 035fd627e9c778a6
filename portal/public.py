"""The public pages the portal composes from several apps, and its site-wide ones
(kit/public.py)."""

from kit.public import NEWS, PLEDGES, STRUCTURE

PAGES = {
    "home": (STRUCTURE, NEWS),
    "campaign:detail": (STRUCTURE, PLEDGES),
    "campaign:theme": (STRUCTURE, PLEDGES, NEWS),
    "units:detail": (STRUCTURE, PLEDGES, NEWS),
    "sitemap": (STRUCTURE, PLEDGES, NEWS),
    "sitemap-section": (STRUCTURE, PLEDGES, NEWS),
    "robots": (STRUCTURE,),
}
