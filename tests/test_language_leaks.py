"""No English on Vietnamese pages, no Vietnamese on English ones.

Every page of the permission table that some role may open, and every admin page an office admin
opens, is rendered in Vietnamese and in English; the two renderings are compared text node by
text node (tests/text_nodes.py). A node that is the same in both languages and is not data is
English left untranslated on the Vietnamese page (a string missing from a catalogue, or written
into a template); a Vietnamese word on the English page is text that skipped the catalogue.

The pages are rendered once, over one set of records built once (the permission table's), when
the first test of the module asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db import models, transaction
from django.test import Client, override_settings
from django.urls import reverse, translate_url
from django.utils import translation
from modeltranslation.fields import TranslationField

from tests import conftest
from tests.demo_portal import build_demo_portal
from tests.test_url_permissions import (
    ADMIN_MODELS,
    ROLES,
    TABLE,
    WRITTEN_BY_THE_PORTAL,
    admin_object,
)
from tests.text_nodes import DataText, text_nodes, untranslated, vietnamese_on_english

# The module's records are made in the test database, which pytest-django sets up only for
# modules that say they use it.
pytestmark = pytest.mark.django_db

# Words that are rightly the same in both languages. Each entry says why.
SAME_IN_BOTH = {
    "Atom": "the name of a feed format, as RSS is",
    "Email": "Vietnamese writes it as English does (the portal's own catalogue: Email đơn vị)",
}
# Records' text that a page quotes without it being stored in these records. Each says where.
QUOTED_DATA = {
    "Chánh Văn phòng": "a head's position title, given as an example in the help of the title",
    "Phó Giám đốc": "a head's position title, given as an example in the help of the title",
    "Giấy khen của Giám đốc Sở Công Thương": "a form as a decision names it: the example in the "
    "help of an award's title or form (the achievement records' admin)",
    "Giám đốc Sở Công Thương tỉnh Bến Tre": "an issuer: the example in the help of an award's "
    "issuer (the achievement records' admin)",
    "đồng": "the currency, in the label of an award's money (the achievement records' admin)",
}
# Records whose stored text is not what a page shows as data: permission names and the admin's
# log are written by Django in English, content types are code names, and the office's group is
# named by a migration, not by a person.
NOT_DATA = {
    "auth.permission", "admin.logentry", "contenttypes.contenttype", "sessions.session",
    "auth.group",
}  # fmt: skip


@dataclass
class Rendering:
    vi: str
    en: str


class _ModuleSettings:
    """The per-test settings of tests/conftest.py, held for a whole module."""

    def __init__(self):
        object.__setattr__(self, "_overrides", [])

    def __setattr__(self, name, value):
        override = override_settings(**{name: value})
        override.enable()
        self._overrides.append(override)

    def __getattr__(self, name):
        from django.conf import settings

        return getattr(settings, name)

    def restore(self):
        for override in reversed(self._overrides):
            override.disable()


# What a reader sees: pages, and the news feeds a feed reader shows.
TEXT_TYPES = ("text/html", "application/rss+xml", "application/atom+xml")


def _html(response) -> str | None:
    if response.status_code != 200 or not response["Content-Type"].startswith(TEXT_TYPES):
        return None
    return response.content.decode()


def _undone(client: Client, method: str, path: str, **kw):
    """A request whose writes are rolled back, so every page sees the same records."""
    with transaction.atomic():
        response = getattr(client, method)(path, **kw)
        transaction.set_rollback(True)
    return response


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _portal_pages(w) -> dict[str, Rendering]:
    """The permission table's pages, as the first role that may open each (the public view for
    public pages) and as the office, whose header has the most links; and their forms sent back
    empty, which shows the forms' error messages."""
    found = {}
    for name, (path_for, get_outcomes, post_outcomes, _form) in TABLE.items():
        if get_outcomes is None:
            continue  # a form filled in: where it leads is another row's page
        allowed = [role for role in ROLES if get_outcomes[role] == 200]
        if not allowed:
            continue
        # A request leaves its language active in the thread: each path is made in Vietnamese.
        with translation.override("vi"):
            path = path_for(w)
            english = translate_url(path, "en")
        if english == path:
            continue  # outside the language prefixes: the sitemap, files, open data
        for role in dict.fromkeys([allowed[0], "office" if "office" in allowed else None]):
            if role is None:
                continue
            client = _client(w.users[role])
            vi, en = (_html(_undone(client, "get", p)) for p in (path, english))
            if vi is not None:
                found[f"{name} as {role}"] = Rendering(vi, en)
        role = allowed[0]
        if (post_outcomes or get_outcomes)[role] == 200:
            client = _client(w.users[role])
            vi, en = (_html(_undone(client, "post", p, data={})) for p in (path, english))
            if vi is not None and "<form" in vi:
                found[f"{name} as {role}, sent empty"] = Rendering(vi, en)
    return found


