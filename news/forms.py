from __future__ import annotations

from itertools import groupby
from urllib.parse import urlencode

from django import forms
from django.db.models import Case, When
from django.forms.models import ModelChoiceIterator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign, Theme
from kit.fields import ImageUploadField, MultipleImageField
from kit.forms import VersionedModelForm
from kit.text import search_key
from news.editor import BodyEditor
from news.models import PHOTO_RENDITIONS, Commendation, CommendationForm, Nomination
from units.models import Unit

EVIDENCE_RENDITIONS = {"thumb": (320, 240, False)}
# How many matching units the news list offers as choices when a typed name fits several.
UNIT_CHOICES = 12


class ByKindIterator(ModelChoiceIterator):
    """The catalogue's choices in two groups, emulation titles then forms of commendation."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for kind, items in groupby(self.queryset, key=lambda item: item.kind):
            yield (CommendationForm.Kind(kind).label, [self.choice(item) for item in items])


class TitleOrFormField(forms.ModelChoiceField):
    """A choice from the catalogue, shown as <optgroup>s so a title is never taken for a form.

    The catalogue's own ordering (titles, then forms) makes the groups; keep it when narrowing
    the queryset.
    """

    iterator = ByKindIterator


class CommendationFilterForm(forms.Form):
    """The news list's filters and search; submitted by GET, so it carries no CSRF token."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": _("Name, unit, achievement …")}),
    )
    theme = forms.ModelChoiceField(
        label=_("Emulation theme"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("All themes"),
    )
    # The unit chosen, by its slug (the unit pages link here with ?unit=<slug>); a hidden
    # field, since a list of every unit weighs more than the rest of the page at national scale.
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.HiddenInput,
    )
    # ... or part of its name, typed: the units whose names match (accents optional).
    unit_name = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=200,
        # A text box, not a second search box: the page's search is the one above the filters.
        widget=forms.TextInput(attrs={"placeholder": _("Part of its name, e.g. Hải Phòng")}),
    )
    form = TitleOrFormField(
        label=_("Emulation title or form of commendation"),
        queryset=CommendationForm.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All titles and forms"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(campaign__in=Campaign.objects.public())
        self.fields["unit"].queryset = Unit.objects.active()
        for name in ("theme", "form"):
            self.fields[name].widget.attrs["class"] = "form-select"
        self.fields["unit_name"].widget.attrs["class"] = "form-control"

    def filter(self, queryset):
        """`queryset` narrowed by every valid filter given; an invalid one is ignored alone."""
        if not self.is_bound:
            return queryset
        self.is_valid()  # cleaned_data keeps the valid fields even when another one is not
        data = self.cleaned_data
        if data.get("theme"):
            queryset = queryset.filter(theme=data["theme"])
        if data.get("unit"):
            queryset = queryset.filter(unit=data["unit"])
        elif data.get("unit_name"):
            queryset = queryset.filter(unit__in=self._units_named(data["unit_name"]))
        if data.get("form"):
            queryset = queryset.filter(form=data["form"])
        if data.get("q"):
            queryset = queryset.search(data["q"])
        return queryset

    @staticmethod
    def _units_named(name: str):
        return Unit.objects.active().search(name, whole=False)

    @cached_property
    def unit_matches(self) -> list | None:
        """The units whose names match the typed part (at most UNIT_CHOICES and one more, to
        tell that there are more), when no unit is chosen by its slug; None without a name."""
        if not self.is_bound:
            return None
        self.is_valid()  # cleaned_data keeps the valid fields even when another one is not
        name = self.cleaned_data.get("unit_name")
        if not name or self.cleaned_data.get("unit"):
            return None
        # The words match in any order; the units with them as typed, in order, come first
        # ("Hải Phòng" before "Phòng … Hải Dương").
        in_order = Case(When(search_key__contains=f" {search_key(name)}", then=0), default=1)
        matches = self._units_named(name).select_related("parent")
        return list(matches.order_by(in_order, "position", "name")[: UNIT_CHOICES + 1])

    @property
    def chosen_unit(self):
        """The unit chosen by its slug, if it is a valid one."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get("unit")

    @property
    def unit_choices(self) -> list[tuple]:
        """(unit, query string that chooses it) for the matching units shown as choices."""
        keep = {k: v for k, v in self._kept().items() if k != "unit_name"}
        return [
            (unit, urlencode(sorted({**keep, "unit": unit.slug}.items())))
            for unit in (self.unit_matches or [])[:UNIT_CHOICES]
        ]

    unit_choice_limit = UNIT_CHOICES

    @property
    def without_unit(self) -> str:
        """The query string without the unit (chosen or typed): the link that removes it."""
        keep = {k: v for k, v in self._kept().items() if k not in ("unit", "unit_name")}
        return urlencode(sorted(keep.items()))

    @property
    def filters_given(self) -> int:
        """How many filters besides the search words are in use (an invalid one is ignored, as
        `filter` ignores it): the count on the folded panel."""
        if not self.is_bound:
            return 0
        self.is_valid()
        return sum(1 for name in self.fields if name != "q" and self.cleaned_data.get(name))

    def active_query(self) -> str:
        """The given filters as a query string, for pagination links."""
        if not self.is_bound:
            return ""
        return urlencode(sorted(self._kept().items()))

    def _kept(self) -> dict:
        if not self.is_bound:
            return {}
        return {k: v for k, v in self.data.items() if k in self.fields and v}


class NominationForm(forms.ModelForm):
    """What a unit head fills in; the unit is one of the units they lead."""

    evidence = MultipleImageField(
        label=_("Evidence photos"), max_files=Nomination.MAX_IMAGES, renditions=EVIDENCE_RENDITIONS
    )

    class Meta:
        model = Nomination
        fields = [
            "unit",
            "honoree_name",
            "honoree_kind",
            "position",
            "theme",
            "proposed_form",
            "achievements",
        ]
        widgets = {"achievements": forms.Textarea(attrs={"rows": 8})}
        field_classes = {"proposed_form": TitleOrFormField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.led_by(user).filter(is_active=True)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = None
        self.fields["theme"].queryset = Theme.objects.filter(
            campaign__in=Campaign.objects.active()
        ).select_related("campaign")
        self.fields["theme"].empty_label = _("Choose a theme")
        self.fields["proposed_form"].queryset = CommendationForm.objects.filter(is_active=True)
        self.fields["proposed_form"].empty_label = _("No particular title or form")
        if self.instance.pk:
            # The unit of a nomination stays the one it was made for.
            self.fields["unit"].disabled = True
            self.fields["unit"].queryset = Unit.objects.filter(pk=self.instance.unit_id)


class NominationUpdateForm(NominationForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    remove_images = forms.ModelMultipleChoiceField(
        label=_("Remove these photos"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["remove_images"].queryset = self.instance.images.all()
        self.fields["remove_images"].label_from_instance = str
        self.fields["evidence"].label = _("Add photos")


class CommendationAdminForm(VersionedModelForm):
    """The office's editing form: photo through the image pipeline, edits never overwritten."""

    photo_upload = ImageUploadField(
        label=_("Photo"),
        required=False,
        renditions=PHOTO_RENDITIONS,
        help_text=_(
            "JPEG, PNG or WebP, at most 10 MB. Location and camera data are removed; the "
            "list, article and share sizes are made automatically."
        ),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    conflict_message = _(
        "Another office admin saved this commendation while you were editing it. Copy your "
        "changes, reload the page and apply them again."
    )

    class Meta:
        model = Commendation
        fields = [
            "title",
            "slug",
            "summary",
            "body",
            "honoree_name",
            "honoree_kind",
            "position",
            "unit",
            "campaign",
            "theme",
            "form",
            "decision_number",
            "decision_date",
            "photo_caption",
            "photo_consent",
            "status",
            "publish_at",
        ]
        widgets = {
            "body": BodyEditor,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"form": TitleOrFormField}

    def _post_clean(self):
        # The new or removed photo is part of the instance before the model's rules run, so
        # the consent rule sees exactly what will be stored.
        photo = self.cleaned_data.get("photo_upload")
        if self.cleaned_data.get("remove_photo") and not photo:
            self.instance.remove_photo()
        elif photo:
            self.instance.attach_photo(photo)
        super()._post_clean()


class DeclineForm(forms.Form):
    # Made from the model field it is stored in, so it has the same length rule.
    reason = Nomination._meta.get_field("decline_reason").formfield(
        label=_("Reason for declining"),
        required=True,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_("Sent to the nominating head by e-mail."),
    )
