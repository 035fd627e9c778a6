"""The commendation decision (quyết định khen thưởng): made from a round's passed proposals in one
step, its award money (Article 2), issuing it (the awards join every honouree's record and the
commendation news is drafted) and amending an issued one.

Every write is audited, in one transaction, with the rows two people could change at once
locked first. The texts are Vietnamese, as the decision is signed: they are made under the
Vietnamese catalogue whatever the language of the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.services import audit_record
from awards.models import (
    Award,
    AwardRate,
    BaseSalary,
    Decision,
    EvaluationRound,
    Proposal,
    Stage,
    award_money,
)
from campaign import official
from campaign.models import Campaign, LegalDocument
from kit.conflicts import check_version
from kit.text import search_key
from news.models import Commendation
from news.models.honorees import HonoreeKind

LANGUAGE = "vi"  # the language the decision is signed in

# The kinds of the campaign's legal documents as a ground names them ("Căn cứ Kế hoạch số …").
DOCUMENT_KINDS = {
    LegalDocument.Kind.DECISION: _("Decision"),
    LegalDocument.Kind.PLAN: _("Plan"),
    LegalDocument.Kind.RESOLUTION: _("Resolution"),
    LegalDocument.Kind.DIRECTIVE: _("Directive"),
    LegalDocument.Kind.OFFICIAL_LETTER: _("Official letter"),
    LegalDocument.Kind.AGREEMENT: _("Agreement"),
}


class DecisionError(Exception):
    """Why a decision cannot be made, issued or amended. The message is lazy: `str(error)`
    words it in the language of the page showing it (the texts are made in Vietnamese)."""


class StaleDecision(DecisionError):
    pass


# ---------------------------------------------------------------------------------------------
# The default texts, from the round's campaign.


def _dated(day: dt.date | None) -> str:
    if day is None:
        return ""
    return gettext(" dated %(day)s/%(month)s/%(year)s") % official.date_parts(day)


def _movement(campaign: Campaign | None, round: EvaluationRound) -> str:
    if campaign is None:
        return gettext("the regular emulation movement of %(year)s") % {"year": round.year}
    return campaign.movement or campaign.title


def _without_about(title: str) -> str:
    """A document's title without its own leading “Về việc”/“Về”, which the ground adds."""
    lowered = title.casefold()
    for lead in ("về việc ", "về "):
        if lowered.startswith(lead):
            return title[len(lead) :].lstrip()
    return title


def _recipients(campaign: Campaign | None) -> list[str]:
    """Article 3's people, the council, the campaign's own recipients, and the archive once
    (a campaign's list may end with it already)."""
    lines = [gettext("As in Article 3"), gettext("Emulation and Commendation Council")]
    lines += campaign.recipients() if campaign else []
    filed = gettext("Filed: Records, Office")
    if not any(search_key(line).startswith(search_key(filed).split()[0]) for line in lines):
        lines.append(filed)
    return lines


