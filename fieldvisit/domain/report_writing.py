"""What the writer wrote for a visit's report and brief (简报): one record per visit.

Every text field is ``None`` while it follows the draft the app assembles from the visit's
data (``services/report_draft.py``): the report shows the draft, and the draft changes when
the notes do. The first edit stores the writer's text; from then on the section is the
writer's and only "Regenerate" (after a warning) sets it back to ``None``. An empty string is
a section the writer emptied on purpose: it is left out of the report.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from uuid import UUID

from fieldvisit.domain.entities import Record

REPORT_SECTIONS = ("title", "lead", "basics", "practices", "problems", "suggestions",
                   "signed_by")
"""The report's text fields in reading order: 报告标题, 导语, 基本情况, 主要做法及成效,
存在的问题, 意见建议, 署名单位 (成文日期 is ``signed_on``)."""

BRIEF_SECTIONS = ("brief_title", "brief_text", "brief_masthead", "brief_issue",
                  "brief_compiled_by", "brief_send_to")
"""The brief's fields: its title and body, and the 工作简报 form's 报头 ("工作简报"),
期号 ("第3期"), 编印单位 and 报送 lines."""


@dataclass(frozen=True, kw_only=True)
class ReportWriting(Record):
    visit_id: UUID
    title: str | None = None
    """报告标题, e.g. 关于新就业形态劳动者服务阵地建设情况的调研报告 (not the visit's title)."""
    lead: str | None = None
    """导语: why, when, who, where; ends "现将有关情况报告如下：" in Chinese."""
    basics: str | None = None
    """一、基本情况."""
    practices: str | None = None
    """二、主要做法及成效."""
    problems: str | None = None
    """三、存在的问题."""
    suggestions: str | None = None
    """四、意见建议."""
    signed_by: str | None = None
    """署名单位, one organization per line."""
    signed_on: date | None = None
    """成文日期; None for the draft's (the visit's last day)."""
    brief_title: str | None = None
    brief_text: str | None = None
    brief_masthead: str | None = None
    brief_issue: str | None = None
    brief_compiled_by: str | None = None
    brief_send_to: str | None = None

    def edited(self) -> frozenset[str]:
        """Names of the fields the writer has written (no longer following the draft)."""
        return frozenset(f.name for f in fields(self)
                         if f.name in (*REPORT_SECTIONS, "signed_on", *BRIEF_SECTIONS)
                         and getattr(self, f.name) is not None)
