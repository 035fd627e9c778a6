"""The parts of a printed report that Decree 30/2020/NĐ-CP fixes around its body: who issues it
(under its governing body), its number/symbol, its abstract, who signs it and who receives it.

A campaign report takes them from the campaign, so each department prints its own; a unit
report is issued by the unit, under the campaign's issuing body, and signed by the unit's head.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign
from units.models import Unit

# The abstract (trích yếu) under “BÁO CÁO”: the kind of report, then the movement it covers.
ABSTRACTS = {
    "progress": _("Results of %(movement)s"),
    "preliminary": _("Preliminary review of %(movement)s"),
    "final": _("Final review of %(movement)s"),
}
# Without a movement named on the campaign: the kind alone, and the campaign's title under it.
GENERIC_ABSTRACTS = {
    "progress": _("Results of the emulation movement"),
    "preliminary": _("Preliminary review of the emulation movement"),
    "final": _("Final review of the emulation movement"),
}
# The position a unit's head signs with, by the kind of unit.
HEAD_POSITIONS = {
    Unit.Kind.DEPARTMENT: _("Director"),
    Unit.Kind.OFFICE: _("Chief of Office"),
    Unit.Kind.DIVISION: _("Head of division"),
    Unit.Kind.CENTRE: _("Director"),
}
# The first line of the report's number/symbol after the number: “BC” is a report.
REPORT_SYMBOL = "BC"


@dataclass(frozen=True)
class Frame:
    issuer: str
    governing_body: str = ""
    issuer_code: str = ""
    abstract: list[str] = field(default_factory=list)
    signer_position: str = ""
    signer_on_behalf_of: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)

    @property
    def symbol(self) -> str:
        """The symbol after the blank left for the number, e.g. BC-SCT."""
        return f"{REPORT_SYMBOL}-{self.issuer_code}" if self.issuer_code else f"{REPORT_SYMBOL}-……"


def abstract(campaign: Campaign, kind: str) -> list[str]:
    if campaign.movement:
        return [ABSTRACTS[kind] % {"movement": campaign.movement}]
    return [str(GENERIC_ABSTRACTS[kind]), campaign.title]


def campaign_frame(campaign: Campaign, kind: str) -> Frame:
    return Frame(
        governing_body=campaign.governing_body,
        issuer=campaign.letterhead_name or campaign.issuing_body,
        issuer_code=campaign.issuer_code,
        abstract=abstract(campaign, kind),
        signer_position=campaign.signer_position or str(_("Head of the agency")),
        signer_on_behalf_of=campaign.signer_on_behalf_of,
        signer_name=campaign.signer_name,
        recipients=campaign.recipients() or [str(_("Filed: Records"))],
    )


def unit_frame(campaign: Campaign, kind: str, unit: Unit, head_name: str) -> Frame:
    return Frame(
        governing_body=campaign.letterhead_name or campaign.issuing_body,
        issuer=unit.name,
        abstract=abstract(campaign, kind),
        signer_position=str(HEAD_POSITIONS.get(unit.kind, _("Head of the unit"))),
        signer_name=head_name,
        recipients=[
            str(_("%(body)s (to compile)") % {"body": campaign.issuing_body}),
            str(_("Filed: Records")),
        ],
    )


def date_parts(day: dt.date) -> dict[str, str]:
    """An administrative date's parts as Decree 30 writes them: the day with two digits, and the
    month too when it is January or February ("ngày 05 tháng 02 năm 2026", "ngày 27 tháng 11
    năm 2026")."""
    return {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}" if day.month < 3 else str(day.month),
        "year": str(day.year),
    }


def place_and_date(place: str, day: dt.date) -> str:
    """The line under the national motto: "Bến Tre, ngày 28 tháng 12 năm 2022"."""
    return gettext("%(place)s, %(day)s/%(month)s/%(year)s") % {
        "place": place or "……",
        **date_parts(day),
    }
