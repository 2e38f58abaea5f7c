"""The Word document's named styles, one per kind of paragraph, so that a WPS or Word user
restyles the report in one place: 公文标题, 一级标题…四级标题, 正文段落, 署名, 成文日期,
附件说明, 附件标题, 表格, 表题, 图题… (English names in an English document). Each layout
(modern, official 公文) gives them their fonts, sizes and spacing; nothing in the writer sets
a font or a size on a paragraph.

Fonts are named, not embedded: Chinese text takes a style's ``w:eastAsia`` font, Latin text
its ``w:ascii``/``w:hAnsi`` one. The official defaults are the fonts of GB/T 9704-2012 as an
office's computer names them (方正小标宋简体, 黑体, 楷体, 仿宋); a font file the user chose for a
slot (``options.title_font``, ``heading_font``, ``font``) gives its family name instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldvisit.reporting.font_names import font_family
from fieldvisit.reporting.official_grid import body_leading
from fieldvisit.services.report_model import ReportOptions

LINE = 28.95
"""The official layout's line pitch in points: 225 mm of text in 22 lines."""
ACCENT = "9E1B1B"
RED = "E60012"


@dataclass(frozen=True)
class StyleSpec:
    key: str
    zh: str
    en: str
    font: str = "body"
    """The font slot: title, heading, kai (楷体 for level 2 and captions), body, number."""
    size: float = 16
    bold: bool = False
    colour: str = ""
    align: str = "left"
    """left, center, right, both (justified)."""
    first_line: int = 0
    """First-line indent in characters."""
    before: float = 0
    after: float = 0
    line: float | None = None
    """Exact line pitch in points; None for single spacing (what pictures need)."""
    keep_next: bool = False
    outline: int | None = None
    page_break: bool = False
    contextual: bool = False
    """No space between consecutive paragraphs of this style (署名, 附件说明, 分送)."""
    character: bool = False
    tracking: float = 0
    """Character spacing in points: the 公文 body's -0.25 puts 28 characters of 3号 (16 pt)
    on a 156 mm line (28 × 15.75 pt), in Word, WPS and LibreOffice alike."""

    @property
    def style_id(self) -> str:
        return "FV" + "".join(part.capitalize() for part in self.key.split("_"))


@dataclass(frozen=True)
class Fonts:
    title: str
    heading: str
    kai: str
    body: str
    latin: str
    number: str

    def east_asian(self, slot: str) -> str:
        return getattr(self, slot)


@dataclass(frozen=True)
class Layout:
    name: str
    fonts: Fonts
    styles: dict[str, StyleSpec] = field(default_factory=dict)
    margins_mm: tuple[float, float, float, float] = (30, 25, 26, 27)
    """top, right, bottom, left."""
    header_mm: float = 15
    footer_mm: float = 15
    grid: bool = False
    """公文: 22 lines × 28 characters (docGrid)."""


OFFICIAL_FONTS = Fonts(title="方正小标宋简体", heading="黑体", kai="楷体", body="仿宋",
                       latin="Times New Roman", number="宋体")
MODERN_FONTS = Fonts(title="微软雅黑", heading="微软雅黑", kai="楷体", body="微软雅黑",
                     latin="Arial", number="微软雅黑")
"""The modern PDF's look (WenQuanYi Micro Hei throughout) in the sans serif Word users have."""