def default_texts(round: EvaluationRound, campaign: Campaign | None) -> dict[str, str]:
    """The decision's texts as the office would write them; every one can be changed after."""
    movement = _movement(campaign, round)
    if round.stage == Stage.PRELIMINARY:
        abstract = gettext("On commendations at the preliminary review of %(movement)s")
    elif round.stage == Stage.YEAR:
        abstract = gettext("On commendations for %(movement)s")
    else:
        abstract = gettext("On commendations at the final review of %(movement)s")
    grounds = [
        gettext("Pursuant to the Law on Emulation and Commendation of 15 June 2022;"),
        gettext(
            "Pursuant to Decree No. 98/2023/NĐ-CP of 31 December 2023 of the Government "
            "detailing the Law on Emulation and Commendation;"
        ),
    ]
    if campaign is not None:
        for document in campaign.legal_documents.order_by("campaigndocument__position", "pk"):
            kind = DOCUMENT_KINDS.get(document.kind)
            name = f"{kind} " if kind else ""
            number = (
                gettext("No. %(number)s") % {"number": document.number} if document.number else ""
            )
            title = _without_about(document.title)
            about = gettext(" on %(title)s") % {"title": title} if title else ""
            issuer = (
                gettext(" of the %(issuer)s") % {"issuer": document.issuer}
                if document.issuer
                else ""
            )
            grounds.append(
                gettext("Pursuant to %(document)s;")
                % {
                    "document": " ".join(
                        f"{name}{number}{_dated(document.issued_on)}{issuer}{about}".split()
                    )
                }
            )
    if round.minutes_number or round.meeting_date:
        grounds.append(
            gettext(
                "Pursuant to the minutes No. %(number)s%(dated)s of the meeting of the "
                "Emulation and Commendation Council;"
            )
            % {"number": round.minutes_number or "……", "dated": _dated(round.meeting_date)}
        )
    if round.submission_number:
        grounds.append(
            gettext("Pursuant to the submission No. %(number)s%(dated)s of the Office;")
            % {"number": round.submission_number, "dated": _dated(round.submission_date)}
        )
    issuer = campaign.letterhead_name or campaign.issuing_body if campaign else ""
    return {
        "governing_body": campaign.governing_body if campaign else "",
        "issuing_body": issuer,
        "issuer_code": campaign.issuer_code if campaign else "",
        "place": (campaign.issuing_place if campaign else "") or "……",
        "abstract": abstract % {"movement": movement},
        "grounds": "\n".join(grounds),
        "executors": gettext(
            "The Chief of Office, the heads of the divisions and units concerned and the "
            "collectives and individuals named in Article 1 are responsible for carrying out "
            "this Decision."
        ),
        "recipients": "\n".join(_recipients(campaign)),
    }


def _issuer_campaign(round: EvaluationRound) -> Campaign | None:
    """Where the texts come from: the round's campaign, else (a year's round) the latest one."""
    if round.campaign_id:
        return round.campaign
    return Campaign.objects.exclude(issuer_code="").order_by("-published_on", "-pk").first()


# ---------------------------------------------------------------------------------------------
# Making a decision from a round.


def passed_waiting(round: EvaluationRound) -> list[Proposal]:
    """The round's passed proposals not yet in a decision, in the round's order."""
    proposals = (
        Proposal.objects.filter(round=round, decision__isnull=True)
        .with_outcome_inputs()
        .select_related("form", "unit")
        .order_by("order", "pk")
    )
    return [p for p in proposals if p.computed_outcome == Proposal.Outcome.PASSED]


def number_taken(issuer_code: str, year: int, number: int, *, exclude: int | None = None) -> bool:
    taken = Decision.objects.filter(issuer_code=issuer_code, year=year, number=number)
    if exclude:
        taken = taken.exclude(pk=exclude)
    return taken.exists()


def number_error(issuer_code: str, year: int, number: int) -> ValidationError:
    """Worded when shown (params), so the page's language says it."""
    message = ValidationError(
        _("Number %(symbol)s is already used in %(year)s. The next free number is %(next)s."),
        code="number_taken",
        params={
            "symbol": f"{number}/{Decision.KIND}-{issuer_code}",
            "year": year,
            "next": Decision.next_free_number(issuer_code, year),
        },
    )
    return ValidationError({"number": [message]})


def _save_new(decision: Decision) -> None:
    """Save a new decision; a number taken meanwhile is a form error, never a 500."""
    if decision.number < 1:
        raise ValidationError({"number": [ValidationError(_("The number must be 1 or more."))]})
    year = decision.date.year
    if number_taken(decision.issuer_code, year, decision.number):
        raise number_error(decision.issuer_code, year, decision.number)
    try:
        with transaction.atomic():
            decision.save()
    except IntegrityError:
        raise number_error(decision.issuer_code, year, decision.number) from None


