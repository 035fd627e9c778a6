from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kit.text import search_document, search_phrases, vi_slugify


class UnitQuerySet(models.QuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(is_active=True)

    def led_by(self, user) -> UnitQuerySet:
        """Units in which `user` is head or deputy."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(roles__user=user).distinct()

    def search(self, query: str, *, whole: bool = True) -> UnitQuerySet:
        """Units whose names (either language, full or short) have every word of `query`,
        accents optional; see kit.text.search_phrases."""
        qs = self
        for phrase in search_phrases(query or "", whole=whole):
            qs = qs.filter(search_key__contains=phrase)
        return qs

    def tree(self) -> list[UnitNode]:
        """The units as a forest, built from this one query; children in display order."""
        nodes = {u.pk: UnitNode(u) for u in self.order_by("position", "name")}
        roots: list[UnitNode] = []
        for node in nodes.values():
            parent = nodes.get(node.unit.parent_id)
            (parent.children if parent else roots).append(node)
        for root in roots:
            root.set_depth(0)
        return roots


@dataclass
class UnitNode:
    unit: Unit
    children: list[UnitNode] = field(default_factory=list)
    depth: int = 0

    def set_depth(self, depth: int) -> None:
        self.depth = depth
        for child in self.children:
            child.set_depth(depth + 1)

    def flatten(self) -> list[UnitNode]:
        out = [self]
        for child in self.children:
            out.extend(child.flatten())
        return out


# The translated names a unit is found by (each has a _vi and an _en column).
NAME_FIELDS = ("name", "short_name")


class Unit(models.Model):
    """A department, or one of its divisions and centres (phòng, trung tâm, đơn vị trực thuộc)."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        OFFICE = "office", _("Office")
        DIVISION = "division", _("Division")
        CENTRE = "centre", _("Centre")
        OTHER = "other", _("Other unit")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("e.g. VP Sở, TTKC")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("The address of the unit page; made from the name when left empty."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.DIVISION)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
        help_text=_("The unit this one belongs to; empty for the department itself."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers are listed first.")
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive units are hidden from the public.")
    )
    # Folded names in both languages, for searches that find records by their unit
    # (kit.text: whole syllables, accents left out).
    search_key = models.TextField(editable=False, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="unit_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vi_slugify(self.name_vi or self.name)
        self.refresh_search_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(f.startswith(NAME_FIELDS) for f in update_fields):
            kwargs["update_fields"] = {*update_fields, "search_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("units:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("A unit cannot be placed under itself or one of its sub-units.")}
                )
            ancestor = ancestor.parent

    def refresh_search_key(self) -> None:
        """Set the search key from the names; for code that saves without save() (bulk)."""
        self.search_key = search_document(
            *(
                getattr(self, f"{name}_{code}") or ""
                for name in NAME_FIELDS
                for code, _language in settings.LANGUAGES
            )
        )


class UnitRole(models.Model):
    """A user's role in a unit: head (trưởng) or deputy (phó). A user may hold several."""

    class Role(models.TextChoices):
        HEAD = "head", _("Head")
        DEPUTY = "deputy", _("Deputy")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="unit_roles",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="roles", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.HEAD)
    title = models.CharField(
        _("position title"),
        max_length=120,
        blank=True,
        help_text=_("As shown on the unit page, e.g. Chánh Văn phòng, Phó Giám đốc."),
    )

    class Meta:
        verbose_name = _("unit role")
        verbose_name_plural = _("unit roles")
        ordering = ["unit", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unitrole_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
