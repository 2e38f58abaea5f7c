"""The itinerary's route map appears in the report as a figure drawn from the same data."""

from __future__ import annotations

import subprocess

from fieldvisit.reporting.visit_report import render_report
from fieldvisit.services.report_data import report_data
from fieldvisit.services.report_model import ReportOptions


def test_route_map_figure_is_an_attachment(uow, sample_visit_id, tmp_path):
    data = report_data(uow, sample_visit_id, ReportOptions(), None)
    assert data.route_map is not None and len(data.route_map.points) == 3
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(data, ReportOptions()))
    text = "".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                                  capture_output=True, text=True, check=True).stdout.split())
    attachment = text.index("附件2调研路线示意图")
    assert text.index("图1调研路线示意图", attachment) > attachment
    assert "2km" in text and "20分钟" in text and "′" not in text
