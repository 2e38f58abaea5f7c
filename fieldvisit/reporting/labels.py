"""The report's fixed words in Chinese and English. The report's language is chosen per report
(not the interface's), so these are plain tables rather than Qt translations."""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from enum import Enum

from fieldvisit.domain.enums import DelegationRole, FollowUpStatus, ResearchMethod, TravelMode

ZH_NUMERALS = "一二三四五六七八九十"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

_TEXT = {
    "zh": {
        "report": "调研报告", "contents": "目　录",
        "basic": "基本情况", "itinerary": "调研行程", "findings": "调研发现",
        "summary": "综合分析", "suggestions": "问题与建议", "photos": "调研图片",
        "appendix": "调研组名单", "appendix_title": "附录{n}　{title}",
        "page": "第 {page} 页　共 {pages} 页",
        "time": "调研时间", "place": "调研地点", "theme": "调研主题", "purpose": "调研目的",
        "organizations": "参加单位", "delegation": "调研组成员", "accompanying": "陪同人员",
        "methods": "调研方式", "overview": "调研概况", "report_date": "报告日期",
        "stop_no": "序号", "times": "时间", "site": "点位", "address": "地址",
        "activities": "主要活动", "travel": "前往下一站", "illustrative": "时间为示意。",
        "estimated": "约", "minutes": "{n}分钟", "day": "第{n}天",
        "host": "接待单位", "seen": "所见所闻", "figures": "关键数据", "figure": "指标",
        "value": "数值", "quotes": "受访者反映", "needs": "反映的需求与问题",
        "interviewee": "受访者", "confidential": "【内部】",
        "themes_intro": "下表统计各点位调研记录涉及的主题（每条记录计一次）。",
        "theme_col": "主题", "total": "合计", "chart": "出现最多的主题（记录条数）",
        "route_map": "调研路线示意图（虚线为按距离估算的行程）",
        "table_caption": "表{n}　{title}", "figure_caption": "图{n}　{title}",
        "themes_table": "主题×点位分布", "visit_quotes": "调研组意见",
        "conclusions": "主要结论", "visit_needs": "需求与问题", "follow_ups": "后续工作",
        "action": "工作事项", "responsible": "责任单位", "due": "完成时限", "status": "状态",
        "no_due": "—", "name": "姓名", "title": "职务", "organization": "单位",
        "role": "角色", "source": "资料来源", "remarks": "说明", "photo_credit": "摄影：{credit}",
        "colon": "：", "list_sep": "、", "by": "——{who}",
        "sub": "（{n}）",
        # the report of the writer (outline.py) and the brief (brief_outline.py)
        "body_basic": "基本情况", "body_practices": "主要做法及成效",
        "body_problems": "存在的问题", "body_suggestions": "意见建议",
        "att_itinerary": "调研行程", "att_route_map": "调研路线示意图",
        "att_roster": "调研组名单", "att_photos": "调研图片", "att_statistics": "调研主题统计",
        "route_map_caption": "调研路线示意图", "route_map_day": "调研路线示意图（第{n}天）",
        "route_map_stops": "（第{first}—{last}站）",
        "organizing": "调研单位", "auto_marking": "内部资料", "stop_times": "时间",
        "site_address": "点位及地址", "send_to": "报送", "masthead": "工作简报",
        "statistics_note": "表中数字为各点位调研记录涉及该主题的条数（每条记录计一次）。",
        "left_out_duplicate": "重复的段落只印一次：{text}",
        "left_out_more": "另有{n}段重复的段落只印一次。",
        "photo_missing": "{n}张照片的文件未找到，未印入报告。",
    },
    "en": {
        "report": "Research Report", "contents": "Contents",
        "basic": "Basic information", "itinerary": "Itinerary", "findings": "Findings by site",
        "summary": "Cross-site summary", "suggestions": "Problems and suggestions",
        "photos": "Photographs", "appendix": "Delegation roster",
        "appendix_title": "Appendix {n}: {title}",
        "page": "Page {page} of {pages}",
        "time": "Dates", "place": "Place", "theme": "Theme", "purpose": "Purpose",
        "organizations": "Participating organizations", "delegation": "Delegation",
        "accompanying": "Accompanied by", "methods": "Methods", "overview": "Overview",
        "report_date": "Report date",
        "stop_no": "No.", "times": "Time", "site": "Site", "address": "Address",
        "activities": "Activities", "travel": "To the next stop",
        "illustrative": "Times are illustrative.", "estimated": "about ",
        "minutes": "{n} min", "day": "Day {n}",
        "host": "Host", "seen": "What we saw", "figures": "Key figures", "figure": "Figure",
        "value": "Value", "quotes": "What interviewees said", "needs": "Needs raised",
        "interviewee": "an interviewee", "confidential": "[Confidential] ",
        "themes_intro": "The table counts the notes taken at each site by theme "
                        "(each note counted once).",
        "theme_col": "Theme", "total": "Total", "chart": "Most frequent themes (notes)",
        "route_map": "Route of the visit (dashed: travel estimated from distance)",
        "table_caption": "Table {n}. {title}", "figure_caption": "Figure {n}. {title}",
        "themes_table": "Themes by site", "visit_quotes": "What the delegation said",
        "conclusions": "Conclusions", "visit_needs": "Needs and problems",
        "follow_ups": "Follow-up actions",
        "action": "Action", "responsible": "Responsible", "due": "Due", "status": "Status",
        "no_due": "—", "name": "Name", "title": "Title", "organization": "Organization",
        "role": "Role", "source": "Source", "remarks": "Remarks", "photo_credit": "Photo: {credit}",
        "colon": ": ", "list_sep": ", ", "by": "— {who}",
        "sub": "{n}.",
        "body_basic": "Basic information", "body_practices": "Practices and results",
        "body_problems": "Problems", "body_suggestions": "Suggestions",
        "att_itinerary": "Itinerary", "att_route_map": "Route map",
        "att_roster": "Delegation roster", "att_photos": "Photographs",
        "att_statistics": "Themes by site",
        "route_map_caption": "Route of the visit", "route_map_day": "Route of the visit, day {n}",
        "route_map_stops": " (stops {first}–{last})",
        "organizing": "Organizations", "auto_marking": "Internal", "stop_times": "Time",
        "site_address": "Site and address", "send_to": "To", "masthead": "Work Brief",
        "statistics_note": "Each number counts the notes taken at a site on the theme "
                           "(each note counted once).",
        "left_out_duplicate": "A repeated paragraph is printed once: {text}",
        "left_out_more": "{n} more repeated paragraphs are printed once.",
        "photo_missing": "{n} photo file(s) not found, left out of the report.",
    },
}

