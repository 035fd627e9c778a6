from modeltranslation.translator import TranslationOptions, register

from news.models import CommendationForm


@register(CommendationForm)
class CommendationFormTranslation(TranslationOptions):
    fields = ("name", "awarded_by")
    required_languages = ("vi",)
