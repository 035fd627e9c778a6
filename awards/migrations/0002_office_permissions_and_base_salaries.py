import datetime as dt
from decimal import Decimal

from django.db import migrations

from kit.roles import crud, grant_office_permissions

# The base salary (mức lương cơ sở) by the decrees that set it; the office adds later ones in
# the admin.
BASE_SALARIES = [
    (1_490_000, dt.date(2019, 7, 1), "Nghị định 38/2019/NĐ-CP"),
    (1_800_000, dt.date(2023, 7, 1), "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, dt.date(2024, 7, 1), "Nghị định 73/2024/NĐ-CP"),
]

# Award money per title or form, as coefficients of the base salary (person, collective), by the
# decrees that set them; a collective's is twice a person's where the decree says so.
RATES = [
    ("chien-si-thi-dua-co-so", [("2017-09-15", "1.0", "0", "91/2017"), ("2023-12-31", "1.0", "0", "98/2023")]),
    ("lao-dong-tien-tien", [("2017-09-15", "0.3", "0", "91/2017"), ("2023-12-31", "0.3", "0", "98/2023")]),
    ("tap-the-lao-dong-tien-tien", [("2017-09-15", "0", "0.8", "91/2017"), ("2023-12-31", "0", "0.8", "98/2023")]),
    ("tap-the-lao-dong-xuat-sac", [("2017-09-15", "0", "1.5", "91/2017"), ("2023-12-31", "0", "1.5", "98/2023")]),
    ("bang-khen", [("2017-09-15", "1.0", "2.0", "91/2017"), ("2023-12-31", "1.0", "2.0", "98/2023")]),
    ("bang-khen-bo-truong-bo-cong-thuong", [("2017-09-15", "1.0", "2.0", "91/2017"), ("2023-12-31", "1.0", "2.0", "98/2023")]),
    ("giay-khen", [("2017-09-15", "0.15", "0.3", "91/2017"), ("2023-12-31", "0.3", "0.6", "98/2023")]),
]  # fmt: skip


def grant(apps, schema_editor):
    grant_office_permissions(
        apps,
        {
            "awards": crud(
                "awardrule",
                "basesalary",
                "awardrate",
                "evaluationround",
                "councilmember",
                "proposal",
                "decision",
                "award",
            )
        },
    )
    BaseSalary = apps.get_model("awards", "BaseSalary")
    for amount, valid_from, basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            valid_from=valid_from, defaults={"amount": amount, "basis": basis}
        )
    CommendationForm = apps.get_model("news", "CommendationForm")
    AwardRate = apps.get_model("awards", "AwardRate")
    for slug, rates in RATES:
        form = CommendationForm.objects.filter(slug=slug).first()
        if form is None:  # removed by the office before this migration ran
            continue
        for valid_from, person, collective, decree in rates:
            AwardRate.objects.get_or_create(
                form=form,
                valid_from=dt.date.fromisoformat(valid_from),
                defaults={
                    "person_coefficient": Decimal(person),
                    "collective_coefficient": Decimal(collective),
                    "basis": f"Nghị định {decree}/NĐ-CP",
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
        ("campaign", "0002_office_group"),
        ("news", "0007_labour_collective_names"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
