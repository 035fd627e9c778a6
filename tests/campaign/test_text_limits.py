"""Every text a person writes has a maximum length that the model itself enforces, the forms
show, and the seed campaign fits with room to spare. Fields the portal writes itself are the only
unbounded ones, and each of them is named here with the reason."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.test import RequestFactory
from django.utils import translation

from campaign.models import Campaign, CampaignPhase, LegalDocument, Theme
from kit.fields import BoundedTextField
from pledges.models import Pledge
from tests.factories import make_user
from units.models import Unit

OUR_APPS = {"campaign", "units", "pledges", "news", "scoring", "audit", "outbox"}

# Written by the portal, never typed by a person: any person's text inside them was bounded
# where it was typed.
MACHINE_WRITTEN = {
    "audit.Event.detail": "the workflow step or the admin's change message",
    "outbox.Message.body": "an e-mail the portal composes from bounded fields",
    "outbox.Message.last_error": "the mail server's error",
    "news.Commendation.search_key": "the folded search text derived on save",
    "units.Unit.search_key": "the folded names derived on save",
}


def _stores_a_file_name(model, field) -> bool:
    # django-simple-history keeps a tracked file field as a text column holding the file name.
    tracked = getattr(model, "instance_type", None)
    if tracked is None:
        return False
    original = next((f for f in tracked._meta.concrete_fields if f.name == field.name), None)
    return isinstance(original, models.FileField)


def _text_fields():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField) and not _stores_a_file_name(model, field):
                yield model, field


def _key(model, field) -> str:
    return f"{model._meta.label}.{field.name}"


BOUNDED = [(model, field) for model, field in _text_fields() if field.max_length]


def test_only_machine_written_text_fields_are_unbounded():
    unbounded = {_key(model, field) for model, field in _text_fields() if not field.max_length}
    assert unbounded == set(MACHINE_WRITTEN)


def test_the_limits_reach_the_translations_and_the_history():
    bounded = {_key(model, field) for model, field in BOUNDED}
    assert {
        "pledges.Pledge.commitment",
        "pledges.HistoricalPledge.commitment",
        "campaign.Campaign.body_vi",
        "campaign.Campaign.body_en",
        "scoring.ScoringRound.note_en",
        "news.HistoricalNomination.decline_reason",
    } <= bounded


def _errors_on(instance, field) -> list[str]:
    try:
        instance.full_clean()
    except ValidationError as error:
        return [e.code for e in error.error_dict.get(field.name, [])]
    return []


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), BOUNDED, ids=[_key(m, f) for m, f in BOUNDED])
def test_full_clean_refuses_one_character_over_the_limit(model, field):
    limit = field.max_length
    instance = model()
    setattr(instance, field.attname, "đ" * (limit + 1))
    assert "max_length" in _errors_on(instance, field)
    setattr(instance, field.attname, "đ" * limit)
    assert "max_length" not in _errors_on(instance, field)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "vi",
            "Nội dung này chỉ được dài tối đa 3.000 ký tự; hiện có 3.001 ký tự. Hãy rút gọn lại.",
        ),
        ("en", "This text can be at most 3,000 characters long; it has 3,001. Please shorten it."),
    ],
)
def test_the_message_says_both_numbers_in_the_readers_notation(language, expected):
    field = Pledge._meta.get_field("commitment")
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            field.clean("x" * 3001, None)
        assert refused.value.messages == [expected]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", "Đơn vị cam kết làm gì và thực hiện như thế nào. Tối đa 3.000 ký tự."),
        ("en", "What the unit commits to do, and how. At most 3,000 characters."),
    ],
)
def test_the_form_field_says_the_limit_in_its_help_text(language, expected):
    form_field = Pledge._meta.get_field("commitment").formfield()
    with translation.override(language):
        assert str(form_field.help_text) == expected
        assert form_field.widget_attrs(form_field.widget)["maxlength"] == "3000"
        with pytest.raises(ValidationError) as refused:
            form_field.clean("x" * 3001)
    # Only the portal's message: Django's own would repeat it in other words.
    assert len(refused.value.messages) == 1


def test_migrations_record_a_plain_text_field():
    _name, path, _args, kwargs = Pledge._meta.get_field("commitment").deconstruct()
    assert (path, kwargs["max_length"]) == ("django.db.models.TextField", 3000)
    assert "validators" not in kwargs


@pytest.mark.django_db
def test_every_admin_form_shows_and_enforces_the_limits():
    request = RequestFactory().get("/")
    request.user = make_user(is_superuser=True, is_staff=True)
    checked = set()
    for model_admin in admin.site._registry.values():
        if model_admin.model._meta.app_label not in OUR_APPS:
            continue
        forms = [model_admin.get_form(request)]
        forms += [i.get_formset(request).form for i in model_admin.get_inline_instances(request)]
        for form in forms:
            model = form._meta.model
            for name, form_field in form.base_fields.items():
                field = next((f for f in model._meta.concrete_fields if f.name == name), None)
                if not isinstance(field, BoundedTextField):
                    continue
                attrs = form_field.widget_attrs(form_field.widget)
                assert attrs.get("maxlength") == str(field.max_length), _key(model, field)
                with pytest.raises(ValidationError) as refused:
                    form_field.clean("x" * (field.max_length + 1))
                assert "Hãy rút gọn lại" in refused.value.messages[0]
                checked.add(_key(model, field))
    assert {
        "campaign.Campaign.body_vi",
        "campaign.Campaign.summary_en",
        "campaign.Theme.description_vi",
        "news.Commendation.body",
        "news.Commendation.summary",
        "scoring.Criterion.description_vi",
        "scoring.ScoringRound.note_vi",
    } <= checked


def test_every_seed_text_fits_with_room(fixture_campaign):
    seeded = [
        *Campaign.objects.all(),
        *Theme.objects.all(),
        *CampaignPhase.objects.all(),
        *LegalDocument.objects.all(),
        *Unit.objects.all(),
    ]
    for obj in seeded:
        obj.full_clean()
        for field in obj._meta.concrete_fields:
            value = getattr(obj, field.attname)
            if isinstance(field, BoundedTextField) and value:
                # A quarter of the limit to spare: a longer edition of the text still fits.
                assert len(value) <= field.max_length * 3 // 4, _key(type(obj), field)
    assert len(fixture_campaign.body_vi) > 3000  # the long announcement is there
