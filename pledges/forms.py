from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format, get_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign
from kit.fields import DateBoxesField, MultipleImageField, example_note
from pledges.models import Evidence, Pledge, ProgressReport


def example_date(campaign: Campaign) -> dt.date:
    """The last day of the month halfway through the campaign: inside it, and with a day above
    12, so that it cannot be read month first."""
    middle = campaign.starts_on + (campaign.ends_on - campaign.starts_on) / 2
    next_month = (middle.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return min(next_month - dt.timedelta(days=1), campaign.ends_on)


class PledgeForm(forms.ModelForm):
    """Theme, text, target, due date and legal basis of a pledge, within one campaign.

    `version` travels with the form so a save over someone else's newer edit is refused.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Pledge
        field_classes = {"due_on": DateBoxesField}
        fields = [
            "theme",
            "title",
            "commitment",
            "target_value",
            "target_unit",
            "due_on",
            "legal_documents",
        ]
        widgets = {
            "commitment": forms.Textarea(attrs={"rows": 5}),
            "legal_documents": forms.CheckboxSelectMultiple,
        }
        # The target is read in the page's notation (kit.numbers), whose message shows it.
        error_messages = {
            "target_value": {"min_value": _("Enter a target greater than zero.")},
        }

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.instance.campaign = campaign
        self.fields["theme"].queryset = campaign.themes.all()
        self.fields["theme"].empty_label = None
        self.fields["legal_documents"].queryset = campaign.legal_documents.order_by(
            "campaigndocument__position"
        )
        # The days the pledge's rule (Pledge.clean) accepts, and a date of them to copy.
        within = _("Within the campaign: from %(start)s to %(end)s.") % {
            "start": date_format(campaign.starts_on, "SHORT_DATE_FORMAT"),
            "end": date_format(campaign.ends_on, "SHORT_DATE_FORMAT"),
        }
        self.fields["due_on"].help_text = f"{within} {example_note(example_date(campaign))}"
        self.fields["target_value"].label = _("Target (number)")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_title(self) -> str:
        return self.cleaned_data["title"].strip()

    def changes(self) -> dict:
        """The cleaned values as keyword arguments for the services."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AchievedInput(forms.TextInput):
    """The amount reached, with the target beside it: "[12] / 30 doanh nghiệp"."""

    def __init__(self, *, pledge: Pledge, attrs=None):
        super().__init__(attrs)
        self.pledge = pledge

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # What static/portal/progress-preview.js needs to show the percent as the head types.
        context["widget"]["attrs"].update(
            {
                "data-target": str(self.pledge.target_number),
                "data-decimal": get_format("DECIMAL_SEPARATOR"),
                "data-thousands": get_format("THOUSAND_SEPARATOR"),
            }
        )
        return context

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        field_id = (attrs or {}).get("id", "")
        return format_html(
            '<div class="input-group achieved-group">{}'
            '<span class="input-group-text">/ {} {}</span></div>'
            '<output class="achieved-preview" for="{}" data-template="{}" hidden></output>',
            box,
            number_format(self.pledge.target_number),
            self.pledge.target_unit,
            field_id,
            gettext("Progress: %(percent)s%%") % {"percent": "{percent}"},
        )


class ProgressReportForm(forms.ModelForm):
    """A report on `pledge`: the amount reached when its target counts something (the percent
    is computed from it), else the percent itself."""

    final = forms.BooleanField(
        label=_("This is the final report: the target is reached"),
        required=False,
        help_text=_("Tick it with a report of 100%; the pledge is then marked completed."),
    )
    images = MultipleImageField(
        label=_("Evidence photos"),
        max_files=5,
        renditions={"thumb": Evidence.THUMBNAIL},
    )

    class Meta:
        model = ProgressReport
        fields = ["percent", "achieved", "narrative"]
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "percent": {
                "min_value": _("Progress is a percentage from 0 to 100."),
                "max_value": _("Progress is a percentage from 0 to 100."),
                "invalid": _("Enter the progress as a whole number from 0 to 100."),
            },
            "achieved": {
                "min_value": _("The amount reached cannot be negative."),
                "max_digits": _("This number is too large: check what you typed."),
                "max_whole_digits": _("This number is too large: check what you typed."),
            },
        }

    def __init__(self, *args, pledge: Pledge, **kwargs):
        super().__init__(*args, **kwargs)
        self.pledge = pledge
        if pledge.is_counted:
            del self.fields["percent"]
            field = self.fields["achieved"]
            field.required = True
            field.label = _("Achieved")
            field.help_text = _(
                "How many %(unit)s are reached so far; the target is %(target)s. The progress "
                "(%%) is worked out from it, rounded down."
            ) % {"unit": pledge.target_unit, "target": number_format(pledge.target_number)}
            field.widget = AchievedInput(pledge=pledge, attrs=field.widget.attrs)
            if pledge.is_whole_target:
                field.widget.attrs["inputmode"] = "numeric"
        else:
            del self.fields["achieved"]

    def clean(self):
        cleaned = super().clean()
        achieved = cleaned.get("achieved")
        if "achieved" in self.fields and achieved is not None:
            try:
                cleaned["percent"] = self.pledge.percent_of(achieved)
            except ValidationError as error:
                self.add_error("achieved", error)
        percent = cleaned.get("percent")
        final = cleaned.get("final")
        if percent == 100 and not final:
            self.add_error(
                "final",
                _("Reaching the target (100%) completes the pledge: tick this box to confirm."),
            )
        elif final and percent is not None and percent < 100:
            self.add_error("final", _("The final report must say 100%."))
        return cleaned


class ReviewForm(forms.Form):
    ACCEPT = "accept"
    RETURN = "return"

    decision = forms.ChoiceField(
        choices=[(ACCEPT, _("Accept")), (RETURN, _("Return for completion"))],
        widget=forms.HiddenInput,
    )
    # Made from the model field it is stored in, so it has the same length rule.
    reason = Pledge._meta.get_field("review_note").formfield(
        label=_("Note or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when returning: tell the unit what to fix."),
    )

    def clean(self):
        cleaned = super().clean()
        # A reason refused for its length is already explained; "say why" would mislead.
        if (
            cleaned.get("decision") == self.RETURN
            and "reason" not in self.errors
            and not cleaned.get("reason", "").strip()
        ):
            self.add_error(
                "reason", _("Say why the pledge is returned, so the unit knows what to fix.")
            )
        return cleaned


class ReturnReasonForm(forms.Form):
    """The admin's intermediate page for the "return" action."""

    reason = Pledge._meta.get_field("review_note").formfield(
        label=_("Reason"),
        required=True,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text=_("Sent to the unit's heads and shown with the pledge."),
        error_messages={
            "required": _("Say why the pledges are returned, so the units know what to fix.")
        },
    )
