"""Admin of the awards' decisions: the decisions (their texts editable while a draft, read-only
once issued), and the dated money the award is paid by (base salary, coefficients)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards import decisions as service
from awards.models import AwardRate, BaseSalary, Decision

CHECK_THE_DECREE = _(
    "The defaults were entered from the decrees in force when the portal was installed: check "
    "them against the decree before a decision uses them, and add a new row from the date a "
    "new decree applies (never change an old one: issued decisions were paid by it)."
)

AMOUNT = _("amount (VND)")


class DecisionAdminForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = [
            "number",
            "issuer_code",
            "date",
            "place",
            "campaign",
            "governing_body",
            "issuing_body",
            "abstract",
            "grounds",
            "executors",
            "recipients",
            "signer_position",
            "signer_on_behalf_of",
            "signer_name",
            "news_items",
            "is_public",
        ]

    def clean(self):
        # The register's year is not on the form, so Django leaves the number's constraint
        # unchecked: checked here, so a taken number is a form error, not a failed save.
        data = super().clean()
        number, day, code = data.get("number"), data.get("date"), data.get("issuer_code")
        if number and day and code:
            pk = self.instance.pk
            if service.number_taken(code, day.year, number, exclude=pk):
                error = service.number_error(code, day.year, number)
                self.add_error("number", error.message_dict["number"])
        return data


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    form = DecisionAdminForm
    list_display = ["symbol", "date", "status", "round", "abstract"]
    list_display_links = ["symbol"]
    list_filter = ["status", "year", "issuer_code"]
    search_fields = ["abstract", "issuer_code", "signer_name"]
    list_select_related = ["round"]
    date_hierarchy = "date"
    readonly_fields = ["outputs", "status", "issued_at", "issued_by", "round", "amends", "year"]
    fieldsets = [
        (None, {"fields": ["outputs", "status", "issued_at", "issued_by", "round", "amends"]}),
        (
            _("Number and date"),
            {"fields": ["number", "issuer_code", "year", "date", "place", "campaign"]},
        ),
        (
            _("Texts"),
            {
                "fields": [
                    "governing_body",
                    "issuing_body",
                    "abstract",
                    "grounds",
                    "executors",
                    "recipients",
                ]
            },
        ),
        (
            _("Signature"),
            {"fields": ["signer_position", "signer_on_behalf_of", "signer_name"]},
        ),
        (_("After issuing"), {"fields": ["news_items", "is_public"]}),
    ]

    @admin.display(description=_("number / symbol"), ordering="number")
    def symbol(self, obj: Decision) -> str:
        return obj.symbol

    @admin.display(description=_("the decision"))
    def outputs(self, obj: Decision | None) -> str:
        if obj is None or obj.pk is None:
            return gettext("Make a decision from an evaluation round's page.")
        links = [
            (reverse("awards:decision", args=[obj.pk]), gettext("Open the decision")),
            (reverse("awards:decision-print", args=[obj.pk]), gettext("Print")),
            (reverse("awards:decision-docx", args=[obj.pk]), gettext("DOCX")),
            (reverse("awards:decision-annex", args=[obj.pk]), gettext("Annexed list (XLSX)")),
        ]
        return format_html("{}", format_html_join(" · ", '<a href="{}">{}</a>', links))

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Said without the Vietnamese words of the model's own help text, for the English admin.
        kwargs.setdefault(
            "help_texts", {"grounds": _("One ground per line, each starting “Pursuant to”.")}
        )
        return super().get_form(request, obj, change, **kwargs)

    def has_change_permission(self, request, obj=None):
        # An issued decision is never changed: a correction is a new, amending decision.
        if obj is not None and obj.is_issued():
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_issued():
            return False
        return super().has_delete_permission(request, obj)


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "shown_amount", "basis"]
    fields = ["amount", "valid_from", "basis"]

    @admin.display(description=AMOUNT, ordering="amount")
    def shown_amount(self, obj: BaseSalary) -> str:
        return f"{obj.amount:,}".replace(",", ".")

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("help_texts", {"basis": CHECK_THE_DECREE})
        kwargs.setdefault("labels", {"amount": AMOUNT})
        return super().get_form(request, obj, change, **kwargs)


@admin.register(AwardRate)
class AwardRateAdmin(admin.ModelAdmin):
    list_display = ["form", "valid_from", "person_coefficient", "collective_coefficient", "basis"]
    list_filter = ["form"]
    list_select_related = ["form"]
    fields = ["form", "valid_from", "person_coefficient", "collective_coefficient", "basis"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs.setdefault("help_texts", {"basis": CHECK_THE_DECREE})
        return super().get_form(request, obj, change, **kwargs)
