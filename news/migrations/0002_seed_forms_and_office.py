from django.db import migrations

from kit.roles import crud, grant_office_permissions

# (slug, Vietnamese, English, given to, order): the usual forms of a provincial department.
FORMS = [
    ("bang-khen", "Bằng khen", "Certificate of merit", "any", 10),
    ("chien-si-thi-dua-co-so", "Chiến sĩ thi đua cơ sở", "Grassroots emulation fighter", "person", 20),
    ("tap-the-lao-dong-xuat-sac", "Tập thể lao động xuất sắc", "Excellent collective", "collective", 30),
    ("giay-khen", "Giấy khen", "Certificate of commendation", "any", 40),
    ("lao-dong-tien-tien", "Lao động tiên tiến", "Advanced worker", "person", 50),
    ("tap-the-lao-dong-tien-tien", "Tập thể lao động tiên tiến", "Advanced collective", "collective", 60),
    ("bieu-duong", "Biểu dương gương điển hình", "Exemplary model", "any", 70),
]


def seed(apps, schema_editor):
    CommendationForm = apps.get_model("news", "CommendationForm")
    for slug, name_vi, name_en, recipients, position in FORMS:
        CommendationForm.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name_vi,
                "name_vi": name_vi,
                "name_en": name_en,
                "recipients": recipients,
                "position": position,
            },
        )
    grant_office_permissions(
        apps,
        {
            "news": [
                *crud("commendation", "commendationform"),
                # Nominations come from unit heads; the office reads and decides them.
                "view_nomination",
                "change_nomination",
                "view_nominationimage",
            ]
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("campaign", "0002_office_group"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
