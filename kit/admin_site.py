"""The office's admin site: the day's work first, the system's tables together at the end.

Django lists apps and models alphabetically, which in Vietnamese puts the login monitoring and the
audit trail above the commendations. The order is decided here once, in `get_app_list`, which the
index, the sidebar and every app page read; the permission filtering stays Django's own.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csp import csp_override

from kit.roles import OFFICE_LABEL

# The office's daily work, in the order of a working day: commendations and the nominations they
# come from, the evaluation rounds and decisions that end a movement, the units' pledges and
# progress, units and heads, then the campaign's set-up and its scoring. A model left out of an
# app's list follows its listed ones alphabetically.
DAILY = [
    ("news", ["commendation", "nomination", "commendationform"]),
    (
        "awards",
        [
            "evaluationround",
            "proposal",
            "decision",
            "award",
            "awardrule",
            "awardrate",
            "basesalary",
            "certificatelayout",
        ],
    ),
    ("pledges", ["pledge", "progressreport", "evidence"]),
    ("units", ["unit", "unitrole"]),
    ("campaign", ["campaign", "theme", "legaldocument"]),
    ("scoring", ["scoringround", "score", "criterion"]),
]
# Tables the portal and its packages keep for themselves, under one "System" heading at the end;
# any installed package's own models join them (see _is_system).
SYSTEM = [
    "auth.user",
    "auth.group",
    "audit.event",
    "outbox.message",
    "axes.accesslog",
    "axes.accessfailurelog",
    "axes.accessattempt",
]
SYSTEM_APPS = {label.split(".")[0] for label in SYSTEM}
SYSTEM_LABEL = "system"


def _is_system(app_label: str) -> bool:
    if app_label in SYSTEM_APPS:
        return True
    # Apps of installed packages (django-simple-history and the like), not the portal's own.
    return "site-packages" in Path(apps.get_app_config(app_label).path).parts


def _rank(order: list[str], key: str) -> tuple[int, str]:
    return (order.index(key), "") if key in order else (len(order), key)


def _sorted_models(app: dict, order: list[str]) -> list[dict]:
    return sorted(
        app["models"], key=lambda m: (*_rank(order, m["object_name"].lower()), str(m["name"]))
    )


class PortalAdminSite(admin.AdminSite):
    site_header = _("Emulation portal – office")
    site_title = _("Emulation portal")
    index_title = OFFICE_LABEL

    def admin_view(self, view, cacheable=False):
        # The admin's own policy (settings.ADMIN_CSP): the body editor's import map needs the
        # nonce that Django's admin templates print.
        return csp_override(settings.ADMIN_CSP)(super().admin_view(view, cacheable))

    def get_urls(self):
        # Before Django's own patterns; "system" is no app label, so nothing else claims it.
        return [
            path("system/", self.admin_view(self.system_index), name="system"),
            *super().get_urls(),
        ]

    def system_index(self, request, extra_context=None):
        return self.app_index(request, SYSTEM_LABEL, extra_context)

    def get_app_list(self, request, app_label=None):
        if app_label == SYSTEM_LABEL:
            return [app for app in self._grouped(request) if app["app_label"] == SYSTEM_LABEL]
        if app_label is not None:
            app_dict = self._build_app_dict(request, app_label)
            order = dict(DAILY).get(app_label, [])
            for app in app_dict.values():
                app["models"] = _sorted_models(app, order)
            return list(app_dict.values())
        return self._grouped(request)

    def _grouped(self, request) -> list[dict]:
        # Only what the user may see: _build_app_dict leaves out models without permission.
        app_dict = self._build_app_dict(request)
        daily_order = [label for label, _models in DAILY]
        daily, system = [], []
        for label, app in app_dict.items():
            if _is_system(label):
                system.extend(app["models"])
                continue
            app["models"] = _sorted_models(app, dict(DAILY).get(label, []))
            daily.append(app)
        daily.sort(key=lambda app: _rank(daily_order, app["app_label"]) + (str(app["name"]),))
        if not system:
            return daily
        system.sort(key=lambda m: (*_rank(SYSTEM, m["model"]._meta.label_lower), str(m["name"])))
        return [
            *daily,
            {
                "name": _("System"),
                "app_label": SYSTEM_LABEL,
                "app_url": reverse("admin:system", current_app=self.name),
                "has_module_perms": True,
                "models": system,
            },
        ]
