from django.db import migrations, models

# The campaign page lists the latest progress: public pledges of a campaign ordered by
# latest_report_at DESC NULLS LAST. Only an index declared in that order serves it, and SQLite
# cannot declare NULLS LAST in an index, so this one is made on PostgreSQL only.
LATEST_PROGRESS_INDEX = "pledge_latest_progress_idx"


def create_latest_progress_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {LATEST_PROGRESS_INDEX} ON pledges_pledge "
            "(campaign_id, latest_report_at DESC NULLS LAST, id DESC) "
            "WHERE status IN ('accepted', 'completed')"
        )


def drop_latest_progress_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {LATEST_PROGRESS_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0002_office_permissions"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="pledge",
            index=models.Index(
                condition=models.Q(("status", "submitted")),
                fields=["submitted_at", "id"],
                name="pledge_review_queue_idx",
            ),
        ),
        migrations.RunPython(create_latest_progress_index, drop_latest_progress_index),
    ]
