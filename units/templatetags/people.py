"""How people appear on the portal's pages."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def public_name(user) -> str:
    """The name a visitor may read: the full name, else a neutral label.

    Never the user name: it is half of a login, and an account imported or created without a
    full name would otherwise show it on public pages. A dash once the account is gone.
    """
    if user is None:
        return "—"
    return user.get_full_name() or _("Unit staff member")