def _admin_in(client: Client, method: str, path: str, language: str, **kw) -> str | None:
    # /admin/ is outside the language prefixes, and LocaleMiddleware gives every unprefixed URL
    # the default language (prefix_default_language=False): the admin speaks LANGUAGE_CODE only.
    with override_settings(LANGUAGE_CODE=language):
        return _html(_undone(client, method, path, follow=True, **kw))


def _admin(client: Client, path: str, method: str = "get", **kw) -> Rendering | None:
    vi = _admin_in(client, method, path, "vi", **kw)
    if vi is None:
        return None
    return Rendering(vi, _admin_in(client, method, path, "en", **kw))


class _ChangeList(HTMLParser):
    """A change list's filter links, its actions and its rows' ids."""

    def __init__(self, html: str):
        super().__init__()
        self.filter_links, self.actions, self.rows = [], [], []
        self.in_filter = False
        self.select = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_filter = self.in_filter or attrs.get("id") == "changelist-filter"
        if self.in_filter and tag == "a" and (attrs.get("href") or "").startswith("?"):
            self.filter_links.append(attrs["href"])
        if tag == "select":
            self.select = attrs.get("name")
        if tag == "option" and self.select == "action" and attrs.get("value"):
            self.actions.append(attrs["value"])
        if attrs.get("name") == "_selected_action":
            self.rows.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None

    @property
    def filtered(self) -> str | None:
        """The first choice of the filters that is not "All"."""
        links = [link for link in self.filter_links if link not in ("?", "?_facets=True")]
        return links[0] if links else None


def _admin_pages(w) -> dict[str, Rendering]:
    """What an office admin opens: the login page, the index, each list (one with a filter
    chosen, and each action run on its first row), each add form (and sent back empty), one
    change form, its history and, where allowed, its deletion; and the office's own pages."""
    anonymous, client = Client(), _client(w.users["office"])
    login = reverse("admin:login")
    pages = {
        "admin login": _admin(anonymous, login),
        "admin login, sent empty": _admin(anonymous, login, "post", data={}),
        "admin index": _admin(client, reverse("admin:index")),
        "admin system tables": _admin(client, reverse("admin:system")),
        "admin password change": _admin(client, reverse("admin:password_change")),
        "admin password change, sent empty": _admin(
            client, reverse("admin:password_change"), "post", data={}
        ),
    }
    for label, perms in ADMIN_MODELS.items():
        if "v" not in perms:
            continue
        prefix = f"admin:{label.replace('.', '_')}"
        changelist = reverse(f"{prefix}_changelist")
        pages[f"{label} list"] = listing = _admin(client, changelist)
        found = _ChangeList(listing.vi if listing else "")
        if found.filtered:
            pages[f"{label} list, filtered"] = _admin(client, changelist + found.filtered)
        for action in found.actions if found.rows else []:
            data = {"action": action, "_selected_action": found.rows[:1], "index": "0"}
            pages[f"{label} action {action}"] = _admin(client, changelist, "post", data=data)
        if "a" in perms and label not in WRITTEN_BY_THE_PORTAL:
            add = reverse(f"{prefix}_add")
            pages[f"{label} add"] = _admin(client, add)
            pages[f"{label} add, sent empty"] = _admin(client, add, "post", data={})
        if (obj := admin_object(label)) is not None:
            pages[f"{label} change"] = _admin(client, reverse(f"{prefix}_change", args=[obj.pk]))
            pages[f"{label} history"] = _admin(client, reverse(f"{prefix}_history", args=[obj.pk]))
            if "d" in perms:
                delete = reverse(f"{prefix}_delete", args=[obj.pk])
                pages[f"{label} delete"] = _admin(client, delete)
    version = w.draft_a.history.order_by("history_id").first()
    user = admin_object("auth.user")
    pages |= {
        "pledge version": _admin(
            client, reverse("admin:pledges_pledge_simple_history", args=[w.draft_a.pk, version.pk])
        ),
        "user password": _admin(client, reverse("admin:auth_user_password_change", args=[user.pk])),
        "commendation preview": _admin(
            client, reverse("admin:news_commendation_preview", args=[w.draft_commendation.pk])
        ),
        "nomination accept": _admin(
            client, reverse("admin:news_nomination_accept", args=[w.nomination_a.pk])
        ),
        "nomination decline": _admin(
            client, reverse("admin:news_nomination_decline", args=[w.nomination_a.pk])
        ),
        "nomination decline, sent empty": _admin(
            client,
            reverse("admin:news_nomination_decline", args=[w.nomination_a.pk]),
            "post",
            data={},
        ),
        "unit scores": _admin(
            client,
            reverse("admin:scoring_scoringround_unit_scores", args=[w.round.pk, w.unit_a.pk]),
        ),
        "unit import": _admin(client, reverse("admin:units_unit_import")),
        "unit import, sent empty": _admin(
            client, reverse("admin:units_unit_import"), "post", data={}
        ),
    }
    return {name: page for name, page in pages.items() if page is not None}


