from __future__ import annotations

from django.urls import reverse

from awards.models import Decision
from kit.public import PublicSitemap


class DecisionSitemap(PublicSitemap):
    """The decisions the office marked public."""

    changefreq = "yearly"
    priority = 0.5

    def items(self):
        return Decision.objects.public().only("pk", "issued_at").order_by("pk")

    lastmod_field = "issued_at"

    def location(self, item: Decision) -> str:
        return reverse("awards:public-decision", kwargs={"pk": item.pk})
