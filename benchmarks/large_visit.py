"""A large synthetic visit for benchmarks and tests: many stops, notes and photos, built as a
visit document (imported in one transaction) from the reference article's sentences."""

from __future__ import annotations

import os
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldvisit.domain import entities as e
from fieldvisit.domain.enums import (
    DelegationRole,
    FigureQualifier,
    NoteKind,
    ResearchMethod,
    TravelMode,
)
from fieldvisit.domain.plain import to_plain
from fieldvisit.services.sample import reference_document
from fieldvisit.services.visit_document import FORMAT_NAME, FORMAT_VERSION

THEMES = ("驿站建设", "权益保障", "暖心服务", "法律服务", "职业伤害", "劳动保护", "工会组建",
          "城市融入", "婚恋交友", "成长发展", "驾照培训", "交通安全", "女骑手关爱", "骑手子女",
          "教育培训", "党建", "服务圈", "心理疏导", "义诊", "技能培训", "社会保险", "住房",
          "子女教育", "休息场所", "充电设施", "餐饮", "医疗", "维权", "组织覆盖", "志愿服务")
GROUPS = ("外卖送餐员", "快递小哥", "环卫工人", "网约车司机", "货车司机", "女骑手", "")
ORGANIZATIONS = ("市总工会", "团市委", "市妇联", "市人社局", "区委社会工委")


def _sentences() -> list[str]:
    document = reference_document()
    texts = [n["text"] for n in document["notes"]] + [document["visit"]["summary"]]
    pieces = [p + "。" for t in texts for p in t.split("。") if len(p) > 12]
    return pieces


