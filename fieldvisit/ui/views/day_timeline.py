"""The itinerary as a picture of each day, above the stops table.

One row per day on a common time axis: the hours before the day starts and after it ends are
shaded (its end marked with a line), every stop is a bar from arrival to departure labelled with
its number (and name where it fits), travel is a thin line after a bar, waiting (for an
appointment, or a reported delay) a dotted one. A stop with a conflict has a red outline and
its tooltip names the conflict. Clicking a bar selects the stop.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from uuid import UUID

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from fieldvisit.domain.timeline import day_date
from fieldvisit.services.itinerary_view import ItineraryView, StopLine
from fieldvisit.ui import formats
from fieldvisit.ui.itinerary_labels import conflict_text
from fieldvisit.ui.views.route_map_widget import DAY_COLOURS

AXIS = 18.0  # px: the hour labels
CONFLICT = QColor("#c62828")
OUTSIDE = QColor("#ecebe6")  # before the day starts, after it ends


@dataclass(frozen=True)
class Bar:
    stop_id: UUID
    rect: QRectF
    label: str  # what fits inside: "1 饿了么…", "1" or ""
    tooltip: str
    conflicted: bool
    day: int


@dataclass(frozen=True)
class Span:
    kind: str  # "travel" or "wait"
    start: QPointF
    end: QPointF
    tooltip: str


@dataclass(frozen=True)
class Row:
    day: int
    rect: QRectF  # the whole row, gutter excluded
    label: str  # "Day 2" for a visit of several days
    start_x: float
    end_x: float | None  # where the day's planned end is; None without one
    end_text: str


@dataclass(frozen=True)
class Layout:
    rows: tuple[Row, ...]
    bars: tuple[Bar, ...]
    spans: tuple[Span, ...]
    ticks: tuple[tuple[float, str], ...]


def _day_date(view: ItineraryView, day: int) -> date:
    return day_date(view.visit.start_date, day)


def _minutes(moment: datetime, day: date) -> float:
    return (moment - datetime.combine(day, time())).total_seconds() / 60


def _of_day(clock: time) -> int:
    return clock.hour * 60 + clock.minute


class DayTimeline(QWidget):
    stop_clicked = Signal(object)  # the stop's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ItineraryView | None = None
        self.selected: UUID | None = None
        self.setAccessibleName(self.tr("Day timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # -- data ------------------------------------------------------------------------------
    def show_itinerary(self, data: ItineraryView | None) -> None:
        self.data = data
        if data is None or all(line.stop.id != self.selected for line in data.lines):
            self.selected = None
        self.setAccessibleDescription("; ".join(
            f"{line.stop.position}. {line.site.name} {self._on_day(line.timed.arrival, line)}–"
            f"{self._on_day(line.timed.departure, line)}" for line in (data.lines if data else ())))
        self.updateGeometry()
        self.update()

    def set_selected(self, stop_id: UUID | None) -> None:
        if stop_id != self.selected:
            self.selected = stop_id
            self.update()

    def _days(self) -> list[tuple[int, list[StopLine]]]:
        days: dict[int, list[StopLine]] = {}
        for line in self.data.lines if self.data else ():
            days.setdefault(line.stop.day, []).append(line)
        return sorted(days.items())

    # -- size ------------------------------------------------------------------------------
    def _row_height(self) -> float:
        count = len(self._days())
        return 30.0 if count <= 2 else 24.0 if count <= 4 else 18.0

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._days()))
        return QSize(480, math.ceil(AXIS + rows * self._row_height() + 3))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    # -- geometry --------------------------------------------------------------------------
    def _axis(self, days: list[tuple[int, list[StopLine]]]) -> tuple[float, float]:
        assert self.data is not None
        visit = self.data.visit
        start = _of_day(visit.day_start)
        end = start + 60.0
        if visit.day_end is not None:
            end = max(end, _of_day(visit.day_end) + (1440 if visit.day_end <= visit.day_start
                                                     else 0))
        for day, lines in days:
            end = max(end, max(_minutes(line.timed.departure, _day_date(self.data, day))
                               for line in lines))
        return math.floor(start / 60) * 60.0, math.ceil(end / 60) * 60.0

    def layout(self) -> Layout:
        """Where everything is at the present size (empty without stops)."""
        days = self._days()
        if not days:
            return Layout((), (), (), ())
        assert self.data is not None
        metrics = self.fontMetrics()
        several = len(days) > 1
        labels = {day: self.tr("Day %1").replace("%1", str(day)) for day, _ in days}
        gutter = (max(metrics.horizontalAdvance(t) for t in labels.values()) + 10) if several \
            else 4.0
        low, high = self._axis(days)
        width = max(10.0, self.width() - gutter - 8)

        def x_of(minutes: float) -> float:
            return gutter + (minutes - low) / (high - low) * width

        row_height = self._row_height()
        rows, bars, spans = [], [], []
        visit = self.data.visit
        for index, (day, lines) in enumerate(days):
            on = _day_date(self.data, day)
            top = AXIS + index * row_height
            start_x = x_of(_of_day(visit.day_start))
            end_x = None if visit.day_end is None else x_of(_minutes(
                datetime.combine(on, visit.day_end)
                + timedelta(days=1 if visit.day_end <= visit.day_start else 0), on))
            rows.append(Row(day, QRectF(gutter, top, width, row_height), labels[day],
                            start_x, end_x, formats.clock(visit.day_end)))
            middle = top + row_height / 2
            free_from = _of_day(visit.day_start)  # when the delegation could be at the next stop
            for line in lines:
                arrival = _minutes(line.timed.arrival, on)
                if arrival > free_from + 0.5:
                    spans.append(Span("wait", QPointF(x_of(free_from), middle),
                                      QPointF(x_of(arrival), middle),
                                      self._wait_text(line, round(arrival - free_from))))
                departure = _minutes(line.timed.departure, on)
                rect = QRectF(x_of(arrival), top + 4, max(3.0, x_of(departure) - x_of(arrival)),
                              row_height - 8)
                bars.append(Bar(line.stop.id, rect, self._fit(line, rect.width() - 6),
                                self._bar_text(line), bool(line.timed.conflicts), day))
                travel = line.timed.travel_minutes
                free_from = departure + (travel or 0)
                if travel:
                    text = self.tr("Travel %1").replace("%1", formats.duration(travel))
                    if line.timed.travel_estimated:
                        text = self.tr("%1 (estimated from the distance)").replace("%1", text)
                    spans.append(Span("travel", QPointF(x_of(departure), middle),
                                      QPointF(x_of(free_from), middle), text))
        return Layout(tuple(rows), tuple(bars), tuple(spans), self._ticks(low, high, x_of))

    def _ticks(self, low: float, high: float, x_of) -> tuple[tuple[float, str], ...]:
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(formats.clock(time(h, 0))) for h in (0, 10, 12, 23))
        per_hour = x_of(low + 60) - x_of(low)
        step = next((s for s in (1, 2, 3, 4, 6, 12) if s * per_hour >= widest + 12), 24)
        return tuple((x_of(m), formats.clock(time(int(m // 60) % 24, 0)))
                     for m in range(int(low), int(high) + 1, step * 60))

    def _fit(self, line: StopLine, room: float) -> str:
        metrics = self.fontMetrics()
        number = str(line.stop.position)
        full = f"{number} {line.site.name}"
        if metrics.horizontalAdvance(full) <= room:
            return full
        elided = metrics.elidedText(full, Qt.TextElideMode.ElideRight, int(room))
        if len(elided) > len(number) + 2:
            return elided
        return number if metrics.horizontalAdvance(number) <= room else ""

    def _on_day(self, moment: datetime, line: StopLine) -> str:
        assert self.data is not None
        return formats.clock_on(moment, _day_date(self.data, line.stop.day),
                                self.data.visit.start_date is not None)

    def _bar_text(self, line: StopLine) -> str:
        timed = line.timed
        parts = [f"{line.stop.position}. {line.site.name}",
                 f"{self._on_day(timed.arrival, line)}–{self._on_day(timed.departure, line)} "
                 f"({formats.duration(line.stop.dwell_minutes)})"]
        parts += ["⚠ " + conflict_text(conflict) for conflict in timed.conflicts]
        return "\n".join(parts)

    def _wait_text(self, line: StopLine, minutes: int) -> str:
        text = self.tr("Waiting %1").replace("%1", formats.duration(minutes))
        if line.stop.delay_minutes:
            text += "\n" + self.tr("Reported delay %1").replace(
                "%1", formats.duration(line.stop.delay_minutes))
        if line.timed.waited_minutes:
            text += "\n" + self.tr("Appointment at %1").replace(
                "%1", formats.clock(line.stop.fixed_arrival))
        return text

    def bar_at(self, point: QPointF) -> Bar | None:
        return next((bar for bar in self.layout().bars
                     if bar.rect.adjusted(-2, -2, 2, 2).contains(point)), None)

    # -- events ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.stop_clicked.emit(bar.stop_id)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        layout = self.layout()
        bar = self.bar_at(point)
        if bar is not None:
            return bar.tooltip
        for span in layout.spans:
            if span.start.x() - 2 <= point.x() <= span.end.x() + 2 \
                    and abs(point.y() - span.start.y()) <= 8:
                return span.tooltip
        for row in layout.rows:
            if row.end_x is not None and row.rect.contains(point) and point.x() >= row.end_x:
                return self.tr("The day ends at %1").replace("%1", row.end_text)
        return ""

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        layout = self.layout()
        if not layout.rows:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No stops yet: add one with Add Stop."))
            return
        text_colour = self.palette().text().color()
        for x, text in layout.ticks:
            painter.setPen(QPen(QColor("#d8d4c8"), 1))
            painter.drawLine(QPointF(x, AXIS - 3), QPointF(x, self.height()))
            painter.setPen(text_colour)
            width = self.fontMetrics().horizontalAdvance(text)
            left = min(max(x - width / 2, 0), self.width() - width - 1)
            painter.drawText(QRectF(left, 0, width + 1, AXIS - 3),
                             Qt.AlignmentFlag.AlignVCenter, text)
        for row in layout.rows:
            self._paint_row(painter, row)
        for span in layout.spans:
            pen = QPen(QColor("#555"), 2 if span.kind == "travel" else 1.5)
            if span.kind == "wait":
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(span.start, span.end)
        for bar in layout.bars:
            self._paint_bar(painter, bar)

    def _paint_row(self, painter: QPainter, row: Row) -> None:
        rect = row.rect
        painter.fillRect(QRectF(rect.left(), rect.top(), row.start_x - rect.left(),
                                rect.height()), OUTSIDE)
        if row.end_x is not None:
            painter.fillRect(QRectF(row.end_x, rect.top(), rect.right() - row.end_x,
                                    rect.height()), OUTSIDE)
            pen = QPen(CONFLICT, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(row.end_x, rect.top()), QPointF(row.end_x, rect.bottom()))
        painter.setPen(QPen(QColor("#d8d4c8"), 1))
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        if row.label and rect.left() > 10:
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(2, rect.top(), rect.left() - 6, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter, row.label)

    def _paint_bar(self, painter: QPainter, bar: Bar) -> None:
        colour = QColor(DAY_COLOURS[(bar.day - 1) % len(DAY_COLOURS)])
        chosen = bar.stop_id == self.selected
        fill = QColor(colour)
        if not chosen:
            fill.setAlpha(55)
        painter.setBrush(fill)
        if bar.conflicted:
            painter.setPen(QPen(CONFLICT, 2.5))
        else:
            painter.setPen(QPen(colour, 1.5 if chosen else 1))
        painter.drawRoundedRect(bar.rect, 3, 3)
        if bar.label:
            painter.setPen(QColor("white") if chosen else self.palette().text().color())
            painter.drawText(bar.rect.adjusted(3, 0, -3, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             bar.label)