_ENUMS: dict[str, dict[Enum, str]] = {
    "zh": {
        DelegationRole.LEADER: "带队领导", DelegationRole.DEPUTY_LEADER: "副带队领导",
        DelegationRole.MEMBER: "成员", DelegationRole.NOTE_TAKER: "记录员",
        DelegationRole.LIAISON: "联络员", DelegationRole.PRESS: "随行记者",
        DelegationRole.ACCOMPANYING_OFFICIAL: "陪同人员",
        ResearchMethod.ON_SITE_INSPECTION: "实地调研",
        ResearchMethod.TALKS_WITH_WORKERS: "询问交流",
        ResearchMethod.BRIEFINGS_EN_ROUTE: "随行听取汇报", ResearchMethod.SYMPOSIUM: "座谈会",
        ResearchMethod.QUESTIONNAIRE: "问卷调查", ResearchMethod.DOCUMENT_REVIEW: "查阅资料",
        TravelMode.WALK: "步行", TravelMode.CAR: "小汽车", TravelMode.MINIBUS: "中巴",
        TravelMode.PUBLIC_TRANSPORT: "公共交通",
        FollowUpStatus.OPEN: "待办", FollowUpStatus.IN_PROGRESS: "办理中",
        FollowUpStatus.DONE: "已完成", FollowUpStatus.DROPPED: "已撤销",
    },
    "en": {
        DelegationRole.LEADER: "Leader", DelegationRole.DEPUTY_LEADER: "Deputy leader",
        DelegationRole.MEMBER: "Member", DelegationRole.NOTE_TAKER: "Note-taker",
        DelegationRole.LIAISON: "Liaison", DelegationRole.PRESS: "Press",
        DelegationRole.ACCOMPANYING_OFFICIAL: "Accompanying official",
        ResearchMethod.ON_SITE_INSPECTION: "on-site inspection",
        ResearchMethod.TALKS_WITH_WORKERS: "talks with workers",
        ResearchMethod.BRIEFINGS_EN_ROUTE: "briefings heard en route",
        ResearchMethod.SYMPOSIUM: "symposium", ResearchMethod.QUESTIONNAIRE: "questionnaire",
        ResearchMethod.DOCUMENT_REVIEW: "document review",
        TravelMode.WALK: "on foot", TravelMode.CAR: "by car", TravelMode.MINIBUS: "by minibus",
        TravelMode.PUBLIC_TRANSPORT: "by public transport",
        FollowUpStatus.OPEN: "Open", FollowUpStatus.IN_PROGRESS: "In progress",
        FollowUpStatus.DONE: "Done", FollowUpStatus.DROPPED: "Dropped",
    },
}


