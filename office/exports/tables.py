"""The tables of a campaign's export, each built with a fixed number of queries.

Values keep their Python types (int, Decimal, date, datetime, str, Percent, Code) so each writer
can give them the right cell type: the workbook stores dates as dates, quantities as numbers
grouped in the reader's notation and percentages as numbers formatted as percent; the CSV writes
them in a form other tools read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from campaign.models import Campaign
from news.models import Commendation, CommendationForm, Nomination
from pledges.models import Pledge, ProgressReport
from scoring.models import Score, ScoringRound
from scoring.ranking import round_standings
from units.models import Unit


@dataclass(frozen=True)
class Percent:
    """A percentage from 0 to 100 (a cell formatted as percent in the workbook)."""

    value: float


@dataclass(frozen=True)
class Code:
    """A number that names something (a record's id, a theme's number): written as it is,
    never with a thousands separator, as a document number or a year would be."""

    value: int


@dataclass(frozen=True)
class Column:
    header: str
    wrap: bool = False  # long text: a wide column with wrapped lines


@dataclass
class Table:
    key: str  # in file names: <campaign>-<key>-<date>.csv
    title: str  # the sheet's name
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    frozen_columns: int = 0  # columns kept in view when scrolling right


def local(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as the office reads it (Asia/Ho_Chi_Minh), without a time zone, which
    spreadsheets cannot keep."""
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0) if value else None


def person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _cols(*headers: str, wrap: tuple[str, ...] = ()) -> list[Column]:
    return [Column(header, wrap=header in wrap) for header in headers]


# Tables ----------------------------------------------------------------------------------------

# The sheet names, also shown beside the CSV links.
TITLES = {
    "summary": gettext_lazy("Summary"),
    "coverage": gettext_lazy("Registration tracking"),
    "pledges": gettext_lazy("Pledges"),
    "reports": gettext_lazy("Progress reports"),
    "nominations": gettext_lazy("Nominations"),
    "commendations": gettext_lazy("Commendations"),
    "scores": gettext_lazy("Scores"),
    "rankings": gettext_lazy("Rankings"),
}