def large_visit_document(stops: int = 100, notes: int = 2000, photos: int = 200,
                         seed: int = 6) -> dict[str, Any]:
    """A visit document of ``stops`` stops over several days, ``notes`` notes spread over the
    stops (tagged with themes; some interviews, quotes, needs and confidential notes), key
    figures, follow-ups, a 30-person delegation, and ``photos`` photo records named
    photo-0001.jpg… (see ``write_photos``)."""
    rng = random.Random(seed)
    sentences = _sentences()
    visit = e.Visit(title=f"新就业形态劳动者服务阵地联合调研（{stops}个点位）",
                    theme="发挥群团组织作用 将更多温暖传递给新就业形态劳动者",
                    purpose=" ".join(rng.sample(sentences, 3)), region="北京市",
                    start_date=date(2024, 3, 4),
                    end_date=date(2024, 3, 4) + timedelta(days=(stops - 1) // 8),
                    methods=(ResearchMethod.ON_SITE_INSPECTION, ResearchMethod.TALKS_WITH_WORKERS,
                             ResearchMethod.SYMPOSIUM),
                    summary="\n".join(rng.sample(sentences, 4)),
                    conclusions="\n".join(rng.sample(sentences, 3)))
    organizations = [e.Organization(name=name) for name in ORGANIZATIONS]
    people, members = [], []
    for index in range(30):
        organization = organizations[index % len(organizations)]
        person = e.Person(name=f"调研员{index + 1:02d}", title=f"{organization.name}干部",
                          organization_id=organization.id)
        people.append(person)
        role = DelegationRole.LEADER if index == 0 else DelegationRole.MEMBER
        members.append(e.DelegationMember(visit_id=visit.id, person_id=person.id, role=role,
                                          protocol_order=index + 1))
    sites, stop_records = [], []
    for index in range(stops):
        site = e.Site(name=f"第{index + 1}号新就业形态劳动者服务站点",
                      address=f"北京市某区某街道{index + 1}号",
                      latitude=39.8 + rng.random() * 0.3, longitude=116.2 + rng.random() * 0.4)
        sites.append(site)
        stop_records.append(e.Stop(visit_id=visit.id, site_id=site.id,
                                   position=index % 8 + 1, day=index // 8 + 1, dwell_minutes=40,
                                   activities=rng.choice(sentences),
                                   travel_mode=TravelMode.MINIBUS if index % 8 != 7 else None,
                                   travel_minutes=20 if index % 8 != 7 else None))
    note_records = []
    for index in range(notes):
        stop = stop_records[index % stops]
        kind = rng.choice((NoteKind.OBSERVATION, NoteKind.BRIEFING, NoteKind.BRIEFING,
                           NoteKind.INTERVIEW, NoteKind.QUOTE))
        tags = tuple(rng.sample(THEMES, rng.randint(1, 3)))
        if rng.random() < 0.1:
            tags += ("需求",)
        note_records.append(e.Note(
            visit_id=visit.id, stop_id=stop.id, kind=kind, tags=tags,
            text="".join(rng.sample(sentences, rng.randint(1, 2))),
            interviewee_group=rng.choice(GROUPS) if kind is NoteKind.INTERVIEW else "",
            speaker=f"受访者{index}" if kind is NoteKind.QUOTE else "",
            confidential=rng.random() < 0.05, position=index + 1))
    figures = [e.KeyFigure(visit_id=visit.id, stop_id=stop_records[i % stops].id,
                           label=f"服务指标{i + 1}", value=str(rng.randint(5, 9000)),
                           unit=rng.choice(("人次", "场", "平方米", "家")),
                           qualifier=rng.choice(tuple(FigureQualifier)))
               for i in range(stops * 3)]
    follow_ups = [e.FollowUp(visit_id=visit.id, action=rng.choice(sentences),
                             responsible_organization_id=rng.choice(organizations).id,
                             due_date=date(2024, 6, 30) + timedelta(days=i))
                  for i in range(50)]
    photo_records = [e.Photo(visit_id=visit.id, file_name=photo_name(i),
                             caption=f"调研组在第{i % stops + 1}号站点实地调研",
                             credit="调研组", stop_id=stop_records[i % stops].id,
                             taken_at=datetime(2024, 3, 4, 9, 0) + timedelta(minutes=i))
                     for i in range(photos)]
    return {
        "format": FORMAT_NAME, "version": FORMAT_VERSION, "visit": to_plain(visit),
        "organizations": [to_plain(o) for o in organizations],
        "people": [to_plain(p) for p in people],
        "sites": [to_plain(s) for s in sites],
        "participations": [to_plain(e.Participation(visit_id=visit.id, organization_id=o.id))
                           for o in organizations],
        "delegation": [to_plain(m) for m in members],
        "stops": [to_plain(s) for s in stop_records],
        "absences": [],
        "notes": [to_plain(n) for n in note_records],
        "key_figures": [to_plain(f) for f in figures],
        "follow_ups": [to_plain(f) for f in follow_ups],
        "photos": [to_plain(p) for p in photo_records],
    }


def photo_name(index: int) -> str:
    return f"photo-{index + 1:04d}.jpg"


def write_photos(folder: Path, count: int, size: tuple[int, int] = (4000, 3000),
                 quality: int = 88) -> list[Path]:
    """``count`` distinct photo-like JPEGs (smooth shapes, detail and sensor-like noise), kept
    if they already exist with the right size."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    width, height = size
    noise = Image.effect_noise(size, 18).convert("RGB")
    paths = []
    for index in range(count):
        path = folder / photo_name(index)
        paths.append(path)
        if path.exists():
            with Image.open(path) as existing:
                if existing.size == size:
                    continue
        low = Image.frombytes("RGB", (16, 12), os.urandom(16 * 12 * 3)).resize(
            size, Image.Resampling.BICUBIC)
        middle = Image.frombytes("RGB", (200, 150), os.urandom(200 * 150 * 3)).resize(
            size, Image.Resampling.BICUBIC)
        picture = Image.blend(Image.blend(low, middle, 0.35), noise, 0.12)
        picture.save(path, "JPEG", quality=quality)
    return paths
