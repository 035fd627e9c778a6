"""The e-mail a unit head gets when the office decides a nomination: written from the
`news/email/` templates in the portal's language, its link under PORTAL_URL whatever address the
office reached the admin on."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertTemplateUsed

from tests.factories import make_nomination

pytestmark = pytest.mark.django_db

PORTAL = "https://thidua.example.gov.vn"
REASON = 'Thành tích chưa có minh chứng "cụ thể" & số liệu < 3 tháng.'

EXPECTED = {
    ("vi", "accept"): (
        "Đề xuất khen thưởng đã được duyệt: Phạm Thị Đông",
        "Kính gửi đồng chí Nguyễn Văn An,\n\n"
        "Văn phòng Sở đã duyệt đề xuất khen thưởng Phạm Thị Đông (Phòng Quản lý Thương mại) của "
        "đơn vị. Văn phòng Sở đang chuẩn bị tin khen thưởng; tin sẽ xuất hiện trên cổng khi được "
        "đăng.\n\n"
        "Xem đề xuất: {url}\n",
    ),
    ("vi", "decline"): (
        "Đề xuất khen thưởng không được duyệt: Phạm Thị Đông",
        "Kính gửi đồng chí Nguyễn Văn An,\n\n"
        "Văn phòng Sở không duyệt đề xuất khen thưởng Phạm Thị Đông (Phòng Quản lý Thương mại) "
        "của đơn vị.\n\n"
        f"Lý do: {REASON}\n\n"
        "Xem đề xuất: {url}\n",
    ),
    ("en", "accept"): (
        "Nomination accepted: Phạm Thị Đông",
        "Dear Nguyễn Văn An,\n\n"
        "The office has accepted your unit's nomination of Phạm Thị Đông (Phòng Quản lý Thương "
        "mại). The office is preparing the commendation; it will appear on the portal once "
        "published.\n\n"
        "The nomination: {url}\n",
    ),
    ("en", "decline"): (
        "Nomination declined: Phạm Thị Đông",
        "Dear Nguyễn Văn An,\n\n"
        "The office has declined your unit's nomination of Phạm Thị Đông (Phòng Quản lý "
        "Thương mại).\n\n"
        f"Reason: {REASON}\n\n"
        "The nomination: {url}\n",
    ),
}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("decision", ["accept", "decline"])
def test_the_decision_mail_comes_from_the_templates_with_a_link_under_portal_url(
    office_client, head, unit, theme, settings, django_capture_on_commit_callbacks,
    language, decision,
):  # fmt: skip
    settings.PORTAL_URL = PORTAL
    settings.LANGUAGE_CODE = language
    nomination = make_nomination(unit=unit, by=head, theme=theme, honoree_name="Phạm Thị Đông")
    template = {"accept": "accepted", "decline": "declined"}[decision]
    with (
        assertTemplateUsed(template_name=f"news/email/{template}_subject.txt"),
        assertTemplateUsed(template_name=f"news/email/{template}.txt"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = office_client.post(
            reverse(f"admin:news_nomination_{decision}", args=[nomination.pk]),
            {"reason": REASON},
        )
    assert response.status_code == 302

    [message] = mail.outbox
    with translation.override(language):
        url = PORTAL + reverse("news:nomination-detail", kwargs={"pk": nomination.pk})
    subject, body = EXPECTED[language, decision]
    assert message.to == [head.email]
    assert message.subject == subject
    assert message.body == body.format(url=url)
    assert "testserver" not in message.body
