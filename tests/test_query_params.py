"""Junk in any query parameter a page reads is ignored or answered 400, never a 500.

The parameters are not listed by hand. Each URL of the permission table is opened as each kind
of user who may open it while QueryDict records the names the view asks for; each of those names
is then sent again with junk values. The admin's changelists read their filters by iterating the
query string, so their names come from the changelist itself: its list filters, date hierarchy,
search and ordering. A new filter, page or parameter is covered without a new line here.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import wraps

import pytest
from django.contrib.admin import FieldListFilter
from django.contrib.admin.views import main as changelist
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from tests.test_url_permissions import ADMIN_MODELS, DOWNLOAD, TABLE, To, outcome, url_name

pytestmark = pytest.mark.django_db

JUNK = [
    "\x00",
    "abc",
    "1.5",
    "-1",
    "99999999999999999999999",
    "'",
    "x" * 5000,
    "2022-13-45",
    # Edges of the calendar: the first day (a local time there is before year 1 in UTC) and
    # the last year (the next one, a date filter's end, does not exist).
    "0001-01-01",
    "1",
    "9999",
]
# One of each kind of user: what a page reads may depend on who opens it.
READERS = ["anonymous", "head_a", "office"]
# Sent while recording, so that a form bound only to a non-empty query string reads its fields.
PROBE = {"probe": "1"}


def opened(expected) -> bool:
    return expected in (200, DOWNLOAD) or isinstance(expected, To)


@contextmanager
def recording_reads():
    """{name: whether its value was read} for what the block asks of any QueryDict."""
    names: dict[str, bool] = {}
    originals = {
        attribute: getattr(QueryDict, attribute)
        for attribute in ("get", "getlist", "__getitem__", "__contains__")
    }

    def recorder(attribute, original):
        @wraps(original)
        def read(self, key, *args, **kwargs):
            names[key] = names.get(key, False) or attribute != "__contains__"
            return original(self, key, *args, **kwargs)

        return read

    for attribute, original in originals.items():
        setattr(QueryDict, attribute, recorder(attribute, original))
    try:
        yield names
    finally:
        for attribute, original in originals.items():
            setattr(QueryDict, attribute, original)


def client_for(portal, role: str) -> Client:
    client = Client(raise_request_exception=False)
    if portal.users[role]:
        client.force_login(portal.users[role])
    return client


def get(client: Client, path: str, params: dict | None = None, **kwargs):
    """A GET whose writes (sessions, audit rows) and failed queries are undone right after.
    `params` are added to the path's own query, or replace a parameter of it."""
    path, _, query = path.partition("?")
    params = {**QueryDict(query).dict(), **(params or {})}
    with transaction.atomic():
        response = client.get(path, params, **kwargs)
        transaction.set_rollback(True)
    return response


def junk_failures(client: Client, path: str, name: str, *, value_read: bool = True) -> list[str]:
    """The name with each junk value, alone: what answered 500, or let a NUL through. A name only
    checked for presence gets one value: the others take the same path."""
    failures = []
    for value in JUNK if value_read else JUNK[:2]:
        status = get(client, path, {name: value}).status_code
        if status >= 500 or (value == "\x00" and status != 400):
            failures.append(f"{path}?{name}={value[:20]!r}: {status}")
    return failures


# Every row with a GET of its own; the admin's lists have their own test below (an unknown
# parameter sends a list back to itself with an error flag).
PAGES = [
    name
    for name, row in TABLE.items()
    if row.get is not None and not url_name(name).endswith("_changelist")
]


@pytest.mark.parametrize("name", PAGES)
def test_junk_in_any_parameter_a_page_reads(demo_portal, name):
    path_for, get_outcomes, *_post = TABLE[name]
    path = path_for(demo_portal)
    tried, failures = set(), []
    for role in READERS:
        if not opened(get_outcomes[role]):
            continue
        client = client_for(demo_portal, role)
        with recording_reads() as names:
            assert outcome(get(client, path, PROBE)) == get_outcomes[role], role
        for param in names.keys() - tried:  # another role's reading takes the same path
            failures += [
                f"{role}: {failure}"
                for failure in junk_failures(client, path, param, value_read=names[param])
            ]
        tried |= names.keys()
    assert not failures, "\n".join(failures)


# --- the admin's lists ----------------------------------------------------------------------

# Parameters every changelist reads through Django's own code, whatever the model.
STOCK = {
    changelist.ALL_VAR, changelist.ORDER_VAR, changelist.PAGE_VAR, changelist.ERROR_FLAG,
    changelist.IS_POPUP_VAR, changelist.TO_FIELD_VAR, changelist.IS_FACETS_VAR,
    changelist.SOURCE_MODEL_VAR, "_selected_action",
}  # fmt: skip


def parameters(cl, recorded: dict[str, bool]) -> dict[str, tuple[tuple, bool]]:
    """{name: (what handles it, whether its value is read)} for one changelist.

    The same handler is the same code: a stock list filter on the same kind of field with the
    same lookup, the date hierarchy on the same kind of field, a stock changelist parameter.
    Junk takes the same path through it on every model, so each is tried once. The search and
    anything else the model's admin reads are the model's own.
    """
    found = {}
    for spec in cl.filter_specs:
        for name in spec.expected_parameters():
            if isinstance(spec, FieldListFilter):
                lookup = name.removeprefix(spec.field_path)
                found[name] = ((type(spec), type(spec.field), lookup), True)
            else:  # a filter of the portal's own
                found[name] = ((type(spec), name), True)
    if cl.date_hierarchy:
        field = type(cl.opts.get_field(cl.date_hierarchy))
        for part in ("year", "month", "day"):
            found[f"{cl.date_hierarchy}__{part}"] = (("date hierarchy", field, part), True)
    for name in {changelist.SEARCH_VAR, changelist.ORDER_VAR} | recorded.keys():
        if name not in found:
            handler = ("stock", name) if name in STOCK else (cl.model, name)
            found[name] = (handler, recorded.get(name, True))
    if not cl.search_fields:
        del found[changelist.SEARCH_VAR]
    return found


def test_junk_in_the_admin_list_filters_the_office_uses(demo_portal):
    client = client_for(demo_portal, "office")
    tried, failures = set(), []
    for label, perms in ADMIN_MODELS.items():
        if "v" not in perms:
            continue
        path = reverse(f"admin:{label.replace('.', '_')}_changelist")
        with recording_reads() as recorded:
            response = get(client, path, follow=True)  # a list may open on a default filter
        assert response.status_code == 200, path
        for name, (handler, value_read) in parameters(response.context["cl"], recorded).items():
            if handler not in tried:
                tried.add(handler)
                failures += junk_failures(client, path, name, value_read=value_read)
    assert not failures, "\n".join(failures)