def _data_text() -> dict[str, DataText]:
    """Every stored free text (names, titles, what people wrote) that a page in each language
    may show as it is: on a Vietnamese page, never a field's English translation."""
    shown = {"vi": [], "en": []}
    for model in apps.get_models():
        if model._meta.label_lower in NOT_DATA:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        if not fields:
            continue
        english = [isinstance(f, TranslationField) and f.language == "en" for f in fields]
        for row in model._default_manager.values_list(*(f.attname for f in fields)):
            for value, is_english in zip(row, english, strict=True):
                if value:
                    shown["en"].append(value)
                    if not is_english:
                        shown["vi"].append(value)
    return {language: DataText([*values, *QUOTED_DATA]) for language, values in shown.items()}


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory):
    settings = _ModuleSettings()
    # Fixtures' own functions (functools.wraps keeps them as __wrapped__): the same settings and
    # records as every other test, made once for the module instead of once per test.
    conftest._test_settings.__wrapped__(settings, tmp_path_factory.mktemp("language-leaks"))
    try:
        with django_db_blocker.unblock(), translation.override("vi"), transaction.atomic():
            w = build_demo_portal()
            pages = {**_portal_pages(w), **_admin_pages(w)}
            data = _data_text()
            transaction.set_rollback(True)
    finally:
        settings.restore()
    return pages, data


def test_every_page_is_wholly_in_its_language(rendered):
    pages, data = rendered
    allowed = frozenset(SAME_IN_BOTH)
    problems, seen = [], set()
    for name, page in pages.items():
        vi, en = text_nodes(page.vi), text_nodes(page.en)
        # A string left on every admin page is named once, under the first page that shows it.
        english = [s for s in untranslated(vi, en, data["vi"], allowed) if s not in seen]
        vietnamese = [s for s in vietnamese_on_english(en, data["en"], allowed) if s not in seen]
        seen.update(english, vietnamese)
        if english:
            problems.append(f"{name}: the same in English: {english}")
        if vietnamese:
            problems.append(f"{name}: Vietnamese on the English page: {vietnamese}")
    assert not problems, "\n".join(problems)


def test_the_comparison_finds_untranslated_text_and_spares_data():
    """The detector itself: a button left in English and a hint left in Vietnamese are found;
    names, numbers, codes and the other language's own link are not."""
    data = DataText(["Phòng Quản lý Thương mại"])
    vi = text_nodes(
        '<html lang="vi"><h1>Cam kết</h1><p>Phòng Quản lý Thương mại</p><p>3082/QĐ-BCT</p>'
        '<p>25/03/2022</p><button>Run</button><input type="submit" value="Save">'
        '<a lang="en">English</a><img alt="Search"><script>var s = "Script";</script></html>'
    )
    en = text_nodes(
        '<html lang="en"><h1>Pledges</h1><p>Phòng Quản lý Thương mại</p><p>3082/QĐ-BCT</p>'
        '<p>25/03/2022</p><button>Run</button><input type="submit" value="Save">'
        '<a lang="vi">Tiếng Việt</a><img alt="Search"><p>Tối đa 5 ảnh</p>'
        '<script>var s = "Script";</script></html>'
    )
    allowed = frozenset(SAME_IN_BOTH)
    assert untranslated(vi, en, data, allowed) == ["Run", "[value] Save", "[alt] Search"]
    assert vietnamese_on_english(en, data, allowed) == ["Tối đa 5 ảnh"]
