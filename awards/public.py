"""What the public sees of the commendation decisions: a decision the office marked public, with
its annexed list (kit/public.py). A write to a decision or to an award moves the news topic on,
so the stored page of a decision is never older than its list."""

from awards.sitemaps import DecisionSitemap
from kit.public import NEWS, STRUCTURE

MODELS = {
    "awards.Decision": NEWS,
    "awards.Award": NEWS,
}
# The annexed list names each honouree's unit (a structure write).
PAGES = {"awards:public-decision": (STRUCTURE, NEWS)}
SITEMAPS = {"decisions": DecisionSitemap}