def summary_table(campaign: Campaign, *, base_url: str) -> Table:
    pledges = Pledge.objects.filter(campaign=campaign)
    by_status = dict(
        pledges.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    public = pledges.public().aggregate(
        units=Count("unit", distinct=True), average=Avg("latest_percent")
    )
    active_units = Unit.objects.active().count()
    nominations = dict(
        Nomination.objects.filter(theme__campaign=campaign)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    participation = 100 * public["units"] / active_units if active_units else 0
    rows: list[list] = [
        [_("Campaign"), campaign.title],
        [_("Issuing body"), campaign.issuing_body],
        [_("Status"), campaign.get_status_display()],
        [_("Published on"), campaign.published_on],
        [_("Starts on"), campaign.starts_on],
        [_("Ends on"), campaign.ends_on],
        [_("Exported at"), local(timezone.now())],
        [_("Web address"), base_url + campaign.get_absolute_url()],
        [_("Active units"), active_units],
        [_("Units with an accepted pledge"), public["units"]],
        [_("Participation"), Percent(round(participation, 1))],
        [_("Average progress of accepted pledges"), Percent(round(public["average"] or 0, 1))],
    ]
    for status, label in Pledge.Status.choices:
        rows.append([_("Pledges: %(status)s") % {"status": label}, by_status.get(status, 0)])
    rows += [
        [
            _("Progress reports"),
            ProgressReport.objects.filter(pledge__campaign=campaign).count(),
        ],
        [_("Nominations"), sum(nominations.values())],
        [
            _("Nominations accepted"),
            nominations.get(Nomination.Status.ACCEPTED, 0),
        ],
        [
            _("Commendations published"),
            Commendation.objects.published().filter(campaign=campaign).count(),
        ],
        [
            _("Review rounds published"),
            ScoringRound.objects.published().filter(campaign=campaign).count(),
        ],
    ]
    return Table(
        key="summary",
        title=str(TITLES["summary"]),
        columns=_cols(pgettext("export", "Item"), pgettext("export", "Value")),
        rows=rows,
    )


def coverage_table(campaign: Campaign, *, base_url: str) -> Table:
    """Units (in tree order) × themes: the number of pledges in each status."""
    themes = list(campaign.themes.all())
    counts = {
        (row["unit_id"], row["theme_id"], row["status"]): row["n"]
        for row in Pledge.objects.filter(campaign=campaign)
        .order_by()
        .values("unit_id", "theme_id", "status")
        .annotate(n=Count("pk"))
    }
    pledged_units = Pledge.objects.filter(campaign=campaign).values("unit_id")
    units = (
        Unit.objects.filter(Q(is_active=True) | Q(pk__in=pledged_units))
        .select_related("parent")
        .tree()
    )
    statuses = Pledge.Status.choices
    headers = [_("Unit"), _("Short name"), _("Parent unit")]
    for theme in themes:
        for _status, label in statuses:
            headers.append(
                _("Theme %(number)s: %(status)s") % {"number": theme.number, "status": label}
            )
    headers.append(_("Pledges in total"))
    rows = []
    for unit in (node.unit for root in units for node in root.flatten()):
        row: list = [unit.name, unit.short_name, unit.parent.name if unit.parent else ""]
        total = 0
        for theme in themes:
            for status, _label in statuses:
                n = counts.get((unit.pk, theme.pk, status), 0)
                row.append(n)
                total += n
        row.append(total)
        rows.append(row)
    return Table(
        key="coverage",
        title=str(TITLES["coverage"]),
        columns=_cols(*headers),
        rows=rows,
        frozen_columns=1,
    )


def pledges_table(campaign: Campaign, *, base_url: str) -> Table:
    latest = ProgressReport.objects.filter(pledge=OuterRef("pk")).order_by("-reported_at", "-pk")
    pledges = (
        Pledge.objects.filter(campaign=campaign)
        .select_related("unit", "theme", "submitted_by", "reviewed_by")
        .annotate(
            report_count=Count("reports"),
            latest_narrative=Subquery(latest.values("narrative")[:1]),
        )
        .order_by("unit__position", "unit__name_vi", "theme__number", "pk")
    )
    headers = [
        _("Id"),
        _("Unit"),
        _("Theme"),
        _("Theme title"),
        _("Pledge"),
        _("Commitment"),
        _("Target"),
        _("What is measured"),
        _("Due date"),
        _("Status"),
        _("Latest progress (%)"),
        _("Last reported at"),
        _("Latest report"),
        _("Reports"),
        _("Submitted by"),
        _("Submitted at"),
        _("Reviewed by"),
        _("Reviewed at"),
        _("Review note"),
        _("Completed at"),
        _("Web address"),
    ]
    rows = [
        [
            Code(p.pk),
            p.unit.name,
            Code(p.theme.number),
            p.theme.title,
            p.title,
            p.commitment,
            p.target_value,
            p.target_unit,
            p.due_on,
            p.get_status_display(),
            Percent(p.latest_percent),
            local(p.latest_report_at),
            p.latest_narrative or "",
            p.report_count,
            person(p.submitted_by),
            local(p.submitted_at),
            person(p.reviewed_by),
            local(p.reviewed_at),
            p.review_note,
            local(p.completed_at),
            base_url + p.get_absolute_url(),
        ]
        for p in pledges
    ]
    wrap = (_("Commitment"), _("Latest report"), _("Review note"))
    return Table(
        key="pledges",
        title=str(TITLES["pledges"]),
        columns=_cols(*headers, wrap=wrap),
        rows=rows,
        frozen_columns=2,
    )


def reports_table(campaign: Campaign, *, base_url: str) -> Table:
    reports = (
        ProgressReport.objects.filter(pledge__campaign=campaign)
        .select_related("pledge__unit", "pledge__theme", "reported_by")
        .annotate(evidence_count=Count("evidence"))
        .order_by("pledge__unit__position", "pledge__unit__name_vi", "pledge_id", "reported_at")
    )
    headers = [
        _("Id"),
        _("Pledge id"),
        _("Pledge"),
        _("Unit"),
        _("Theme"),
        _("Progress (%)"),
        _("Achieved"),
        _("Target"),
        _("What is measured"),
        _("Report"),
        _("Reported by"),
        _("Reported at"),
        _("Evidence photos"),
    ]
    rows = [
        [
            Code(r.pk),
            Code(r.pledge_id),
            r.pledge.title,
            r.pledge.unit.name,
            Code(r.pledge.theme.number),
            Percent(r.percent),
            # The amount reached, beside the target it is counted against: 12 | 30 | enterprises.
            r.achieved_number,
            r.pledge.target_number,
            r.pledge.target_unit,
            r.narrative,
            person(r.reported_by),
            local(r.reported_at),
            r.evidence_count,
        ]
        for r in reports
    ]
    return Table(
        key="reports",
        title=str(TITLES["reports"]),
        columns=_cols(*headers, wrap=(_("Report"),)),
        rows=rows,
    )


def title_or_form(item: CommendationForm | None) -> list[str]:
    """The two cells (emulation title, form of commendation) of a catalogue item: one is empty."""
    name = str(item) if item else ""
    is_title = bool(item) and item.kind == CommendationForm.Kind.TITLE
    return [name, ""] if is_title else ["", name]


def nominations_table(campaign: Campaign, *, base_url: str) -> Table:
    nominations = (
        Nomination.objects.filter(theme__campaign=campaign)
        .select_related(
            "unit", "theme", "proposed_form", "nominated_by", "decided_by", "commendation"
        )
        .order_by("created_at", "pk")
    )
    headers = [
        _("Id"),
        _("Honoree"),
        _("Honoree is"),
        _("Position"),
        _("Unit"),
        _("Theme"),
        # A title and a form are different things, so each has its own column.
        _("Proposed emulation title"),
        _("Proposed form of commendation"),
        _("Achievements"),
        _("Status"),
        _("Nominated by"),
        _("Nominated at"),
        _("Decided by"),
        _("Decided at"),
        _("Reason for declining"),
        _("Resulting commendation"),
    ]
    rows = [
        [
            Code(n.pk),
            n.honoree_name,
            n.get_honoree_kind_display(),
            n.position,
            n.unit.name,
            Code(n.theme.number),
            *title_or_form(n.proposed_form),
            n.achievements,
            n.get_status_display(),
            person(n.nominated_by),
            local(n.created_at),
            person(n.decided_by),
            local(n.decided_at),
            n.decline_reason,
            n.commendation.title if n.commendation else "",
        ]
        for n in nominations
    ]
    return Table(
        key="nominations",
        title=str(TITLES["nominations"]),
        columns=_cols(*headers, wrap=(_("Achievements"), _("Reason for declining"))),
        rows=rows,
    )


def commendations_table(campaign: Campaign, *, base_url: str) -> Table:
    commendations = (
        Commendation.objects.filter(campaign=campaign)
        .select_related("unit", "theme", "form")
        .by_title_or_form()
    )
    now = timezone.now()
    headers = [
        _("Id"),
        _("Title"),
        _("Honoree"),
        _("Honoree is"),
        _("Position"),
        _("Unit"),
        _("Theme"),
        _("Emulation title"),
        _("Form of commendation"),
        _("Decision number"),
        _("Decision date"),
        _("Status"),
        _("Visible to the public"),
        _("Publish at"),
        _("Web address"),
    ]
    rows = []
    for c in commendations:
        visible = c.status == Commendation.Status.PUBLISHED and c.publish_at <= now
        visible = visible and campaign.is_public()
        rows.append(
            [
                Code(c.pk),
                c.title,
                c.honoree_name,
                c.get_honoree_kind_display(),
                c.position,
                c.unit.name,
                Code(c.theme.number) if c.theme else None,
                *title_or_form(c.form),
                c.decision_number,
                c.decision_date,
                c.get_status_display(),
                _("Yes") if visible else _("No"),
                local(c.publish_at),
                base_url + c.get_absolute_url() if visible else "",
            ]
        )
    return Table(
        key="commendations", title=str(TITLES["commendations"]), columns=_cols(*headers), rows=rows
    )


def scores_table(campaign: Campaign, *, base_url: str) -> Table:
    scores = (
        Score.objects.filter(round__campaign=campaign)
        .select_related("round", "unit", "criterion__theme", "updated_by")
        .order_by(
            "-round__held_on",
            "round_id",
            "unit__position",
            "unit__name_vi",
            "criterion__theme__number",
            "criterion__number",
        )
    )
    headers = [
        _("Review round"),
        _("Kind of review"),
        _("Review date"),
        _("Round status"),
        _("Unit"),
        _("Theme"),
        _("Criterion"),
        _("Maximum points"),
        _("Points"),
        _("Scored by"),
        _("Last changed"),
    ]
    rows = [
        [
            s.round.title,
            s.round.get_kind_display(),
            s.round.held_on,
            s.round.get_status_display(),
            s.unit.name,
            Code(s.criterion.theme.number),
            f"{s.criterion.theme.number}.{s.criterion.number}. {s.criterion.title}",
            s.max_points,
            s.points,
            person(s.updated_by),
            local(s.updated_at),
        ]
        for s in scores
    ]
    return Table(key="scores", title=str(TITLES["scores"]), columns=_cols(*headers), rows=rows)


def rankings_table(campaign: Campaign, *, base_url: str) -> Table:
    """Each round's ranking (equal totals share a rank), with the points per theme."""
    rounds = list(ScoringRound.objects.filter(campaign=campaign).newest_first())
    themes = list(campaign.themes.all())
    standings = round_standings(
        Score.objects.filter(round__campaign=campaign), units=Unit.objects.all()
    )
    headers = [_("Review round"), _("Round status"), _("Rank"), _("Unit")]
    headers += [_("Theme %(number)s") % {"number": t.number} for t in themes]
    headers.append(pgettext("score", "Total"))
    rows = []
    for scoring_round in rounds:
        for standing in standings.get(scoring_round.pk, []):
            rows.append(
                [
                    scoring_round.title,
                    scoring_round.get_status_display(),
                    standing.rank,
                    standing.unit.name,
                    *standing.points_for([t.pk for t in themes]),
                    standing.total,
                ]
            )
    return Table(key="rankings", title=str(TITLES["rankings"]), columns=_cols(*headers), rows=rows)


TableBuilder = Callable[..., Table]

# In workbook order; the keys name the CSV files.
TABLES: dict[str, TableBuilder] = {
    "summary": summary_table,
    "coverage": coverage_table,
    "pledges": pledges_table,
    "reports": reports_table,
    "nominations": nominations_table,
    "commendations": commendations_table,
    "scores": scores_table,
    "rankings": rankings_table,
}


def campaign_tables(campaign: Campaign, *, base_url: str) -> list[Table]:
    return [build(campaign, base_url=base_url) for build in TABLES.values()]
