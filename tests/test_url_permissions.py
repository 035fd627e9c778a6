"""Every URL pattern of the portal, for every kind of user, with GET and POST.

The tables below give one expected outcome per (pattern, role). The first test walks the whole
URLconf: a URL added without a row here fails it. Codes: a status code, LOGIN a redirect to the
portal's login page, ADMIN_LOGIN a redirect to the admin's login page, REDIRECT a redirect
elsewhere. Someone else's object (or one not visible now) is a 404; a role-only page is a 403.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

ROLES = ["anonymous", "nobody", "head_a", "deputy_a", "head_b", "office", "superuser"]
LOGIN, ADMIN_LOGIN, REDIRECT = "login", "admin-login", "redirect"


def row(anonymous, nobody, head_a, deputy_a, head_b, office, superuser):
    return dict(
        zip(ROLES, [anonymous, nobody, head_a, deputy_a, head_b, office, superuser], strict=True)
    )


EVERYONE = row(*[200] * 7)
NOBODY_404 = row(*[404] * 7)
LOGGED_IN = row(LOGIN, *[200] * 6)
OWN_A = row(LOGIN, 404, 200, 200, 404, 404, 404)  # what only unit A's heads may change
SEEN_BY_A_AND_OFFICE = row(LOGIN, 404, 200, 200, 404, 200, 200)
OFFICE_ONLY = row(LOGIN, 403, 403, 403, 403, 200, 200)
DONE_BY_A = row(LOGIN, 404, REDIRECT, REDIRECT, 404, 404, 404)  # done, then sent on

# name -> (path builder, GET outcomes, POST outcomes or None when POST is the same page again)
TABLE = {
    # --- the site's plumbing
    "favicon.ico": (lambda w: "/favicon.ico", row(*[301] * 7), row(*[301] * 7)),
    "healthz": (lambda w: "/healthz", EVERYONE, EVERYONE),
    "sitemap": (lambda w: "/sitemap.xml", EVERYONE, EVERYONE),
    "robots": (lambda w: "/robots.txt", EVERYONE, EVERYONE),
    "media": (lambda w: w.published.photo_card.url, EVERYONE, row(*[405] * 7)),
    # --- public pages (campaign, units)
    "home": (lambda w: "/", EVERYONE, EVERYONE),
    "campaign:list": (lambda w: "/campaigns/", EVERYONE, row(*[405] * 7)),
    "campaign:detail": (lambda w: w.campaign.get_absolute_url(), EVERYONE, row(*[405] * 7)),
    "campaign:announcement": (
        lambda w: reverse("campaign:announcement", args=[w.campaign.slug]),
        EVERYONE,
        row(*[405] * 7),
    ),
    "campaign:theme": (lambda w: w.theme.get_absolute_url(), EVERYONE, EVERYONE),
    "units:list": (lambda w: "/units/", EVERYONE, row(*[405] * 7)),
    "units:detail": (lambda w: w.unit_a.get_absolute_url(), EVERYONE, EVERYONE),
    # --- accounts
    "login": (lambda w: reverse("login"), EVERYONE, EVERYONE),
    "logout": (lambda w: reverse("logout"), row(*[405] * 7), row(*[REDIRECT] * 7)),
    "password_change": (lambda w: reverse("password_change"), LOGGED_IN, LOGGED_IN),
    "password_change_done": (
        lambda w: reverse("password_change_done"),
        LOGGED_IN,
        row(LOGIN, *[405] * 6),
    ),
    "password_reset": (lambda w: reverse("password_reset"), EVERYONE, EVERYONE),
    "password_reset_done": (lambda w: reverse("password_reset_done"), EVERYONE, row(*[405] * 7)),
    "password_reset_confirm": (
        lambda w: reverse("password_reset_confirm", args=["MQ", "bad-token"]),
        EVERYONE,
        EVERYONE,
    ),
    "password_reset_complete": (
        lambda w: reverse("password_reset_complete"),
        EVERYONE,
        row(*[405] * 7),
    ),
    # --- pledges
    "pledges:workspace": (lambda w: reverse("pledges:workspace"), LOGGED_IN, LOGGED_IN),
    "pledges:start": (
        lambda w: reverse("pledges:start"),
        row(LOGIN, *[REDIRECT] * 6),
        row(LOGIN, *[REDIRECT] * 6),
    ),
    "pledges:create": (
        lambda w: reverse("pledges:create", args=[w.unit_a.slug, w.campaign.slug]),
        OWN_A,
        OWN_A,  # an empty form comes back with its errors
    ),
    "pledges:update": (lambda w: reverse("pledges:update", args=[w.draft_a.pk]), OWN_A, OWN_A),
    "pledges:delete": (lambda w: reverse("pledges:delete", args=[w.draft_a.pk]), OWN_A, DONE_BY_A),
    "pledges:submit": (lambda w: reverse("pledges:submit", args=[w.draft_a.pk]), OWN_A, DONE_BY_A),
    "pledges:report": (
        lambda w: reverse("pledges:report", args=[w.accepted_a.pk]),
        OWN_A,
        OWN_A,
    ),
    "pledges:review-queue": (lambda w: reverse("pledges:review-queue"), OFFICE_ONLY, OFFICE_ONLY),
    "pledges:review": (
        lambda w: reverse("pledges:review", args=[w.submitted_a.pk]),
        row(LOGIN, 404, 404, 404, 404, 200, 200),
        None,  # without a decision the form comes back with its errors
    ),
    "pledges:detail": (
        lambda w: reverse("pledges:detail", args=[w.draft_a.pk]),
        row(404, 404, 200, 200, 404, 200, 200),
        None,
    ),
    "pledges:evidence": (
        lambda w: reverse("pledges:evidence", args=[w.photo_a.pk]),
        EVERYONE,
        EVERYONE,
    ),
    "pledges:evidence-thumb": (
        lambda w: reverse("pledges:evidence-thumb", args=[w.photo_a.pk]),
        EVERYONE,
        EVERYONE,
    ),
    # --- news and nominations
    "news:list": (lambda w: "/news/", EVERYONE, row(*[405] * 7)),
    "news:detail": (lambda w: w.published.get_absolute_url(), EVERYONE, row(*[405] * 7)),
    "news:feed-rss": (lambda w: "/news/feeds/rss/", EVERYONE, EVERYONE),
    "news:feed-atom": (lambda w: "/news/feeds/atom/", EVERYONE, EVERYONE),
    "news:theme-feed-rss": (
        lambda w: reverse("news:theme-feed-rss", args=[w.campaign.slug, 2]),
        EVERYONE,
        EVERYONE,
    ),
    "news:theme-feed-atom": (
        lambda w: reverse("news:theme-feed-atom", args=[w.campaign.slug, 2]),
        EVERYONE,
        EVERYONE,
    ),
    "news:honour-board-current": (
        lambda w: "/honour-board/",
        row(*[REDIRECT] * 7),
        row(*[REDIRECT] * 7),
    ),
    "news:honour-board": (
        lambda w: reverse("news:honour-board", args=[w.campaign.slug]),
        EVERYONE,
        EVERYONE,
    ),
    "news:nomination-list": (
        lambda w: reverse("news:nomination-list"),
        LOGGED_IN,
        row(LOGIN, *[405] * 6),
    ),
    "news:nomination-create": (
        lambda w: reverse("news:nomination-create"),
        row(LOGIN, 403, 200, 200, 200, 403, 403),
        row(LOGIN, 403, 200, 200, 200, 403, 403),  # an empty form comes back with its errors
    ),
    "news:nomination-detail": (
        lambda w: reverse("news:nomination-detail", args=[w.nomination_a.pk]),
        SEEN_BY_A_AND_OFFICE,
        row(LOGIN, *[405] * 6),
    ),
    "news:nomination-update": (
        lambda w: reverse("news:nomination-update", args=[w.nomination_a.pk]),
        OWN_A,
        OWN_A,  # an empty form comes back with its errors
    ),
    "news:nomination-image": (
        lambda w: reverse(
            "news:nomination-image", args=[w.nomination_a.pk, w.nomination_a.images.first().pk]
        ),
        SEEN_BY_A_AND_OFFICE,
        SEEN_BY_A_AND_OFFICE,
    ),
    # --- the office dashboard
    "office:index": (  # what waits for the office, for the current campaign
        lambda w: reverse("office:index"),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "office:matrix": (
        lambda w: reverse("office:matrix", args=[w.campaign.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "office:statistics": (
        lambda w: reverse("office:statistics", args=[w.campaign.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "office:candidates": (
        lambda w: reverse("office:candidates", args=[w.campaign.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "office:report": (
        lambda w: reverse("office:report", args=[w.campaign.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "office:unit-report": (
        lambda w: reverse("office:unit-report", args=[w.campaign.slug, w.unit_a.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    # --- scoring: the public leaderboard
    "scoring:leaderboard-current": (
        lambda w: reverse("scoring:leaderboard-current"),
        row(*[REDIRECT] * 7),
        row(*[REDIRECT] * 7),
    ),
    "scoring:leaderboard": (
        lambda w: reverse("scoring:leaderboard", args=[w.campaign.slug]),
        EVERYONE,
        EVERYONE,
    ),
    "scoring:leaderboard-round": (
        lambda w: reverse("scoring:leaderboard-round", args=[w.campaign.slug, w.round.pk]),
        EVERYONE,
        EVERYONE,
    ),
    # --- the office's downloads
    "exports:list": (lambda w: reverse("exports:list"), OFFICE_ONLY, OFFICE_ONLY),
    "exports:workbook": (
        lambda w: reverse("exports:workbook", args=[w.campaign.slug]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    "exports:table": (
        lambda w: reverse("exports:table", args=[w.campaign.slug, "pledges"]),
        OFFICE_ONLY,
        OFFICE_ONLY,
    ),
    # --- open data: read-only, public
    **{
        f"api:{name}": (lambda w, n=name: reverse(f"api:{n}"), EVERYONE, row(*[405] * 7))
        for name in ("index", "campaigns", "themes", "units", "pledges", "commendations", "scores")
    },
}

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
}
# Records never added through the admin's add form, not even by a superuser: logs the portal
# writes, pledges, progress and nominations (the unit heads' pages), and scores (entered per unit
# on a review round's page).
WRITTEN_BY_THE_PORTAL = {
    "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog", "outbox.message",
    "audit.event", "pledges.pledge", "pledges.progressreport", "pledges.evidence",
    "news.nomination", "scoring.score",
}  # fmt: skip
# Lists that open on a default filter (the nominations waiting for a decision).
FILTERED_BY_DEFAULT = {"news.nomination"}
ADMIN_SITE_PAGES = {  # pages of the admin site itself, for any staff member
    "admin:index": "admin/",
    "admin:system": "admin/system/",
    "admin:password_change": "admin/password_change/",
    "admin:password_change_done": "admin/password_change/done/",
    "admin:jsi18n": "admin/jsi18n/",
}
ADMIN_ALSO = {  # the admin's other patterns, checked through the pages above or by the apps
    "admin:login", "admin:logout", "admin:autocomplete", "admin:view_on_site", "admin:app_list",
    "admin:news_commendation_preview", "admin:news_nomination_accept",
    "admin:news_nomination_decline", "admin:auth_user_password_change",
    "admin:scoring_scoringround_unit_scores", "admin:units_unit_import",
}  # fmt: skip


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
    names = set(ADMIN_SITE_PAGES) | ADMIN_ALSO
    for label in ADMIN_MODELS:
        prefix = "admin:" + label.replace(".", "_")
        names |= {f"{prefix}_{suffix}" for suffix in ("changelist", "add", "change", "delete")}
        names |= {f"{prefix}_history", f"{prefix}_simple_history"}
    return names


def test_every_url_pattern_has_a_row():
    # The admin's unnamed patterns only redirect old object URLs to their change page.
    unnamed = {n for n in pattern_names() if n.startswith("admin:") and "<" in n or "(" in n}
    missing = sorted(pattern_names() - set(TABLE) - admin_names() - unnamed)
    assert missing == [], f"URL patterns without a row in the permission table: {missing}"


def outcome(response) -> str | int:
    """What a response amounts to, in the table's terms."""
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    if location.startswith(f"{reverse('admin:login')}?next="):
        return ADMIN_LOGIN
    if location.startswith(f"{reverse('login')}?next="):
        return LOGIN
    return REDIRECT


