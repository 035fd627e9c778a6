from modeltranslation.translator import TranslationOptions, register

from campaign.models import Campaign, CampaignPhase, LegalDocument, Theme


@register(Campaign)
class CampaignTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "body",
        "issuing_body",
        "source_line",
        "governing_body",
        "letterhead_name",
        "movement",
        "signer_position",
        "signer_on_behalf_of",
        "report_recipients",
    )
    required_languages = ("vi",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("vi",)


@register(LegalDocument)
class LegalDocumentTranslation(TranslationOptions):
    fields = ("title", "issuer")
    required_languages = ("vi",)


@register(CampaignPhase)
class CampaignPhaseTranslation(TranslationOptions):
    fields = ("title",)
