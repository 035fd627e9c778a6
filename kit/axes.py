"""The user name django-axes records for a login attempt.

Django's login forms do not limit the length of what is typed as a user name, but axes stores
it in a 255-character column: a longer one made PostgreSQL refuse the insert and the login page
answer 500. The name is cut to what a user name can be.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

MAX_LENGTH = get_user_model()._meta.get_field("username").max_length


def client_username(request, credentials: dict | None = None) -> str | None:
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "data", request.POST).get("username")
    return None if username is None else str(username)[:MAX_LENGTH]
