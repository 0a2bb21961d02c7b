"""Training modules (``content/training/<id>.yml``): sessions built from the library's records,
with teaching notes that only the trainers' edition shows."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from generator.model.fields import Markdown, Slug, Text
from generator.model.records import Record, _Model

SessionKind = Literal["讲授", "案例研讨", "实操演练", "交流"]
SESSION_KINDS: tuple[str, ...] = get_args(SessionKind)


class TimingStep(_Model):
    step: Text = Field(description="环节，如 课前阅读、导入说明、分组研讨、集体交流、教师点评")
    minutes: int = Field(
        ge=0, description="分钟数；0 表示不占课时（排在最前的显示为“课前完成”，最后的为“课后完成”）"
    )


class TeachingNotes(_Model):
    """教学使用说明: for the trainer only; never on the public site unless the module says so."""

    purpose: Markdown = Field(description="教学目的")
    audience: Text | None = Field(None, description="适用对象")
    questions: list[Text] = Field(default_factory=list, description="思考题")
    analysis: Markdown | None = Field(None, description="分析思路")
    key_points: list[Markdown] = Field(default_factory=list, description="关键要点")
    timing: list[TimingStep] = Field(
        default_factory=list, description="时间安排；各环节分钟数之和须等于本单元时长"
    )


class TrainingSession(_Model):
    title: Text = Field(description="单元标题")
    minutes: int = Field(gt=0, description="时长（分钟）")
    kind: SessionKind = Field(description="形式：讲授、案例研讨、实操演练 或 交流")
    cases: list[Slug] = Field(default_factory=list, description="使用的案例 id")
    practices: list[Slug] = Field(default_factory=list, description="使用的工作法 id")
    policies: list[Slug] = Field(default_factory=list, description="使用的政策文件 id")
    checklists: list[Slug] = Field(default_factory=list, description="使用的清单 id")
    questions: list[Text] = Field(
        default_factory=list, description="探讨问题；不填时使用所选案例自带的探讨问题"
    )
    teaching_notes: TeachingNotes | None = Field(
        None, description="教学使用说明（只出现在教师版讲义中）"
    )


class Training(Record):
    summary: Text = Field(description="一段话概述")
    audience: Text = Field(description="培训对象")
    duration: int = Field(gt=0, description="总时长（分钟）；须等于各单元时长之和")
    objectives: list[Text] = Field(min_length=1, description="学习目标")
    sessions: list[TrainingSession] = Field(min_length=1, description="教学单元，按上课顺序")
    publish_teacher_edition: bool = Field(
        False, description="是否在网站上公开教师版讲义（含教学使用说明）；默认不公开"
    )
