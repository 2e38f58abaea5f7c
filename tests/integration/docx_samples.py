"""Hand-made Documents for the Word writer's tests: a 调研报告 with every kind of block (headings
of four levels, a run-in heading, a grouped table, a photo, a route map, attachments, a
signature) and a 工作简报 with its masthead and distribution lines."""

from __future__ import annotations

from pathlib import Path

from fieldvisit.reporting.document import (
    Attachment,
    Document,
    Heading,
    Masthead,
    Paragraph,
    Picture,
    RouteMapFigure,
    Signature,
    Table,
)
from fieldvisit.services.route_map import MapLeg, MapPoint, RouteMap

BODY = "区总工会在商务楼宇内建设新就业形态劳动者服务站点，累计服务6000余人次，面积800平方米。"


def photo(folder: Path, name: str = "photo.jpg", size: tuple[int, int] = (800, 600)) -> Path:
    from PIL import Image

    path = folder / name
    Image.new("RGB", size, (120, 160, 200)).save(path, "JPEG")
    return path


def route() -> RouteMap:
    points = (MapPoint(1, "朝阳区工人文化宫", 0.2, 0.3, 1), MapPoint(2, "骑手驿站", 0.6, 0.5, 1),
              MapPoint(3, "环卫工人休息点", 0.8, 0.8, 1))
    return RouteMap(points, (MapLeg(0, 1, 20, False), MapLeg(1, 2, 15, True)), 0.6, 1.0,
                    0.25, ())


def report(folder: Path, language: str = "zh", marking: str = "内部资料") -> Document:
    picture = photo(folder)
    zh = language == "zh"
    body = (
        Paragraph("为深入了解新就业形态劳动者服务阵地建设情况，5月25日，调研组赴朝阳区开展联合调研。"
                  "现将有关情况报告如下：" if zh else "On 25 May the delegation visited Chaoyang.",
                  role="lead"),
        Heading(1, "一、" if zh else "1.", "基本情况" if zh else "Basic information"),
        Paragraph(BODY if zh else "The district union built service points."),
        Heading(1, "二、" if zh else "2.", "主要做法及成效" if zh else "Practices and results"),
        Heading(2, "（一）" if zh else "2.1", "强化阵地建设" if zh else "Service points"),
        Paragraph("在商务楼宇内建设服务站点。" if zh else "Points were built.",
                  lead_in=Heading(2, "（二）" if zh else "2.2",
                                  "完善服务功能。" if zh else "Services.")),
        Heading(3, "1." if zh else "(a)", "骑手驿站" if zh else "Rider station"),
        Heading(4, "（1）" if zh else "(i)", "休息区" if zh else "Rest area"),
        Paragraph("有关数据为示意。" if zh else "Figures are illustrative.", role="note"),
    )
    itinerary = Table(
        header=("日期", "点位", "时间") if zh else ("Date", "Site", "Time"),
        rows=(("5月25日", "朝阳区工人文化宫", "09:30–10:20"),
              ("5月25日", "骑手驿站", "10:40–11:30"),
              ("5月26日", "环卫工人休息点", "09:00–09:40")),
        widths=(0.25, 0.45, 0.30), caption="调研行程" if zh else "Itinerary", numeric=(2,),
        grouped=0)
    attachments = (
        Attachment(1, "调研行程" if zh else "Itinerary", (itinerary,)),
        Attachment(2, "调研路线示意图" if zh else "Route map",
                   (RouteMapFigure(route(), "调研路线示意图" if zh else "Route"),)),
        Attachment(3, "调研图片" if zh else "Photographs",
                   (Picture(picture, 800, 600, "骑手驿站内景" if zh else "Inside the station",
                            "骑手驿站　摄影：李娜" if zh else "Rider station. Photo: Li Na"),)),
    )
    return Document(
        kind="report", language=language,
        title="关于新就业形态劳动者服务阵地建设情况的调研报告" if zh else
        "Report on service points for new forms of employment",
        subtitle="" if zh else "Chaoyang district",
        marking=marking if zh else "Internal",
        cover_facts=(("调研时间", "2023年5月25日"),) if zh else (("Dates", "25 May 2023"),),
        body=body,
        signature=Signature(("市总工会", "团市委", "市妇联") if zh else ("City Federation",),
                            "2023年5月25日" if zh else "25 May 2023"),
        attachments=attachments)


def brief(language: str = "zh") -> Document:
    return Document(
        kind="brief", language=language, title="市总工会等单位赴朝阳区开展联合调研",
        body=(Paragraph("近日，市总工会、团市委、市妇联赴朝阳区开展联合调研，深入了解新就业形态劳动者"
                        "服务阵地建设情况。"), Paragraph(BODY)),
        masthead=Masthead("工作简报", "第3期", "市总工会办公室", "2023年5月26日"),
        distribution=(("报送", "市委办公厅"), ("抄送", "团市委、市妇联")))
