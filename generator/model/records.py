"""Record types. Field order here is the order editors see in templates and the schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from generator.model.fields import (
    Markdown,
    PartialDate,
    SearchWord,
    Slug,
    Text,
    Url,
    vocabulary,
)

if TYPE_CHECKING:  # built at run time with their vocabulary checks; text for a type checker
    Street: TypeAlias = str
    CommunityTypeName: TypeAlias = str
    SectionId: TypeAlias = str
    Validity: TypeAlias = str
else:
    Street = vocabulary("street", "街道")
    CommunityTypeName = vocabulary("community_type", "小区类型")
    SectionId = vocabulary("section", "文章板块")
    Validity = vocabulary("policy_validity", "文件状态")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Source(_Model):
    title: Text = Field(description="来源标题（必填）")
    publisher: Text | None = Field(None, description="发布单位")
    date: PartialDate | None = Field(None, description="发布日期")
    url: Url | None = Field(None, description="网址：https:// 或 http:// 开头的完整网址")


class Citation(_Model):
    """A passage quoted word for word from a named public source (not the article)."""

    text: Text = Field(description="引文：照录公开来源的原话（必填），不改写、不增删")
    source: Source = Field(description="出处：标题（必填）、发布单位、日期")
    part: Text | None = Field(None, description="条款，如 第八条；只写核对过的条号")
    version: Text | None = Field(None, description="所引文本的版本，如 2018年修订")
    note: Text | None = Field(None, description="说明，如引文据哪种文本整理、是否与官方文本核对")


# full-width punctuation and the half-width marks the article writes in its place
_PUNCTUATION = str.maketrans("，；：（）！？", ",;:()!?")


def same_words(text: str) -> str:
    """``text`` with punctuation written one way (the article mixes half- and full-width)."""
    return "".join(text.translate(_PUNCTUATION).split())


class Record(_Model):
    """Anything with its own page: an id, a title, a publication status and sources."""

    # set by the registry of kinds (generator/model/kinds.py) for each kind's model
    kind: ClassVar[str] = ""
    folder: ClassVar[str] = ""

    id: Slug = Field(description="唯一标识：小写英文字母、数字和连字符，也是网址的一部分")
    title: Text = Field(description="标题")
    status: Literal["published", "draft"] = Field(
        "published", description="published（发布，默认）或 draft（草稿，不发布）"
    )
    sources: list[Source] = Field(default_factory=list, description="资料来源")

    _file: str = PrivateAttr("")
    _positions: dict = PrivateAttr(default_factory=dict)
    _source: tuple = PrivateAttr(())  # the file's time and size when it was read
    _partial: bool = PrivateAttr(False)  # failed its checks: read only for references, links

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def page_path(self) -> str:
        return f"{self.folder}/{self.id}.md"

    @property
    def url(self) -> str:
        return f"{self.folder}/{self.id}/"


class Location(_Model):
    district: Text | None = Field(None, description="区（默认取站点设置）")
    street: Street = Field(description="街道（必填，须为站点设置中的街道之一）")
    community: Text | None = Field(None, description="社区")
    place: Text | None = Field(None, description="具体地点，如院落、门牌")


class Metric(_Model):
    label: Text = Field(description="指标名称")
    value: int | float | Text = Field(description="数值")
    unit: Text | None = Field(None, description="单位")


class Case(Record):
    date: PartialDate | None = Field(None, description="时间：2021、2021-06 或 2021-06-15")
    location: Location = Field(description="地点")
    community_type: CommunityTypeName | None = Field(None, description="小区类型")
    summary: Text = Field(description="一段话概述（纯文字）")
    background: Markdown | None = Field(None, description="背景")
    actions: list[Markdown] = Field(default_factory=list, description="做法，按顺序")
    outcomes: Markdown | None = Field(None, description="成效")
    metrics: list[Metric] = Field(default_factory=list, description="数据")
    lessons: list[Markdown] = Field(default_factory=list, description="启示")
    participants: list[Text] = Field(default_factory=list, description="参与方")
    practices: list[Slug] = Field(default_factory=list, description="相关工作法 id")
    policies: list[Slug] = Field(default_factory=list, description="相关政策文件 id")
    checklists: list[Slug] = Field(default_factory=list, description="相关清单 id")
    related_cases: list[Slug] = Field(default_factory=list, description="相关案例 id")
    tags: list[Text] = Field(default_factory=list, description="标签")
    discussion_questions: list[Text] = Field(default_factory=list, description="探讨问题")


class Policy(Record):
    issuer: Text | None = Field(None, description="发文单位")
    doc_number: Text | None = Field(None, description="文号")
    date: PartialDate | None = Field(None, description="发布日期")
    validity: Validity | None = Field(None, description="文件状态：现行有效 或 已废止")
    summary: Text = Field(description="一段话概述")
    practices: list[Slug] = Field(default_factory=list, description="相关工作法 id")
    body: Markdown | None = Field(None, description="正文（Markdown）")


class Practice(Record):
    short_title: Text | None = Field(None, description="简称，如 指挥链")
    section: SectionId = Field(description="所属板块 id")
    order: int | None = Field(None, description="在原文中的顺序")
    summary: Text = Field(description="一段话概述")
    steps: list[Markdown] = Field(default_factory=list, description="具体举措，按顺序")
    policies: list[Slug] = Field(default_factory=list, description="相关政策文件 id")
    checklists: list[Slug] = Field(default_factory=list, description="相关清单 id")
    body: Markdown | None = Field(None, description="正文（Markdown）")

    @property
    def name(self) -> str:
        return self.short_title or self.title


class ChecklistItem(_Model):
    id: Slug = Field(
        description="条目 id：小写英文字母、数字和连字符，在本清单内唯一；"
        "读者在网页上的勾选按它保存，改了 id 勾选就会丢失"
    )
    text: Text = Field(description="条目内容")
    detail: Markdown | None = Field(None, description="说明")
    evidence: Text | None = Field(None, description="佐证材料")
    frequency: Text | None = Field(None, description="频次")
    basis: Text | None = Field(
        None,
        description="依据：照录原文（或 basis_source 所写来源）中"
        "这一条所依据的原话；省略的部分写“……”",
    )
    basis_source: Source | None = Field(
        None, description="依据的来源：依据不是出自本清单所整理的原文时填写"
    )

    @model_validator(mode="after")
    def _basis_has_words(self) -> ChecklistItem:
        if self.basis_source is not None and self.basis is None:
            raise PydanticCustomError(
                "kb_basis", "写了 basis_source（依据的来源），还要在 basis 里照录依据的原话。"
            )
        return self

    @property
    def text_is_quoted(self) -> bool:
        """The item's text is the basis's own words (punctuation aside), not a summary."""
        return self.basis is not None and same_words(self.text) in same_words(self.basis)


class Checklist(Record):
    purpose: Text = Field(description="用途")
    items: list[ChecklistItem] = Field(min_length=1, description="条目")
    practices: list[Slug] = Field(default_factory=list, description="相关工作法 id")
    body: Markdown | None = Field(None, description="补充说明（Markdown）")


class Guide(Record):
    summary: Text | None = Field(None, description="一段话概述")
    order: int = Field(100, description="排序，小的在前")
    body: Markdown = Field(description="正文（Markdown）")


class GlossaryTerm(_Model):
    term: Text = Field(description="术语")
    definition: Markdown = Field(
        description="文中用法：原文怎样使用这个词，以“文中”开头，只写原文所说的"
    )
    quote: Citation | None = Field(
        None,
        description="公开来源的定义：照录一个有名称的公开来源"
        "（不是原文）对这个词的界定，并写明出处",
    )
    aliases: list[Text] = Field(default_factory=list, description="别称")
    practices: list[Slug] = Field(default_factory=list, description="相关工作法 id")


class Glossary(_Model):
    terms: list[GlossaryTerm] = Field(description="术语列表")


class Figure(_Model):
    value: int | float | Text = Field(description="数值")
    unit: Text | None = Field(None, description="单位")
    label: Text = Field(description="说明")
    context: Text = Field(description="在原文中的语境")
    practices: list[Slug] = Field(default_factory=list, description="所在工作法 id")


class SynonymGroup(_Model):
    words: list[SearchWord] = Field(min_length=2, description="意思相同的词，至少两个")


class SynonymList(_Model):
    """Words search treats as one (content/synonyms.yml): a grouping of the editors' own."""

    groups: list[SynonymGroup] = Field(description="同义词组")


class ArticleSection(_Model):
    id: SectionId = Field(description="板块 id")
    intro: Text = Field(description="原文对这一板块的介绍")


class Article(_Model):
    """``content/article.yml``: the source article's opening and its sections' introductions."""

    title: Text = Field(description="原文标题")
    opening: Text = Field(description="原文开头一段")
    sections: list[ArticleSection] = Field(default_factory=list, description="各板块的介绍")
    sources: list[Source] = Field(default_factory=list, description="资料来源")


class Intro(_Model):
    """``<folder>/_index.md``: Markdown shown at the top of a folder's index page."""

    body: Markdown = Field(description="栏目说明（Markdown）")


class FigureList(_Model):
    figures: list[Figure] = Field(description="数字列表")
