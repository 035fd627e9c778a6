"""History in the admin is an audit trail: it can be read, never replayed over newer edits."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class ReadOnlyHistoryMixin:
    """For every SimpleHistoryAdmin. django-simple-history saves whatever is posted to a version's
    page, even with its "Revert" button hidden, which would write an old status or score back
    past the services that check every step."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
