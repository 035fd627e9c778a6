"""Figures for the campaign office: the coverage matrix, statistics and the shortlist of
candidates for commendation.

This module sits on top with `portal.pages`: it reads pledges, news and units through their
QuerySet permission methods (`visible_to(user)`), so a report never shows more than its reader
may see. Every function runs a fixed number of queries, whatever the number of units, pledges or
reports: rows are fetched once and put together in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign, Theme
from news.models import Nomination, NominationImage
from office.charts import LineChart, line_chart
from pledges.models import Evidence, Pledge, ProgressReport
from pledges.rollups import Figures, theme_figures
from units.models import Unit, UnitNode

Status = Pledge.Status

# Flags of a matrix cell, in the order the legend lists them.
NO_PLEDGE = "no-pledge"
WAITING = "waiting"
STALE = "stale"
FLAGS = {
    NO_PLEDGE: _("No pledge"),
    WAITING: _("Waiting for review"),
    STALE: _("No progress"),
}
# Flags that ask the office to act; "no pledge" is the ordinary state of most cells, so the
# matrix shows it as plain text and makes only these (and cells with pledges) stand out.
ATTENTION = frozenset({WAITING, STALE})
# What a pledge row needs on the dashboard; nothing else is read.
MATRIX_FIELDS = (
    "id", "unit_id", "theme_id", "title", "status", "latest_percent", "latest_report_at",
    "submitted_at", "reviewed_at", "due_on", "target_value", "target_unit",
)  # fmt: skip
# The same columns in the model's order, as `Pledge.from_db` takes them.
_COLUMNS = tuple(f.attname for f in Pledge._meta.concrete_fields if f.attname in MATRIX_FIELDS)
_AT = {name: index for index, name in enumerate(_COLUMNS)}


@dataclass(slots=True)
class MatrixPledge:
    """A pledge's row as the matrix reads it, flagged by Pledge's own rules: every pledge of the
    campaign is read for the flags and the figures, and a model instance (a tenth of a second
    for the national 5,000) is made only for the pledges a page shows."""

    values: tuple  # in _COLUMNS order
    status: str
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    latest_report_at: dt.datetime | None

    Status = Pledge.Status
    is_stale = Pledge.is_stale
    is_waiting_review = Pledge.is_waiting_review

    @classmethod
    def read(cls, values: tuple) -> MatrixPledge:
        return cls(
            values,
            values[_AT["status"]],
            values[_AT["submitted_at"]],
            values[_AT["reviewed_at"]],
            values[_AT["latest_report_at"]],
        )

    def instance(self, db: str) -> Pledge:
        return Pledge.from_db(db, _COLUMNS, self.values)


# ---- the coverage matrix -----------------------------------------------------------------------


@dataclass
class Cell:
    theme: Theme
    pledges: list[Pledge]  # those shown (the status filter applies)
    flags: list[str]  # computed on all the unit's pledges under the theme

    @property
    def flag_labels(self) -> list[tuple[str, str]]:
        return [(flag, FLAGS[flag]) for flag in self.flags]

    @property
    def attention_labels(self) -> list[tuple[str, str]]:
        return [(flag, label) for flag, label in self.flag_labels if flag in ATTENTION]

    @property
    def has_no_pledge(self) -> bool:
        return NO_PLEDGE in self.flags


@dataclass
class Row:
    unit: Unit
    cells: list[Cell]

    @property
    def flag_count(self) -> int:
        return sum(len(cell.flags) for cell in self.cells)

    @property
    def needs_attention(self) -> bool:
        return any(cell.attention_labels for cell in self.cells)


@dataclass
class SummaryCell:
    """One theme over a closed subtree: how many of its units pledged, how many cells wait."""

    theme: Theme
    pledged: int  # units with a pledge under the theme (drafts do not count)
    waiting: int
    stale: int

    @property
    def attention(self) -> bool:
        return bool(self.waiting or self.stale)


@dataclass
class Summary:
    """A unit with sub-units shown closed: its whole subtree (itself included) in figures, with
    a link that opens it."""

    unit: Unit
    units: int  # units of the subtree the filters keep
    cells: list[SummaryCell]
    flag_count: int

    @property
    def needs_attention(self) -> bool:
        return any(cell.attention for cell in self.cells)


@dataclass
class Group:
    """A unit with sub-units: its own row and its leaf sub-units' rows in one table, then each
    sub-unit that has sub-units of its own as a nested group (collapsible in the page)."""

    unit: Unit
    rows: list[Row]
    groups: list[Group]
    summaries: list[Summary] = field(default_factory=list)  # sub-units shown closed

    @property
    def unit_count(self) -> int:
        return (
            len(self.rows)
            + sum(group.unit_count for group in self.groups)
            + sum(summary.units for summary in self.summaries)
        )

    @property
    def flag_count(self) -> int:
        return (
            sum(r.flag_count for r in self.rows)
            + sum(g.flag_count for g in self.groups)
            + sum(s.flag_count for s in self.summaries)
        )


@dataclass
class Matrix:
    themes: list[Theme]
    groups: list[Group]
    loose_rows: list[Row]  # top-level units without sub-units
    days: int
    totals: dict[str, int] = field(default_factory=dict)  # flag -> number of cells flagged

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.loose_rows

    def rows(self) -> list[Row]:
        """Every row, in the order the page shows them."""

        def walk(group: Group) -> list[Row]:
            return group.rows + [row for sub in group.groups for row in walk(sub)]

        return [row for group in self.groups for row in walk(group)] + self.loose_rows

    @property
    def legend(self) -> list[tuple[str, str, int]]:
        return [(flag, label, self.totals.get(flag, 0)) for flag, label in FLAGS.items()]


def cell_flags(pledges: list[Pledge], *, days: int, now: dt.datetime) -> list[str]:
    """The flags of one unit's pledges under one theme. A draft is not a pledge yet: a unit
    with only drafts is flagged as having none."""
    flags = []
    if all(p.status == Status.DRAFT for p in pledges):
        flags.append(NO_PLEDGE)
    if any(p.is_waiting_review(days=days, now=now) for p in pledges):
        flags.append(WAITING)
    if any(p.is_stale(days=days, now=now) for p in pledges):
        flags.append(STALE)
    return flags


def unit_tree() -> list[UnitNode]:
    """The active units as a forest, from one query (shared by the matrix and its filter)."""
    return Unit.objects.active().tree()


def find_node(roots: list[UnitNode], slug: str) -> UnitNode | None:
    for root in roots:
        for node in root.flatten():
            if node.unit.slug == slug:
                return node
    return None


def node_path(roots: list[UnitNode], slug: str) -> list[UnitNode]:
    """The nodes from a root down to the unit `slug` (empty if no such unit in the forest)."""
    for root in roots:
        if root.unit.slug == slug:
            return [root]
        if path := node_path(root.children, slug):
            return [root, *path]
    return []


# With more units than this to show, the matrix shows the sub-units that have sub-units of their
# own closed, as figures (a province's department with its divisions in one row): the national
# tree's 1,300 units would be several megabytes of HTML. Opening one shows it in full.
SUMMARIZE_OVER = 60


def coverage_matrix(
    *,
    campaign: Campaign,
    user,
    roots: list[UnitNode],
    days: int,
    status: str = "",
    flag: str = "",
    drafts: bool = True,
    now: dt.datetime | None = None,
    summarize_over: int | None = None,
) -> Matrix:
    """Units (the forest `roots`) × the campaign's themes. `status` shows only pledges in that
    state and the units having one; `flag` only the units with that flag (any flag for "any");
    `drafts=False` leaves drafts out of the cells (they never raise or clear a flag). With more
    than `summarize_over` units to show, each top unit's sub-units that have sub-units of their
    own are summed up in a `Summary` instead of being shown row by row."""
    now = now or timezone.now()
    themes = list(campaign.themes.order_by("number"))
    by_cell: dict[tuple[int, int], list[MatrixPledge]] = defaultdict(list)
    pledges = (
        Pledge.objects.visible_to(user)
        .filter(campaign=campaign)
        .values_list(*_COLUMNS)
        .order_by("pk")
    )
    unit_at, theme_at = _AT["unit_id"], _AT["theme_id"]
    for values in pledges:
        by_cell[(values[unit_at], values[theme_at])].append(MatrixPledge.read(values))
    totals: Counter = Counter()

    def make_row(node: UnitNode) -> Row | None:
        cells = []
        for theme in themes:
            own = by_cell.get((node.unit.pk, theme.pk), [])
            shown = [p for p in own if p.status == status] if status else own
            if not drafts:
                shown = [p for p in shown if p.status != Status.DRAFT]
            flags = cell_flags(own, days=days, now=now)
            cells.append(Cell(theme=theme, pledges=shown, flags=flags))
        if status and not any(cell.pledges for cell in cells):
            return None
        raised = {f for cell in cells for f in cell.flags}
        if flag and not (raised if flag == "any" else flag in raised):
            return None
        for cell in cells:
            totals.update(cell.flags)
        return Row(unit=node.unit, cells=cells)

    # Every row of the forest first: the legend counts them all, shown or summed up.
    rows_of = {node.unit.pk: make_row(node) for root in roots for node in root.flatten()}
    shown = sum(1 for row in rows_of.values() if row is not None)
    summarize = summarize_over is not None and shown > summarize_over

    def make_summary(node: UnitNode) -> Summary | None:
        rows = [r for n in node.flatten() if (r := rows_of[n.unit.pk]) is not None]
        if not rows:
            return None
        cells = [
            SummaryCell(
                theme=theme,
                pledged=sum(NO_PLEDGE not in row.cells[i].flags for row in rows),
                waiting=sum(WAITING in row.cells[i].flags for row in rows),
                stale=sum(STALE in row.cells[i].flags for row in rows),
            )
            for i, theme in enumerate(themes)
        ]
        flags = sum(row.flag_count for row in rows)
        return Summary(unit=node.unit, units=len(rows), cells=cells, flag_count=flags)

    def make_group(node: UnitNode) -> Group | None:
        rows = [rows_of[node.unit.pk]]
        groups, summaries = [], []
        for child in node.children:
            if not child.children:
                rows.append(rows_of[child.unit.pk])
            elif summarize:
                summaries.append(make_summary(child))
            else:
                groups.append(make_group(child))
        rows = [row for row in rows if row is not None]
        groups = [group for group in groups if group is not None]
        summaries = [summary for summary in summaries if summary is not None]
        if not rows and not groups and not summaries:
            return None
        return Group(unit=node.unit, rows=rows, groups=groups, summaries=summaries)

    groups, loose = [], []
    for root in roots:
        if root.children:
            groups.append(make_group(root))
        else:
            loose.append(rows_of[root.unit.pk])
    matrix = Matrix(
        themes=themes,
        groups=[g for g in groups if g is not None],
        loose_rows=[r for r in loose if r is not None],
        days=days,
        totals=dict(totals),
    )
    for row in matrix.rows():
        for cell in row.cells:
            cell.pledges = [pledge.instance(pledges.db) for pledge in cell.pledges]
    return matrix


@dataclass
class ThemeSection:
    """One numbered section of a review report: a theme, its pledges unit by unit, and the
    units that made none."""

    theme: Theme
    entries: list[tuple[Unit, Pledge]]
    missing: list[Unit]


def theme_sections(matrix: Matrix) -> list[ThemeSection]:
    """The matrix read theme by theme (no query of its own)."""
    sections = [ThemeSection(theme=theme, entries=[], missing=[]) for theme in matrix.themes]
    for row in matrix.rows():
        for section, cell in zip(sections, row.cells, strict=True):
            section.entries.extend((row.unit, pledge) for pledge in cell.pledges)
            if NO_PLEDGE in cell.flags:
                section.missing.append(row.unit)
    return sections


# ---- statistics --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Week:
    starts_on: dt.date
    ends_on: dt.date
    pledges: int  # accepted by the end of the week
    average: float  # their average progress then (0 for a pledge not yet reported on)
    reports: int  # progress reports made during the week


@dataclass
class Statistics:
    units_total: int
    units_participating: int
    by_status: list[tuple[str, str, int]]  # (status, label, pledges)
    themes: list[tuple[Theme, Figures | None]]
    weeks: list[Week]
    chart: LineChart | None

    @property
    def participation(self) -> float:
        return 100 * self.units_participating / self.units_total if self.units_total else 0.0

    @property
    def period_start(self) -> dt.date | None:
        return self.weeks[0].starts_on if self.weeks else None

    @property
    def period_end(self) -> dt.date | None:
        return self.weeks[-1].ends_on if self.weeks else None

    @property
    def pledges_total(self) -> int:
        return sum(count for _status, _label, count in self.by_status)


# A campaign of several years is charted over its last five.
MAX_WEEKS = 260


def campaign_statistics(
    *,
    campaign: Campaign,
    user,
    unit: Unit | None = None,
    drafts: bool = True,
    themes: list[Theme] | None = None,
    today: dt.date | None = None,
) -> Statistics:
    """Participation, pledges by status, average progress per theme and per week; for the whole
    campaign or for one `unit` (then participation counts that unit alone). `drafts=False`
    leaves drafts out of the counts, as an official report does; `themes` saves their query
    when the caller has them already."""
    today = today or timezone.localdate()
    pledges = Pledge.objects.visible_to(user).filter(campaign=campaign, unit__is_active=True)
    statuses = [(v, label) for v, label in Status.choices if drafts or v != Status.DRAFT]
    units = Unit.objects.active()
    if unit is not None:
        pledges = pledges.filter(unit=unit)
        units = units.filter(pk=unit.pk)
    public = pledges.filter(status__in=Pledge.PUBLIC_STATUSES)

    counts = dict(
        pledges.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    by_theme = theme_figures(public)
    if themes is None:
        themes = list(campaign.themes.order_by("number"))
    weeks = weekly_progress(campaign=campaign, pledges=public, today=today)
    chart = (
        line_chart(
            [(w.ends_on, w.average) for w in weeks],
            label=lambda day: day.strftime("%d/%m"),
        )
        if weeks
        else None
    )
    return Statistics(
        units_total=units.count(),
        units_participating=public.order_by().values("unit").distinct().count(),
        by_status=[(value, label, counts.get(value, 0)) for value, label in statuses],
        themes=[(theme, by_theme.get(theme.pk)) for theme in themes],
        weeks=weeks,
        chart=chart,
    )


def weekly_progress(*, campaign: Campaign, pledges, today: dt.date) -> list[Week]:
    """The average progress of `pledges` (accepted or completed) at the end of each week, from
    the first acceptance or report to the last report (or today while the campaign runs).

    Each pledge counts from the week it was accepted, with its newest report up to then. Two
    queries: the pledges and their reports, swept once in time order.
    """
    # One time zone for all: `timezone.localtime()` looks it up again for each of fifty thousand
    # reports. Sorted here, where the database would spill to disk; on one day, a pledge's
    # highest percent counts.
    tz = timezone.get_current_timezone()
    accepted = sorted(
        (at.astimezone(tz).date(), pk)
        for pk, at in pledges.order_by().values_list("pk", "reviewed_at")
        if at is not None
    )
    reports = sorted(
        (at.astimezone(tz).date(), pk, percent)
        for at, pk, percent in ProgressReport.objects.filter(pledge__in=pledges)
        .order_by()
        .values_list("reported_at", "pledge_id", "percent")
    )
    if not accepted and not reports:
        return []
    first = min([d for d, _pk in accepted[:1]] + [d for d, _pk, _p in reports[:1]])
    last = max([min(today, campaign.ends_on)] + [d for d, _pk, _p in reports[-1:]])
    start = first - dt.timedelta(days=first.weekday())
    weeks_between = max((last - start).days // 7, 0) + 1
    if weeks_between > MAX_WEEKS:
        start += dt.timedelta(weeks=weeks_between - MAX_WEEKS)
        weeks_between = MAX_WEEKS

    # The sum of the counted pledges' newest percents, kept as reports come in.
    percent: dict[int, int] = {}
    counted: set[int] = set()
    total = 0
    out: list[Week] = []
    a = r = 0
    for index in range(weeks_between):
        week_start = start + dt.timedelta(weeks=index)
        week_end = week_start + dt.timedelta(days=6)
        while a < len(accepted) and accepted[a][0] <= week_end:
            counted.add(accepted[a][1])
            a += 1
        in_week = 0
        while r < len(reports) and reports[r][0] <= week_end:
            day, pk, value = reports[r]
            total += value - percent.get(pk, 0)
            percent[pk] = value
            counted.add(pk)
            in_week += day >= week_start
            r += 1
        average = total / len(counted) if counted else 0.0
        out.append(Week(week_start, week_end, len(counted), round(average, 1), in_week))
    return out


# ---- candidates for commendation -----------------------------------------------------------------


@dataclass
class PledgeCandidate:
    pledge: Pledge
    evidence: list[Evidence]  # the photos, first ones first
    people: list  # those who reported progress with photos

    @property
    def preview(self) -> list[Evidence]:
        return self.evidence[:4]


@dataclass
class UnitCandidate:
    unit: Unit
    pledges: list[PledgeCandidate]


@dataclass
class Candidates:
    units: list[UnitCandidate]
    nominations: list[Nomination]

    @property
    def is_empty(self) -> bool:
        return not self.units and not self.nominations


def commendation_candidates(*, campaign: Campaign, user, unit: Unit | None = None) -> Candidates:
    """A shortlist, not a decision: units whose pledges are completed with photo evidence (and
    who reported them), and the accepted nominations. Three queries."""
    pledges = (
        Pledge.objects.visible_to(user)
        .filter(campaign=campaign, status=Status.COMPLETED, unit__is_active=True)
        .filter(Exists(Evidence.objects.filter(report__pledge=OuterRef("pk"))))
        .select_related("unit", "theme")
        .order_by("unit__position", "unit__name", "theme__number", "pk")
    )
    nominations = Nomination.objects.visible_to(user).filter(
        theme__campaign=campaign, status=Nomination.Status.ACCEPTED
    )
    if unit is not None:
        pledges = pledges.filter(unit=unit)
        nominations = nominations.filter(unit=unit)
    pledges = list(pledges)
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    if pledges:
        for item in (
            Evidence.objects.visible_to(user)
            .filter(report__pledge__in=[p.pk for p in pledges])
            .select_related("report__reported_by")
            .order_by("report__reported_at", "report_id", "position", "pk")
        ):
            evidence[item.report.pledge_id].append(item)
    by_unit: dict[int, UnitCandidate] = {}
    for pledge in pledges:
        photos = evidence.get(pledge.pk, [])
        people = list(dict.fromkeys(photo.report.reported_by for photo in photos))
        entry = by_unit.setdefault(pledge.unit_id, UnitCandidate(unit=pledge.unit, pledges=[]))
        entry.pledges.append(PledgeCandidate(pledge=pledge, evidence=photos, people=people))
    return Candidates(
        units=list(by_unit.values()),
        nominations=list(
            nominations.select_related(
                "unit", "theme", "proposed_form", "commendation", "nominated_by"
            )
            .prefetch_related(Prefetch("images", queryset=NominationImage.objects.order_by("pk")))
            .order_by("unit__position", "unit__name", "pk")
        ),
    )
