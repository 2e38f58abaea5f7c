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
