"""The decision's default texts read as an office writes them, whatever the campaign's records
look like: no doubled “về việc”, the council's minutes as a ground once the meeting is dated, the
archive once among the recipients, a person's unit once in the annexed list."""

import datetime as dt

import pytest
from django.utils import translation

from awards.texts import decision_text
from campaign.models import LegalDocument
from tests.awards.test_decisions import decide, department_campaign, round_with
from tests.factories import make_proposal, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def test_a_documents_own_about_is_not_doubled_and_an_agreement_is_named():
    campaign = department_campaign(report_recipients="Bộ Công Thương (để b/c);\nLưu: VT, VP.")
    campaign.legal_documents.add(
        LegalDocument.objects.create(
            number="3082/QĐ-BCT",
            issued_on=dt.date(2021, 12, 31),
            issuer="Bộ Công Thương",
            title="Về Phong trào thi đua đặc biệt",
        ),
        LegalDocument.objects.create(
            kind=LegalDocument.Kind.AGREEMENT,
            issuer="Chủ tịch UBND tỉnh Bến Tre và ngành Công Thương",
            title="Ký kết trách nhiệm công việc",
        ),
    )
    decision = decide(round_with(campaign=campaign))

    assert "của Bộ Công Thương về việc Phong trào thi đua đặc biệt;" in decision.grounds
    assert "về việc Về" not in decision.grounds
    assert "Căn cứ Văn bản ký kết của Chủ tịch UBND tỉnh Bến Tre" in decision.grounds
    recipients = decision.recipients.splitlines()
    assert [line for line in recipients if line.startswith("Lưu")] == ["Lưu: VT, VP"]


def test_the_councils_minutes_are_a_ground_once_the_meeting_is_dated():
    dated = decide(round_with(meeting_date=dt.date(2022, 12, 20)))
    assert "Biên bản số ……" in dated.grounds and "20 tháng 12 năm 2022" in dated.grounds
    numbered = decide(
        round_with(minutes_number="12/BB-HĐTĐKT", meeting_date=dt.date(2022, 12, 20)),
        number=126,
    )
    assert "Biên bản số 12/BB-HĐTĐKT" in numbered.grounds
    undated = decide(round_with(meeting_date=None), number=127)
    assert "Biên bản" not in undated.grounds


def test_the_annexed_list_names_a_persons_unit_once():
    evaluation = round_with(passed=0, failed=0, collectives=0)
    unit = make_unit(name="Phòng Quản lý Thương mại")
    make_proposal(
        evaluation=evaluation,
        unit=unit,
        honoree_name="Nguyễn Văn An",
        position="Trưởng phòng Quản lý Thương mại",
        votes_for=5,
    )
    make_proposal(
        evaluation=evaluation,
        unit=unit,
        honoree_name="Trần Thị Bình",
        position="Chuyên viên",
        votes_for=5,
    )
    text = decision_text(decide(evaluation))
    places = [row.position_and_unit for group in text.groups for row in group.rows]
    assert sorted(places) == [
        "Chuyên viên, Phòng Quản lý Thương mại",
        "Trưởng phòng Quản lý Thương mại",
    ]
