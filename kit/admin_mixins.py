"""Admin behaviours several apps share: records nobody edits here, records changed only through
actions, and actions that apply a service's transition to each selected row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages


class NoAddOrDeleteMixin:
    """Rows come from the portal or a service, and history must keep every one: the admin never
    adds or deletes them. `obj` is optional because inlines pass it and model admins do not."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdminMixin(NoAddOrDeleteMixin):
    """A record read in the admin and never edited there (the trail, scores, progress)."""

    def has_change_permission(self, request, obj=None):
        return False


class ActionsOnlyAdminMixin(NoAddOrDeleteMixin):
    """A record the office changes only through its actions or decision pages, which go through
    the services; its change page shows no save or delete button."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)


class TransitionActionsMixin:
    """For admin actions that apply a transition to each selected row: one row refused does not
    stop the others, and the office is told how many were done, then why each refusal."""

    def apply_to_selection(
        self,
        request,
        objects: Iterable[Any],
        apply: Callable[[Any], object],
        *,
        errors: tuple[type[Exception], ...],
        refusal: Callable[[Any, Exception], str],
        done_message: Callable[[int], str],
    ) -> None:
        """Call `apply(obj)` for each object; one of `errors` becomes the warning `refusal` writes
        for that object, anything else propagates."""
        done, reasons = 0, []
        for obj in objects:
            try:
                apply(obj)
            except errors as error:
                reasons.append(refusal(obj, error))
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for reason in reasons:
            self.message_user(request, reason, messages.WARNING)
