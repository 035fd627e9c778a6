"""The edit-conflict rule, for every model with a `version` counter.

Each save of a row that writes its `version` counts as a new version. An editor's form carries
the version it was opened with; a save over a newer one is refused with the caller's own error
instead of silently overwriting a colleague's work. The caller reads the row with
`select_for_update` inside its transaction, so no other save can come between the check and the
save that raises the counter.
"""

from __future__ import annotations

from collections.abc import Callable


class Versioned:
    """Mixin for a model with a `version` field: every save of an existing row raises it.

    A save limited by `update_fields` to other columns leaves it alone, so the copy in memory
    never runs ahead of the database.
    """

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or "version" in update_fields):
            self.version += 1
        super().save(*args, **kwargs)


def check_version(current: int, expected: int | None, conflict: Callable[[], Exception]) -> None:
    """Raise `conflict()` unless `current`, the locked row's version, is the one the editor
    opened (`expected`); a missing `expected` is a conflict too."""
    if current != expected:
        raise conflict()
