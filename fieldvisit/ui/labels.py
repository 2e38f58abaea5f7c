"""Translated names of the domain's enumerations."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from fieldvisit.domain.enums import (
    DelegationRole,
    FigureQualifier,
    FollowUpStatus,
    NoteKind,
    OrganizationKind,
    ResearchMethod,
    TravelMode,
    VisitStatus,
)

translate = QCoreApplication.translate


def label(value: Enum | None) -> str:
    """The user's-language name of an enum member."""
    if value is None:
        return ""
    names = {
        VisitStatus.DRAFT: translate("Labels", "Draft"),
        VisitStatus.PLANNED: translate("Labels", "Planned"),
        VisitStatus.UNDER_WAY: translate("Labels", "Under way"),
        VisitStatus.DONE: translate("Labels", "Done"),
        VisitStatus.REPORTED: translate("Labels", "Reported"),
        DelegationRole.LEADER: translate("Labels", "Leader"),
        DelegationRole.DEPUTY_LEADER: translate("Labels", "Deputy leader"),
        DelegationRole.MEMBER: translate("Labels", "Member"),
        DelegationRole.NOTE_TAKER: translate("Labels", "Note-taker"),
        DelegationRole.LIAISON: translate("Labels", "Liaison"),
        DelegationRole.PRESS: translate("Labels", "Press"),
        DelegationRole.ACCOMPANYING_OFFICIAL: translate("Labels", "Accompanying official"),
        ResearchMethod.ON_SITE_INSPECTION: translate("Labels", "On-site inspection"),
        ResearchMethod.TALKS_WITH_WORKERS: translate("Labels", "Talks with workers"),
        ResearchMethod.BRIEFINGS_EN_ROUTE: translate("Labels", "Briefings heard en route"),
        ResearchMethod.SYMPOSIUM: translate("Labels", "Symposium"),
        ResearchMethod.QUESTIONNAIRE: translate("Labels", "Questionnaire"),
        ResearchMethod.DOCUMENT_REVIEW: translate("Labels", "Document review"),
        NoteKind.OBSERVATION: translate("Labels", "Observation"),
        NoteKind.INTERVIEW: translate("Labels", "Interview"),
        NoteKind.BRIEFING: translate("Labels", "Briefing"),
        NoteKind.QUOTE: translate("Labels", "Quote"),
        FigureQualifier.EXACTLY: translate("Labels", "exactly"),
        FigureQualifier.MORE_THAN: translate("Labels", "more than"),
        FigureQualifier.ABOUT: translate("Labels", "about"),
        FigureQualifier.LESS_THAN: translate("Labels", "less than"),
        FollowUpStatus.OPEN: translate("Labels", "Open"),
        FollowUpStatus.IN_PROGRESS: translate("Labels", "In progress"),
        FollowUpStatus.DONE: translate("Labels", "Done"),
        FollowUpStatus.DROPPED: translate("Labels", "Dropped"),
        TravelMode.WALK: translate("Labels", "Walk"),
        TravelMode.CAR: translate("Labels", "Car"),
        TravelMode.MINIBUS: translate("Labels", "Minibus"),
        TravelMode.PUBLIC_TRANSPORT: translate("Labels", "Public transport"),
        OrganizationKind.TRADE_UNION_FEDERATION: translate("Labels", "Trade-union federation"),
        OrganizationKind.YOUTH_LEAGUE: translate("Labels", "Youth league"),
        OrganizationKind.WOMENS_FEDERATION: translate("Labels", "Women's federation"),
        OrganizationKind.PARTY_GOVERNMENT_OFFICE: translate("Labels", "Party/government office"),
        OrganizationKind.WORKING_GROUP: translate("Labels", "Working group"),
        OrganizationKind.COMPANY: translate("Labels", "Company"),
        OrganizationKind.STREET_COMMUNITY_OFFICE: translate("Labels", "Street/community office"),
        OrganizationKind.MEDIA: translate("Labels", "Media"),
        OrganizationKind.OTHER: translate("Labels", "Other"),
    }
    return names.get(value, value.value)  # type: ignore[arg-type]


def field_label(name: str) -> str:
    """The user's-language name of a record's field as messages name it ("end_date")."""
    names = {
        "id": translate("Fields", "id"),
        "created_at": translate("Fields", "creation time"),
        "updated_at": translate("Fields", "time of the last change"),
        "name": translate("Fields", "name"),
        "short_name": translate("Fields", "short name"),
        "kind": translate("Fields", "kind"),
        "notes": translate("Fields", "remarks"),
        "title": translate("Fields", "title"),
        "organization_id": translate("Fields", "organization"),
        "phone": translate("Fields", "phone"),
        "email": translate("Fields", "email"),
        "theme": translate("Fields", "theme"),
        "purpose": translate("Fields", "purpose"),
        "region": translate("Fields", "region"),
        "start_date": translate("Fields", "start date"),
        "end_date": translate("Fields", "end date"),
        "timezone": translate("Fields", "time zone"),
        "day_start": translate("Fields", "start of the day"),
        "day_end": translate("Fields", "end of the day"),
        "status": translate("Fields", "status"),
        "methods": translate("Fields", "research methods"),
        "role": translate("Fields", "role"),
        "address": translate("Fields", "address"),
        "latitude": translate("Fields", "latitude"),
        "longitude": translate("Fields", "longitude"),
        "datum": translate("Fields", "coordinate system"),
        "opening_hours": translate("Fields", "opening hours"),
        "contact": translate("Fields", "contact"),
        "description": translate("Fields", "description"),
        "position": translate("Fields", "position"),
        "day": translate("Fields", "day"),
        "dwell_minutes": translate("Fields", "time on site"),
        "fixed_arrival": translate("Fields", "appointment"),
        "delay_minutes": translate("Fields", "delay"),
        "activities": translate("Fields", "activities"),
        "travel_mode": translate("Fields", "travel mode"),
        "travel_minutes": translate("Fields", "travel time"),
        "travel_notes": translate("Fields", "travel notes"),
        "text": translate("Fields", "text"),
        "interviewee_group": translate("Fields", "interviewees"),
        "speaker": translate("Fields", "speaker"),
        "tags": translate("Fields", "themes"),
        "label": translate("Fields", "label"),
        "value": translate("Fields", "value"),
        "unit": translate("Fields", "unit"),
        "qualifier": translate("Fields", "qualifier"),
        "action": translate("Fields", "action"),
        "responsible_organization_id": translate("Fields", "responsible organization"),
        "due_date": translate("Fields", "due date"),
        "file_name": translate("Fields", "file name"),
        "caption": translate("Fields", "caption"),
        "credit": translate("Fields", "credit"),
        "taken_at": translate("Fields", "time taken"),
        "detour_factor": translate("Fields", "detour factor"),
        "walk_kmh": translate("Fields", "walking speed"),
        "car_kmh": translate("Fields", "car speed"),
        "minibus_kmh": translate("Fields", "minibus speed"),
        "public_transport_kmh": translate("Fields", "public transport speed"),
    }
    return names.get(name, name)
