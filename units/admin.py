from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from kit.admin_widgets import AutocompleteMixin
from kit.roles import OFFICE_GROUP, group_label
from units.forms import UnitImportForm
from units.importing import COLUMNS, ImportInvalid, units_import
from units.models import Unit, UnitRole
from units.spreadsheet import UnreadableFile

# Importing creates and changes units, roles and (password-less) accounts.
IMPORT_PERMS = [
    "units.add_unit",
    "units.change_unit",
    "units.add_unitrole",
    "units.change_unitrole",
    "auth.add_user",
]

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

    def get_search_results(self, request, queryset, search_term):
        # Also the folded names, as the name is being typed (this search feeds every unit
        # picker of the admin): "phong qu" finds "Phòng Quản lý Thương mại".
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found = found | queryset.search(search_term, whole=False)
        return found, may_have_duplicates

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="units_unit_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a spreadsheet of units and heads: every row is checked, and the file is
        imported only when it has no problem at all."""
        if not request.user.has_perms(IMPORT_PERMS):
            raise PermissionDenied
        form = UnitImportForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import units and heads"),
            "form": form,
            "columns": COLUMNS,
        }
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                context["report"] = units_import(
                    data=upload.read(),
                    filename=upload.name,
                    actor=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except UnreadableFile as error:
                form.add_error("file", error.message)
            except ImportInvalid as invalid:
                context["errors"] = invalid.errors
        return TemplateResponse(request, "admin/units/unit/import.html", context)


@admin.register(UnitRole)
class UnitRoleAdmin(AutocompleteMixin, admin.ModelAdmin):
    list_display = ["user", "unit", "role", "title"]
    list_filter = ["role", "unit"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name_vi"]
    list_select_related = ["user", "unit"]
    autocomplete_fields = ["user", "unit"]


class PasswordChangeForm(AdminPasswordChangeForm):
    # Django joins this help text once, at import, from a translated sentence and an English one
    # (not a msgid); joined when shown, both are in the reader's language.
    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


class GroupListFilter(admin.RelatedFieldListFilter):
    """The users list's filter by group, with each group under the name people know it by."""

    def field_choices(self, field, request, model_admin):
        return [(group.pk, group_label(group)) for group in Group.objects.order_by("name")]


class PortalUserAdmin(UserAdmin):
    """User accounts for the office: it manages staff accounts but cannot grant privileges.

    Only superusers see or change staff status, superuser status, groups and permissions, and
    only they can edit accounts that already hold such privileges.
    """

    inlines = [UnitRoleInline]
    change_password_form = PasswordChangeForm
    list_filter = ["is_staff", "is_superuser", "is_active", ("groups", GroupListFilter)]
    office_fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return self.office_fieldsets

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        # The office lists only accounts without privileges: filters by staff, superuser or
        # group would sort nothing, and showed the group's name as its migration wrote it.
        return ["is_active"]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["last_login", "date_joined"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.label_from_instance = group_label
        return field

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(is_superuser=False, is_staff=False) | qs.filter(pk=request.user.pk)


class _Labelled:
    """A group that prints as its label, for the admin's row checkbox."""

    def __init__(self, group):
        self.pk = group.pk
        self.label = group_label(group)

    def __str__(self) -> str:
        return self.label


class PortalGroupAdmin(GroupAdmin):
    """Groups under their labels; the office group's stored name is locked, since the portal
    recognises the office by it (renaming it would take every office admin's rights away)."""

    list_display = ["label"]

    @admin.display(description=_("shown as"), ordering="name")
    def label(self, group):
        return group_label(group)

    def action_checkbox(self, obj):
        # Screen readers name each row's checkbox after the row: by its label too.
        return super().action_checkbox(_Labelled(obj))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.name == OFFICE_GROUP:
            return ["label", "name"]
        return super().get_readonly_fields(request, obj)

    def get_fields(self, request, obj=None):
        if obj is not None and obj.name == OFFICE_GROUP:
            return ["label", "name", "permissions"]
        return super().get_fields(request, obj)


admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, PortalGroupAdmin)
