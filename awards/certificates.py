"""What a certificate (giấy khen) prints for one award of an issued decision.

The layout is that of the pre-printed certificate paper offices buy: the authority that awards
it, “TẶNG”, the form's name, the honouree with their position and unit, the achievement, the
decision's number and date, the place and date and the signer. The office's paper differs from
office to office, so the whole text moves by the offsets of CertificateLayout.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import Event
from audit.services import audit_record
from awards.models import Award, Decision, Salutation
from awards.records import position_and_unit
from news.models.honorees import HonoreeKind


@dataclass(frozen=True)
class Certificate:
    award: Award
    authority: str  # GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH BẾN TRE
    form_name: str  # GIẤY KHEN
    salutation: str  # Ông / Bà, or "" for a collective (or a person whose is not set yet)
    name: str
    position_and_unit: str
    achievement: str

    @property
    def needs_salutation(self) -> bool:
        """A person printed without Ông or Bà: the office sets it on the award."""
        return self.award.honoree_kind == HonoreeKind.PERSON and not self.salutation


def achievement_line(award: Award, decision: Decision) -> str:
    """“Đã có thành tích xuất sắc trong Phong trào thi đua …”, from the campaign's movement; the
    award's own achievement when the decision belongs to no campaign."""
    campaign = award.campaign or decision.campaign
    if campaign is not None and campaign.movement:
        return _("Has achieved outstanding results in %(movement)s") % {
            "movement": campaign.movement
        }
    if campaign is not None:
        return _("Has achieved outstanding results in the emulation movement “%(title)s”") % {
            "title": campaign.title
        }
    return award.achievement


def certificate(award: Award, decision: Decision) -> Certificate:
    form_name = award.form.name if award.form_id else award.form_name
    return Certificate(
        award=award,
        authority=(award.issuer or decision.issuing_body).upper(),
        form_name=form_name.upper(),
        salutation=award.get_salutation_display() if award.salutation else "",
        name=award.honoree_name,
        position_and_unit=position_and_unit(award),
        achievement=achievement_line(award, decision),
    )


def certificates_of(decision: Decision, awards=None) -> list[Certificate]:
    """One certificate per award of the issued `decision`, in the annexed list's order:
    collectives, then people, each by name."""
    if awards is None:
        awards = decision.awards.all()
    # The campaigns apart: nearly every award names the decision's one, and joining its long
    # texts to each row cost more than all the rest of the page.
    awards = (
        awards.select_related("unit", "form")
        .prefetch_related("campaign")
        .order_by("honoree_kind", "name_key", "pk")
    )
    return [certificate(award, decision) for award in awards]


def set_salutations(decision: Decision, wanted: dict[int, tuple[str, str]], *, by) -> tuple:
    """Set the salutation of the people of the issued `decision`: `wanted` maps an award's id to
    (the salutation the office saw, the one it chose). A row someone else changed meanwhile is
    left as they set it (stale), never overwritten. Returns (changed, stale) lists of awards."""
    valid = {"", *Salutation.values}
    changed, stale = [], []
    with transaction.atomic():
        people = (
            decision.awards.select_for_update()
            .filter(pk__in=wanted, honoree_kind=HonoreeKind.PERSON)
            .order_by("pk")
        )
        for award in people:
            seen, chosen = wanted[award.pk]
            if chosen not in valid or chosen == award.salutation:
                continue
            if seen != award.salutation:
                stale.append(award)
                continue
            before, award.salutation = award.salutation, chosen
            award.save(update_fields=["salutation"])
            audit_record(
                action=Event.Action.TRANSITION,
                actor=by,
                obj=award,
                detail=f"salutation: {before or '-'} → {chosen or '-'}",
            )
            changed.append(award)
    return changed, stale
