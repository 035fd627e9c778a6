"""Admin of the certificates' layout: the one row that aligns the text to the office's paper."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from awards.models import CertificateLayout
from kit.admin_mixins import NoAddOrDeleteMixin
from kit.fields import ImageUploadField

EMBLEM_SIDE = 600


class CertificateLayoutForm(forms.ModelForm):
    """The emblem goes through the image pipeline: only its re-encoded pixels are stored."""

    emblem_upload = ImageUploadField(
        label=_("Emblem"),
        required=False,
        max_side=EMBLEM_SIDE,
        help_text=_(
            "JPEG, PNG or WebP, at most 10 MB; printed at the top of each certificate. Leave "
            "empty for paper that already has one."
        ),
    )
    remove_emblem = forms.BooleanField(label=_("Remove the emblem"), required=False)

    class Meta:
        model = CertificateLayout
        fields = ["offset_top_mm", "offset_left_mm", "font_size_pt"]

    def save(self, commit=True):
        layout = super().save(commit=False)
        emblem = self.cleaned_data.get("emblem_upload")
        if emblem:
            if layout.emblem:
                layout.emblem.delete(save=False)
            layout.emblem.save(emblem.content.name, emblem.content, save=False)
        elif self.cleaned_data.get("remove_emblem") and layout.emblem:
            layout.emblem.delete(save=False)
        if commit:
            layout.save()
        return layout


@admin.register(CertificateLayout)
class CertificateLayoutAdmin(NoAddOrDeleteMixin, admin.ModelAdmin):
    """One row, made with the defaults when the certificates are first printed or listed here."""

    form = CertificateLayoutForm
    list_display = ["__str__", "offset_top_mm", "offset_left_mm", "font_size_pt", "updated_at"]
    readonly_fields = ["current_emblem", "updated_at"]
    fieldsets = [
        (
            _("Alignment to the pre-printed paper"),
            {"fields": ["offset_top_mm", "offset_left_mm", "font_size_pt"]},
        ),
        (_("Emblem"), {"fields": ["current_emblem", "emblem_upload", "remove_emblem"]}),
        (None, {"fields": ["updated_at"]}),
    ]

    def changelist_view(self, request, extra_context=None):
        CertificateLayout.load()
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("emblem"))
    def current_emblem(self, obj):
        if not obj or not obj.emblem:
            return _("No emblem: the certificates print without one.")
        return format_html(
            '<img src="{}" alt="" height="120">', reverse("awards:certificate-emblem")
        )
