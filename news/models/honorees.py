from __future__ import annotations

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _


class HonoreeKind(models.TextChoices):
    PERSON = "person", _("Person")
    COLLECTIVE = "collective", _("Collective")


class Honoree(models.Model):
    """Who is honoured: a nomination proposes them, a commendation publishes them, and both
    describe them with these fields. Each declares its own `unit`, with its own related name
    and meaning (a nomination's unit is also the one that sends it, whose heads alone may read
    and change it)."""

    honoree_name = models.CharField(
        _("honoree"),
        max_length=200,
        help_text=_("Full name of the person, or the name of the collective."),
    )
    honoree_kind = models.CharField(
        _("honoree is"), max_length=12, choices=HonoreeKind, default=HonoreeKind.PERSON
    )
    position = models.CharField(
        _("position"),
        max_length=200,
        blank=True,
        help_text=_("Job title of the person, e.g. Chuyên viên Phòng Quản lý Thương mại."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def reworded(name: str, help_text: str) -> models.Field:
        """The field `name` as declared here, with a help text for another model's readers.

        Declared in the model's body, so that its history model copies the same field."""
        field = copy.deepcopy(Honoree._meta.get_field(name))
        field.help_text = help_text
        return field

    def refusal_of(self, form) -> str | None:
        """Why the title or form of commendation `form` cannot go to this honoree, if so."""
        if form.accepts(self.honoree_kind):
            return None
        return _("“%(form)s” is not awarded to a %(kind)s.") % {
            "form": form,
            "kind": self.get_honoree_kind_display().lower(),
        }
