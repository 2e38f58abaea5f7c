"""三、调研发现 (findings per site) and 四、综合分析 (the cross-site summary: themes × sites and
the chart of the most frequent themes)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from fieldvisit.reporting.blocks import Blocks
from fieldvisit.reporting.charts import theme_bars
from fieldvisit.reporting.text import paragraphs
from fieldvisit.services.report_model import NoteItem, QuoteItem, SiteFindings

MIN_STOP_COLUMN = 0.13  # of the text width: below this, sites become rows instead of columns


def findings(b: Blocks, title: str) -> list[Flowable]:
    stops = {s.number: s for s in b.data.stops}
    flow: list[Flowable] = []
    count = 0
    for site in b.data.findings:
        stop = stops.get(site.number)
        if site.empty and not (stop and stop.activities.strip()):
            continue
        count += 1
        flow += _site(b, count, site, stop)
    return [b.heading(title, 0), *flow] if flow else []


def _site(b: Blocks, count: int, site: SiteFindings, stop) -> list[Flowable]:  # noqa: ANN001
    labels = b.labels
    flow: list[Flowable] = [b.subheading(count, site.site)]
    if stop is not None:
        meta = [labels.times(stop.arrival, stop.departure)]
        if len({s.day for s in b.data.stops}) > 1:
            meta.insert(0, labels.format("day", n=stop.day))
        meta += [stop.address, (labels["host"] + labels["colon"] + stop.host) if stop.host
                 else ""]
        flow.append(b.para("　·　".join(filter(None, meta)), "small"))
        flow += b.paras(stop.activities)
    if site.seen:
        flow.append(b.minor(labels["seen"]))
        for note in site.seen:
            flow += b.paras(note.text, prefix=_flag(b, note.confidential))
    if site.figures:
        flow.append(b.minor(labels["figures"]))
        flow += b.table([labels["figure"], labels["value"]],
                        [[f.label, f.text] for f in site.figures], (0.6, 0.4))
    if site.quotes:
        flow.append(b.minor(labels["quotes"]))
        for quote in site.quotes:
            flow += quote_block(b, quote)
    if site.needs:
        flow.append(b.minor(labels["needs"]))
        flow += numbered(b, site.needs)
    return flow


def quote_block(b: Blocks, quote: QuoteItem) -> list[Flowable]:
    zh = b.data.language == "zh"
    who = quote.speaker
    if quote.group:
        who = (f"{who}（{quote.group}）" if zh else f"{who} ({quote.group})") if who \
            else quote.group
    lines = paragraphs(quote.text)
    if not lines:
        return []
    lines[0] = "“" + _flag(b, quote.confidential) + lines[0]
    lines[-1] += "”"
    by = b.para(b.labels.format("by", who=who or b.labels["interviewee"]), "quote_by")
    return [KeepTogether([*(b.para(line, "quote") for line in lines), by])]


def summary(b: Blocks, title: str) -> list[Flowable]:
    d, labels = b.data, b.labels
    flow: list[Flowable] = []
    if d.themes.themes:
        flow.append(b.para(labels["themes_intro"]))
        flow += themes_tables(b)
        chart = theme_bars(d.themes.themes, d.themes.totals, b.width, b.fonts)
        if chart is not None:
            flow.append(KeepTogether([Spacer(1, 4), chart,
                                      b.figure_caption(labels["chart"])]))
    if d.visit_quotes:
        flow.append(b.subheading(1, labels["visit_quotes"]))
        for quote in d.visit_quotes:
            flow += quote_block(b, quote)
    return [b.heading(title, 0), *flow] if flow else []


def themes_tables(b: Blocks) -> list[Flowable]:
    """Themes as rows and sites as columns while the sites fit across the page; with many
    sites, sites as rows and the most frequent themes as columns."""
    themes, labels = b.data.themes, b.labels
    stops = len(themes.stops)
    caption = labels["themes_table"]
    if stops and (0.68 - 0.1) / stops >= MIN_STOP_COLUMN:
        column = (0.68 - 0.1) / stops
        header = [labels["theme_col"], *[f"{i}. {s}" for i, s in enumerate(themes.stops, 1)],
                  labels["total"]]
        rows = [[theme, *[str(n) if n else "—" for n in counts], str(total)]
                for theme, counts, total in zip(themes.themes, themes.counts, themes.totals,
                                                strict=True)]
        return b.table(header, rows, (0.32, *([column] * stops), 0.1), caption,
                       centered=range(1, stops + 2))
    shown = themes.themes[:6]
    column = 0.64 / max(1, len(shown))
    header = [labels["site"], *shown]
    rows = [[f"{i + 1}. {site}", *[str(themes.counts[t][i]) if themes.counts[t][i] else "—"
                                   for t in range(len(shown))]]
            for i, site in enumerate(themes.stops)]
    return b.table(header, rows, (0.36, *([column] * len(shown))), caption,
                   centered=range(1, len(shown) + 1))


def numbered(b: Blocks, notes: tuple[NoteItem, ...]) -> list[Flowable]:
    """Notes as a numbered list with hanging numbers."""
    flow: list[Flowable] = []
    for i, note in enumerate(notes, start=1):
        lines = paragraphs(note.text)
        for j, line in enumerate(lines):
            flow.append(b.para(line, "bullet", _flag(b, note.confidential) if j == 0 else "",
                               bullet=f"{i}." if j == 0 else None))
    return flow


def _flag(b: Blocks, confidential: bool) -> str:
    return b.labels["confidential"] if confidential else ""