def decision_from_round(
    round: EvaluationRound,
    *,
    number: int,
    date: dt.date,
    signer_position: str,
    signer_on_behalf_of: str = "",
    signer_name: str,
    user,
    news_items: str = Decision.NewsItems.EACH,
) -> Decision:
    """A draft decision naming the round's passed proposals, with its texts from the campaign.

    Raises ValidationError (by field) for the number, DecisionError when there is nothing to
    decide or the issuer is not known."""
    with transaction.atomic(), translation.override(LANGUAGE):
        round = EvaluationRound.objects.select_for_update().get(pk=round.pk)
        proposals = passed_waiting(round)
        if not proposals:
            raise DecisionError(_("No passed proposal of this round is waiting for a decision."))
        campaign = _issuer_campaign(round)
        texts = default_texts(round, campaign)
        if not texts["issuer_code"] or not texts["issuing_body"]:
            raise DecisionError(
                _(
                    "The campaign has no issuer's abbreviation or issuing body: fill them in the "
                    "campaign's admin first."
                )
            )
        decision = Decision(
            round=round,
            campaign=round.campaign,
            number=number,
            date=date,
            signer_position=signer_position,
            signer_on_behalf_of=signer_on_behalf_of,
            signer_name=signer_name,
            news_items=news_items,
            **texts,
        )
        _save_new(decision)
        Proposal.objects.filter(pk__in=[p.pk for p in proposals]).update(decision=decision)
        audit_record(
            action="decision.create",
            actor=user,
            obj=decision,
            detail=gettext("Draft from “%(round)s” naming %(count)s honourees.")
            % {"round": round, "count": len(proposals)},
        )
    return decision


def amend(
    decision: Decision,
    *,
    number: int,
    date: dt.date,
    signer_position: str,
    signer_on_behalf_of: str = "",
    signer_name: str,
    user,
    news_items: str = Decision.NewsItems.NONE,
) -> Decision:
    """A new draft decision amending an issued one: its texts copied, its list the same (read
    from the decision it amends). Issuing it corrects the awards on record."""
    with transaction.atomic(), translation.override(LANGUAGE):
        original = Decision.objects.select_for_update().get(pk=decision.pk)
        if not original.is_issued():
            raise DecisionError(_("Only an issued decision is amended; change the draft."))
        amendment = Decision(
            round=original.round,
            campaign=original.campaign,
            amends=original,
            number=number,
            date=date,
            issuer_code=original.issuer_code,
            governing_body=original.governing_body,
            issuing_body=original.issuing_body,
            place=original.place,
            abstract=(
                gettext("On amending Decision No. %(symbol)s%(dated)s")
                % {"symbol": original.symbol, "dated": _dated(original.date)}
            )[:400],
            grounds="\n".join(
                [
                    original.grounds,
                    gettext("Pursuant to Decision No. %(symbol)s%(dated)s;")
                    % {"symbol": original.symbol, "dated": _dated(original.date)},
                ]
            ),
            executors=original.executors,
            recipients=original.recipients,
            signer_position=signer_position,
            signer_on_behalf_of=signer_on_behalf_of,
            signer_name=signer_name,
            news_items=news_items,
            is_public=original.is_public,
        )
        _save_new(amendment)
        audit_record(
            action="decision.amend",
            actor=user,
            obj=amendment,
            detail=gettext("Amends %(symbol)s.") % {"symbol": original.symbol},
        )
    return amendment


# ---------------------------------------------------------------------------------------------
# The annexed list and its money (Article 2).


@dataclass
class Line:
    proposal: Proposal
    coefficient: Decimal | None  # None: no rate for the form on the date
    amount: int

    @property
    def is_collective(self) -> bool:
        return self.proposal.honoree_kind == HonoreeKind.COLLECTIVE


