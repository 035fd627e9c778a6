"""The decision's text as data: the one source of the print page, the DOCX and the annexed
list's XLSX. Built in Vietnamese (the language the decision is signed in) whatever the page's.

The layout is Decree 30/2020/NĐ-CP's: the issuer under its governing body and the national
motto side by side, the number and the place and date, “QUYẾT ĐỊNH” and the abstract, the
authority, the grounds, the articles, the recipients beside the signature block, then the
annexed list grouped by collectives and individuals.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext

from awards.decisions import LANGUAGE, Annex, Line, annex  # noqa: F401 - LANGUAGE for the files
from awards.models import Decision
from awards.records import position_and_unit
from campaign import official


def money(amount: int) -> str:
    """12.340.000 – the Vietnamese way, whatever the page's language (it is the document's)."""
    return f"{amount:,}".replace(",", ".")


@dataclass(frozen=True)
class Row:
    number: str  # STT
    name: str
    position_and_unit: str
    form: str
    achievement: str
    amount: int

    @property
    def money(self) -> str:
        return money(self.amount)


@dataclass(frozen=True)
class Group:
    title: str  # I. Tập thể
    rows: list[Row]


@dataclass
class DecisionText:
    governing_body: str
    issuing_body: str
    number_line: str  # Số: 125/QĐ-SCT
    motto_state: str
    motto_words: str
    place_and_date: str
    title: str  # QUYẾT ĐỊNH
    abstract: str
    authority: str  # GIÁM ĐỐC SỞ CÔNG THƯƠNG
    grounds: list[str]
    proposed_by: str  # Xét đề nghị của Chánh Văn phòng Sở.
    decides: str  # QUYẾT ĐỊNH:
    articles: list[tuple[str, str]]  # (Điều 1., text)
    recipients_title: str
    recipients: list[str]
    signer_on_behalf_of: str  # KT. GIÁM ĐỐC, or empty
    signer_position: str
    signer_name: str
    annex_title: str
    annex_abstract: str
    annex_reference: str  # (Kèm theo Quyết định số … ngày … của …)
    headers: list[str]  # STT, name, position and unit, form, achievement, money
    groups: list[Group] = field(default_factory=list)
    total_label: str = ""
    total: int = 0
    warnings: list[str] = field(default_factory=list)
    is_draft: bool = True

    @property
    def total_money(self) -> str:
        return money(self.total)


def _rows(lines: list[Line]) -> list[Row]:
    rows = []
    forms: dict[int, str] = {}  # each title's or form's name worded once
    for n, line in enumerate(lines, start=1):
        p = line.proposal
        if p.form_id not in forms:
            forms[p.form_id] = str(p.form)
        where = position_and_unit(p)
        rows.append(
            Row(str(n), p.honoree_name, where, forms[p.form_id], p.achievements, line.amount)
        )
    return rows


def _forms_phrase(result: Annex) -> str:
    return gettext(" and ").join(str(form) for form in result.forms)


def _article_1(decision: Decision, result: Annex) -> str:
    collectives, persons = len(result.collectives), len(result.persons)
    parts = []
    if collectives:
        parts.append(gettext("%(count)s collectives") % {"count": collectives})
    if persons:
        parts.append(gettext("%(count)s individuals") % {"count": persons})
    return gettext(
        "To award %(forms)s to %(who)s with excellent achievements in %(about)s (in the annexed "
        "list)."
    ) % {
        "forms": _forms_phrase(result) or "……",
        "who": gettext(" and ").join(parts) or "……",
        "about": _about(decision),
    }


def _about(decision: Decision) -> str:
    """What the achievements are in: the abstract without its leading “On commendations” (“Về
    việc khen thưởng”), or the whole abstract when it does not start so."""
    text = decision.abstract.strip()
    lead = gettext("On commendations")
    if text.lower().startswith(lead.lower()):
        return text[len(lead) :].strip()
    return text


def _article_2(result: Annex) -> str:
    base = result.base_salary
    if not result.lines:
        return gettext("Award money is paid as the law provides.")
    kinds = []
    for line in result.lines:
        if line.coefficient is None:
            continue
        kind = (line.proposal.form.name, line.is_collective, line.coefficient, line.amount)
        if kind not in kinds:
            kinds.append(kind)
    each = [
        gettext("%(form)s for a %(who)s: %(coefficient)s × base salary = %(amount)s đ")
        % {
            "form": name,
            "who": gettext("collective") if collective else gettext("person"),
            "coefficient": str(coefficient).rstrip("0").rstrip(".").replace(".", ","),
            "amount": money(amount),
        }
        for name, collective, coefficient, amount in kinds
    ]
    salary = (
        gettext("the base salary of %(amount)s đ (%(basis)s)")
        % {"amount": money(base.amount), "basis": base.basis or base.valid_from}
        if base
        else gettext("the base salary")
    )
    return gettext(
        "Each collective and individual named in Article 1 receives award money by the "
        "coefficient of %(salary)s, rounded up to ten thousand đồng (%(each)s). Total: %(total)s "
        "đ, paid from the emulation and commendation fund."
    ) % {"salary": salary, "each": "; ".join(each) or "0", "total": money(result.total)}


def decision_text(decision: Decision, language: str | None = None) -> DecisionText:
    """The text in `language` (the files: Vietnamese, as it is signed), else the page's."""
    with translation.override(language or translation.get_language()):
        return _decision_text(decision)


