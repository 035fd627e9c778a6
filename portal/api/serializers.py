"""Plain dictionaries of public records. Only what the public pages show: no e-mail address or
user name of a person, no draft, submitted or returned record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

Absolute = Callable[[str], str]  # a path -> an absolute URL


def translated(obj, name: str) -> dict[str, str | None]:
    """A translated field in every language: {"vi": "…", "en": "…" or null}."""
    return {code: getattr(obj, f"{name}_{code}", None) or None for code, _ in settings.LANGUAGES}


def number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def moment(value: dt.datetime | None) -> str | None:
    """ISO 8601 in the portal's time zone, with its offset."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def campaign(obj, absolute: Absolute) -> dict:
    return {
        "slug": obj.slug,
        "title": translated(obj, "title"),
        "summary": translated(obj, "summary"),
        "issuing_body": translated(obj, "issuing_body"),
        "status": obj.status,
        # Upcoming, under way or ended by the dates and phases (Campaign.display_state).
        "state": obj.display_state.value,
        "published_on": date(obj.published_on),
        "starts_on": date(obj.starts_on),
        "ends_on": date(obj.ends_on),
        "contact_email": obj.contact_email or None,
        "contact_phones": obj.contact_phones or None,
        "url": absolute(obj.get_absolute_url()),
        "themes": [
            {"number": theme.number, "title": translated(theme, "title")}
            for theme in obj.themes.all()
        ],
    }


def theme(obj, absolute: Absolute) -> dict:
    return {
        "campaign": obj.campaign.slug,
        "number": obj.number,
        "title": translated(obj, "title"),
        "description": translated(obj, "description"),
        "url": absolute(obj.get_absolute_url()),
        "criteria": [
            {
                "id": criterion.pk,
                "number": criterion.number,
                "title": translated(criterion, "title"),
                "max_points": number(criterion.max_points),
            }
            for criterion in obj.criteria.all()
        ],
    }


def unit(obj, absolute: Absolute) -> dict:
    parent = obj.parent if obj.parent and obj.parent.is_active else None
    return {
        "slug": obj.slug,
        "name": translated(obj, "name"),
        "short_name": translated(obj, "short_name"),
        "kind": obj.kind,
        "parent": parent.slug if parent else None,
        # The unit's own contact details, as on its public page; never a person's.
        "address": obj.address or None,
        "phone": obj.phone or None,
        "email": obj.email or None,
        "url": absolute(obj.get_absolute_url()),
    }


def pledge(obj, absolute: Absolute) -> dict:
    return {
        "id": obj.pk,
        "campaign": obj.campaign.slug,
        "theme": obj.theme.number,
        "unit": obj.unit.slug,
        "title": obj.title,
        "commitment": obj.commitment,
        "target": {"value": number(obj.target_value), "measure": obj.target_unit},
        "due_on": date(obj.due_on),
        "status": obj.status,
        "progress": {"percent": obj.latest_percent, "reported_at": moment(obj.latest_report_at)},
        "completed_at": moment(obj.completed_at),
        "url": absolute(obj.get_absolute_url()),
        "reports": [
            {
                "percent": report.percent,
                # The amount reached, in the target's measure; null when reported in percent.
                "achieved": number(report.achieved),
                "reported_at": moment(report.reported_at),
                "narrative": report.narrative,
                "evidence": [
                    {
                        "image": absolute(evidence.get_absolute_url()),
                        "thumbnail": absolute(evidence.get_thumbnail_url()),
                    }
                    for evidence in report.evidence.all()
                ],
            }
            for report in obj.reports.all()
        ],
    }


def commendation(obj, absolute: Absolute) -> dict:
    decision = None
    if obj.decision_number:
        decision = {"number": obj.decision_number, "date": date(obj.decision_date)}
    return {
        "slug": obj.slug,
        "title": obj.title,
        "honoree": {
            "name": obj.honoree_name,
            "kind": obj.honoree_kind,
            "position": obj.position or None,
        },
        "unit": obj.unit.slug,
        "campaign": obj.campaign.slug,
        "theme": obj.theme.number if obj.theme else None,
        "form": {
            "slug": obj.form.slug,
            # "title" (an emulation title) or "form" (a form of commendation).
            "kind": obj.form.kind,
            "name": translated(obj.form, "name"),
            "awarded_by": translated(obj.form, "awarded_by"),
        },
        "decision": decision,
        "summary": obj.summary,
        "body_html": str(obj.body_html),
        "photo": absolute(obj.photo_card.url) if obj.show_photo else None,
        "published_at": moment(obj.publish_at),
        "url": absolute(obj.get_absolute_url()),
    }


def scoring_round(
    obj, absolute: Absolute, *, criteria: list, standings: list, points: dict[int, dict]
) -> dict:
    """A published round with its criteria and the ranked units; `points` holds each unit's
    points per criterion id."""
    theme_numbers = {c.theme_id: c.theme.number for c in criteria}
    return {
        "id": obj.pk,
        "campaign": obj.campaign.slug,
        "kind": obj.kind,
        "title": translated(obj, "title"),
        "note": translated(obj, "note"),
        "held_on": date(obj.held_on),
        "published_at": moment(obj.published_at),
        "url": absolute(obj.get_absolute_url()),
        "criteria": [
            {
                "id": c.pk,
                "theme": c.theme.number,
                "number": c.number,
                "title": translated(c, "title"),
                "max_points": number(c.max_points),
            }
            for c in criteria
        ],
        "standings": [
            {
                "rank": s.rank,
                "tied": s.tied,
                "unit": s.unit.slug,
                "total": number(s.total),
                "themes": [
                    {"theme": theme_numbers[theme_id], "points": number(value)}
                    for theme_id, value in sorted(
                        s.by_theme.items(), key=lambda item: theme_numbers[item[0]]
                    )
                ],
                "criteria": [
                    {"criterion": criterion_id, "points": number(value)}
                    for criterion_id, value in sorted(points.get(s.unit.pk, {}).items())
                ],
            }
            for s in standings
        ],
    }
