from __future__ import annotations

from kit.public import PublicSitemap
from pledges.models import Pledge


class PledgeSitemap(PublicSitemap):
    """Each pledge anyone may read, with its progress timeline."""

    changefreq = "weekly"
    priority = 0.6

    # A progress report saves its pledge too (pledges/services.py).
    lastmod_field = "updated_at"

    def items(self):
        return Pledge.objects.public().only("pk", "updated_at").order_by("pk")
