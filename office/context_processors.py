from django.utils.functional import SimpleLazyObject

from office.inbox import office_waiting


def office(request):
    """What waits for the office, for the header menu's badges. Counted only when the header's
    office menu is drawn (staff), so other pages pay nothing."""
    return {"office_waiting": SimpleLazyObject(lambda: office_waiting(request))}
