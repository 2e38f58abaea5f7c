"""Charts of the report (reportlab.graphics): the most frequent themes as horizontal bars."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldvisit.reporting.styles import CHART, ReportFonts
from fieldvisit.reporting.text import clean, truncate

BAR_PITCH = 17.0  # points per bar
MAX_BARS = 10


def theme_bars(themes: tuple[str, ...], totals: tuple[int, ...], width: float,
               fonts: ReportFonts) -> Drawing | None:
    """Bars of the ``MAX_BARS`` most frequent themes, the most frequent on top; None when
    there is nothing to count."""
    pairs = [(t, n) for t, n in zip(themes, totals, strict=True) if n > 0][:MAX_BARS]
    if not pairs:
        return None
    size = CHART["label_size"]
    label_width = min(width * 0.34, max(stringWidth(clean(t, fonts.has_glyph), fonts.regular,
                                                    size) for t, _ in pairs) + 8)
    names = [truncate(clean(t, fonts.has_glyph),
                      lambda s: stringWidth(s, fonts.regular, size), label_width - 8)
             for t, _ in pairs]
    height = BAR_PITCH * len(pairs) + 24
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.regular  # else the renderer starts in Helvetica
    drawing.initialFontSize = size
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - 30, BAR_PITCH * len(pairs)
    chart.data = [[n for _, n in reversed(pairs)]]
    chart.categoryAxis.categoryNames = list(reversed(names))
    chart.categoryAxis.labels.fontName = fonts.regular
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.fillColor = CHART["ink"]
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -5
    chart.categoryAxis.strokeColor = CHART["muted"]
    chart.categoryAxis.strokeWidth = 0.6
    chart.categoryAxis.tickLeft = 0
    top = max(n for _, n in pairs)
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * -(-top // step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = fonts.regular
    chart.valueAxis.labels.fontSize = CHART["value_size"]
    chart.valueAxis.labels.fillColor = CHART["muted"]
    chart.valueAxis.strokeColor = CHART["muted"]
    chart.valueAxis.strokeWidth = 0.4
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = CHART["grid"]
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = CHART["bar"]
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = BAR_PITCH - 10
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = CHART["value_size"]
    chart.barLabels.fillColor = CHART["ink"]
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
