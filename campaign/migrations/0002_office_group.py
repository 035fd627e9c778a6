from django.db import migrations

from kit.roles import crud, grant_office_permissions


def grant(apps, schema_editor):
    grant_office_permissions(
        apps,
        {
            "campaign": crud("campaign", "theme", "legaldocument", "campaigndocument"),
            "units": crud("unit", "unitrole"),
            # Office admins create and edit staff accounts; the user admin keeps privilege
            # fields (staff, superuser, groups, permissions) for superusers only.
            "auth": ["add_user", "change_user", "view_user"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0001_initial"),
        ("units", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
