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

__all__ = [
    "PHOTO_RENDITIONS",
    "Commendation",
    "CommendationForm",
    "CommendationQuerySet",
    "Honoree",
    "HonoreeKind",
    "Nomination",
    "NominationImage",
    "NominationQuerySet",
]
