"""The reference visit is faithful to the newspaper article it was entered from."""

from __future__ import annotations

import re

import pytest

from fieldvisit.domain.enums import DelegationRole, FigureQualifier, ResearchMethod
from fieldvisit.services.sample import reference_document
from fieldvisit.services.visits import visit_overview
from tests.conftest import SEED_ARTICLE


@pytest.fixture(scope="module")
def article() -> str:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    return re.sub(r"\s+", "", text)  # the page breaks lines inside words


def test_every_named_person_and_title_is_in_the_article(article):
    people = reference_document()["people"]
    named = [p for p in people if p["name"] != "朝阳区有关负责同志"]
    assert len(named) == 6
    for person in named:
        assert person["name"] in article
        if person["title"] != "记者":
            assert person["title"] + person["name"] in article, person["name"]
    assert "朝阳区有关负责同志陪同调研" in article


def test_figures_are_quoted_from_the_article(article):
    qualifier_words = {FigureQualifier.MORE_THAN: "余", FigureQualifier.EXACTLY: ""}
    for figure in reference_document()["key_figures"]:
        value, unit = figure["value"], figure["unit"]
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = value.split("-")
            assert f"{year}年{int(month)}月" in article
            continue
        word = qualifier_words[FigureQualifier(figure["qualifier"])]
        spelled = {"个": "五大", "分钟": "5分钟"}.get(unit)
        assert f"{value}{word}{unit}" in article or (spelled and spelled in article), figure


def test_the_visit_matches_the_article(uow, sample_visit_id):
    overview = visit_overview(uow, sample_visit_id)
    visit = overview.visit
    assert set(visit.methods) == {ResearchMethod.ON_SITE_INSPECTION,
                                  ResearchMethod.TALKS_WITH_WORKERS,
                                  ResearchMethod.BRIEFINGS_EN_ROUTE}
    members = [m for g in overview.delegation for m in g.members]
    assert members[0].name == "冯建国" and members[0].role is DelegationRole.LEADER
    assert [m.name for m in members if m.role is DelegationRole.PRESS] == ["刘欣欣"]
    assert [m.name for m in members if m.role is DelegationRole.LIAISON] == ["温宇"]
    assert [g.organization.display_name for g in overview.accompanying] == ["朝阳区"]
    assert [s.site.name for s in overview.stops] == \
        ["饿了么北京CBD骑士驿站", "东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇"]
    assert all(s.stop.times_illustrative for s in overview.stops)
    assert "示意" in visit.remarks  # the invented date and times are marked as illustrative
    groups = {n["interviewee_group"] for n in reference_document()["notes"]}
    assert {"外卖送餐员、环卫工人", "快递小哥"} <= groups
