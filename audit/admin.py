from django.contrib import admin

from audit.models import Event
from kit.admin_mixins import ReadOnlyAdminMixin
from kit.admin_widgets import truncated_column


class ObjectTypeFilter(admin.AllValuesFieldListFilter):
    """The kinds of object the trail is about. Logins and lockouts are about no object: Django
    would list their empty type as a link without text, which nobody can read or name."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = self.lookup_choices.exclude(**{field_path: ""})


@admin.register(Event)
class EventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "action", "username", "object_repr_short", "ip_address"]
    object_repr_short = truncated_column(Event, "object_repr")
    list_filter = ["action", "at", ("object_type", ObjectTypeFilter)]
    search_fields = ["username", "object_repr", "detail", "ip_address"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
