"""Geometry of the small server-rendered SVG charts of the office pages.

Templates draw the chart from these numbers with plain SVG elements and CSS classes (no script,
no inline style: the Content-Security-Policy allows neither), and a data table beside it carries
the same figures for screen readers and for print.

The plot is drawn in a `viewBox` stretched to the box's width, but the labels are not: they sit
outside it, placed by shares of the width, so their text keeps its CSS size on a phone instead of
shrinking with the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format


@dataclass(frozen=True)
class Tick:
    at: float  # x or y in the chart's coordinates
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    line: str  # the polyline's points, "x,y x,y …"
    area: str  # the path under the line, down to the x axis
    dots: list[tuple[float, float]]  # a marker per point, when there are few enough to tell apart
    x_ticks: list[Tick]
    y_ticks: list[Tick]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def share(self, x: float) -> float:
        """`x` as a percentage of the chart's width, where a label is placed."""
        return round(100 * x / self.width, 2)

    @property
    def y_label_x(self) -> float:
        return self.share(self.left - 8)

    @property
    def x_labels(self) -> list[Tick]:
        """The x ticks placed by shares of the width."""
        return [Tick(self.share(tick.at), tick.label) for tick in self.x_ticks]

    @property
    def x_label_y(self) -> float:
        return self.bottom + 20


MAX_X_LABELS = 8
MAX_DOTS = 60


def line_chart(
    points: Sequence[tuple[Any, float]],
    *,
    label: Callable[[Any], str],
    y_max: float = 100,
    y_step: float = 25,
    y_suffix: str = "%",
    width: int = 640,
    height: int = 260,
) -> LineChart:
    """A line chart of `points` ((x value, y value), in order, evenly spaced); `label` names an
    x value under the axis."""
    if not points:
        raise ValueError("a chart needs at least one point")
    # Margins in shares of the width: room for "100%" left of the plot and for half a date right
    # of it, even on a phone, where the width is about 340 px.
    left, top, right, bottom = width * 0.125, 12.0, width * 0.94, height - 32.0
    plot_w, plot_h = right - left, bottom - top
    n = len(points)

    def x_at(index: int) -> float:
        return round(left + plot_w / 2 if n == 1 else left + plot_w * index / (n - 1), 1)

    def y_at(value: float) -> float:
        value = min(max(value, 0), y_max)
        return round(bottom - plot_h * value / y_max, 1)

    coords = [(x_at(i), y_at(value)) for i, (_x, value) in enumerate(points)]
    line = " ".join(f"{x},{y}" for x, y in coords)
    area = f"M{coords[0][0]},{bottom} " + " ".join(f"L{x},{y}" for x, y in coords)
    area += f" L{coords[-1][0]},{bottom} Z"

    step = max(1, math.ceil(n / MAX_X_LABELS))
    indices = list(range(0, n, step))
    if indices[-1] != n - 1 and (n - 1 - indices[-1]) >= step / 2:
        indices.append(n - 1)
    x_ticks = [Tick(x_at(i), label(points[i][0])) for i in indices]
    steps = int(y_max // y_step)
    # Labels in the reader's notation (12,5% in Vietnamese); coordinates stay plain numbers.
    y_ticks = [
        Tick(y_at(y_step * k), f"{number_format(Decimal(f'{y_step * k:g}'))}{y_suffix}")
        for k in range(steps + 1)
    ]
    return LineChart(
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        line=line,
        area=area,
        dots=coords if n <= MAX_DOTS else [],
        x_ticks=x_ticks,
        y_ticks=y_ticks,
    )
