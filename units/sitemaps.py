from __future__ import annotations

from kit.public import PublicSitemap
from units.models import Unit


class UnitSitemap(PublicSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Unit.objects.active().only("slug").order_by("pk")
