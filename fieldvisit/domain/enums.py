"""Enumerations of the domain. Values are stable identifiers stored in databases and documents."""

from __future__ import annotations

from enum import StrEnum


class OrganizationKind(StrEnum):
    TRADE_UNION_FEDERATION = "trade_union_federation"
    YOUTH_LEAGUE = "youth_league"
    WOMENS_FEDERATION = "womens_federation"
    PARTY_GOVERNMENT_OFFICE = "party_government_office"
    WORKING_GROUP = "working_group"
    COMPANY = "company"
    STREET_COMMUNITY_OFFICE = "street_community_office"
    MEDIA = "media"
    OTHER = "other"


class VisitStatus(StrEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    UNDER_WAY = "under_way"
    DONE = "done"
    REPORTED = "reported"


class ResearchMethod(StrEnum):
    ON_SITE_INSPECTION = "on_site_inspection"
    TALKS_WITH_WORKERS = "talks_with_workers"
    BRIEFINGS_EN_ROUTE = "briefings_en_route"
    SYMPOSIUM = "symposium"
    QUESTIONNAIRE = "questionnaire"
    DOCUMENT_REVIEW = "document_review"


class DelegationRole(StrEnum):
    LEADER = "leader"
    DEPUTY_LEADER = "deputy_leader"
    MEMBER = "member"
    NOTE_TAKER = "note_taker"
    LIAISON = "liaison"
    PRESS = "press"
    ACCOMPANYING_OFFICIAL = "accompanying_official"


class SiteKind(StrEnum):
    SERVICE_STATION = "service_station"
    SERVICE_CENTRE = "service_centre"
    COMMUNITY_CLUB = "community_club"
    COMPANY = "company"
    GOVERNMENT_OFFICE = "government_office"
    OTHER = "other"


class CoordinateDatum(StrEnum):
    WGS84 = "WGS-84"
    GCJ02 = "GCJ-02"


class TravelMode(StrEnum):
    WALK = "walk"
    CAR = "car"
    MINIBUS = "minibus"
    PUBLIC_TRANSPORT = "public_transport"


class NoteKind(StrEnum):
    OBSERVATION = "observation"
    INTERVIEW = "interview"
    BRIEFING = "briefing"
    QUOTE = "quote"


class FigureQualifier(StrEnum):
    EXACTLY = "exactly"
    MORE_THAN = "more_than"
    ABOUT = "about"
    LESS_THAN = "less_than"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