@dataclass
class Annex:
    collectives: list[Line] = field(default_factory=list)
    persons: list[Line] = field(default_factory=list)
    base_salary: BaseSalary | None = None
    missing_rates: list[str] = field(default_factory=list)  # forms without a rate on the date

    @property
    def lines(self) -> list[Line]:
        return self.collectives + self.persons

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def forms(self) -> list:
        """The titles and forms awarded, each once, in the list's order."""
        seen: dict[int, object] = {}
        for line in self.lines:
            seen.setdefault(line.proposal.form_id, line.proposal.form)
        return list(seen.values())

    @property
    def warnings(self) -> list[str]:
        notes = []
        if self.base_salary is None:
            notes.append(gettext("No base salary is valid on the decision's date: the money is 0."))
        for name in self.missing_rates:
            notes.append(
                gettext("No award money coefficient of “%(form)s” is valid on the date: 0 đ.")
                % {"form": name}
            )
        return notes


def list_source(decision: Decision) -> Decision:
    """The decision whose proposals make the list: an amendment's is the one it amends."""
    return decision.amends if decision.amends_id and decision.amends else decision


def annex(decision: Decision) -> Annex:
    """The annexed list with each honouree's money, in three queries whatever its length."""
    source = list_source(decision)
    proposals = list(
        Proposal.objects.filter(decision=source)
        .select_related("form", "unit")
        .order_by("order", "pk")
    )
    result = Annex(base_salary=BaseSalary.on(decision.date))
    rates: dict[int, AwardRate] = {}
    form_ids = {p.form_id for p in proposals}
    for rate in AwardRate.objects.filter(form__in=form_ids, valid_from__lte=decision.date).order_by(
        "valid_from"
    ):
        rates[rate.form_id] = rate  # the latest valid on the date wins
    base = result.base_salary.amount if result.base_salary else 0
    missing: dict[int, str] = {}
    for proposal in proposals:
        rate = rates.get(proposal.form_id)
        if rate is None:
            missing.setdefault(proposal.form_id, str(proposal.form))
            coefficient, amount = None, 0
        else:
            coefficient = rate.coefficient(proposal.honoree_kind)
            amount = award_money(coefficient, base) if base else 0
        line = Line(proposal, coefficient, amount)
        (result.collectives if line.is_collective else result.persons).append(line)
    result.missing_rates = list(missing.values())
    return result


# ---------------------------------------------------------------------------------------------
# Issuing.


def _issuer_text(decision: Decision) -> str:
    authority = decision.signer_on_behalf_of or decision.signer_position
    return f"{authority.capitalize()} {decision.issuing_body}".strip()


def _news(decision: Decision, lines: list[Line], user) -> dict[int, Commendation]:
    """Draft commendation news, by proposal pk: one per honouree, or one for the decision."""
    if decision.news_items == Decision.NewsItems.NONE or decision.campaign_id is None or not lines:
        return {}
    common = {
        "campaign_id": decision.campaign_id,
        "decision_number": decision.symbol,
        "decision_date": decision.date,
        "status": Commendation.Status.DRAFT,
        "author": user if getattr(user, "is_authenticated", False) else None,
    }
    made: dict[int, Commendation] = {}
    if decision.news_items == Decision.NewsItems.ONE:
        first = lines[0].proposal
        item = Commendation(
            title=(
                gettext("Commendations under Decision No. %(symbol)s") % {"symbol": decision.symbol}
            )[:300],
            summary=(
                gettext("%(count)s collectives and individuals commended: %(abstract)s.")
                % {"count": len(lines), "abstract": decision.abstract}
            )[:600],
            honoree_name=decision.issuing_body[:200],
            # The issuing body's honourees together; a person-only title keeps its first kind.
            honoree_kind=(
                HonoreeKind.COLLECTIVE
                if first.form.accepts(HonoreeKind.COLLECTIVE)
                else first.honoree_kind
            ),
            unit_id=first.unit_id,
            form_id=first.form_id,
            **common,
        )
        item.save()
        return {line.proposal.pk: item for line in lines}
    for line in lines:
        p = line.proposal
        item = Commendation(
            title=(
                gettext("%(form)s awarded to %(name)s")
                % {"form": p.form.name, "name": p.honoree_name}
            )[:300],
            summary=p.achievements[:600],
            honoree_name=p.honoree_name,
            honoree_kind=p.honoree_kind,
            position=p.position,
            unit_id=p.unit_id,
            form_id=p.form_id,
            **common,
        )
        item.save()
        made[p.pk] = item
    return made


