import unicodedata

import django.db.models.deletion
from django.db import migrations, models

DIRECTOR = ("Giám đốc Sở", "Director of the Department")
PROVINCE = ("Chủ tịch UBND tỉnh", "Chairman of the Provincial People's Committee")
MINISTER = ("Bộ trưởng Bộ Công Thương", "Minister of Industry and Trade")

# The emulation titles 0002 seeded, with who confers them (Law on Emulation and Commendation).
SEEDED_TITLES = {
    "chien-si-thi-dua-co-so": DIRECTOR,
    "lao-dong-tien-tien": DIRECTOR,
    "tap-the-lao-dong-tien-tien": DIRECTOR,
    "tap-the-lao-dong-xuat-sac": PROVINCE,
}
# English names 0002 seeded that the glossary words differently.
ENGLISH = {
    "tap-the-lao-dong-xuat-sac": ("Excellent collective", "Excellent Labour Collective"),
    "tap-the-lao-dong-tien-tien": ("Advanced collective", "Advanced Labour Collective"),
}
# The emulation titles of the Law, by how their names begin (folded): the office's own rows
# named so are titles too.
TITLE_NAMES = (
    "chien si thi dua",
    "chien si tien tien",
    "lao dong tien tien",
    "co thi dua",
    "tap the lao dong",
    "don vi quyet thang",
    "don vi tien tien",
)
# The forms 0002 seeded without an authority: (slug, Vietnamese name, authority, the slug of
# the same form with that authority, its order).
GENERIC_FORMS = [
    ("bang-khen", "Bằng khen", PROVINCE, "bang-khen-chu-tich-ubnd-tinh", 11),
    ("giay-khen", "Giấy khen", DIRECTOR, "giay-khen-giam-doc-so", 41),
]
# Forms of the sector 0002 did not seed: (slug, Vietnamese name, authority, given to, order).
MISSING_FORMS = [
    ("bang-khen-bo-truong-bo-cong-thuong", "Bằng khen", MINISTER, "any", 15),
]
ENGLISH_FORMS = {"Bằng khen": "Certificate of merit", "Giấy khen": "Certificate of commendation"}


def fold(text):
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def authority(row, names):
    row.awarded_by = row.awarded_by_vi = names[0]
    row.awarded_by_en = names[1]


def full_name(name, by):
    """How a form reads with its authority, folded: "bang khen cua chu tich ubnd tinh"."""
    return fold(f"{name} của {by}" if by else name)


