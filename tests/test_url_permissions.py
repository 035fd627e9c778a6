"""Every URL pattern of the portal, for every kind of user, with GET and POST.

The tables below give one expected outcome per (row, role); a row is a URL name, or a URL name
and, in parentheses, the state of its object or what is sent. The first test walks the whole
URLconf: a URL added without a row here fails it. Outcomes: a status code; LOGIN / ADMIN_LOGIN a
redirect to the portal's / the admin's login page that comes back to the same URL; DOWNLOAD a
file to save; To(name) a redirect to that page. Someone else's object (or one not visible now)
is a 404; a role-only page is a 403. A refused or re-shown form changes nothing; a filled-in
form is saved exactly where the outcome is a redirect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import (
    Resolver404,
    URLPattern,
    URLResolver,
    get_resolver,
    resolve,
    reverse,
)
from django.utils import translation

from awards.models import Award, Decision, Proposal
from news.models import Nomination
from pledges.models import Pledge, ProgressReport
from scoring.models import Score

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nobody", "head_a", "deputy_a", "head_b", "staff", "office", "superuser"]
LOGIN, ADMIN_LOGIN, DOWNLOAD = "login", "admin-login", "download"


@dataclass(frozen=True)
class To:
    """A redirect to the page of this URL name (not to a login page)."""

    name: str

    def __repr__(self) -> str:
        return f"→{self.name}"


def row(anonymous, nobody, head_a, deputy_a, head_b, staff, office, superuser):
    return dict(
        zip(
            ROLES,
            [anonymous, nobody, head_a, deputy_a, head_b, staff, office, superuser],
            strict=True,
        )
    )


def done_by_a(to: To) -> dict:
    """What only unit A's heads may do, done, then sent on."""
    return row(LOGIN, 404, to, to, 404, 404, 404, 404)


EVERYONE = row(*[200] * 8)
NOBODY_404 = row(*[404] * 8)
GET_ONLY = row(*[405] * 8)
LOGGED_IN = row(LOGIN, *[200] * 7)
NOT_NOW = row(LOGIN, *[404] * 7)  # a page the object's state allows no one
OWN_A = row(LOGIN, 404, 200, 200, 404, 404, 404, 404)  # what only unit A's heads may change
SEEN_BY_A_AND_OFFICE = row(LOGIN, 404, 200, 200, 404, 404, 200, 200)
UNIT_A_OR_OFFICE = row(404, 404, 200, 200, 404, 404, 200, 200)  # a pledge not public (yet)
OFFICE_ONLY = row(LOGIN, 403, 403, 403, 403, 403, 200, 200)
OFFICE_DOWNLOAD = row(LOGIN, 403, 403, 403, 403, 403, DOWNLOAD, DOWNLOAD)
ADMIN_OFFICE = row(*[ADMIN_LOGIN] * 5, 403, 200, 200)  # staff without the office's permissions


class Row(NamedTuple):
    path: Callable  # the URL, from the demo portal's records
    get: dict | None  # None: the GET is that of the row of the same URL name
    post: dict | None = None  # None: the same as GET
    form: Callable | None = None  # what POST sends when it is a form filled in; else nothing


def url_name(key: str) -> str:
    return key.split(" (", 1)[0]


def pledge_form(w, version: int = 1) -> dict:
    return {
        "theme": w.theme.pk,
        "title": "Tiêu đề mới",
        "commitment": "Nội dung mới",
        "target_value": "50",
        "target_unit": "doanh nghiệp",
        "due_on": "30/09/2022",
        "version": version,
    }


def nomination_form(w) -> dict:
    return {
        "unit": w.unit_a.pk,
        "honoree_name": "Võ Văn Tám",
        "honoree_kind": "person",
        "position": "Chuyên viên",
        "theme": w.theme.pk,
        "achievements": "Hoàn thành xuất sắc.",
    }


