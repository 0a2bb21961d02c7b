"""Similar cases: those sharing practices (counted twice) and tags with a case.

Comparing every case with every case sharing a practice is quadratic: at ten thousand cases a
practice is cited by a thousand of them. Each case is compared instead with the few cases next
to it in every practice's and tag's list (a window), which keeps the work linear and the
choice deterministic, and still finds cases sharing several keys first.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.model import Case

WINDOW = 24  # neighbours on each side in every list the case is in


class SimilarCases:
    def __init__(self, cases: list[Case]):
        self.by_id = {case.id: case for case in cases}
        self.order = {case.id: index for index, case in enumerate(cases)}
        self.lists: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.place: dict[tuple[str, str, str], int] = {}
        for case in cases:
            for key in _keys(case):
                self.place[(*key, case.id)] = len(self.lists[key])
                self.lists[key].append(case.id)

    def for_case(self, case: Case, limit: int = 5) -> list[Case]:
        scores: Counter[str] = Counter()
        for key in _keys(case):
            members = self.lists[key]
            at = self.place.get((*key, case.id))
            if at is None:  # a case outside the library (a draft preview): its start
                at = 0
            weight = 2 if key[0] == "practice" else 1
            for other in members[max(0, at - WINDOW) : at + WINDOW + 1]:
                if other != case.id:
                    scores[other] += weight
        ranked = sorted(scores, key=lambda i: (-scores[i], self.order[i]))
        return [self.by_id[i] for i in ranked[:limit]]


def _keys(case: Case) -> set[tuple[str, str]]:
    return {("practice", p) for p in case.practices} | {("tag", t) for t in case.tags}