def _decision_text(decision: Decision) -> DecisionText:
    result = annex(decision)
    authority = decision.signer_on_behalf_of or decision.signer_position
    date_line = gettext("%(day)s/%(month)s/%(year)s") % official.date_parts(decision.date)
    groups = []
    if result.collectives:
        groups.append(Group(gettext("I. COLLECTIVES"), _rows(result.collectives)))
    if result.persons:
        number = "II" if result.collectives else "I"
        groups.append(
            Group(
                gettext("%(number)s. INDIVIDUALS") % {"number": number},
                _rows(result.persons),
            )
        )
    return DecisionText(
        governing_body=decision.governing_body.upper(),
        issuing_body=decision.issuing_body.upper(),
        number_line=f"{gettext('No.:')} {decision.symbol}",
        motto_state=gettext("SOCIALIST REPUBLIC OF VIET NAM"),
        motto_words=gettext("Independence - Freedom - Happiness"),
        place_and_date=official.place_and_date(decision.place, decision.date),
        title=gettext("DECISION"),
        abstract=decision.abstract,
        authority=f"{authority} {decision.issuing_body}".upper(),
        grounds=[line.strip() for line in decision.grounds.splitlines() if line.strip()],
        proposed_by=gettext("At the proposal of the Chief of Office."),
        decides=gettext("DECIDES:"),
        articles=[
            (gettext("Article 1."), _article_1(decision, result)),
            (gettext("Article 2."), _article_2(result)),
            (gettext("Article 3."), decision.executors),
        ],
        recipients_title=gettext("Recipients:"),
        recipients=[
            line.strip().lstrip("-–• ").rstrip(";.,").strip()
            for line in decision.recipients.splitlines()
            if line.strip()
        ],
        signer_on_behalf_of=(
            gettext("FOR THE %(position)s") % {"position": decision.signer_on_behalf_of.upper()}
            if decision.signer_on_behalf_of
            else ""
        ),
        signer_position=decision.signer_position.upper(),
        signer_name=decision.signer_name,
        annex_title=gettext("LIST"),
        annex_abstract=gettext("of the collectives and individuals awarded %(forms)s")
        % {"forms": _forms_phrase(result) or "……"},
        annex_reference=gettext(
            "(Annexed to Decision No. %(symbol)s dated %(date)s of the %(authority)s)"
        )
        % {
            "symbol": decision.symbol,
            "date": date_line,
            "authority": f"{authority} {decision.issuing_body}".strip(),
        },
        headers=[
            gettext("No."),
            gettext("Full name / collective"),
            gettext("Position and unit"),
            gettext("Title or form"),
            gettext("Achievement"),
            gettext("Award money (đ)"),
        ],
        groups=groups,
        total_label=gettext("Total"),
        total=result.total,
        warnings=result.warnings,
        is_draft=not decision.is_issued(),
    )


def file_name(decision: Decision, extension: str) -> str:
    """QD-125-SCT-2022.docx: the number, the issuer and the year, in ASCII."""
    return f"QD-{decision.number}-{decision.issuer_code}-{decision.year}.{extension}"


# ---------------------------------------------------------------------------------------------
# DOCX: what the records clerk edits before it is signed.

FONT = "Times New Roman"