def as_each_role(portal, request_for_role) -> dict:
    """{role: outcome}, each role in a fresh client; each write is undone before the next."""
    from django.db import transaction
    from django.test import Client

    seen = {}
    for role in ROLES:
        client = Client()
        if portal.users[role]:
            client.force_login(portal.users[role])
        with transaction.atomic():
            seen[role] = outcome(request_for_role(client))
            transaction.set_rollback(True)
    return seen


@pytest.mark.parametrize("name", list(TABLE))
def test_portal_url(demo_portal, name):
    build, get_outcomes, post_outcomes = TABLE[name]
    path = build(demo_portal)
    got = as_each_role(demo_portal, lambda c: c.get(path))
    assert got == get_outcomes, f"GET {path}: {got}"
    got = as_each_role(demo_portal, lambda c: c.post(path, {}))
    assert got == (post_outcomes or get_outcomes), f"POST {path}: {got}"


def admin_cases():
    for label, perms in ADMIN_MODELS.items():
        for kind, needs in (("changelist", "v"), ("add", "a"), ("change", "v"), ("history", "v")):
            yield label, kind, needs, perms


def admin_object(label):
    from django.apps import apps

    model = apps.get_model(label)
    objects = model.objects.order_by("pk")
    if label == "auth.user":
        objects = objects.filter(is_staff=False)  # staff accounts are not the office's to edit
    return objects.first()


