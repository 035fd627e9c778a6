"""The news app's models: the catalogue of titles and forms of commendation, the published
commendations, and the nominations units send in (one module each)."""

from news.models.commendations import (
    PHOTO_RENDITIONS,
    Commendation,
    CommendationForm,
    CommendationQuerySet,
)
from news.models.honorees import Honoree, HonoreeKind
from news.models.nominations import Nomination, NominationImage, NominationQuerySet

# django-simple-history places a historical model in the app's package ("news") when its model is
# not in news/models.py; they are named here, where that module path leads, so an import of
# `news.models.HistoricalCommendation` (and `manage.py shell`'s own imports) finds them.
HistoricalCommendation = Commendation.history.model
HistoricalNomination = Nomination.history.model
HistoricalCommendation.__module__ = HistoricalNomination.__module__ = __name__

__all__ = [
    "PHOTO_RENDITIONS",
    "Commendation",
    "CommendationForm",
    "CommendationQuerySet",
    "Honoree",
    "HistoricalCommendation",
    "HistoricalNomination",
    "HonoreeKind",
    "Nomination",
    "NominationImage",
    "NominationQuerySet",
]