def classify(apps, schema_editor):
    """Titles apart from forms, each with its authority, on new and existing installs alike.

    Runs on whatever the catalogue holds: rows the office added or changed are kept, and a form
    some commendation already uses keeps its meaning — its authority is not guessed; the form
    with the authority is added beside it for the office to use from now on.
    """
    CommendationForm = apps.get_model("news", "CommendationForm")
    Commendation = apps.get_model("news", "Commendation")
    Nomination = apps.get_model("news", "Nomination")

    for row in CommendationForm.objects.all():
        if row.slug in SEEDED_TITLES or fold(row.name_vi or row.name).startswith(TITLE_NAMES):
            row.kind = "title"
        if row.slug in SEEDED_TITLES and not row.awarded_by_vi:
            authority(row, SEEDED_TITLES[row.slug])
        if row.slug in ENGLISH and row.name_en == ENGLISH[row.slug][0]:
            row.name_en = ENGLISH[row.slug][1]
        row.save()

    def known(name_vi, names):
        """Whether the catalogue has this form already, perhaps under a slug of the office's."""
        rows = CommendationForm.objects.all()
        return full_name(name_vi, names[0]) in {
            full_name(r.name_vi or r.name, r.awarded_by_vi) for r in rows
        }

    def add(slug, name_vi, names, recipients, position):
        if known(name_vi, names):
            return
        row, created = CommendationForm.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": "form",
                "name": name_vi,
                "name_vi": name_vi,
                "name_en": ENGLISH_FORMS[name_vi],
                "recipients": recipients,
                "position": position,
            },
        )
        if created:
            authority(row, names)
            row.save()

    for slug, name_vi, names, specific_slug, position in GENERIC_FORMS:
        row = CommendationForm.objects.filter(slug=slug).first()
        if known(name_vi, names):
            continue
        untouched = row is not None and row.name_vi == name_vi and not row.awarded_by_vi
        used = row is not None and (
            Commendation.objects.filter(form=row).exists()
            or Nomination.objects.filter(proposed_form=row).exists()
        )
        if untouched and not used:
            authority(row, names)
            row.save()
        else:
            add(specific_slug, name_vi, names, "any", position)
    for slug, name_vi, names, recipients, position in MISSING_FORMS:
        add(slug, name_vi, names, recipients, position)


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0005_decision_number_search'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='commendationform',
            options={'ordering': ['-kind', 'position', 'pk'], 'verbose_name': 'emulation title or form of commendation', 'verbose_name_plural': 'emulation titles and forms of commendation'},
        ),
        migrations.AddField(
            model_name='commendationform',
            name='awarded_by',
            field=models.CharField(blank=True, help_text="Who confers it, e.g. the Director of the Department, the Chairman of the Provincial People's Committee or the Minister of Industry and Trade. A form of commendation is named with it, as in “Certificate of merit of the Chairman of the Provincial People's Committee”.", max_length=150, verbose_name='awarded by'),
        ),
        migrations.AddField(
            model_name='commendationform',
            name='awarded_by_en',
            field=models.CharField(blank=True, help_text="Who confers it, e.g. the Director of the Department, the Chairman of the Provincial People's Committee or the Minister of Industry and Trade. A form of commendation is named with it, as in “Certificate of merit of the Chairman of the Provincial People's Committee”.", max_length=150, null=True, verbose_name='awarded by'),
        ),
        migrations.AddField(
            model_name='commendationform',
            name='awarded_by_vi',
            field=models.CharField(blank=True, help_text="Who confers it, e.g. the Director of the Department, the Chairman of the Provincial People's Committee or the Minister of Industry and Trade. A form of commendation is named with it, as in “Certificate of merit of the Chairman of the Provincial People's Committee”.", max_length=150, null=True, verbose_name='awarded by'),
        ),
        migrations.AddField(
            model_name='commendationform',
            name='kind',
            field=models.CharField(choices=[('title', 'Emulation title'), ('form', 'Form of commendation')], default='form', help_text="An emulation title (e.g. Lao động tiên tiến) recognises a year's or a movement's work; a form of commendation (e.g. Giấy khen, Bằng khen) is awarded by an authority. The portal lists them apart.", max_length=8, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='commendation',
            name='form',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='commendations', to='news.commendationform', verbose_name='emulation title or form of commendation'),
        ),
        migrations.AlterField(
            model_name='commendationform',
            name='is_active',
            field=models.BooleanField(default=True, help_text='Titles and forms no longer awarded can be switched off.', verbose_name='in use'),
        ),
        migrations.AlterField(
            model_name='commendationform',
            name='name',
            field=models.CharField(help_text='Without the authority, e.g. Lao động tiên tiến, Bằng khen.', max_length=150, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='commendationform',
            name='name_en',
            field=models.CharField(help_text='Without the authority, e.g. Lao động tiên tiến, Bằng khen.', max_length=150, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='commendationform',
            name='name_vi',
            field=models.CharField(help_text='Without the authority, e.g. Lao động tiên tiến, Bằng khen.', max_length=150, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='commendationform',
            name='position',
            field=models.PositiveSmallIntegerField(default=0, help_text='Order among the titles, or among the forms, on the honour board and in lists; smaller numbers come first.', verbose_name='order'),
        ),
        migrations.AlterField(
            model_name='commendationform',
            name='recipients',
            field=models.CharField(choices=[('any', 'Persons and collectives'), ('person', 'Persons only'), ('collective', 'Collectives only')], default='any', help_text='Whether it is awarded to a person, a collective or either.', max_length=12, verbose_name='given to'),
        ),
        migrations.AlterField(
            model_name='historicalcommendation',
            name='form',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='news.commendationform', verbose_name='emulation title or form of commendation'),
        ),
        migrations.AlterField(
            model_name='historicalnomination',
            name='proposed_form',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Optional: the emulation title or form of commendation the unit proposes.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='news.commendationform', verbose_name='proposed title or form of commendation'),
        ),
        migrations.AlterField(
            model_name='nomination',
            name='proposed_form',
            field=models.ForeignKey(blank=True, help_text='Optional: the emulation title or form of commendation the unit proposes.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='news.commendationform', verbose_name='proposed title or form of commendation'),
        ),
        migrations.RunPython(classify, migrations.RunPython.noop),
    ]
