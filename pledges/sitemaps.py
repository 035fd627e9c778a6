from __future__ import annotations

from kit.public import PublicSitemap
from pledges.models import Pledge


class PledgeSitemap(PublicSitemap):
    """Each pledge anyone may read, with its progress timeline."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Pledge.objects.public().only("pk", "updated_at").order_by("pk")

    def lastmod(self, item: Pledge):
        # A progress report saves its pledge too (pledges/services.py).
        return item.updated_at
