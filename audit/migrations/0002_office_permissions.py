from django.db import migrations

from kit.roles import grant_office_permissions


def grant(apps, schema_editor):
    grant_office_permissions(apps, {"audit": ["view_event"]})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("campaign", "0002_office_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
