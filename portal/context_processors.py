import unicodedata

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_info

from campaign.models import current_campaign
from portal.navigation import OFFICE_ENTRIES, PERSON_ENTRIES, current_section


def portal(request):
    """The current campaign, links to this page in every language and its header entry."""
    here = request.get_full_path()
    active = get_language()
    languages = [
        {
            "code": code,
            # Django's Vietnamese name is stored decomposed (e + combining marks); pages use NFC.
            "name": unicodedata.normalize("NFC", get_language_info(code)["name_local"]),
            "url": translate_url(here, code),
            "active": code == active,
        }
        for code, _name in settings.LANGUAGES
    ]
    section = current_section(getattr(request, "resolver_match", None))
    return {
        "nav_section": section,
        "nav_in_office_menu": section in OFFICE_ENTRIES,
        "nav_in_person_menu": section in PERSON_ENTRIES,
        "current_campaign": SimpleLazyObject(lambda: current_campaign(request)),
        "portal_languages": languages,
    }
