"""What the research report says, in which order: ``report_document(data, options, images)``
builds the layout-neutral ``Document`` the PDF and Word writers typeset. No ReportLab.

Title; (modern layout: the theme as subtitle and the cover's facts); the 导语; 一、基本情况,
二、主要做法及成效, 三、存在的问题, 四、意见建议 — the writer's text where the writer wrote one,
else the draft (services/report_draft.py); a section the writer emptied, or one left out in
``options.sections``, is not printed and the numbering closes up —; the signature (署名单位,
成文日期); then the attachments 附件1…: itinerary, route map, delegation roster, photos, and
the table of themes when ``options.statistics``. No paragraph is printed twice. Confidential
content (only there when ``options.include_confidential``) marks the document 内部资料 /
Internal when the user gave no marking."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Mapping
from uuid import UUID

from fieldvisit.reporting import outline_attachments as parts
from fieldvisit.reporting.document import (
    Attachment,
    Block,
    Document,
    Heading,
    Paragraph,
    Signature,
)
from fieldvisit.reporting.images import PreparedImage
from fieldvisit.reporting.labels import Labels, zh_number
from fieldvisit.reporting.outline_text import parse_section
from fieldvisit.services.report_draft import draft_writing, resolved
from fieldvisit.services.report_model import ReportData, ReportOptions
from fieldvisit.services.report_prose import organizing, scrub, sentences

BODY = (("basic", "basics", "body_basic"), ("practices", "practices", "body_practices"),
        ("problems", "problems", "body_problems"),
        ("suggestions", "suggestions", "body_suggestions"))
"""(section key in ``ReportOptions.sections``, ``ReportWriting`` field, label)."""
NO_VISIT = UUID(int=0)
MAX_REPEATS_NAMED = 3


@contextmanager
def report_with_photos(data: ReportData, options: ReportOptions, *, cache_dir: Path | None,
                       checkpoint: Callable[[], None],
                       progress: Callable[[str, int, int], None],
                       warn: Callable[[str], None]) -> Iterator[Document]:
    """The report's document with its photos downscaled (into ``cache_dir``, else a temporary
    folder kept while the document is in use), for the PDF and the Word writer alike; ``warn``
    hears what the builder left out, ``progress`` the photos ("photos", done, total)."""
    from fieldvisit.reporting.images import prepare_images

    with tempfile.TemporaryDirectory(prefix="fieldvisit-photos-") as temporary:
        images: Mapping[Path, PreparedImage | None] = {}
        if options.photos and data.photos:
            images = prepare_images(
                (p.path for p in data.photos), cache_dir or Path(temporary), checkpoint,
                lambda done, total: progress("photos", done, total))
        document = report_document(data, options, images)
        for text in document.warnings:
            warn(text)
        yield document


def report_document(data: ReportData, options: ReportOptions,
                    images: Mapping[Path, PreparedImage | None]) -> Document:
    data = visible(data, options)
    labels = Labels(data.language)
    writing = resolved(data.writing, draft_writing(
        data, data.writing.visit_id if data.writing else NO_VISIT))
    secrets = confidential_snippets(data)
    body: list[Block] = []
    if (writing.lead or "").strip():
        body.append(Paragraph(writing.lead.strip(), role="lead",
                              confidential=any(s in writing.lead for s in secrets)))
    number = 0
    for key, name, label in BODY:
        blocks = parse_section(getattr(writing, name) or "", data.language, secrets) \
            if key in options.sections else ()
        if blocks:
            number += 1
            body.append(Heading(1, section_number(number, data.language), labels[label]))
            body += blocks
    body, warnings = without_repeats(body, labels)
    attachments, missing = _attachments(data, options, labels, images)
    if missing:
        warnings.append(labels.format("photo_missing", n=missing))
    modern = options.layout == "modern"
    flagged = any(isinstance(b, Paragraph) and b.confidential for b in body)
    marking = options.marking.strip() or (labels["auto_marking"] if secrets or flagged else "")
    when = writing.signed_on or data.end_date or data.start_date
    signers = tuple(line.strip() for line in (writing.signed_by or "").splitlines()
                    if line.strip())
    return Document(
        kind="report", language=data.language, title=(writing.title or "").strip(),
        subtitle=data.theme.strip() if modern else "", marking=marking,
        cover_facts=_cover_facts(data, labels) if modern and "cover" in options.sections
        else (),
        body=tuple(body),
        signature=Signature(signers, labels.date(when)) if signers or when else None,
        attachments=attachments, warnings=tuple(warnings))


def section_number(number: int, language: str) -> str:
    """"一、" / "1."."""
    return f"{zh_number(number)}、" if language == "zh" else f"{number}."


def visible(data: ReportData, options: ReportOptions) -> ReportData:
    """``data`` without what the options leave out (confidential notes, speakers' names),
    whatever the data was gathered with."""
    if options.include_confidential and not options.anonymize:
        return data
    keep = (lambda item: True) if options.include_confidential else \
        (lambda item: not item.confidential)

    def quotes(items):  # noqa: ANN001, ANN202
        return tuple(replace(q, speaker="") if options.anonymize else q
                     for q in items if keep(q))

    return replace(
        data, overview_notes=tuple(filter(keep, data.overview_notes)),
        visit_quotes=quotes(data.visit_quotes),
        visit_needs=tuple(filter(keep, data.visit_needs)),
        findings=tuple(replace(f, seen=tuple(filter(keep, f.seen)), quotes=quotes(f.quotes),
                               needs=tuple(filter(keep, f.needs))) for f in data.findings))


def confidential_snippets(data: ReportData) -> frozenset[str]:
    """The first sentence of every confidential note the report may print (to flag the
    paragraphs that hold one)."""
    items = [*data.overview_notes, *data.visit_quotes, *data.visit_needs,
             *(i for f in data.findings for i in (*f.seen, *f.quotes, *f.needs))]
    zh = data.language == "zh"
    snippets = set()
    for item in items:
        if item.confidential:
            text = sentences(scrub(item.text), zh)
            if text:
                snippets.add(text[0].strip("“”\"")[:24])
    return frozenset(s for s in snippets if s)


def paragraph_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        head = block.lead_in.text if block.lead_in else ""
        return "".join((head + block.text).split())
    return ""


def without_repeats(body: list[Block], labels: Labels) -> tuple[list[Block], list[str]]:
    """The body with every paragraph printed once (a repeat is left out, with a warning)."""
    seen: set[str] = set()
    kept: list[Block] = []
    repeats: list[str] = []
    for block in body:
        text = paragraph_text(block)
        if text and text in seen:
            repeats.append(text)
            continue
        seen.add(text)
        kept.append(block)
    warnings = [labels.format("left_out_duplicate", text=text[:30] + "…")
                for text in repeats[:MAX_REPEATS_NAMED]]
    if len(repeats) > MAX_REPEATS_NAMED:
        warnings.append(labels.format("left_out_more", n=len(repeats) - MAX_REPEATS_NAMED))
    return kept, warnings


def _cover_facts(data: ReportData, labels: Labels) -> tuple[tuple[str, str], ...]:
    facts = ((labels["time"], labels.date_range(data.start_date, data.end_date)),
             (labels["place"], data.region.strip()),
             (labels["organizing"], "\n".join(organizing(data))))
    return tuple((label, value) for label, value in facts if value)


def _attachments(data: ReportData, options: ReportOptions, labels: Labels,
                 images: Mapping[Path, PreparedImage | None]
                 ) -> tuple[tuple[Attachment, ...], int]:
    chosen: list[tuple[str, tuple[Block, ...]]] = []
    if "itinerary" in options.sections:
        chosen.append((labels["att_itinerary"], parts.itinerary(data, labels)))
    if "route_map" in options.sections:
        chosen.append((labels["att_route_map"], parts.route_maps(data, labels)))
    if "roster" in options.sections:
        chosen.append((labels["att_roster"], parts.roster(data, labels)))
    missing = 0
    if options.photos:
        pictures, missing = parts.photos(data, labels, images)
        chosen.append((labels["att_photos"], pictures))
    if options.statistics:
        chosen.append((labels["att_statistics"], parts.statistics(data, labels)))
    chosen = [(title, blocks) for title, blocks in chosen if blocks]
    return tuple(Attachment(n, title, blocks)
                 for n, (title, blocks) in enumerate(chosen, start=1)), missing