def _official(fonts: Fonts, size: float = 16) -> Layout:
    """The 公文 page; a brief whose body is smaller than 3号 to fit its page (the PDF's
    ``brief_body_size``) has lines of its own and no grid."""
    grid = size == 16
    body = dict(size=size, line=LINE, tracking=-0.25) if grid else \
        dict(size=size, line=body_leading(size))
    specs = [
        StyleSpec("body", "正文段落", "Body Paragraph", align="both", first_line=2, **body),
        StyleSpec("lead", "导语", "Lead", align="both", first_line=2, **body),
        StyleSpec("title", "公文标题", "Report Title", font="title", size=22, align="center",
                  line=LINE, after=LINE, keep_next=True),
        StyleSpec("subtitle", "报告副题", "Report Subtitle", align="center", after=LINE, **body),
        StyleSpec("heading_1", "一级标题", "Heading Level 1", font="heading", first_line=2,
                  keep_next=True, outline=0, **body),
        StyleSpec("heading_2", "二级标题", "Heading Level 2", font="kai", first_line=2,
                  keep_next=True, outline=1, **body),
        StyleSpec("heading_3", "三级标题", "Heading Level 3", bold=True, first_line=2,
                  keep_next=True, outline=2, **body),
        StyleSpec("heading_4", "四级标题", "Heading Level 4", first_line=2, keep_next=True,
                  outline=3, **body),
        StyleSpec("marking", "密级标志", "Marking", font="heading", **body),
        StyleSpec("signature", "署名", "Signature Line", align="right", before=LINE,
                  contextual=True, keep_next=True, **body),
        StyleSpec("date", "成文日期", "Date Line", align="right", **body),
        StyleSpec("attachment_list", "附件说明", "Attachment List", first_line=2, before=LINE,
                  contextual=True, keep_next=True, **body),
        StyleSpec("attachment_label", "附件标题", "Attachment Label", font="heading",
                  page_break=True, **body),
        StyleSpec("attachment_title", "附件名称", "Attachment Title", font="title", size=18,
                  align="center", line=LINE, before=LINE, after=LINE, keep_next=True),
        StyleSpec("note", "附注", "Note", size=14, before=4, after=4),
        StyleSpec("small", "说明", "Small Print", size=12, before=4, after=4),
        StyleSpec("table_text", "表格", "Table Text", size=12),
        StyleSpec("table_header", "表头", "Table Header", font="heading", size=12,
                  align="center"),
        StyleSpec("table_caption", "表题", "Table Caption", font="heading", size=14,
                  align="center", before=8, after=4, keep_next=True),
        StyleSpec("picture", "图片", "Picture", align="center", before=8, keep_next=True),
        StyleSpec("figure_caption", "图题", "Figure Caption", font="kai", size=14,
                  align="center", after=2),
        StyleSpec("figure_details", "图注", "Figure Details", font="kai", size=12,
                  align="center", after=8),
        StyleSpec("page_number", "页码", "Page Number", font="number", size=14),
        StyleSpec("header", "页眉文字", "Running Header", size=9),
        StyleSpec("cover_facts", "封面信息", "Cover Facts", align="center", **body),
        StyleSpec("contents_title", "目录标题", "Contents Title", font="heading",
                  align="center", after=LINE, size=16),
        StyleSpec("contents", "目录", "Contents", **body),
        *_brief_styles(body),
    ]
    return Layout("official", fonts, {s.key: s for s in specs} | _run_ins(specs),
                  margins_mm=(37, 26, 35, 28), header_mm=15, footer_mm=21, grid=grid)


