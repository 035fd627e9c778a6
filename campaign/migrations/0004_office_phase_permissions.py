from django.db import migrations

from kit.roles import crud, grant_office_permissions


def grant(apps, schema_editor):
    grant_office_permissions(apps, {"campaign": crud("campaignphase")})


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0003_phases"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
