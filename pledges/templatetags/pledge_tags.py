from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def progress_step(percent) -> str:
    """The CSS class that gives a progress bar its width, in 5-percent steps rounded down.

    A class rather than a style attribute: the Content-Security-Policy forbids inline styles.
    """
    try:
        value = int(percent)
    except (TypeError, ValueError):
        value = 0
    value = min(max(value, 0), 100)
    return f"pct-{value // 5 * 5}"


@register.filter
def person(user) -> str:
    """A user's full name, else the user name; a dash once the account is gone."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()