def docx_bytes(text: DecisionText) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # Decree 30/2020/NĐ-CP, appendix I: top and bottom 20 mm, left 30 mm, right 15 mm.
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)

    def para(
        container, content="", *, bold=False, italic=False, size=None, align=None, indent=False
    ):
        paragraph = container.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if indent:
            paragraph.paragraph_format.first_line_indent = Mm(10)
            paragraph.paragraph_format.space_after = Pt(6)
        run = paragraph.add_run(content)
        run.bold, run.italic = bold, italic
        if size:
            run.font.size = Pt(size)
        return paragraph

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY

    # The header: issuer and number on the left, the motto and the place and date on the right.
    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    left.paragraphs[0].text = ""
    if text.governing_body:
        para(left, text.governing_body, size=13, align=center)
    para(left, text.issuing_body, bold=True, size=13, align=center)
    para(left, text.number_line, size=13, align=center)
    para(right, text.motto_state, bold=True, size=13, align=center)
    para(right, text.motto_words, bold=True, size=14, align=center)
    para(right, text.place_and_date, italic=True, size=14, align=center)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)

    para(document)
    para(document, text.title, bold=True, align=center)
    para(document, text.abstract, bold=True, align=center)
    para(document)
    para(document, text.authority, bold=True, align=center)
    para(document)
    for ground in text.grounds:
        para(document, ground, italic=True, align=justify, indent=True)
    para(document, text.proposed_by, italic=True, align=justify, indent=True)
    para(document)
    para(document, text.decides, bold=True, align=center)
    for label, body in text.articles:
        paragraph = para(document, "", align=justify, indent=True)
        paragraph.add_run(label).bold = True
        paragraph.add_run(f" {body}")

    para(document)
    foot = document.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    para(left, text.recipients_title, bold=True, italic=True, size=12)
    for n, line in enumerate(text.recipients, start=1):
        end = "." if n == len(text.recipients) else ";"
        para(left, f"- {line}{end}", size=11)
    if text.signer_on_behalf_of:
        para(right, text.signer_on_behalf_of, bold=True, align=center)
    para(right, text.signer_position, bold=True, align=center)
    for _blank in range(4):
        para(right)
    para(right, text.signer_name, bold=True, align=center)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._element.getparent().remove(first._element)

    # The annexed list, on a page of its own.
    document.add_page_break()
    para(document, text.annex_title, bold=True, align=center)
    para(document, text.annex_abstract, bold=True, align=center)
    para(document, text.annex_reference, italic=True, align=center)
    para(document)
    table = document.add_table(rows=1, cols=len(text.headers))
    table.style = "Table Grid"
    for cell, header_text in zip(table.rows[0].cells, text.headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(header_text)
        run.bold = True
        run.font.size = Pt(12)
        cell.paragraphs[0].alignment = center
    for group in text.groups:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = ""
        merged.paragraphs[0].add_run(group.title).bold = True
        for row in group.rows:
            cells = table.add_row().cells
            values = [
                row.number,
                row.name,
                row.position_and_unit,
                row.form,
                row.achievement,
                money(row.amount),
            ]
            for cell, value in zip(cells, values, strict=True):
                cell.text = ""
                run = cell.paragraphs[0].add_run(value)
                run.font.size = Pt(12)
            cells[0].paragraphs[0].alignment = center
            cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cells = table.add_row().cells
    label = cells[0].merge(cells[-2])
    label.text = ""
    label.paragraphs[0].add_run(text.total_label).bold = True
    cells[-1].text = ""
    total = cells[-1].paragraphs[0].add_run(money(text.total))
    total.bold = True
    cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# XLSX: the annexed list, for the finance and the records.


def xlsx_bytes(text: DecisionText) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sach"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def put(row: int, col: int, value, *, font=None):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = sheet.cell(row=row, column=col, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # typed text is never a formula, whatever it starts with
        elif isinstance(value, int):
            cell.number_format = "#,##0"
        if font:
            cell.font = font
        cell.alignment = wrap
        return cell

    put(1, 1, f"{text.annex_title} {text.annex_abstract}", font=bold)
    put(2, 1, text.annex_reference)
    row = 4
    for col, header in enumerate(text.headers, start=1):
        put(row, col, header, font=bold)
    for group in text.groups:
        row += 1
        put(row, 1, group.title, font=bold)
        for line in group.rows:
            row += 1
            values = [
                line.number,
                line.name,
                line.position_and_unit,
                line.form,
                line.achievement,
                line.amount,
            ]
            for col, value in enumerate(values, start=1):
                put(row, col, value)
    row += 1
    put(row, 2, text.total_label, font=bold)
    put(row, len(text.headers), text.total, font=bold)
    for letter, width in zip("ABCDEF", (6, 30, 40, 30, 60, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
