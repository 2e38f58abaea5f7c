"""A whole ``Document`` in order, per layout: what comes before the body (cover and contents,
or the 公文's marking and title, or a brief's masthead), the body, the list of attachments,
the signature, the attachments each on a new page, and a brief's distribution lines."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from fieldvisit.reporting import document as doc
from fieldvisit.reporting.contents import ContentsSlot
from fieldvisit.reporting.flowables import ReportParagraph
from fieldvisit.reporting.official_grid import ADVANCE, PITCH
from fieldvisit.reporting.official_styles import RED
from fieldvisit.reporting.pages import text_width
from fieldvisit.reporting.styles import facts_table_style
from fieldvisit.reporting.typeset import Typesetter


def modern_story(t: Typesetter, sections: frozenset[str]) -> list[Flowable]:
    d = t.document
    flow: list[Flowable] = []
    cover = "cover" in sections
    if cover:
        flow += _cover(t)
        flow += [NextPageTemplate("body"), PageBreak()]
    if "contents" in sections:
        flow += [ReportParagraph(t.text(t.labels["contents"], t.slots.heading),
                                 t.sheet["toc_title"]), ContentsSlot(), PageBreak()]
    if not cover:
        flow.append(t.para(d.title, "cover_title", t.slots.title))
    flow += t.blocks(d.body)
    tail = _attachment_list(t, "body_flush")
    if d.signature is not None:
        tail.append(Spacer(1, 12))
        lines = [*d.signature.organizations, d.signature.date]
        tail += [t.para(line, "signature") for line in lines if line.strip()]
    _keep_with_last(flow, tail)
    for attachment in d.attachments:
        flow.append(PageBreak())
        title = t.words["attachment_heading"].format(n=attachment.number,
                                                     title=attachment.title)
        flow += t.heading(doc.Heading(1, "", title))
        flow += t.blocks(attachment.blocks)
    return flow


def _cover(t: Typesetter) -> list[Flowable]:
    d = t.document
    flow: list[Flowable] = []
    if d.marking.strip():
        flow.append(t.para(d.marking, "cover_marking"))
    flow.append(Spacer(1, t.page.height * 0.14))
    if d.kind == "report":
        flow += [t.para(t.labels["report"], "cover_kicker"), Spacer(1, 10)]
    flow.append(t.para(d.title, "cover_title", t.slots.title))
    if d.subtitle.strip():
        flow.append(t.para(("——" if d.language == "zh" else "") + d.subtitle, "cover_theme"))
    flow.append(Spacer(1, t.page.height * 0.16))
    colon = t.labels["colon"].strip()
    rows = [[t.para(label + colon, "cover_label"),
             [t.para(line, "cover_value") for line in value.split("\n") if line.strip()]]
            for label, value in d.cover_facts if value.strip()]
    if rows:
        width = t.width * 0.36
        table = Table(rows, colWidths=[width, t.width - width], hAlign="LEFT", splitInRow=1)
        table.setStyle(facts_table_style(t.slots.body))
        flow.append(table)
    return flow


def _attachment_list(t: Typesetter, style: str) -> list[Flowable]:
    """"附件：1. 调研行程" and under it "2. …" aligned with "1."."""
    attachments = t.document.attachments
    if not attachments:
        return []
    label = t.words["attachments"]
    items = [t.words["item"].format(n=a.number, title=a.title) if len(attachments) > 1
             else a.title for a in attachments]
    base = t.sheet[style]
    indent = _width(t, label, base) + (2 * ADVANCE if t.official and t.labels.language == "zh"
                                       else 0)
    from reportlab.lib.styles import ParagraphStyle

    hanging = ParagraphStyle("attachments-list", parent=t.sheet["attachments"]
                             if t.official else base, leftIndent=indent,
                             firstLineIndent=-_width(t, label, base), spaceBefore=0)
    first = ParagraphStyle("attachments-first", parent=hanging,
                           spaceBefore=PITCH if t.official else 10)
    return [ReportParagraph(t.text((label if i == 0 else "") + item),
                            first if i == 0 else hanging)
            if i == 0 else ReportParagraph(t.text(item), ParagraphStyle(
                "attachments-next", parent=hanging, firstLineIndent=0))
            for i, item in enumerate(items)]


def _width(t: Typesetter, text: str, style: Any) -> float:
    tracking = getattr(style, "fv_tracking", 0.0)
    return text_width(text, t.slots.body, style.fontSize) + tracking * len(text)


def official_story(t: Typesetter) -> list[Flowable]:
    d = t.document
    flow: list[Flowable] = []
    if d.marking.strip():
        flow += [t.para(d.marking, "marking", t.slots.heading), Spacer(1, PITCH)]
    flow.append(t.para(d.title, "title", t.slots.title))
    flow += t.blocks(d.body)
    tail = _attachment_list(t, "body")
    if d.signature is not None:
        tail += _signature(t, d.signature)
    _keep_with_last(flow, tail)
    for attachment in d.attachments:
        flow.append(PageBreak())
        # one attachment is "附件" unnumbered (GB/T 9704-2012), as the list names it unnumbered
        only = len(d.attachments) == 1 and d.language == "zh"
        label = "附件" if only else t.words["attachment"].format(n=attachment.number)
        flow += [t.para(label, "attachment_label", t.slots.heading), Spacer(1, PITCH),
                 t.para(attachment.title, "attachment_title", t.slots.title)]
        flow += t.blocks(attachment.blocks)
    return flow


def _keep_with_last(flow: list[Flowable], tail: list[Flowable]) -> None:
    """The list of attachments and the signature, kept together and with the body's last
    block: never a page with only the signature on it."""
    if tail:
        last = flow.pop() if len(flow) > 1 else None
        flow.append(KeepTogether(([last] if last is not None else []) + tail))


def _signature(t: Typesetter, signature: doc.Signature) -> list[Flowable]:
    """GB/T 9704 7.3.5.2: one blank line under the body, the organizations two characters in
    from the right, the date on the next line starting two characters right of them (both
    moved left when the date is the longer)."""
    from reportlab.lib.styles import ParagraphStyle

    style = t.sheet["signature"]
    organizations = [o for o in signature.organizations if o.strip()]
    if t.labels.language != "zh":
        right = ParagraphStyle("signature-right", parent=style, alignment=2)
        lines = [*organizations, signature.date]
        return [Spacer(1, PITCH), *(ReportParagraph(t.text(line), right)
                                    for line in lines if line.strip())]
    widest = max((_width(t, o, style) for o in organizations), default=0.0)
    date = _width(t, signature.date, style) if signature.date else 0.0
    start = t.width - 2 * ADVANCE - widest
    if date and start + 2 * ADVANCE + date > t.width - 2 * ADVANCE:
        start = t.width - 4 * ADVANCE - date
    start = max(0.0, start)
    org_style = ParagraphStyle("signature-org", parent=style, leftIndent=start)
    date_style = ParagraphStyle("signature-date", parent=style,
                                leftIndent=min(start + 2 * ADVANCE, t.width - date))
    flow: list[Flowable] = [Spacer(1, PITCH)]
    flow += [ReportParagraph(t.text(o), org_style) for o in organizations]
    if signature.date:
        flow.append(ReportParagraph(t.text(signature.date), date_style))
    return flow


def brief_story(t: Typesetter) -> list[Flowable]:
    """Masthead (red name, issue, compiler and date over a red rule), title, body, and the
    distribution lines at the foot of the page between rules."""
    d = t.document
    flow: list[Flowable] = []
    if d.masthead is not None:
        m = d.masthead
        flow.append(t.para(m.name, "masthead", t.slots.title))
        if m.issue.strip():
            flow.append(t.para(m.issue, "issue"))
        meta = Table([[t.para(m.compiled_by, "brief_meta"),
                       t.para(m.date, "brief_meta_right")]],
                     colWidths=[t.width * 0.6, t.width * 0.4], hAlign="LEFT")
        meta.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        flow += [meta, HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=0,
                                  spaceAfter=t.sheet["body"].leading)]
    elif d.marking.strip():
        flow += [t.para(d.marking, "marking", t.slots.heading), Spacer(1, PITCH)]
    flow.append(t.para(d.title, "title", t.slots.title))
    flow += t.blocks(d.body)
    if d.signature is not None:
        flow += _signature(t, d.signature)
    if d.distribution:
        flow.append(Foot([t.para(f"{label}{t.labels['colon']}{value}", "distribution")
                          for label, value in d.distribution]))
    return flow


class Foot(Flowable):
    """Lines set at the foot of the page between rules (a brief's 报送/抄送/印发 lines)."""

    RULE = 0.35 * 72 / 25.4 * 2  # 0.7 mm: the first and last rules
    THIN = 0.25 * 72 / 25.4 * 2

    def __init__(self, lines: list[ReportParagraph]) -> None:
        super().__init__()
        self.lines = lines

    def _measure(self, width: float) -> float:
        self.heights = [p.wrap(width - 2 * ADVANCE, 10_000)[1] for p in self.lines]
        return sum(self.heights) + 8 * len(self.lines) + 0.5 * cm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        needed = self._measure(availWidth)
        self.height = max(needed, availHeight - 1e-3)
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        y = 0.0
        canvas.saveState()
        canvas.setLineWidth(self.RULE)
        canvas.line(0, y, self.width, y)
        for index, (line, height) in reversed(list(enumerate(zip(self.lines, self.heights,
                                                                   strict=True)))):
            line.drawOn(canvas, ADVANCE, y + 4)
            y += height + 8
            canvas.setLineWidth(self.RULE if index == 0 else self.THIN)
            canvas.line(0, y, self.width, y)
        canvas.restoreState()

