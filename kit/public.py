"""What the public sees, declared once per app and read here from every installed app.

Public content comes in three topics: the structure (campaigns, themes, legal basis, units and
the people in them), pledges with their progress, and news (commendations). The page cache and
the aggregates are keyed by one counter per topic (kit/cache.py).

An app with public pages says what they show in its own `public.py`, with any of:

- MODELS: model label -> topic, for every model whose rows a public page shows (the names of
  unit heads included). Any save or delete of one moves the topic on (kit/receivers.py).
- LINKS: label of a many-to-many link's through model -> topic, for links shown publicly.
- PAGES: URL name -> the topics the page shows, for each page anyone may read whose content is
  the same for every anonymous visitor; they are kept in the page cache (kit/pagecache.py).
  Declared by the app whose view renders the page.
- SITEMAPS: section name -> sitemap class, for the sitemap (portal/sitemaps.py): sitemap.xml is
  an index of one file per section, /sitemap-<section>.xml, in pages of PublicSitemap.limit URLs.
- NEXT_CHANGE: topic -> function returning the POSIX time at which the topic's public content
  next changes with no write (a commendation scheduled for later), or 0 if none is known.

The kit knows no app: it reads these names from `<app>.public` for each installed app that has
one, in the order of INSTALLED_APPS.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from itertools import chain

from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.utils.module_loading import module_has_submodule

STRUCTURE, PLEDGES, NEWS = "structure", "pledges", "news"
TOPICS = (STRUCTURE, PLEDGES, NEWS)

MODULE = "public"


class PublicSitemap(Sitemap):
    """A sitemap section in every language, with hreflang alternates: each item is listed once
    per language, in pages of `limit` URLs (/sitemap-<section>.xml?p=N).

    A page costs the same whatever the size of the section: its items are read from the
    database a page at a time, and each item's address is made once per language. (Django pairs
    every item of the section with each language before it takes a page, and makes an item's
    address anew for the URL and for each of its alternates.)

    `lastmod_field`, if set, is the field giving each item's last modification: the sitemap
    index then shows the section's latest one, read with one query.
    """

    i18n = True
    alternates = True
    x_default = True
    # URLs per file (each with its alternates): half as many items with two languages.
    limit = 1000
    lastmod_field: str | None = None

    def __init__(self) -> None:
        self._paths: dict[tuple, str] = {}

    @property
    def paginator(self) -> Paginator:
        return Paginator(_Entries(self.items(), self._languages()), self.limit)

    def get_languages_for_item(self, item) -> list[str]:
        # Every public page exists in every language; a page of entries relies on it.
        return self._languages()

    def _location(self, item, force_lang_code=None) -> str:
        key = (item[0], force_lang_code or item[1])
        if key not in self._paths:
            self._paths[key] = super()._location(item, force_lang_code)
        return self._paths[key]

    def lastmod(self, item):
        return getattr(item, self.lastmod_field) if self.lastmod_field else None

    def get_latest_lastmod(self):
        if not self.lastmod_field:
            return None
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


class _Entries:
    """The (item, language) pairs of a section, as Django's sitemaps page them, with the items
    read from the database only for the page asked for (the count is one query)."""

    def __init__(self, items: QuerySet | list, languages: list[str]) -> None:
        self.items, self.languages = items, languages

    def __len__(self) -> int:
        count = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return count * len(self.languages)

    def __getitem__(self, index: slice) -> list[tuple]:
        # The paginator asks for [bottom:top], both from 0 up.
        size = len(self.languages)
        first, last = index.start // size, -(-index.stop // size)
        pairs = [(item, lang) for item in self.items[first:last] for lang in self.languages]
        return pairs[index.start - first * size : index.stop - first * size]


@dataclass(frozen=True)
class Registry:
    models: Mapping[str, str]
    links: Mapping[str, str]
    pages: Mapping[str, tuple[str, ...]]
    sitemaps: Mapping[str, type[Sitemap]]
    next_change: Mapping[str, tuple[Callable[[], float], ...]]


@cache
def registry() -> Registry:
    """Every installed app's declarations, read once (the apps must be loaded)."""
    models: dict[str, str] = {}
    links: dict[str, str] = {}
    pages: dict[str, tuple[str, ...]] = {}
    sitemaps: dict[str, type[Sitemap]] = {}
    next_change: dict[str, tuple[Callable[[], float], ...]] = {}
    for app_config in apps.get_app_configs():
        if not module_has_submodule(app_config.module, MODULE):
            continue
        module = import_module(f"{app_config.name}.{MODULE}")
        for target, declared in (
            (models, getattr(module, "MODELS", {})),
            (links, getattr(module, "LINKS", {})),
            (pages, {name: tuple(t) for name, t in getattr(module, "PAGES", {}).items()}),
            (sitemaps, getattr(module, "SITEMAPS", {})),
        ):
            for name, value in declared.items():
                # Declared once: a second declaration would silently win or lose.
                if name in target:
                    raise ImproperlyConfigured(
                        f"{module.__name__}: {name!r} is already declared by another app."
                    )
                target[name] = value
        for topic, function in getattr(module, "NEXT_CHANGE", {}).items():
            next_change[topic] = (*next_change.get(topic, ()), function)
    declared = {*models.values(), *links.values(), *chain(*pages.values()), *next_change}
    if unknown := declared - set(TOPICS):
        raise ImproperlyConfigured(f"Unknown topics of public content: {sorted(unknown)}.")
    return Registry(models, links, pages, sitemaps, next_change)
