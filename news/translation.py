from modeltranslation.translator import TranslationOptions, register

from news.models import CommendationForm


@register(CommendationForm)
class CommendationFormTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)
