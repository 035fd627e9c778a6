from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
        "payment", "usb", "interest-cohort",
    )
)  # fmt: skip


class PermissionsPolicyMiddleware:
    """The portal uses no device features; say so, so embedded content cannot either."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def _holds_nul(data) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in data.lists()
    )


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RejectNulMiddleware:
    """Answer 400 to a request whose address, query string, cookies or form fields hold a NUL
    character.

    No page has a use for one, and PostgreSQL refuses it in any text parameter (the driver raises
    ValueError: a 500). Refusing it here covers every filter, search box and form field, the
    admin's included, instead of one view at a time. Placed last, so that the page speaks the
    visitor's language and carries the security headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or _holds_nul(request.GET)
            # A quoted cookie value may spell one as \000; the session key goes into a query.
            or any("\x00" in name + value for name, value in request.COOKIES.items())
            or self._form_holds_nul(request)
        ):
            return bad_request(request)
        return self.get_response(request)

    @staticmethod
    def _form_holds_nul(request) -> bool:
        # Only form bodies are parsed into fields; other bodies are left for their views.
        if request.method != "POST" or request.content_type not in FORM_TYPES:
            return False
        return _holds_nul(request.POST)


def bad_request(request) -> HttpResponse:
    """The portal's 400: JSON for the open-data API (its clients read `error`), else the page."""
    if request.path_info.startswith(reverse("api:index")):
        from portal.api.views import error_response  # the API's views load the models

        with translation.override("vi"):  # the API answers in the default language
            return error_response(400, _("The request contains characters no parameter accepts."))
    return HttpResponseBadRequest(render_to_string("400.html"))
