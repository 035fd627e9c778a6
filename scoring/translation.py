from modeltranslation.translator import TranslationOptions, register

from scoring.models import Criterion, ScoringRound


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"vi": ("title",)}


@register(ScoringRound)
class ScoringRoundTranslation(TranslationOptions):
    fields = ("title", "note")
    required_languages = {"vi": ("title",)}