TABLE = {
    # --- the site's plumbing
    "favicon.ico": Row(lambda w: "/favicon.ico", row(*[301] * 8), row(*[301] * 8)),
    "healthz": Row(lambda w: "/healthz", EVERYONE, EVERYONE),
    "sitemap": Row(lambda w: "/sitemap.xml", EVERYONE, EVERYONE),
    "sitemap-section": Row(lambda w: "/sitemap-units.xml", EVERYONE, EVERYONE),
    "robots": Row(lambda w: "/robots.txt", EVERYONE, EVERYONE),
    "media": Row(lambda w: w.published.photo_card.url, EVERYONE, GET_ONLY),
    # --- public pages (campaign, units)
    "home": Row(lambda w: "/", EVERYONE, EVERYONE),
    "campaign:list": Row(lambda w: "/campaigns/", EVERYONE, GET_ONLY),
    "campaign:detail": Row(lambda w: w.campaign.get_absolute_url(), EVERYONE, GET_ONLY),
    "campaign:announcement": Row(
        lambda w: reverse("campaign:announcement", args=[w.campaign.slug]), EVERYONE, GET_ONLY
    ),
    "campaign:theme": Row(lambda w: w.theme.get_absolute_url(), EVERYONE, EVERYONE),
    "units:list": Row(lambda w: "/units/", EVERYONE, GET_ONLY),
    "units:detail": Row(lambda w: w.unit_a.get_absolute_url(), EVERYONE, EVERYONE),
    # --- accounts
    "login": Row(lambda w: reverse("login"), EVERYONE, EVERYONE),
    "logout": Row(lambda w: reverse("logout"), GET_ONLY, row(*[To("home")] * 8)),
    "password_change": Row(lambda w: reverse("password_change"), LOGGED_IN, LOGGED_IN),
    "password_change_done": Row(
        lambda w: reverse("password_change_done"), LOGGED_IN, row(LOGIN, *[405] * 7)
    ),
    "password_reset": Row(lambda w: reverse("password_reset"), EVERYONE, EVERYONE),
    "password_reset_done": Row(lambda w: reverse("password_reset_done"), EVERYONE, GET_ONLY),
    "password_reset_confirm": Row(
        lambda w: reverse("password_reset_confirm", args=["MQ", "bad-token"]), EVERYONE, EVERYONE
    ),
    "password_reset_complete": Row(
        lambda w: reverse("password_reset_complete"), EVERYONE, GET_ONLY
    ),
    # --- pledges
    "pledges:workspace": Row(lambda w: reverse("pledges:workspace"), LOGGED_IN, LOGGED_IN),
    "pledges:start": Row(  # where a login lands
        lambda w: reverse("pledges:start"),
        row(
            LOGIN,
            To("home"),
            *[To("pledges:workspace")] * 3,
            To("home"),
            *[To("pledges:review-queue")] * 2,
        ),
        None,
    ),
    "pledges:create": Row(
        lambda w: reverse("pledges:create", args=[w.unit_a.slug, w.campaign.slug]),
        OWN_A,
        OWN_A,  # sent empty, the form comes back with its errors
    ),
    "pledges:create (filled in)": Row(
        lambda w: reverse("pledges:create", args=[w.unit_a.slug, w.campaign.slug]),
        None,
        done_by_a(To("pledges:detail")),
        pledge_form,
    ),
    "pledges:update": Row(lambda w: reverse("pledges:update", args=[w.draft_a.pk]), OWN_A, OWN_A),
    "pledges:update (filled in)": Row(
        lambda w: reverse("pledges:update", args=[w.draft_a.pk]),
        None,
        done_by_a(To("pledges:detail")),
        lambda w: pledge_form(w, version=w.draft_a.version),
    ),
    "pledges:update (accepted)": Row(
        lambda w: reverse("pledges:update", args=[w.accepted_a.pk]),
        NOT_NOW,
        OWN_A,  # the service refuses under its lock: the form comes back with the reason
    ),
    "pledges:delete": Row(
        lambda w: reverse("pledges:delete", args=[w.draft_a.pk]),
        OWN_A,
        done_by_a(To("pledges:workspace")),
        lambda w: {},  # confirming is the whole form
    ),
    "pledges:delete (submitted)": Row(
        lambda w: reverse("pledges:delete", args=[w.submitted_a.pk]),
        NOT_NOW,
        done_by_a(To("pledges:detail")),  # refused by the service, back to the pledge
    ),
    "pledges:submit": Row(
        lambda w: reverse("pledges:submit", args=[w.draft_a.pk]),
        OWN_A,
        done_by_a(To("pledges:detail")),  # without its version: refused, back to the pledge
    ),
    "pledges:submit (filled in)": Row(
        lambda w: reverse("pledges:submit", args=[w.draft_a.pk]),
        None,
        done_by_a(To("pledges:workspace")),
        lambda w: {"version": w.draft_a.version},
    ),
    "pledges:submit (accepted)": Row(
        lambda w: reverse("pledges:submit", args=[w.accepted_a.pk]),
        NOT_NOW,
        done_by_a(To("pledges:detail")),  # refused by the service, back to the pledge
    ),
    "pledges:report": Row(
        lambda w: reverse("pledges:report", args=[w.accepted_a.pk]),
        OWN_A,
        OWN_A,
    ),
    "pledges:report (filled in)": Row(
        lambda w: reverse("pledges:report", args=[w.accepted_a.pk]),
        None,
        done_by_a(To("pledges:detail")),
        lambda w: {"percent": "50", "narrative": "Đã làm một nửa."},
    ),
    "pledges:report (draft)": Row(
        lambda w: reverse("pledges:report", args=[w.draft_a.pk]),
        NOT_NOW,
        OWN_A,  # the service refuses under its lock: the form comes back with the reason
    ),
    "pledges:review-queue": Row(
        lambda w: reverse("pledges:review-queue"), OFFICE_ONLY, OFFICE_ONLY
    ),
    "pledges:review": Row(
        lambda w: reverse("pledges:review", args=[w.submitted_a.pk]),
        row(LOGIN, 404, 404, 404, 404, 404, 200, 200),
        None,  # without a decision the form comes back with its errors
    ),
    "pledges:review (filled in)": Row(
        lambda w: reverse("pledges:review", args=[w.submitted_a.pk]),
        None,
        row(LOGIN, 404, 404, 404, 404, 404, To("pledges:review-queue"), To("pledges:review-queue")),
        lambda w: {"decision": "accept", "reason": ""},
    ),
    "pledges:review (draft)": Row(
        lambda w: reverse("pledges:review", args=[w.draft_a.pk]), NOT_NOW
    ),
    "pledges:detail": Row(
        lambda w: reverse("pledges:detail", args=[w.draft_a.pk]), UNIT_A_OR_OFFICE
    ),
    "pledges:detail (submitted)": Row(
        lambda w: reverse("pledges:detail", args=[w.submitted_a.pk]), UNIT_A_OR_OFFICE
    ),
    "pledges:detail (accepted)": Row(
        lambda w: reverse("pledges:detail", args=[w.accepted_a.pk]), EVERYONE
    ),
    "pledges:detail (campaign not public)": Row(
        lambda w: reverse("pledges:detail", args=[w.hidden_a.pk]), UNIT_A_OR_OFFICE
    ),
    "pledges:evidence": Row(
        lambda w: reverse("pledges:evidence", args=[w.photo_a.pk]), EVERYONE, EVERYONE
    ),
    "pledges:evidence (campaign not public)": Row(
        lambda w: reverse("pledges:evidence", args=[w.hidden_photo_a.pk]), UNIT_A_OR_OFFICE
    ),
    "pledges:evidence-thumb": Row(
        lambda w: reverse("pledges:evidence-thumb", args=[w.photo_a.pk]), EVERYONE, EVERYONE
    ),
    "pledges:evidence-thumb (campaign not public)": Row(
        lambda w: reverse("pledges:evidence-thumb", args=[w.hidden_photo_a.pk]),
        UNIT_A_OR_OFFICE,
    ),
    # --- news and nominations
    "news:list": Row(lambda w: "/news/", EVERYONE, GET_ONLY),
    "news:list (searched)": Row(
        lambda w: f"/news/?q=dich&unit={w.unit_a.slug}", EVERYONE, GET_ONLY
    ),
    "news:list (in English)": Row(lambda w: "/en/news/", EVERYONE, GET_ONLY),
    "news:detail": Row(lambda w: w.published.get_absolute_url(), EVERYONE, GET_ONLY),
    "news:detail (draft)": Row(
        lambda w: w.draft_commendation.get_absolute_url(), NOBODY_404, GET_ONLY
    ),
    "news:detail (scheduled)": Row(
        lambda w: w.scheduled_commendation.get_absolute_url(), NOBODY_404, GET_ONLY
    ),
    "news:feed-rss": Row(lambda w: "/news/feeds/rss/", EVERYONE, EVERYONE),
    "news:feed-atom": Row(lambda w: "/news/feeds/atom/", EVERYONE, EVERYONE),
    "news:theme-feed-rss": Row(
        lambda w: reverse("news:theme-feed-rss", args=[w.campaign.slug, 2]), EVERYONE, EVERYONE
    ),
    "news:theme-feed-atom": Row(
        lambda w: reverse("news:theme-feed-atom", args=[w.campaign.slug, 2]), EVERYONE, EVERYONE
    ),
    "news:honour-board-current": Row(
        lambda w: "/honour-board/", row(*[To("news:honour-board")] * 8), None
    ),
    "news:honour-board": Row(
        lambda w: reverse("news:honour-board", args=[w.campaign.slug]), EVERYONE, EVERYONE
    ),
    "news:honour-board (campaign not public)": Row(
        lambda w: reverse("news:honour-board", args=[w.hidden_campaign.slug]), NOBODY_404
    ),
    "news:nomination-list": Row(
        lambda w: reverse("news:nomination-list"), LOGGED_IN, row(LOGIN, *[405] * 7)
    ),
    "news:nomination-create": Row(
        lambda w: reverse("news:nomination-create"),
        row(LOGIN, 403, 200, 200, 200, 403, 403, 403),
        None,  # sent empty, the form comes back with its errors
    ),
    "news:nomination-create (filled in for unit A)": Row(
        lambda w: reverse("news:nomination-create"),
        None,
        row(
            LOGIN,
            403,
            To("news:nomination-detail"),
            To("news:nomination-detail"),
            200,  # not B's unit to choose: the form comes back
            403,
            403,
            403,
        ),
        nomination_form,
    ),
    "news:nomination-detail": Row(
        lambda w: reverse("news:nomination-detail", args=[w.nomination_a.pk]),
        SEEN_BY_A_AND_OFFICE,
        row(LOGIN, *[405] * 7),
    ),
    "news:nomination-detail (decided)": Row(
        lambda w: reverse("news:nomination-detail", args=[w.decided_a.pk]),
        SEEN_BY_A_AND_OFFICE,
        row(LOGIN, *[405] * 7),
    ),
    "news:nomination-update": Row(
        lambda w: reverse("news:nomination-update", args=[w.nomination_a.pk]),
        OWN_A,
        OWN_A,  # sent empty, the form comes back with its errors
    ),
    "news:nomination-update (filled in)": Row(
        lambda w: reverse("news:nomination-update", args=[w.nomination_a.pk]),
        None,
        done_by_a(To("news:nomination-detail")),
        lambda w: {**nomination_form(w), "version": w.nomination_a.version},
    ),
    "news:nomination-update (decided)": Row(
        lambda w: reverse("news:nomination-update", args=[w.decided_a.pk]), NOT_NOW
    ),
    "news:nomination-image": Row(
        lambda w: w.nomination_a.images.get().get_absolute_url(),
        SEEN_BY_A_AND_OFFICE,
        SEEN_BY_A_AND_OFFICE,
    ),
    "news:nomination-image (thumbnail)": Row(
        lambda w: w.nomination_a.images.get().get_thumbnail_url(), SEEN_BY_A_AND_OFFICE
    ),
    # --- the office dashboard
    "office:index": Row(  # what waits for the office, for the current campaign
        lambda w: reverse("office:index"), OFFICE_ONLY, OFFICE_ONLY
    ),
    "office:matrix": Row(
        lambda w: reverse("office:matrix", args=[w.campaign.slug]), OFFICE_ONLY, OFFICE_ONLY
    ),
    "office:matrix (filtered)": Row(
        lambda w: (
            reverse("office:matrix", args=[w.campaign.slug])
            + f"?unit={w.unit_b.slug}&status=accepted&flag=any&days=10"
        ),
        OFFICE_ONLY,
    ),
    "office:matrix (bad filters)": Row(  # the form names the bad fields; no error page
        lambda w: (
            reverse("office:matrix", args=[w.campaign.slug])
            + "?unit=nowhere&status=nonsense&flag=x&days=-4"
        ),
        OFFICE_ONLY,
    ),
    "office:matrix (a unit opened)": Row(  # a summed-up row's link, other filters kept
        lambda w: (
            reverse("office:matrix", args=[w.campaign.slug]) + f"?days=10&unit={w.unit_a.slug}"
        ),
        OFFICE_ONLY,
    ),
    "office:matrix (no such unit opened)": Row(  # named on the form; every unit is shown
        lambda w: reverse("office:matrix", args=[w.campaign.slug]) + "?unit=%3Cb%3Ekh%C3%B4ng",
        OFFICE_ONLY,
    ),
    "office:matrix (in English)": Row(
        lambda w: "/en" + reverse("office:matrix", args=[w.campaign.slug]), OFFICE_ONLY
    ),
    "office:matrix (campaign not public)": Row(  # the office prepares drafts
        lambda w: reverse("office:matrix", args=[w.hidden_campaign.slug]), OFFICE_ONLY
    ),
    "office:matrix (no such campaign)": Row(  # a role-only page: 403 before any 404
        lambda w: reverse("office:matrix", args=["khong-co"]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    "office:statistics": Row(
        lambda w: reverse("office:statistics", args=[w.campaign.slug]), OFFICE_ONLY, OFFICE_ONLY
    ),
    "office:candidates": Row(
        lambda w: reverse("office:candidates", args=[w.campaign.slug]), OFFICE_ONLY, OFFICE_ONLY
    ),
    "office:report": Row(
        lambda w: reverse("office:report", args=[w.campaign.slug]), OFFICE_ONLY, OFFICE_ONLY
    ),
    "office:report (final review)": Row(
        lambda w: reverse("office:report", args=[w.campaign.slug]) + "?kind=final", OFFICE_ONLY
    ),
    "office:unit-report": Row(
        lambda w: reverse("office:unit-report", args=[w.campaign.slug, w.unit_a.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "office:unit-report (no such unit)": Row(
        lambda w: reverse("office:unit-report", args=[w.campaign.slug, "khong-co"]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    # --- achievement records: the office's list; a record for the office and the unit's heads
    "awards:records": Row(lambda w: reverse("awards:records"), OFFICE_ONLY, OFFICE_ONLY),
    "awards:records (search)": Row(
        lambda w: reverse("awards:records") + "?q=nguyen&kind=person", OFFICE_ONLY
    ),
    "awards:record": Row(
        lambda w: reverse(
            "awards:record", args=[w.unit_a.slug, w.award_a.name_key.replace(" ", "-")]
        ),
        SEEN_BY_A_AND_OFFICE,
        SEEN_BY_A_AND_OFFICE,
    ),
    "awards:record (no one of that name)": Row(
        lambda w: reverse("awards:record", args=[w.unit_a.slug, "khong-co-ai"]), NOT_NOW
    ),
    "awards:record (no such unit)": Row(
        lambda w: reverse("awards:record", args=["khong-co", "nguyen-van-a"]), NOT_NOW
    ),
    "awards:unit-record": Row(
        lambda w: reverse("awards:unit-record", args=[w.unit_a.slug]),
        SEEN_BY_A_AND_OFFICE,
        SEEN_BY_A_AND_OFFICE,
    ),
    "awards:my-records": Row(lambda w: reverse("awards:my-records"), LOGGED_IN, LOGGED_IN),
    "awards:outcomes": Row(lambda w: reverse("awards:outcomes"), LOGGED_IN, LOGGED_IN),
    # --- awards: the commendation decision (made from a round, issued, amended, its outputs)
    "awards:decision-create": Row(
        lambda w: reverse("awards:decision-create", args=[w.evaluation.pk]),
        OFFICE_ONLY,
        OFFICE_ONLY,  # sent empty, the form comes back with its errors
    ),
    "awards:decision-create (made)": Row(
        lambda w: reverse("awards:decision-create", args=[w.evaluation.pk]),
        None,
        row(LOGIN, 403, 403, 403, 403, 403, To("awards:decision"), To("awards:decision")),
        lambda w: {
            "number": "900",
            "date_0": "28",
            "date_1": "12",
            "date_2": "2022",
            "signer_position": "GIÁM ĐỐC",
            "signer_name": "Nguyễn Văn Giám",
            "news_items": "each",
        },
    ),
    "awards:decision-create (no such round)": Row(  # a role-only page: 403 before any 404
        lambda w: reverse("awards:decision-create", args=[999999]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    "awards:decision": Row(
        lambda w: reverse("awards:decision", args=[w.draft_decision.pk]),
        OFFICE_ONLY,
        row(LOGIN, 403, 403, 403, 403, 403, 405, 405),
    ),
    "awards:decision (issued)": Row(
        lambda w: reverse("awards:decision", args=[w.issued_decision.pk]),
        OFFICE_ONLY,
        row(LOGIN, 403, 403, 403, 403, 403, 405, 405),
    ),
    "awards:decision-issue": Row(
        lambda w: reverse("awards:decision-issue", args=[w.draft_decision.pk]),
        OFFICE_ONLY,
        OFFICE_ONLY,  # sent without its version (or with an empty list): refused, shown again
    ),
    "awards:decision-issue (issued)": Row(
        lambda w: reverse("awards:decision-issue", args=[w.issued_decision.pk]), OFFICE_ONLY
    ),
    "awards:decision-amend": Row(
        lambda w: reverse("awards:decision-amend", args=[w.issued_decision.pk]),
        OFFICE_ONLY,
        OFFICE_ONLY,  # sent empty, the form comes back with its errors
    ),
    "awards:decision-amend (draft)": Row(  # a draft is changed, not amended
        lambda w: reverse("awards:decision-amend", args=[w.draft_decision.pk]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    "awards:decision-print": Row(
        lambda w: reverse("awards:decision-print", args=[w.issued_decision.pk]),
        OFFICE_ONLY,
        row(LOGIN, 403, 403, 403, 403, 403, 405, 405),
    ),
    "awards:decision-docx": Row(
        lambda w: reverse("awards:decision-docx", args=[w.issued_decision.pk]),
        OFFICE_DOWNLOAD,
        row(LOGIN, 403, 403, 403, 403, 403, 405, 405),
    ),
    "awards:decision-annex": Row(
        lambda w: reverse("awards:decision-annex", args=[w.issued_decision.pk]),
        OFFICE_DOWNLOAD,
        row(LOGIN, 403, 403, 403, 403, 403, 405, 405),
    ),
    # --- awards: the evaluation round, the council's vote, its minutes and the submission
    "awards:rounds": Row(lambda w: reverse("awards:rounds"), OFFICE_ONLY, OFFICE_ONLY),
    "awards:round": Row(  # sent empty (no version), the table comes back with the error
        lambda w: reverse("awards:round", args=[w.evaluation.pk]), OFFICE_ONLY, OFFICE_ONLY
    ),
    "awards:round (votes filled in)": Row(
        lambda w: reverse("awards:round", args=[w.evaluation.pk]),
        None,
        row(LOGIN, 403, 403, 403, 403, 403, To("awards:round"), To("awards:round")),
        lambda w: {
            "version": w.evaluation.version,
            f"votes_{w.proposal_a.pk}": "5",
            f"votes_{w.proposal_b.pk}": "2",
        },
    ),
    "awards:round (bad votes)": Row(  # letters and too many: refused row by row, nothing saved
        lambda w: reverse("awards:round", args=[w.evaluation.pk]),
        None,
        OFFICE_ONLY,
        lambda w: {
            "version": w.evaluation.version,
            f"votes_{w.proposal_a.pk}": "năm",
            f"votes_{w.proposal_b.pk}": "99",
        },
    ),
    "awards:round (stale version)": Row(
        lambda w: reverse("awards:round", args=[w.evaluation.pk]),
        None,
        OFFICE_ONLY,
        lambda w: {"version": w.evaluation.version - 1, f"votes_{w.proposal_b.pk}": "1"},
    ),
    "awards:round (no such round)": Row(
        lambda w: reverse("awards:round", args=[999999]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    "awards:round-nominations": Row(
        lambda w: reverse("awards:round-nominations", args=[w.evaluation.pk]),
        GET_ONLY,
        row(LOGIN, 403, 403, 403, 403, 403, To("awards:round"), To("awards:round")),
    ),
    "office:round-candidates": Row(
        lambda w: reverse("office:round-candidates", args=[w.evaluation.pk]),
        GET_ONLY,
        row(LOGIN, 403, 403, 403, 403, 403, To("awards:round"), To("awards:round")),
    ),
    "awards:minutes": Row(
        lambda w: reverse("awards:minutes", args=[w.evaluation.pk]), OFFICE_ONLY, OFFICE_ONLY
    ),
    "awards:submission": Row(
        lambda w: reverse("awards:submission", args=[w.evaluation.pk]), OFFICE_ONLY, OFFICE_ONLY
    ),
    # --- scoring: the public leaderboard
    "scoring:leaderboard-current": Row(
        lambda w: reverse("scoring:leaderboard-current"), row(*[To("scoring:leaderboard")] * 8)
    ),
    "scoring:leaderboard": Row(
        lambda w: reverse("scoring:leaderboard", args=[w.campaign.slug]), EVERYONE, EVERYONE
    ),
    "scoring:leaderboard-round": Row(
        lambda w: reverse("scoring:leaderboard-round", args=[w.campaign.slug, w.round.pk]),
        EVERYONE,
        EVERYONE,
    ),
    "scoring:leaderboard-round (draft)": Row(
        lambda w: reverse("scoring:leaderboard-round", args=[w.campaign.slug, w.draft_round.pk]),
        NOBODY_404,
    ),
    # --- the office's downloads
    # --- commendation decisions: the certificates (office only) and a public decision
    "awards:certificates": Row(
        lambda w: reverse("awards:certificates", args=[w.issued_decision.pk]),
        OFFICE_ONLY,
        GET_ONLY,
    ),
    "awards:certificates (draft decision)": Row(  # no certificates before it is issued
        lambda w: reverse("awards:certificates", args=[w.draft_decision.pk]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
        GET_ONLY,
    ),
    "awards:certificate": Row(
        lambda w: reverse("awards:certificate", args=[w.issued_decision.pk, w.award_a.pk]),
        OFFICE_ONLY,
        GET_ONLY,
    ),
    "awards:certificate (award of another decision)": Row(
        lambda w: reverse("awards:certificate", args=[w.draft_decision.pk, w.award_a.pk]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
        GET_ONLY,
    ),
    "awards:certificate-salutations": Row(  # sent empty: nothing changes, back to the page
        lambda w: reverse("awards:certificate-salutations", args=[w.issued_decision.pk]),
        GET_ONLY,
        row(LOGIN, 403, 403, 403, 403, 403, *[To("awards:certificates")] * 2),
    ),
    "awards:certificate-salutations (filled in)": Row(
        lambda w: reverse("awards:certificate-salutations", args=[w.issued_decision.pk]),
        None,
        row(LOGIN, 403, 403, 403, 403, 403, *[To("awards:certificates")] * 2),
        lambda w: {f"salutation-{w.award_a.pk}": "ba", f"was-{w.award_a.pk}": ""},
    ),
    "awards:certificate-salutations (draft decision)": Row(
        lambda w: reverse("awards:certificate-salutations", args=[w.draft_decision.pk]),
        None,
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    "awards:certificate-emblem": Row(  # none uploaded in the demo portal
        lambda w: reverse("awards:certificate-emblem"),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
        GET_ONLY,
    ),
    "awards:public-decision": Row(
        lambda w: reverse("awards:public-decision", args=[w.issued_decision.pk]),
        EVERYONE,
        GET_ONLY,
    ),
    "awards:public-decision (draft)": Row(
        lambda w: reverse("awards:public-decision", args=[w.draft_decision.pk]),
        NOBODY_404,
        GET_ONLY,
    ),
    "exports:list": Row(lambda w: reverse("exports:list"), OFFICE_ONLY, OFFICE_ONLY),
    "exports:workbook": Row(
        lambda w: reverse("exports:workbook", args=[w.campaign.slug]),
        OFFICE_DOWNLOAD,
        OFFICE_DOWNLOAD,
    ),
    "exports:workbook (campaign not public)": Row(
        lambda w: reverse("exports:workbook", args=[w.hidden_campaign.slug]), OFFICE_DOWNLOAD
    ),
    "exports:workbook (no such campaign)": Row(  # a role-only page: 403 before any 404
        lambda w: reverse("exports:workbook", args=["khong-co"]),
        row(LOGIN, 403, 403, 403, 403, 403, 404, 404),
    ),
    "exports:table": Row(
        lambda w: reverse("exports:table", args=[w.campaign.slug, "pledges"]),
        OFFICE_DOWNLOAD,
        OFFICE_DOWNLOAD,
    ),
    # --- open data: read-only, public, and the same for everyone (SAME_FOR_EVERYONE)
    **{
        f"api:{name}": Row(lambda w, n=name: reverse(f"api:{n}"), EVERYONE, GET_ONLY)
        for name in ("index", "campaigns", "themes", "units", "pledges", "commendations", "scores")
    },
    # --- the admin's own views beside the model pages (those are in ADMIN_MODELS below)
    "admin:login": Row(
        lambda w: reverse("admin:login"),
        row(*[200] * 5, *[To("admin:index")] * 3),
        EVERYONE,  # sent empty, the form comes back with its errors
    ),
    "admin:logout": Row(
        lambda w: reverse("admin:logout"),
        row(*[To("admin:index")] * 5, 405, 405, 405),  # logging out is a POST
        row(*[To("admin:index")] * 5, *[To("home")] * 3),
    ),
    "admin:app_list": Row(  # staff who may see none of the app's models: no such page
        lambda w: reverse("admin:app_list", args=["campaign"]),
        row(*[ADMIN_LOGIN] * 5, 404, 200, 200),
    ),
    "admin:autocomplete": Row(
        lambda w: (
            reverse("admin:autocomplete")
            + "?app_label=units&model_name=unitrole&field_name=unit&term=Trung"
        ),
        ADMIN_OFFICE,
        row(*[ADMIN_LOGIN] * 5, 405, 405, 405),
    ),
    "admin:view_on_site": Row(
        lambda w: reverse(
            "admin:view_on_site",
            args=[ContentType.objects.get_for_model(w.published).pk, w.published.pk],
        ),
        row(*[ADMIN_LOGIN] * 5, *[To("news:detail")] * 3),
    ),
    "admin:auth_user_password_change": Row(
        lambda w: reverse("admin:auth_user_password_change", args=[w.users["nobody"].pk]),
        ADMIN_OFFICE,
    ),
    "admin:units_unit_import": Row(lambda w: reverse("admin:units_unit_import"), ADMIN_OFFICE),
    "admin:awards_award_import": Row(lambda w: reverse("admin:awards_award_import"), ADMIN_OFFICE),
    "admin:awards_award_import_template": Row(
        lambda w: reverse("admin:awards_award_import_template"),
        row(*[ADMIN_LOGIN] * 5, 403, DOWNLOAD, DOWNLOAD),
    ),
    "admin:news_commendation_preview": Row(
        lambda w: reverse("admin:news_commendation_preview", args=[w.draft_commendation.pk]),
        ADMIN_OFFICE,
    ),
    "admin:news_nomination_changelist (waiting)": Row(
        lambda w: reverse("admin:news_nomination_changelist") + "?status__exact=submitted",
        ADMIN_OFFICE,
    ),
    "admin:news_nomination_accept": Row(
        lambda w: reverse("admin:news_nomination_accept", args=[w.nomination_a.pk]),
        ADMIN_OFFICE,
        row(*[ADMIN_LOGIN] * 5, 403, *[To("admin:news_commendation_change")] * 2),
        lambda w: {},  # confirming is the whole form
    ),
    "admin:news_nomination_decline": Row(
        lambda w: reverse("admin:news_nomination_decline", args=[w.nomination_a.pk]),
        ADMIN_OFFICE,
        row(*[ADMIN_LOGIN] * 5, 403, *[To("admin:news_nomination_changelist")] * 2),
        lambda w: {"reason": "Chưa đủ tiêu chuẩn."},
    ),
    "admin:scoring_scoringround_unit_scores": Row(
        lambda w: reverse(
            "admin:scoring_scoringround_unit_scores", args=[w.draft_round.pk, w.unit_b.pk]
        ),
        ADMIN_OFFICE,
        row(*[ADMIN_LOGIN] * 5, 403, *[To("admin:scoring_scoringround_change")] * 2),
        lambda w: {"token": "", f"criterion_{w.criterion.pk}": "1"},
    ),
}
# Pages whose content is the same whoever asks: nothing more for the office, nothing less.
SAME_FOR_EVERYONE = {name for name in TABLE if name.startswith("api:")}
# Pages whose filters are sent by GET: the only form with a token is the header's logout.
ONE_TOKEN = {name for name in TABLE if name.startswith("office:")}

# The admin: staff only. What the office group may do per model (v view, a add, c change,
# d delete); superusers may do everything. Pages of a model the office may not see are 403.
ADMIN_MODELS = {
    "auth.group": "",
    "auth.user": "vac",
    "axes.accessattempt": "vd",
    "axes.accesslog": "v",
    "axes.accessfailurelog": "v",
    "campaign.campaign": "vacd",
    "campaign.theme": "vacd",
    "campaign.legaldocument": "vacd",
    "units.unit": "vacd",
    "units.unitrole": "vacd",
    "outbox.message": "vc",
    "audit.event": "v",
    "pledges.pledge": "vc",
    "pledges.progressreport": "v",
    "pledges.evidence": "v",
    "news.commendationform": "vacd",
    "news.commendation": "vacd",
    "news.nomination": "vc",
    "scoring.criterion": "vacd",
    "scoring.scoringround": "vacd",
    "scoring.score": "vacd",
    "awards.award": "vacd",
    "awards.decision": "vacd",
    "awards.basesalary": "vacd",
    "awards.awardrate": "vacd",
    "awards.certificatelayout": "vc",
    "awards.awardrule": "vacd",
    "awards.evaluationround": "vacd",
    "awards.proposal": "vacd",
}
# Records never added through the admin's add form, not even by a superuser: logs the portal
# writes, pledges, progress and nominations (the unit heads' pages), and scores (entered per unit
# on a review round's page); the certificates' one layout row (made when first needed).
WRITTEN_BY_THE_PORTAL = {
    "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog", "outbox.message",
    "audit.event", "pledges.pledge", "pledges.progressreport", "pledges.evidence",
    "news.nomination", "scoring.score", "awards.certificatelayout",
}  # fmt: skip
# Records never deleted through the admin, not even by a superuser: the audit trail, and what
# unit heads and the scoring wrote, whose history must stay whole; an award recorded by a
# decision (the demo's is; an amending decision corrects it, while an imported line may be
# deleted: tests/awards/test_records_import.py); the certificates' layout.
KEPT = {
    "audit.event", "pledges.pledge", "pledges.progressreport", "pledges.evidence",
    "news.nomination", "scoring.score", "awards.award", "awards.certificatelayout",
}  # fmt: skip
# Models the demo portal has no record of, so only their list and add pages are opened.
WITHOUT_RECORDS: set[str] = set()
# Lists that open on a default filter (the nominations waiting for a decision).
FILTERED_BY_DEFAULT = {"news.nomination"}
ADMIN_SITE_PAGES = {  # pages of the admin site itself, and what staff without a permission get
    "admin:index": 200,
    "admin:system": 404,  # the system tables: none that staff member may see
    "admin:password_change": 200,
    "admin:password_change_done": 200,
    "admin:jsi18n": 200,
}


def pattern_names() -> set[str]:
    names = set()

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                walk(
                    pattern.url_patterns,
                    f"{namespace}:{ns}" if namespace and ns else ns or namespace,
                )
            elif isinstance(pattern, URLPattern):
                name = pattern.name or str(pattern.pattern).strip("^$/") or "?"
                names.add(f"{namespace}:{name}" if namespace else name)

    walk(get_resolver().url_patterns)
    return names


def admin_names() -> set[str]:
    names = set(ADMIN_SITE_PAGES)
    for label in ADMIN_MODELS:
        prefix = "admin:" + label.replace(".", "_")
        names |= {f"{prefix}_{suffix}" for suffix in ("changelist", "add", "change", "delete")}
        names |= {f"{prefix}_history", f"{prefix}_simple_history"}
    return names


def test_every_url_pattern_has_a_row():
    # The admin's unnamed patterns only redirect old object URLs to their change page.
    unnamed = {n for n in pattern_names() if n.startswith("admin:") and "<" in n or "(" in n}
    rows = {url_name(key) for key in TABLE}
    missing = sorted(pattern_names() - rows - admin_names() - unnamed)
    assert missing == [], f"URL patterns without a row in the permission table: {missing}"
    assert sorted(rows - pattern_names()) == [], "rows of no URL pattern"


def records() -> tuple:
    """What the portal's forms write: a change here is a write that happened."""
    return (
        list(Pledge.objects.order_by("pk").values_list("pk", "status", "version")),
        list(ProgressReport.objects.order_by("pk").values_list("pk")),
        list(Nomination.objects.order_by("pk").values_list("pk", "status", "version")),
        list(Score.objects.order_by("pk").values_list("pk", "points")),
        list(Decision.objects.order_by("pk").values_list("pk", "status", "version")),
        list(Award.objects.order_by("pk").values_list("pk", "salutation")),
        list(Proposal.objects.order_by("pk").values_list("pk", "votes_for")),
    )


def outcome(response) -> str | int | To:
    """What a response amounts to, in the table's terms."""
    if response.status_code == 200:
        attachment = response.get("Content-Disposition", "").startswith("attachment")
        return DOWNLOAD if attachment else 200
    if response.status_code != 302:
        return response.status_code
    location, request = response["Location"], response.wsgi_request
    back = QueryDict(mutable=True)
    back["next"] = request.get_full_path()
    with translation.override(getattr(request, "LANGUAGE_CODE", None)):
        logins = {reverse("admin:login"): ADMIN_LOGIN, reverse("login"): LOGIN}
    for login, code in logins.items():
        if location == f"{login}?{back.urlencode(safe='/')}":
            return code
    try:
        return To(resolve(urlsplit(location).path).view_name)
    except Resolver404:
        return To(location)


def clients(portal) -> dict[str, Client]:
    """{role: a client logged in as that role}, for one test's requests."""
    logged_in = {}
    for role in ROLES:
        logged_in[role] = Client()
        if portal.users[role]:
            logged_in[role].force_login(portal.users[role])
    return logged_in


def as_each_role(clients: dict[str, Client], send, *, writes: bool = False) -> tuple[dict, dict]:
    """({role: response}, {role: whether the portal's records changed, when `writes` is asked
    for}); each request's writes are undone before the next, the login's session included."""
    responses, wrote = {}, {}
    for role in ROLES:
        with transaction.atomic():
            before = records() if writes else None
            responses[role] = send(clients[role])
            wrote[role] = writes and records() != before
            transaction.set_rollback(True)
    return responses, wrote


def outcomes(responses: dict) -> dict:
    return {role: outcome(response) for role, response in responses.items()}


@pytest.mark.parametrize("name", list(TABLE))
def test_portal_url(demo_portal, name):
    path_for, get_outcomes, post_outcomes, form = TABLE[name]
    path, logged_in = path_for(demo_portal), clients(demo_portal)
    if get_outcomes is not None:
        responses, _ = as_each_role(logged_in, lambda c: c.get(path))
        got = outcomes(responses)
        assert got == get_outcomes, f"GET {path}: {got}"
        if name in SAME_FOR_EVERYONE:
            contents = {role: response.content for role, response in responses.items()}
            assert {role for role, c in contents.items() if c != contents["anonymous"]} == set()
        if name in ONE_TOKEN:
            tokens = {
                role: response.content.decode().count("csrfmiddlewaretoken")
                for role, response in responses.items()
                if got[role] == 200
            }
            assert tokens == dict.fromkeys(tokens, 1), f"GET {path}: forms with a token {tokens}"
    data = form(demo_portal) if form else {}
    responses, wrote = as_each_role(logged_in, lambda c: c.post(path, data), writes=True)
    got = outcomes(responses)
    assert got == (post_outcomes or get_outcomes), f"POST {path}: {got}"
    done = {role for role, seen in got.items() if isinstance(seen, To)}
    changed = {role for role, changed in wrote.items() if changed}
    if form:  # a filled-in form is saved where it leads on, and only there
        assert changed == done, f"POST {path}: saved for {changed}"
    else:  # a refused or re-shown form changes nothing
        assert changed <= done, f"POST {path}: saved for {changed}"


def admin_object(label):
    from django.apps import apps

    model = apps.get_model(label)
    objects = model.objects.order_by("pk")
    if label == "auth.user":
        objects = objects.filter(is_staff=False)  # staff accounts are not the office's to edit
    if label == "scoring.scoringround":
        objects = objects.filter(status="draft")  # a published round is kept (tests/scoring)
    return objects.first()


def admin_pages(label) -> dict[str, tuple[str, str]]:
    """{page: (path, the permission it needs)} for one model's admin."""
    from django.apps import apps
    from django.contrib import admin

    prefix = f"admin:{label.replace('.', '_')}"
    changelist = reverse(f"{prefix}_changelist")
    pages = {"changelist": (changelist, "v"), "add": (reverse(f"{prefix}_add"), "a")}
    model_admin = admin.site._registry[apps.get_model(label)]
    if model_admin.search_fields:  # words with diacritics, as the office types them
        pages["search"] = (f"{changelist}?{urlencode({'q': 'Đoàn'})}", "v")
    if (obj := admin_object(label)) is not None:
        pages["change"] = (reverse(f"{prefix}_change", args=[obj.pk]), "v")
        pages["history"] = (reverse(f"{prefix}_history", args=[obj.pk]), "v")
        pages["delete"] = (reverse(f"{prefix}_delete", args=[obj.pk]), "d")
    return pages


@pytest.mark.parametrize(("label", "perms"), ADMIN_MODELS.items())
def test_admin_url(demo_portal, label, perms):
    if label not in WITHOUT_RECORDS:
        assert admin_object(label) is not None, f"the demo portal has no {label} to open"
    logged_in = clients(demo_portal)
    for kind, (path, needs) in admin_pages(label).items():
        ok = 200
        if kind == "changelist" and label in FILTERED_BY_DEFAULT:
            ok = To(f"admin:{label.replace('.', '_')}_changelist")
        never = (kind == "add" and label in WRITTEN_BY_THE_PORTAL) or (
            kind == "delete" and label in KEPT
        )
        office = ok if needs in perms and not never else 403
        superuser = 403 if never else ok
        # The default filter is added before permissions are looked at; the filtered list
        # then refuses (its own row, "admin:news_nomination_changelist (waiting)").
        staff = ok if isinstance(ok, To) else 403
        expected = row(*[ADMIN_LOGIN] * 5, staff, office, superuser)
        responses, _ = as_each_role(logged_in, lambda c, p=path: c.get(p))
        got = outcomes(responses)
        assert got == expected, f"GET {path}: {got}"


@pytest.mark.parametrize("name", list(ADMIN_SITE_PAGES))
def test_admin_site_pages(demo_portal, name):
    path = reverse(name)
    expected = row(*[ADMIN_LOGIN] * 5, ADMIN_SITE_PAGES[name], 200, 200)
    responses, _ = as_each_role(clients(demo_portal), lambda c: c.get(path))
    got = outcomes(responses)
    assert got == expected, f"GET {path}: {got}"


@pytest.mark.parametrize("role", ["anonymous", "head_a", "office"])
def test_every_post_without_a_csrf_token_is_refused(demo_portal, role):
    """Whatever the page, a POST without the form's token changes nothing and gets a 403."""
    client = Client(enforce_csrf_checks=True)
    if demo_portal.users[role]:
        client.force_login(demo_portal.users[role])
    paths = {name: r.path(demo_portal) for name, r in TABLE.items() if r.get is not None}
    before = records()
    got = {name: client.post(path, {}).status_code for name, path in paths.items()}
    assert records() == before
    # Pages that answer only GET say so before the token is looked at.
    not_allowed = {url_name(name) for name, code in got.items() if code == 405}
    refused = {name: code for name, code in got.items() if code != 405}
    assert refused == dict.fromkeys(refused, 403)
    assert not_allowed <= {
        "campaign:list", "campaign:detail", "campaign:announcement", "units:list", "news:list",
        "news:detail",
        "password_change_done", "password_reset_done", "password_reset_complete",
        "news:nomination-list", "news:nomination-detail", "logout",
    }  # fmt: skip
