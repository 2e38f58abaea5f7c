"""The itinerary's route map appears in the report as a figure drawn from the same data."""

from __future__ import annotations

import subprocess

from fieldvisit.reporting.visit_report import render_report
from fieldvisit.services.report_data import report_data
from fieldvisit.services.report_model import ReportOptions


def test_route_map_figure_in_the_itinerary_section(uow, sample_visit_id, tmp_path):
    data = report_data(uow, sample_visit_id, ReportOptions(), None)
    assert data.route_map is not None and len(data.route_map.points) == 3
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_report(data, ReportOptions()))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    itinerary = text.index("二、调研行程")
    assert text.index("调研路线示意图", itinerary) > itinerary
    assert "2 km" in text
