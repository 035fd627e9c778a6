from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from campaign.admin_widgets import AutocompleteMixin
from campaign.models import Campaign, CampaignDocument, CampaignPhase, LegalDocument, Theme

admin.site.site_header = _("Emulation portal – office")
admin.site.site_title = _("Emulation portal")
admin.site.index_title = _("Campaign office")


class ThemeInline(TranslationStackedInline):
    model = Theme
    extra = 0
    fields = ["number", "title", "description"]


class CampaignPhaseInline(TranslationStackedInline):  # stacked: tabular inputs have no labels
    model = CampaignPhase
    extra = 0
    fields = ["kind", "title", "starts_on", "ends_on"]


class CampaignDocumentInline(
    AutocompleteMixin, admin.StackedInline
):  # tabular inputs have no labels
    model = CampaignDocument
    extra = 0
    autocomplete_fields = ["document"]
    fields = ["position", "document"]


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    list_display = ["title", "state", "published_on", "starts_on", "ends_on", "theme_count"]
    list_filter = ["status", "published_on"]
    search_fields = ["title_vi", "title_en", "slug", "summary_vi"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title_vi"]}
    inlines = [ThemeInline, CampaignPhaseInline, CampaignDocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary", "body"]}),
        (
            _("Dates"),
            {"fields": ["published_on", "starts_on", "ends_on", "late_pledges_allowed"]},
        ),
        (
            _("Issuer and contact"),
            {
                "fields": [
                    "issuing_body",
                    "issuing_place",
                    "contact_email",
                    "contact_phones",
                    "source_line",
                ]
            },
        ),
        (
            _("Printed reports"),
            {
                "description": _(
                    "The head and foot of the campaign's review reports, as Decree 30/2020/NĐ-CP "
                    "lays them out."
                ),
                "fields": [
                    "governing_body",
                    "letterhead_name",
                    "issuer_code",
                    "movement",
                    "signer_on_behalf_of",
                    "signer_position",
                    "signer_name",
                    "report_recipients",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(theme_total=Count("themes")).with_span()

    @admin.display(description=_("state"))
    def state(self, obj):
        return obj.display_state.label

    @admin.display(description=_("themes"), ordering="theme_total")
    def theme_count(self, obj):
        return obj.theme_total


@admin.register(Theme)
class ThemeAdmin(AutocompleteMixin, TranslationAdmin):
    list_display = ["number", "title", "campaign"]
    list_display_links = ["title"]
    list_filter = ["campaign"]
    search_fields = ["title_vi", "title_en", "description_vi"]
    list_select_related = ["campaign"]
    autocomplete_fields = ["campaign"]


@admin.register(LegalDocument)
class LegalDocumentAdmin(TranslationAdmin):
    list_display = ["number", "kind", "issued_on", "issuer", "title"]
    list_filter = ["kind", "issued_on"]
    search_fields = ["number", "title_vi", "title_en", "issuer_vi"]
    date_hierarchy = "issued_on"
