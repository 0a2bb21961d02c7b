"""The validated model: one pydantic class per record type (the single source of truth)."""

from .records import (
    Case,
    Checklist,
    ChecklistItem,
    Figure,
    FigureList,
    Glossary,
    GlossaryTerm,
    Guide,
    Intro,
    Location,
    Metric,
    Policy,
    Practice,
    Record,
    Source,
)
from .vocabularies import CommunityType, Section, Street, Vocabularies

__all__ = [
    "Case",
    "Checklist",
    "ChecklistItem",
    "CommunityType",
    "Figure",
    "FigureList",
    "Glossary",
    "GlossaryTerm",
    "Guide",
    "Intro",
    "Location",
    "Metric",
    "Policy",
    "Practice",
    "Record",
    "Section",
    "Source",
    "Street",
    "Vocabularies",
]
