"""Report data for the outline tests: the reference visit's (read once from a database) and
hand-made variations — an English visit, a visit of several days with a stop past midnight."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from fieldvisit.domain.enums import (
    DelegationRole,
    FollowUpStatus,
    NoteKind,
    ResearchMethod,
    TravelMode,
)
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services.report_data import report_data
from fieldvisit.services.report_model import (
    FigureItem,
    FollowUpItem,
    GroupItem,
    NoteItem,
    PersonItem,
    QuoteItem,
    ReportData,
    ReportOptions,
    RosterItem,
    SiteFindings,
    StopItem,
    ThemeTable,
)
from fieldvisit.services.route_map import MapLeg, MapPoint, RouteMap
from fieldvisit.services.sample import load_reference_visit


def reference_data(folder: Path, **options) -> ReportData:
    database = open_database(sqlite_url(folder / "reference.sqlite3"))
    try:
        uow = database.unit_of_work()
        visit_id = load_reference_visit(uow).visit_id
        return report_data(uow, visit_id, ReportOptions(**options), None)
    finally:
        database.dispose()


def stop(number: int, day: int, site: str, arrival: datetime, minutes: int = 50, **extra
         ) -> StopItem:
    values = dict(number=number, day=day, site=site, address="", host="", arrival=arrival,
                  departure=arrival + timedelta(minutes=minutes), times_illustrative=False,
                  activities="", travel_mode=TravelMode.MINIBUS, travel_minutes=20,
                  travel_estimated=False, travel_notes="")
    values.update(extra)
    return StopItem(**values)


def english_data() -> ReportData:
    """A visit written in English, with everything a report may print."""
    start = datetime(2024, 3, 12, 9, 0)
    stops = (stop(1, 1, "Riverside Rider Station", start, address="12 River Road",
                  host="City Federation of Trade Unions",
                  activities="Toured the station and its rest area."),
             stop(2, 1, "Harbour Service Centre", start + timedelta(hours=2),
                  travel_mode=None, travel_minutes=None))
    seen = NoteItem("The station opened in April 2022 and has served more than 6,000 riders.",
                    NoteKind.OBSERVATION, ("stations",))
    need = NoteItem("Riders asked for more charging points.", NoteKind.INTERVIEW,
                    ("need", "charging"), group="delivery riders")
    return ReportData(
        language="en", title="Union federation visit to the Harbour District",
        theme="Services for platform workers",
        purpose="To learn how unions serve delivery riders, and what riders need.",
        region="Harbour District", start_date=date(2024, 3, 12), end_date=date(2024, 3, 12),
        summary="", conclusions="Stations should be open longer.",
        source="City Daily report (not stated in the article)", remarks="Times illustrative.",
        methods=(ResearchMethod.ON_SITE_INSPECTION, ResearchMethod.TALKS_WITH_WORKERS),
        organizations=("City Federation of Trade Unions", "City Youth League"),
        delegation=(GroupItem("City Federation of Trade Unions", (
            PersonItem("Ann Lee", "Vice-chair", DelegationRole.LEADER),)),
            GroupItem("City Youth League", (
                PersonItem("Bo Chen", "Deputy secretary", DelegationRole.MEMBER),))),
        accompanying=(GroupItem("Harbour District", (
            PersonItem("Cai Wu", "District officer", DelegationRole.ACCOMPANYING_OFFICIAL),)),),
        overview_notes=(NoteItem("This was the first joint visit of the two organizations.",
                                 NoteKind.BRIEFING),),
        stops=stops,
        findings=(SiteFindings(1, stops[0].site, (seen,), (
            FigureItem("Riders served", "more than 6,000"),
            FigureItem("Floor area", "800 square metres")),
            (QuoteItem("“We need somewhere warm in winter.”", "delivery riders", ""),),
            (need,)),
            SiteFindings(2, stops[1].site, (), (), (), ())),
        visit_quotes=(), visit_needs=(),
        themes=ThemeTable(("stations", "charging"), tuple(s.site for s in stops),
                          ((1, 0), (1, 0)), (1, 1)),
        follow_ups=(FollowUpItem("Extend the opening hours of the station.",
                                 "City Federation of Trade Unions", None,
                                 FollowUpStatus.OPEN),),
        photos=(),
        roster=(RosterItem("Ann Lee", "Vice-chair", "City Federation of Trade Unions",
                           DelegationRole.LEADER),),
        route_map=RouteMap((MapPoint(1, stops[0].site, 0.2, 0.3, 1),
                            MapPoint(2, stops[1].site, 0.8, 0.7, 1)),
                           (MapLeg(0, 1, 20, True),), 0.6, 1.0, 0.2, ()),
        generated_on=date(2024, 3, 20))


def days_data(reference: ReportData) -> ReportData:
    """The reference visit stretched over five days, the last stop of day 5 starting after
    midnight (the delegation came late)."""
    first = datetime(2023, 5, 25, 9, 30)
    stops = []
    for number in range(1, 6):
        day_start = first + timedelta(days=number - 1)
        stops.append(stop(number, number, f"点位{number}", day_start))
    stops.append(stop(6, 5, "夜间驿站", datetime(2023, 5, 29, 23, 30), minutes=40))
    stops.append(stop(7, 5, "凌晨驿站", datetime(2023, 5, 30, 0, 40), minutes=30,
                      travel_mode=None, travel_minutes=None))
    points = tuple(MapPoint(s.number, s.site, 0.1 + 0.1 * s.number, 0.5, s.day) for s in stops)
    legs = (MapLeg(5, 6, 30, False), MapLeg(4, 5, 20, True))
    return replace(reference, stops=tuple(stops), start_date=date(2023, 5, 25),
                   end_date=date(2023, 5, 30),
                   route_map=RouteMap(points, legs, 0.6, 1.0, 0.2, ()))
