from modeltranslation.translator import TranslationOptions, register

from units.models import Unit


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name", "short_name")
    required_languages = ("vi",)
