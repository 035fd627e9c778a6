"""Site-wide views that belong to no app: the health check, the favicon, robots.txt and the
error pages."""

import logging
import sys

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError, connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    return HttpResponsePermanentRedirect(static("portal/favicon.svg"))


def server_error(request):
    """The 500 handler. A database that cannot be reached is a 503: the visitor should retry.

    It runs for exceptions from views and middleware alike, while the exception is handled.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        log.error("database unavailable: %s", error)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(render_to_string("500.html"))


def csrf_failure(request, reason=""):
    """A form sent without a valid token (often a page left open too long): say what to do."""
    message = _(
        "The form had expired or did not come from this portal, so nothing was saved. "
        "Go back, reload the page and send it again."
    )
    return render(request, "403.html", {"message": message}, status=403)


# Pages crawlers have no business with (all need a login anyway), in both languages.
ROBOTS_DISALLOW = [
    "/admin/", "/accounts/", "/en/accounts/", "/nominations/", "/en/nominations/",
    "/office/", "/en/office/",
]  # fmt: skip


@login_not_required
def robots_txt(request):
    lines = ["User-agent: *"]
    if settings.PORTAL_REQUIRE_LOGIN:
        lines.append("Disallow: /")  # an intranet install keeps every page out of indexes
    else:
        lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
        lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
