from django.db import migrations

from kit.roles import grant_office_permissions


def grant(apps, schema_editor):
    grant_office_permissions(
        apps,
        {
            # The office reviews pledges (accept / return are changes) and reads the timeline;
            # units write pledges and reports, so the office neither adds nor deletes them.
            "pledges": [
                "view_pledge",
                "change_pledge",
                "view_progressreport",
                "view_evidence",
            ],
            # Unlocking a locked-out login is deleting its access attempt.
            "axes": [
                "view_accessattempt",
                "delete_accessattempt",
                "view_accessfailurelog",
                "view_accesslog",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0001_initial"),
        ("campaign", "0002_office_group"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
