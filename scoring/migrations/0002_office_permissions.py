from django.db import migrations

from kit.roles import crud, grant_office_permissions


def grant(apps, schema_editor):
    grant_office_permissions(
        apps,
        {
            # The office defines criteria, runs review rounds and enters every score; the
            # score admin itself is read-only (entry is per unit on the round's page).
            "scoring": crud("criterion", "scoringround", "score"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0001_initial"),
        ("campaign", "0002_office_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