class Labels:
    """``labels["basic"]``, ``labels.format("page", page=2, pages=9)``, ``labels.enum(role)``."""

    def __init__(self, language: str) -> None:
        self.language = language if language in _TEXT else "en"
        self._text = _TEXT[self.language]
        self._enums = _ENUMS[self.language]

    def __getitem__(self, key: str) -> str:
        return self._text[key]

    def format(self, key: str, **values: object) -> str:
        return self._text[key].format(**values)

    def words(self) -> list[str]:
        """Every fixed word and sign the report may print (for the check of the font)."""
        return [*self._text.values(), *self._enums.values(), "0123456789:–%"]

    def enum(self, value: Enum | str) -> str:
        if isinstance(value, Enum):
            return self._enums.get(value, str(value.value))
        return value

    def section(self, number: int, key: str) -> str:
        """Numbered main section title: "一、基本情况" or "1. Basic information"."""
        if self.language == "zh":
            return f"{zh_number(number)}、{self._text[key]}"
        return f"{number}. {self._text[key]}"

    def subsection(self, number: int, title: str, section: int = 0) -> str:
        """"（一）title" in Chinese; "2.1 title" in English (section 2)."""
        if self.language == "zh":
            return f"（{zh_number(number)}）{title}"
        return f"{section}.{number} {title}" if section else f"{number}. {title}"

    def appendix(self, number: int, key: str) -> str:
        n = zh_number(number) if self.language == "zh" else chr(ord("A") + number - 1)
        return self.format("appendix_title", n=n, title=self._text[key])

    def join(self, items: list[str]) -> str:
        return self._text["list_sep"].join(items)

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        if self.language == "zh":
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        if start is None or end is None or start == end:
            return self.date(start or end)
        if self.language == "zh":
            if (start.year, start.month) == (end.year, end.month):
                return f"{self.date(start)}至{end.day}日"
            if start.year == end.year:
                return f"{self.date(start)}至{end.month}月{end.day}日"
            return f"{self.date(start)}至{self.date(end)}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {_MONTHS[end.month - 1]} {end.year}"
        return f"{self.date(start)} – {self.date(end)}"

    def month_day(self, value: dt.date) -> str:
        """"5月25日" / "25 May": a date within the year the text already names."""
        if self.language == "zh":
            return f"{value.month}月{value.day}日"
        return f"{value.day} {_MONTHS[value.month - 1]}"

    def day_span(self, start: dt.date | None, end: dt.date | None) -> str:
        """"5月25日", "5月25日至26日", "5月30日至6月2日" (no year); "" without dates."""
        start, end = start or end, end or start
        if start is None or end is None:
            return ""
        if start == end:
            return self.month_day(start)
        if self.language == "zh":
            last = f"{end.day}日" if start.month == end.month else self.month_day(end)
            return f"{self.month_day(start)}至{last}"
        if start.month == end.month:
            return f"{start.day}–{end.day} {_MONTHS[end.month - 1]}"
        return f"{self.month_day(start)} – {self.month_day(end)}"

    def dated_times(self, arrival: datetime, departure: datetime) -> str:
        """"5月25日 09:30–10:20"; a stay past midnight names both days."""
        if arrival.date() == departure.date():
            return f"{self.month_day(arrival.date())} {self.times(arrival, departure)}"
        return (f"{self.month_day(arrival.date())} {arrival:%H:%M}–"
                f"{self.month_day(departure.date())} {departure:%H:%M}")

    def times(self, arrival: datetime, departure: datetime) -> str:
        return f"{arrival:%H:%M}–{departure:%H:%M}"


def zh_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; larger numbers in digits."""
    if not 1 <= number <= 99:
        return str(number)
    tens, units = divmod(number, 10)
    text = ("" if tens == 0 else ("十" if tens == 1 else ZH_NUMERALS[tens - 1] + "十"))
    return text + (ZH_NUMERALS[units - 1] if units else "")
