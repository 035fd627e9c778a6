"""The portal's URLs. Pages are in Vietnamese at unprefixed URLs and in English under /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path

from campaign import views
from kit.files import public_media
from portal import accounts, pages, site
from portal.sitemaps import SITEMAPS
from units.views import UnitListView

campaign_patterns = (
    [
        path("", views.CampaignListView.as_view(), name="list"),
        # Composed in portal.pages: the announcement with its pledge figures.
        path("<slug:slug>/", pages.campaign_detail, name="detail"),
        path(
            "<slug:slug>/announcement/",
            views.CampaignAnnouncementView.as_view(),
            name="announcement",
        ),
        path("<slug:slug>/themes/<int:number>/", pages.theme_detail, name="theme"),
    ],
    "campaign",
)

# The unit page gathers pledges and commendations too, so it is composed in portal.pages.
unit_patterns = (
    [
        path("", UnitListView.as_view(), name="list"),
        path("<slug:slug>/", pages.unit_detail, name="detail"),
    ],
    "units",
)

urlpatterns = [
    path("favicon.ico", login_not_required(site.favicon)),
    path("healthz", login_not_required(site.healthz), name="healthz"),
    path("admin/", admin.site.urls),
    # Sitemap (each app's sections in its public.py, gathered in portal/sitemaps.py): an index
    # of one file per section, in pages (?p=2…); robots.txt points at the index. At the root.
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", site.robots_txt, name="robots"),
    # Open data: read-only JSON, outside the language prefixes (every language in each reply).
    path("api/v1/", include("portal.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", pages.home, name="home"),
    path("campaigns/", include(campaign_patterns)),
    path("units/", include(unit_patterns)),
    # Django's own account pages, but a password reset is limited like a login (portal.accounts).
    path(
        "accounts/password_reset/",
        accounts.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    # News: /news/…, /honour-board/…, /nominations/…
    path("", include("news.urls")),
    # Pledges: the workspace, the review queue, pledge pages and evidence files.
    path("", include("pledges.urls")),
    # Commendation decisions: /office/awards/… for the office, /records/… and /decisions/…
    # for unit heads and visitors (awards/urls.py). Before the dashboard's /office/<campaign>/.
    path("", include("awards.urls")),
    # The office dashboard and review reports: /office/… (office/dashboard.py).
    path("office/", include("office.urls")),
    # Scoring: the public leaderboard /leaderboard/<campaign>/[<round>/].
    path("", include("scoring.urls")),
    # The office's downloads of a campaign: /exports/<campaign>/workbook.xlsx and CSV files.
    path("exports/", include("office.exports.urls")),
    prefix_default_language=False,
)

# Public uploads: served by the portal itself unless the reverse proxy serves MEDIA_ROOT.
if settings.PORTAL_SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            public_media,
            name="media",
        )
    ]

# `make bench` only: the reference view every page is measured against (devtools/benchmark.py).
if settings.PORTAL_BENCHMARK:
    from devtools import benchmark

    urlpatterns += [path("bench/fortunes/", benchmark.fortunes, name="bench-fortunes")]

handler500 = "portal.site.server_error"
