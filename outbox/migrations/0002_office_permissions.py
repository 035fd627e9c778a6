from django.db import migrations

from kit.roles import grant_office_permissions


def grant(apps, schema_editor):
    # The office reads the outbox and can resend; messages are only ever written by the portal.
    grant_office_permissions(apps, {"outbox": ["view_message", "change_message"]})


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("campaign", "0002_office_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
