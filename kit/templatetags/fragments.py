"""{% publicfragment %}: a part of a page that is the same for everyone, kept in the cache
under the counters of the public content it shows (kit/cache.py), so a write invalidates it
exactly as it invalidates the anonymous page cache.

    {% load fragments %}
    {% publicfragment "theme" "structure pledges news" theme.pk request.GET.page %}
      … the theme's public part …
    {% endpublicfragment %}

The first argument names the fragment, the second lists its topics (kit/public.py), the rest are
the values it depends on (an object's id, a page number). The key also holds the active language
and the kind of viewer (visitor, signed-in person, office staff), since shared includes offer
each of them a different next step (includes/_empty.html). Nothing personal may be drawn inside:
names, one person's units or buttons, CSRF tokens and form values stay outside the fragment.
Querysets reach the template unevaluated, so a hit runs none of them. With
PORTAL_PAGE_CACHE_SECONDS at 0 (the test suite) the fragment is simply rendered.
"""

from __future__ import annotations

import hashlib

from django import template
from django.template.base import FilterExpression, NodeList
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from kit.cache import cached_aggregate
from kit.public import TOPICS

register = template.Library()


def viewer_kind(user) -> str:
    """What a shared include may tell apart (never who the person is)."""
    if user is None or not user.is_authenticated:
        return "visitor"
    return "staff" if user.is_staff else "person"


class PublicFragmentNode(template.Node):
    def __init__(
        self,
        nodelist: NodeList,
        name: FilterExpression,
        topics: FilterExpression,
        vary_on: list[FilterExpression],
    ):
        self.nodelist = nodelist
        self.name = name
        self.topics = topics
        self.vary_on = vary_on

    def render(self, context) -> SafeString:
        topics = tuple(str(self.topics.resolve(context)).split())
        unknown = set(topics) - set(TOPICS)
        if not topics or unknown:
            raise template.TemplateSyntaxError(f"publicfragment: unknown topics {unknown}")
        parts = [str(value.resolve(context)) for value in self.vary_on]
        digest = hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
        name = ":".join(
            (
                "fragment",
                str(self.name.resolve(context)),
                translation.get_language() or "",
                viewer_kind(context.get("user")),
                digest,
            )
        )
        return mark_safe(  # noqa: S308 - the template's own output, escaped when rendered
            cached_aggregate(name, lambda: self.nodelist.render(context), topics=topics)
        )


@register.tag
def publicfragment(parser, token) -> PublicFragmentNode:
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            "publicfragment takes a name, its topics and the values it depends on"
        )
    nodelist = parser.parse(("endpublicfragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        parser.compile_filter(bits[2]),
        [parser.compile_filter(bit) for bit in bits[3:]],
    )
