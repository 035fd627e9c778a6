"""Admin pieces shared by every app's admin."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models.fields import BLANK_CHOICE_DASH

EMPTY_LABEL = BLANK_CHOICE_DASH[0][1]


class ValidAutocompleteSelect(AutocompleteSelect):
    """Django renders an autocomplete without a value as a <select> with no <option> (when
    required) or an empty one, both invalid HTML; here the empty choice has a label, as
    ordinary selects do."""

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        options = groups[0][1]
        has_value = any(v not in (None, "") for v in value)
        if not has_value and not any(option["value"] == "" for option in options):
            options.insert(0, self.create_option(name, "", "", False, 0))
        for option in options:
            if option["value"] == "" and not option["label"]:
                option["label"] = EMPTY_LABEL
        return groups


class AutocompleteMixin:
    """Use ValidAutocompleteSelect for the admin's autocomplete_fields."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ValidAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
