"""What the 简报 says: ``brief_document(data, options)`` builds the layout-neutral ``Document``
(kind "brief") of the writer's brief — or of its draft (services/brief_draft.py) where the
writer wrote none: the 工作简报 masthead (报头, 期号, 编印单位, date), the title, one
paragraph per line of the text, and the distribution lines at the foot (报送 …). No ReportLab."""

from __future__ import annotations

from fieldvisit.reporting.document import Document, Masthead, Paragraph
from fieldvisit.reporting.labels import Labels
from fieldvisit.reporting.outline import NO_VISIT, confidential_snippets, visible
from fieldvisit.services.report_draft import draft_writing, resolved
from fieldvisit.services.report_model import ReportData, ReportOptions


def brief_document(data: ReportData, options: ReportOptions) -> Document:
    data = visible(data, options)
    labels = Labels(data.language)
    writing = resolved(data.writing, draft_writing(
        data, data.writing.visit_id if data.writing else NO_VISIT))
    secrets = confidential_snippets(data)
    body = []
    seen: set[str] = set()
    for line in (writing.brief_text or "").splitlines():
        text = line.strip()
        if text and text not in seen:
            seen.add(text)
            body.append(Paragraph(text, confidential=any(s in text for s in secrets)))
    when = writing.signed_on or data.end_date or data.start_date
    masthead = Masthead(
        name=(writing.brief_masthead or "").strip(), issue=(writing.brief_issue or "").strip(),
        compiled_by=(writing.brief_compiled_by or "").strip(), date=labels.date(when))
    send_to = " ".join((writing.brief_send_to or "").split())
    flagged = secrets or any(p.confidential for p in body)
    return Document(
        kind="brief", language=data.language, title=(writing.brief_title or "").strip(),
        marking=options.marking.strip() or (labels["auto_marking"] if flagged else ""),
        body=tuple(body),
        masthead=masthead if masthead.name or masthead.compiled_by or masthead.issue else None,
        distribution=((labels["send_to"], send_to),) if send_to else ())
