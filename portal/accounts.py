"""Password reset with limits, as logins have theirs (django-axes).

Django's own reset view mails a link to whatever address is typed, as often as it is asked: a
script could fill someone's mailbox, or make our mail server look like a spammer's. Two limits,
counted in the default cache by django-ratelimit:

- per e-mail address, three mails an hour. Past that the same "check your e-mail" page is shown
  (so nobody learns whether the address has an account) but nothing is sent;
- per client address, twenty requests an hour. Past that the answer is HTTP 429 with a
  translated page, like a login lockout.
"""

from __future__ import annotations

import logging

from axes.helpers import get_client_ip_address
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django_ratelimit.core import get_usage

from audit.models import Event
from audit.services import audit_record

log = logging.getLogger(__name__)

# Windows are fixed (an hour from a point that differs per key), so across a window's end at most
# twice these can pass within sixty minutes.
MAILS_PER_ADDRESS = "3/h"
REQUESTS_PER_CLIENT = "20/h"


def client_address(group: str, request) -> str:
    """The address login throttling uses: the client's, behind DJANGO_PROXY_COUNT proxies."""
    return get_client_ip_address(request) or ""


def _email(form) -> str:
    # The form finds accounts by the address without regard to case, so count it that way too.
    return form.cleaned_data["email"].strip().casefold()


class PasswordResetView(auth_views.PasswordResetView):
    def post(self, request, *args, **kwargs):
        usage = get_usage(
            request,
            group="password-reset-client",
            key=client_address,
            rate=REQUESTS_PER_CLIENT,
            method="POST",
            increment=True,
        )
        if usage and usage["should_limit"]:
            response = render(request, "registration/password_reset_throttled.html", status=429)
            response["Retry-After"] = str(max(usage["time_left"], 1))
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = _email(form)
        usage = get_usage(
            self.request,
            group="password-reset-email",
            key=lambda group, request: email,
            rate=MAILS_PER_ADDRESS,
            method="POST",
            increment=True,
        )
        if usage and usage["should_limit"]:
            if usage["count"] == usage["limit"] + 1:  # once per address and window
                audit_record(
                    action=Event.Action.RESET_THROTTLED,
                    username=email,
                    detail=f"no more mail this hour ({MAILS_PER_ADDRESS} allowed)",
                    request=self.request,
                )
                log.warning(
                    "password reset: no more mail to %s this hour (%s allowed), asked from %s",
                    email,
                    MAILS_PER_ADDRESS,
                    client_address("", self.request),
                )
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