def _round_decided(round_id: int | None) -> None:
    """Mark the round decided once each of its passed proposals is in an issued decision."""
    if round_id is None:
        return
    evaluation = EvaluationRound.objects.select_for_update().get(pk=round_id)
    passed = [
        p
        for p in Proposal.objects.filter(round=evaluation)
        .with_outcome_inputs()
        .select_related("decision")
        if p.computed_outcome == Proposal.Outcome.PASSED
    ]
    decided = passed and all(p.decision and p.decision.is_issued() for p in passed)
    if decided and evaluation.status != EvaluationRound.Status.DECIDED:
        evaluation.status = EvaluationRound.Status.DECIDED
        evaluation.save()


def issue(decision: Decision, user, version: int | None) -> Decision:
    """Issue a draft: locked from now on, every honouree's award recorded, the news drafted.

    Refused (DecisionError) when already issued, opened before a newer change (stale), or its
    list is empty."""
    with transaction.atomic(), translation.override(LANGUAGE):
        locked = Decision.objects.select_for_update().get(pk=decision.pk)
        if locked.is_issued():
            raise DecisionError(_("This decision is already issued: it cannot change."))
        check_version(
            locked.version,
            version,
            lambda: StaleDecision(
                _(
                    "This decision was changed by someone else since you opened it. Check it "
                    "again, then issue it."
                )
            ),
        )
        result = annex(locked)
        lines = result.lines
        if not lines:
            raise DecisionError(_("The annexed list is empty: there is nobody to award."))
        issuer = _issuer_text(locked)
        news = {} if locked.amends_id else _news(locked, lines, user)
        recorded = {
            a.proposal_id: a
            for a in Award.objects.select_for_update().filter(
                proposal__in=[line.proposal.pk for line in lines]
            )
        }
        new, corrected = [], []
        for line in lines:
            p = line.proposal
            values = {
                "unit_id": p.unit_id,
                "honoree_name": p.honoree_name,
                "honoree_kind": p.honoree_kind,
                "position": p.position,
                "form_id": p.form_id,
                "form_name": str(p.form)[:300],
                "year": locked.date.year,
                "decision": locked,
                "decision_number": locked.symbol,
                "decision_date": locked.date,
                "issuer": issuer[:200],
                "achievement": p.achievements,
                "campaign_id": locked.campaign_id,
                "amount": line.amount,
            }
            award = recorded.get(p.pk)
            if award is None:  # a new award; an amendment corrects the one on record
                award = Award(proposal_id=p.pk, commendation=news.get(p.pk), **values)
                award.name_key = _name_key(p.honoree_name)
                new.append(award)
            else:
                for name, value in values.items():
                    setattr(award, name, value)
                award.name_key = _name_key(p.honoree_name)
                corrected.append(award)
        Award.objects.bulk_create(new)
        if corrected:
            Award.objects.bulk_update(
                corrected,
                [
                    "unit_id",
                    "honoree_name",
                    "honoree_kind",
                    "position",
                    "form_id",
                    "form_name",
                    "year",
                    "decision",
                    "decision_number",
                    "decision_date",
                    "issuer",
                    "achievement",
                    "campaign_id",
                    "amount",
                    "name_key",
                ],
            )
        locked.status = Decision.Status.ISSUED
        locked.issued_at = timezone.now()
        locked.issued_by = user if getattr(user, "is_authenticated", False) else None
        locked.save()
        _round_decided(locked.round_id)
        audit_record(
            action="decision.issue",
            actor=user,
            obj=locked,
            detail=gettext("%(count)s awards recorded, %(news)s draft commendations, %(total)s đ.")
            % {
                "count": len(lines),
                "news": len({item.pk for item in news.values()}),
                "total": f"{result.total:,}".replace(",", "."),
            },
        )
    return locked


def _name_key(name: str) -> str:
    return search_key(name)[:200]
