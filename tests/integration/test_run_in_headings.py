"""A heading run in at the start of its paragraph ("（一）强化阵地建设。正文……")."""

from __future__ import annotations

from fieldvisit.reporting import document as doc
from fieldvisit.reporting.docx_writer import render_docx
from fieldvisit.reporting.visit_report import render_document
from fieldvisit.services.report_model import ReportOptions
from tests.integration import docx_tools
from tests.integration import pdf_tools as pdf


def test_an_english_run_in_heading_is_spaced_from_its_text(tmp_path):
    """"1. Services. The station…", not "1. Services.The station…" (PDF and Word)."""
    body = (doc.Paragraph("The station opened in April 2022.",
                          lead_in=doc.Heading(2, "1.", "Services.")),)
    english = doc.Document("report", "en", "Report on the visit", body=body)
    made = render_document(english, ReportOptions(layout="official"))
    assert "1. Services. The station opened" in " ".join(pdf.text(made, tmp_path).split())
    word = docx_tools.read(render_docx(english, ReportOptions()))
    assert any(p.text == "1. Services. The station opened in April 2022."
               for p in word.paragraphs)