def _modern(fonts: Fonts) -> Layout:
    body = dict(size=11, line=19)
    specs = [
        StyleSpec("body", "正文段落", "Body Paragraph", align="both", first_line=2, after=6,
                  **body),
        StyleSpec("lead", "导语", "Lead", align="both", first_line=2, after=6, **body),
        StyleSpec("title", "报告标题", "Report Title", font="title", size=24, align="center",
                  colour=ACCENT, before=96, after=18, line=34, keep_next=True),
        StyleSpec("subtitle", "报告副题", "Report Subtitle", font="heading", size=14,
                  align="center", after=48, line=24),
        StyleSpec("heading_1", "一级标题", "Heading Level 1", font="heading", size=16,
                  colour=ACCENT, before=18, after=8, line=24, keep_next=True, outline=0),
        StyleSpec("heading_2", "二级标题", "Heading Level 2", font="heading", size=13,
                  before=12, after=6, line=20, keep_next=True, outline=1),
        StyleSpec("heading_3", "三级标题", "Heading Level 3", bold=True, size=11.5, before=8,
                  after=4, line=19, keep_next=True, outline=2),
        StyleSpec("heading_4", "四级标题", "Heading Level 4", size=11, before=6, after=4,
                  line=19, keep_next=True, outline=3),
        StyleSpec("marking", "密级标志", "Marking", font="heading", size=12, colour=ACCENT,
                  align="right"),
        StyleSpec("signature", "署名", "Signature Line", align="right", before=24,
                  contextual=True, keep_next=True, **body),
        StyleSpec("date", "成文日期", "Date Line", align="right", **body),
        StyleSpec("attachment_list", "附件说明", "Attachment List", before=12, contextual=True,
                  keep_next=True, **body),
        StyleSpec("attachment_label", "附件标题", "Attachment Label", font="heading", size=12,
                  line=19, page_break=True),
        StyleSpec("attachment_title", "附件名称", "Attachment Title", font="heading", size=16,
                  colour=ACCENT, align="center", before=12, after=12, line=24,
                  keep_next=True),
        StyleSpec("note", "附注", "Note", size=9.5, before=3, after=3),
        StyleSpec("small", "说明", "Small Print", size=9, before=3, after=3),
        StyleSpec("table_text", "表格", "Table Text", size=9.5),
        StyleSpec("table_header", "表头", "Table Header", font="heading", size=9.5,
                  align="center"),
        StyleSpec("table_caption", "表题", "Table Caption", font="heading", size=10,
                  align="center", before=8, after=4, keep_next=True),
        StyleSpec("picture", "图片", "Picture", align="center", before=8, keep_next=True),
        StyleSpec("figure_caption", "图题", "Figure Caption", size=10, align="center", after=2),
        StyleSpec("figure_details", "图注", "Figure Details", size=9, colour="5F5F5F",
                  align="center", after=8),
        StyleSpec("page_number", "页码", "Page Number", size=9, colour="5F5F5F",
                  align="center"),
        StyleSpec("header", "页眉文字", "Running Header", size=8.5, colour="5F5F5F"),
        StyleSpec("cover_facts", "封面信息", "Cover Facts", size=12, align="center", line=24),
        StyleSpec("contents_title", "目录标题", "Contents Title", font="heading", size=16,
                  align="center", after=18),
        StyleSpec("contents", "目录", "Contents", size=11, line=22),
        *_brief_styles(dict(size=12, line=22)),
    ]
    return Layout("modern", fonts, {s.key: s for s in specs} | _run_ins(specs))


def _brief_styles(body: dict) -> list[StyleSpec]:
    return [
        StyleSpec("masthead", "报头", "Masthead", font="title", size=40, colour=RED,
                  align="center", before=12, after=6),
        StyleSpec("issue", "期号", "Issue", align="center", after=6, **body),
        StyleSpec("compiled_by", "编印单位", "Compiled By", size=14, after=12),
        StyleSpec("brief_title", "简报标题", "Brief Title", font="title", size=22,
                  align="center", before=12, after=12, keep_next=True),
        StyleSpec("distribution", "分送", "Distribution", size=14, contextual=True),
    ]


def _run_ins(specs: list[StyleSpec]) -> dict[str, StyleSpec]:
    """Character styles for headings run in at a paragraph's start ("（一）强化阵地建设。")."""
    found = {}
    for spec in specs:
        if spec.key.startswith("heading_") and spec.key != "heading_1":
            key = f"run_in_{spec.key[-1]}"
            found[key] = StyleSpec(key, f"{spec.zh}（段内）", f"Run-in {spec.en}",
                                   font=spec.font, size=spec.size, bold=spec.bold,
                                   colour=spec.colour, tracking=spec.tracking, character=True)
    return found


def layout_for(options: ReportOptions, body_size: float = 16) -> Layout:
    """The layout the options chose, with the fonts of the user's font files in their slots
    (raises FieldVisitError for a file that is not a font); ``body_size``: a brief's, official
    only."""
    official = options.layout == "official"
    fonts = OFFICIAL_FONTS if official else MODERN_FONTS
    chosen = {}
    if options.title_font:
        chosen["title"] = font_family(options.title_font)
    if options.heading_font:
        chosen["heading"] = chosen["kai"] = font_family(options.heading_font)
    if options.font:
        chosen["body"] = font_family(options.font)
        if not options.heading_font and not official:
            chosen["heading"] = chosen["body"]
    fonts = Fonts(**{**fonts.__dict__, **chosen})
    return _official(fonts, body_size) if official else _modern(fonts)
