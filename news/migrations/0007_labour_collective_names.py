from django.db import migrations

# The English names of the two titles for a unit, as the glossary writes them. Changed only
# where the name is still the one 0002 gave it: a name the office has edited stays.
NAMES = {
    "tap-the-lao-dong-xuat-sac": ("Excellent collective", "Excellent Labour Collective"),
    "tap-the-lao-dong-tien-tien": ("Advanced collective", "Advanced Labour Collective"),
}


def rename(apps, schema_editor):
    CommendationForm = apps.get_model("news", "CommendationForm")
    for slug, (first, corrected) in NAMES.items():
        CommendationForm.objects.filter(slug=slug, name_en=first).update(name_en=corrected)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_titles_apart_from_forms"),
    ]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
