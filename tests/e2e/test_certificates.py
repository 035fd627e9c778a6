"""Journey: the office prints an issued decision's certificates to PDF in Chromium, one
landscape A4 page per honouree; a visitor reads the decision's public page."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.factories import make_award, make_decision

# A4 landscape in PDF points (1/72 inch): 297 mm × 210 mm.
A4_LANDSCAPE = (841.89, 595.28)


def issued_decision():
    from campaign.models import Campaign
    from units.models import Unit

    campaign = Campaign.objects.get()
    decision = make_decision(
        campaign=campaign,
        number=125,
        date=dt.date(2022, 12, 28),
        status="issued",
        is_public=True,
        signer_on_behalf_of="Giám đốc",
        signer_position="Phó Giám đốc",
        signer_name="Trần Văn Phó",
    )
    unit = Unit.objects.get(slug="phong-quan-ly-thuong-mai")
    issuer = "Giám đốc Sở Công Thương tỉnh Bến Tre"
    make_award(
        decision=decision, unit=unit, honoree_name="Nguyễn Thị Hoa", salutation="ba", issuer=issuer
    )
    make_award(
        decision=decision, unit=unit, honoree_name="Lê Văn Nam", salutation="ong", issuer=issuer
    )
    make_award(
        decision=decision,
        unit=unit,
        honoree_name=unit.name,
        honoree_kind="collective",
        issuer=issuer,
    )
    return decision


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The width and height of each page of a PDF, read without a PDF library: Chromium writes
    each page object, with its /MediaBox, uncompressed."""
    try:
        from pypdf import PdfReader  # used when installed
    except ImportError:
        text = pdf.decode("latin-1")
        pages = re.findall(r"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[([^\]]+)\]", text, flags=re.S)
        if not pages:  # the box written before the type
            pages = re.findall(r"/MediaBox\s*\[([^\]]+)\][^>]*?/Type\s*/Page\b(?!s)", text)
        boxes = [[float(n) for n in box.split()] for box in pages]
        return [(x1 - x0, y1 - y0) for x0, y0, x1, y1 in boxes]
    import io

    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def test_office_prints_the_certificates_one_landscape_page_each(checks):
    decision = issued_decision()
    page = checks.page
    checks.log_in("office")
    checks.visit(f"/office/awards/decisions/{decision.pk}/certificates/", name="certificates")
    expect(
        page.get_by_role("heading", name="Giấy khen theo Quyết định số 125/QĐ-SCT")
    ).to_be_visible()
    sheets = page.locator("article.certificate")
    expect(sheets).to_have_count(3)
    expect(sheets.nth(1)).to_contain_text("Ông Lê Văn Nam")
    expect(sheets.nth(1)).to_contain_text("KT. GIÁM ĐỐC")
    checks.screenshot("certificates")

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "certificates.pdf").write_bytes(pdf)
    sizes = pdf_pages(pdf)
    assert len(sizes) == 3, sizes
    for width, height in sizes:
        assert abs(width - A4_LANDSCAPE[0]) < 2 and abs(height - A4_LANDSCAPE[1]) < 2, sizes

    # One certificate alone: one page.
    award = decision.awards.get(honoree_name="Nguyễn Thị Hoa")
    checks.visit(f"/office/awards/decisions/{decision.pk}/certificates/{award.pk}/")
    expect(page.locator("article.certificate")).to_contain_text("Bà Nguyễn Thị Hoa")
    assert len(pdf_pages(page.pdf(prefer_css_page_size=True))) == 1

    # The public decision, linked from the certificates, as a visitor reads it.
    page.context.clear_cookies()
    checks.visit(f"/decisions/{decision.pk}/", name="public-decision")
    expect(page.get_by_role("heading", name="Quyết định số 125/QĐ-SCT")).to_be_visible()
    expect(page.get_by_role("cell", name="Nguyễn Thị Hoa")).to_be_visible()
    checks.screenshot("public-decision")


def test_the_certificates_and_the_public_decision_on_a_phone(phone_checks):
    decision = issued_decision()
    phone_checks.visit(f"/en/decisions/{decision.pk}/")
    expect(phone_checks.page.get_by_role("heading", name="Decision No. 125/QĐ-SCT")).to_be_visible()
    phone_checks.screenshot("public-decision-en")
    phone_checks.log_in("office")
    phone_checks.visit(f"/office/awards/decisions/{decision.pk}/certificates/")
    phone_checks.screenshot("certificates")