@pytest.mark.parametrize(("label", "perms"), ADMIN_MODELS.items())
def test_admin_url(demo_portal, label, perms):
    obj = admin_object(label)
    for kind, needs in (("changelist", "v"), ("add", "a"), ("change", "v"), ("history", "v")):
        if kind in ("change", "history") and obj is None:
            continue
        args = [obj.pk] if kind in ("change", "history") else []
        path = reverse(f"admin:{label.replace('.', '_')}_{kind}", args=args)
        ok = REDIRECT if kind == "changelist" and label in FILTERED_BY_DEFAULT else 200
        never = kind == "add" and label in WRITTEN_BY_THE_PORTAL
        office = ok if needs in perms and not never else 403
        superuser = 403 if never else ok
        expected = row(ADMIN_LOGIN, *[ADMIN_LOGIN] * 4, office, superuser)
        got = as_each_role(demo_portal, lambda c, p=path: c.get(p))
        assert got == expected, f"GET {path}: {got}"


@pytest.mark.parametrize("name", list(ADMIN_SITE_PAGES))
def test_admin_site_pages(demo_portal, name):
    path = reverse(name)
    expected = row(*[ADMIN_LOGIN] * 5, 200, 200)
    got = as_each_role(demo_portal, lambda c: c.get(path))
    assert got == expected, f"GET {path}: {got}"


@pytest.mark.parametrize("role", ["anonymous", "head_a", "office"])
def test_every_post_without_a_csrf_token_is_refused(demo_portal, role):
    """Whatever the page, a POST without the form's token changes nothing and gets a 403."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    if demo_portal.users[role]:
        client.force_login(demo_portal.users[role])
    accepted = dict.fromkeys(TABLE, 403)
    got = {
        name: client.post(build(demo_portal), {}).status_code
        for name, (build, *_rest) in TABLE.items()
    }
    # Pages that answer only GET say so before the token is looked at.
    not_allowed = {name for name, code in got.items() if code == 405}
    assert {n: c for n, c in got.items() if n not in not_allowed} == {
        n: c for n, c in accepted.items() if n not in not_allowed
    }
    assert not_allowed <= {
        "campaign:list", "campaign:detail", "campaign:announcement", "units:list", "news:list",
        "news:detail",
        "password_change_done", "password_reset_done", "password_reset_complete",
        "news:nomination-list", "news:nomination-detail", "logout",
    }  # fmt: skip
