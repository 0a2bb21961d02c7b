"""Controlled vocabularies kept in ``site_config/vocabularies.yml``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from generator.model.fields import Slug, Text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Street(_Strict):
    name: Text
    folder: Slug


class CommunityType(_Strict):
    name: Text
    focus: Text | None = None


class Section(_Strict):
    id: Slug
    title: Text
    short_title: Text | None = None


class Vocabularies(_Strict):
    district: Text
    streets: list[Street]
    community_types: list[CommunityType]
    sections: list[Section]
    policy_validity: list[Text]

    def allowed(self, name: str) -> list[str]:
        """The allowed values of one vocabulary, by the name fields use to refer to it."""
        return {
            "street": [s.name for s in self.streets],
            "community_type": [t.name for t in self.community_types],
            "section": [s.id for s in self.sections],
            "policy_validity": list(self.policy_validity),
        }[name]

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)
