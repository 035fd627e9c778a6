"""Every portal form sent back with errors opens with one summary ("Có lỗi cần sửa") whose
links lead to the fields at fault; errors of the whole form are listed as text."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kit.templatetags.form_errors import summary_items
from pledges.models import Pledge
from tests.factories import make_campaign, make_pledge, make_role, make_unit, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
SUMMARY = re.compile(r'<div class="error-summary[^"]*"([^>]*)>(.*?)</div>', re.S)


@pytest.fixture
def people(db):
    campaign = make_campaign()
    unit = make_unit()
    head = make_role(unit=unit).user
    pledge = make_pledge(campaign=campaign, unit=unit, status=Pledge.Status.ACCEPTED)
    submitted = make_pledge(campaign=campaign, unit=unit, status=Pledge.Status.SUBMITTED)
    return SimpleNamespace(
        campaign=campaign,
        unit=unit,
        head=head,
        office=make_user(office=True),
        pledge=pledge,
        submitted=submitted,
    )


def reset_link(client, user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    url = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return client.get(url, follow=True).redirect_chain[-1][0]


# form -> (who is logged in, how to reach the page, the request, the fields linked in order)
CASES = {
    "pledge": (
        "head",
        lambda c, w: reverse("pledges:create", args=[w.unit.slug, w.campaign.slug]),
        {"due_on": "31/02/2022"},
        [
            "id_theme",
            "id_title",
            "id_commitment",
            "id_target_value",
            "id_target_unit",
            "id_due_on_0",
        ],
    ),
    "progress report": (
        "head",
        lambda c, w: reverse("pledges:report", args=[w.pledge.pk]),
        {"percent": "150", "narrative": "Đã làm."},
        ["id_percent"],
    ),
    "review": (
        "office",
        lambda c, w: reverse("pledges:review", args=[w.submitted.pk]),
        {"decision": "return", "reason": ""},
        ["id_reason"],
    ),
    "nomination": (
        "head",
        lambda c, w: reverse("news:nomination-create"),
        {"honoree_name": ""},
        ["id_honoree_name", "id_achievements"],
    ),
    "login": (None, lambda c, w: reverse("login"), {}, ["id_username", "id_password"]),
    "password change": (
        "head",
        lambda c, w: reverse("password_change"),
        {"new_password1": "a", "new_password2": "b"},
        ["id_old_password", "id_new_password2"],
    ),
    "password reset": (
        None,
        lambda c, w: reverse("password_reset"),
        {"email": "not an address"},
        ["id_email"],
    ),
    "password reset confirm": (
        None,
        lambda c, w: reset_link(c, w.head),
        {"new_password1": "một mật khẩu mới đủ dài", "new_password2": "khác"},
        ["id_new_password2"],
    ),
    "matrix filters": (
        "office",
        lambda c, w: reverse("office:matrix", args=[w.campaign.slug]) + "?days=0",
        None,  # sent by GET
        ["id_days"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_form_with_errors_opens_with_a_summary_linked_to_its_fields(client, people, name):
    who, url, data, expected = CASES[name]
    if who:
        client.force_login(getattr(people, who))
    address = url(client, people)
    response = client.get(address) if data is None else client.post(address, data)
    assert response.status_code == 200
    html = response.content.decode()
    [(attrs, summary)] = SUMMARY.findall(html)
    assert 'role="alert"' in attrs and 'tabindex="-1"' in attrs
    assert "Có lỗi cần sửa" in summary
    anchors = re.findall(r'href="#([^"]+)"', summary)
    for anchor in expected:
        assert anchor in anchors
    for anchor in anchors:  # every link lands on an input of the page
        assert re.search(rf'<(input|select|textarea)\b[^>]*\sid="{anchor}"', html), anchor
    # At the top of the form, before its first field.
    assert html.index("data-error-summary") < html.index(f'id="{expected[0]}"')


def test_the_summary_names_the_field_of_a_bare_message(client, people):
    client.force_login(people.head)
    url = reverse("pledges:create", args=[people.unit.slug, people.campaign.slug])
    assert "data-error-summary" not in client.get(url).content.decode()  # only with errors
    [(_attrs, summary)] = SUMMARY.findall(client.post(url, {}).content.decode())
    assert '<a href="#id_title" class="alert-link">Tiêu đề: Trường này là bắt buộc.</a>' in summary


def test_an_error_of_the_whole_form_is_text_and_the_page_is_translated(client, people):
    login = client.post(reverse("login"), {"username": "head", "password": "wrong"})
    [(_attrs, summary)] = SUMMARY.findall(login.content.decode())
    assert "Có lỗi cần sửa" in summary
    assert "href=" not in summary  # nothing to link: the pair is wrong, not one field
    english = client.post("/en" + reverse("login"), {"username": "x", "password": "y"})
    assert "There is a problem" in english.content.decode()


class Choices(forms.Form):
    hidden = forms.CharField(widget=forms.HiddenInput)
    days = forms.MultipleChoiceField(
        choices=[("mon", "Mon"), ("tue", "Tue")], widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
    photo = forms.FileField()
    none = forms.MultipleChoiceField(choices=[], widget=forms.CheckboxSelectMultiple)


def test_a_field_of_several_inputs_links_to_the_first_and_a_hidden_one_is_text():
    items = summary_items(Choices(data={"days": ["sun"], "kind": "z"}))
    assert [item.anchor for item in items] == ["", "id_days_0", "id_kind_0", "id_photo", ""]
