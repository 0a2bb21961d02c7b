"""The words search treats as one: the editors' groups (content/synonyms.yml) and each glossary
term with its aliases. A word may stand in one group only, or a search for it would be two."""

from __future__ import annotations

from generator.model import Glossary, SynonymList
from generator.sources.loading import dotted_path
from generator.sources.problems import ProblemList


def synonym_groups(synonyms: SynonymList | None, glossary: Glossary | None) -> list[list[str]]:
    """Every group, the editors' first, then the glossary's (terms that have aliases); a word
    already in an earlier group is left out of a later one."""
    groups = [list(g.words) for g in synonyms.groups] if synonyms else []
    groups += [[t.term, *t.aliases] for t in glossary.terms if t.aliases] if glossary else []
    seen: set[str] = set()
    merged = []
    for group in groups:
        words = [w for w in dict.fromkeys(group) if w not in seen]
        seen.update(words)
        if len(words) > 1:
            merged.append(words)
    return merged


def check_synonyms(synonyms: SynonymList, origin: tuple[str, dict], problems: ProblemList) -> None:
    file, positions = origin
    first: dict[str, int] = {}
    for number, group in enumerate(synonyms.groups):
        for index, word in enumerate(group.words):
            path = ("groups", number, "words", index)
            if word in first:
                line, column = positions.get(path, (1, 1))
                problems.add(
                    file,
                    line,
                    column,
                    dotted_path(path),
                    f"「{word}」已经在第 {first[word] + 1} 组里：一个词只能属于一组，"
                    "请把这两组合并，或删掉其中一处。",
                    rule="synonym-duplicate",
                )
            first.setdefault(word, number)
