"""Every news URL against every kind of visitor: who gets the page, a login, a 403 or a 404."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Nomination
from tests.factories import make_commendation, make_nomination, make_role, make_unit, make_user
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "no_role", "head_a", "deputy_a", "head_b", "office"]
LOGIN = "login"  # a redirect to the portal's login page
ADMIN_LOGIN = "admin-login"  # a redirect to the admin's login page
EVERYONE_200 = dict.fromkeys(ROLES, 200)
EVERYONE_404 = dict.fromkeys(ROLES, 404)
OFFICE_ONLY = {**dict.fromkeys(ROLES, ADMIN_LOGIN), "office": 200}


def outcome(anonymous, no_role, head_a, deputy_a, head_b, office):
    return dict(zip(ROLES, [anonymous, no_role, head_a, deputy_a, head_b, office], strict=True))


# name -> (method, expected outcome per role)
MATRIX = {
    "list": ("get", EVERYONE_200),
    "list-search": ("get", EVERYONE_200),
    "list-en": ("get", EVERYONE_200),
    "detail": ("get", EVERYONE_200),
    "detail-draft": ("get", EVERYONE_404),
    "detail-scheduled": ("get", EVERYONE_404),
    "honour-board": ("get", EVERYONE_200),
    "honour-board-draft-campaign": ("get", EVERYONE_404),
    "honour-board-current": ("get", dict.fromkeys(ROLES, 302)),
    "feed-rss": ("get", EVERYONE_200),
    "feed-atom": ("get", EVERYONE_200),
    "theme-feed-rss": ("get", EVERYONE_200),
    "theme-feed-atom": ("get", EVERYONE_200),
    "sitemap": ("get", EVERYONE_200),
    "robots": ("get", EVERYONE_200),
    "nomination-list": ("get", outcome(LOGIN, 200, 200, 200, 200, 200)),
    "nomination-create": ("get", outcome(LOGIN, 403, 200, 200, 200, 403)),
    "nomination-create-post": ("post", outcome(LOGIN, 403, 302, 302, 200, 403)),
    "nomination-detail": ("get", outcome(LOGIN, 404, 200, 200, 404, 200)),
    "nomination-detail-decided": ("get", outcome(LOGIN, 404, 200, 200, 404, 200)),
    "nomination-update": ("get", outcome(LOGIN, 404, 200, 200, 404, 404)),
    "nomination-update-post": ("post", outcome(LOGIN, 404, 302, 302, 404, 404)),
    "nomination-update-decided": ("get", outcome(LOGIN, 404, 404, 404, 404, 404)),
    "nomination-image": ("get", outcome(LOGIN, 404, 200, 200, 404, 200)),
    "nomination-image-thumb": ("get", outcome(LOGIN, 404, 200, 200, 404, 200)),
    "admin-commendations": ("get", OFFICE_ONLY),
    "admin-commendation-preview": ("get", OFFICE_ONLY),
    "admin-nominations": ("get", OFFICE_ONLY),
    "admin-nomination-change": ("get", OFFICE_ONLY),
    "admin-nomination-accept": ("get", OFFICE_ONLY),
    "admin-nomination-accept-post": ("post", {**OFFICE_ONLY, "office": 302}),
    "admin-nomination-decline": ("get", OFFICE_ONLY),
    "admin-nomination-decline-post": ("post", {**OFFICE_ONLY, "office": 302}),
}


@pytest.fixture
def world(campaign, theme):
    from campaign.models import Campaign
    from tests.factories import make_campaign

    unit_a, unit_b = make_unit(name="Phòng A"), make_unit(name="Phòng B")
    users = {
        "anonymous": None,
        "no_role": make_user(),
        "head_a": make_role(unit=unit_a).user,
        "deputy_a": make_role(unit=unit_a, role="deputy").user,
        "head_b": make_role(unit=unit_b).user,
        "office": make_user(office=True),
    }
    published = make_commendation(campaign=campaign, theme=theme, unit=unit_a)
    draft = make_commendation(campaign=campaign, unit=unit_a, status="draft")
    scheduled = make_commendation(
        campaign=campaign, unit=unit_a, publish_at=timezone.now() + dt.timedelta(days=1)
    )
    draft_campaign = make_campaign(status=Campaign.Status.DRAFT)
    nomination = make_nomination(
        unit=unit_a, by=users["head_a"], theme=theme, images=[jpeg_bytes()]
    )
    decided = make_nomination(unit=unit_a, by=users["head_a"], theme=theme)
    Nomination.objects.filter(pk=decided.pk).update(status="declined", decline_reason="Chưa đủ.")
    image = nomination.images.get()
    form = {
        "unit": unit_a.pk,
        "honoree_name": "Võ Văn Tám",
        "honoree_kind": "person",
        "position": "Chuyên viên",
        "theme": theme.pk,
        "achievements": "Hoàn thành xuất sắc.",
    }
    slug, number = campaign.slug, theme.number
    urls = {
        "list": (reverse("news:list"), None),
        "list-search": (reverse("news:list") + "?q=dich&unit=phong-a", None),
        "list-en": ("/en" + reverse("news:list"), None),
        "detail": (published.get_absolute_url(), None),
        "detail-draft": (draft.get_absolute_url(), None),
        "detail-scheduled": (scheduled.get_absolute_url(), None),
        "honour-board": (reverse("news:honour-board", args=[slug]), None),
        "honour-board-draft-campaign": (
            reverse("news:honour-board", args=[draft_campaign.slug]),
            None,
        ),
        "honour-board-current": (reverse("news:honour-board-current"), None),
        "feed-rss": (reverse("news:feed-rss"), None),
        "feed-atom": (reverse("news:feed-atom"), None),
        "theme-feed-rss": (reverse("news:theme-feed-rss", args=[slug, number]), None),
        "theme-feed-atom": (reverse("news:theme-feed-atom", args=[slug, number]), None),
        "sitemap": (reverse("sitemap"), None),
        "robots": (reverse("robots"), None),
        "nomination-list": (reverse("news:nomination-list"), None),
        "nomination-create": (reverse("news:nomination-create"), None),
        "nomination-create-post": (reverse("news:nomination-create"), form),
        "nomination-detail": (nomination.get_absolute_url(), None),
        "nomination-detail-decided": (decided.get_absolute_url(), None),
        "nomination-update": (reverse("news:nomination-update", args=[nomination.pk]), None),
        "nomination-update-post": (
            reverse("news:nomination-update", args=[nomination.pk]),
            {**form, "version": nomination.version},
        ),
        "nomination-update-decided": (
            reverse("news:nomination-update", args=[decided.pk]),
            None,
        ),
        "nomination-image": (image.get_absolute_url(), None),
        "nomination-image-thumb": (image.get_thumbnail_url(), None),
        "admin-commendations": (reverse("admin:news_commendation_changelist"), None),
        "admin-commendation-preview": (
            reverse("admin:news_commendation_preview", args=[draft.pk]),
            None,
        ),
        "admin-nominations": (
            reverse("admin:news_nomination_changelist") + "?status__exact=submitted",
            None,
        ),
        "admin-nomination-change": (
            reverse("admin:news_nomination_change", args=[nomination.pk]),
            None,
        ),
        "admin-nomination-accept": (
            reverse("admin:news_nomination_accept", args=[nomination.pk]),
            None,
        ),
        "admin-nomination-accept-post": (
            reverse("admin:news_nomination_accept", args=[nomination.pk]),
            {},
        ),
        "admin-nomination-decline": (
            reverse("admin:news_nomination_decline", args=[nomination.pk]),
            None,
        ),
        "admin-nomination-decline-post": (
            reverse("admin:news_nomination_decline", args=[nomination.pk]),
            {"reason": "Chưa đủ tiêu chuẩn."},
        ),
    }
    return users, urls


def test_the_matrix_covers_every_news_url():
    from news.urls import urlpatterns

    assert {p.name for p in urlpatterns} <= set(MATRIX)
    extra_admin_views = {"preview", "accept", "decline"}
    assert {f"admin-commendation-{v}" for v in ("preview",)} <= set(MATRIX)
    assert {f"admin-nomination-{v}" for v in extra_admin_views - {"preview"}} <= set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(MATRIX))
def test_permission_matrix(client, world, name, role):
    users, urls = world
    method, expected = MATRIX[name]
    url, data = urls[name]
    if users[role] is not None:
        client.force_login(users[role])
    response = client.post(url, data) if method == "post" else client.get(url)
    want = expected[role]
    if want == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    elif want == ADMIN_LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login") + "?next=")
    else:
        assert response.status_code == want, (name, role)
