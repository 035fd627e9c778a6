"""The pages `make bench`, `make explain` and `make loadtest` visit, picked from the scale data
(manage.py seed_scale): the biggest of each kind, so the measurement is of the worst case."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse

# Logged in as the office admin: the coverage dashboard.
OFFICE_PAGE = "office dashboard (coverage)"
REFERENCE = "reference"


def public_pages() -> dict[str, str]:
    from campaign.models import Campaign
    from news.models import Commendation
    from pledges.models import Pledge
    from units.models import Unit

    campaign = Campaign.objects.current()
    unit = (
        Unit.objects.active()
        .annotate(sub_units=Count("children"))
        .order_by("-sub_units", "pk")
        .first()
    )
    pledge = Pledge.objects.public().annotate(n=Count("reports")).order_by("-n", "pk").first()
    commendation = Commendation.objects.published().newest_first().first()
    return {
        "home": reverse("home"),
        "campaign": campaign.get_absolute_url(),
        "theme": campaign.themes.order_by("number")[1].get_absolute_url(),
        "unit": unit.get_absolute_url(),
        "pledge": pledge.get_absolute_url(),
        "news list": reverse("news:list"),
        "news detail": commendation.get_absolute_url(),
        "honour board": reverse("news:honour-board", args=[campaign.slug]),
        "units list": reverse("units:list"),
    }


def office_pages() -> dict[str, str]:
    from campaign.models import Campaign

    campaign = Campaign.objects.current()
    return {OFFICE_PAGE: reverse("office:matrix", args=[campaign.slug])}


# Who a logged-in page is measured as: the head of the unit with the most pledges, the office.
HEAD, OFFICE = "head", "office"


def head_username() -> str:
    from units.models import UnitRole

    return (
        UnitRole.objects.filter(role=UnitRole.Role.HEAD, user__username__startswith="scale-")
        .annotate(n=Count("unit__pledges"))
        .order_by("-n", "pk")
        .first()
        .user.username
    )


def logged_in_pages() -> dict[str, tuple[str, str]]:
    """name -> (who, URL): the pages unit heads and the office work in, rendered every time."""
    from awards.models import Decision, EvaluationRound

    pages = public_pages()
    evaluation = EvaluationRound.objects.annotate(n=Count("proposals")).order_by("-n").first()
    decision = Decision.objects.filter(round=evaluation).order_by("pk").first()
    return {
        "home": (HEAD, pages["home"]),
        "news list": (HEAD, pages["news list"]),
        "theme": (HEAD, pages["theme"]),
        "unit": (HEAD, pages["unit"]),
        "news detail": (HEAD, pages["news detail"]),
        "workspace": (HEAD, reverse("pledges:workspace")),
        "review queue": (OFFICE, reverse("pledges:review-queue")),
        "evaluation rounds": (OFFICE, reverse("awards:rounds")),
        "evaluation round": (OFFICE, reverse("awards:round", args=[evaluation.pk])),
        "decision": (OFFICE, reverse("awards:decision", args=[decision.pk])),
        "certificates": (OFFICE, reverse("awards:certificates", args=[decision.pk])),
    }


def office_scale_pages() -> dict[str, str]:
    """The office's pages at national scale: the coverage dashboard (its first view, and one
    department opened), the statistics and the review report (whole tree, and the unit with the
    most units below it, the top units left aside)."""
    from campaign.models import Campaign
    from units.models import Unit

    campaign = Campaign.objects.current()
    below_top = [node for root in Unit.objects.active().tree() for node in root.children]
    largest = max(below_top, key=lambda node: (len(node.flatten()), -node.unit.pk)).unit
    matrix = reverse("office:matrix", args=[campaign.slug])
    return {
        "office dashboard (coverage)": matrix,
        "office dashboard (a subtree)": f"{matrix}?unit={largest.slug}",
        "office statistics": reverse("office:statistics", args=[campaign.slug]),
        "office review report (whole tree)": reverse("office:report", args=[campaign.slug]),
        "office review report (subtree)": reverse(
            "office:unit-report", args=[campaign.slug, largest.slug]
        ),
    }
