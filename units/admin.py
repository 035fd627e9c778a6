from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from campaign.admin_widgets import AutocompleteMixin
from units.models import Unit, UnitRole

User = get_user_model()


# Stacked, not tabular: tabular inline inputs have no labels.
class UnitRoleInline(AutocompleteMixin, admin.StackedInline):
    model = UnitRole
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "title"]


@admin.register(Unit)
class UnitAdmin(AutocompleteMixin, TranslationAdmin):
    list_display = ["name", "short_name", "kind", "parent", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["kind", "is_active", "parent"]
    search_fields = ["name_vi", "name_en", "short_name_vi", "slug"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name_vi"]}
    inlines = [UnitRoleInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "parent"]}),
        (_("Contact"), {"fields": ["address", "phone", "email"]}),
        (_("Display"), {"fields": ["position", "is_active"]}),
    ]


@admin.register(UnitRole)
class UnitRoleAdmin(AutocompleteMixin, admin.ModelAdmin):
    list_display = ["user", "unit", "role", "title"]
    list_filter = ["role", "unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name_vi"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]


class PortalUserAdmin(UserAdmin):
    """User accounts for the office: it manages staff accounts but cannot grant privileges.

    Only superusers see or change staff status, superuser status, groups and permissions, and
    only they can edit accounts that already hold such privileges.
    """

    inlines = [UnitRoleInline]
    office_fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return self.office_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["last_login", "date_joined"]

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(is_superuser=False, is_staff=False) | qs.filter(pk=request.user.pk)


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
