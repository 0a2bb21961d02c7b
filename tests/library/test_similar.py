from generator.library.similar import WINDOW, SimilarCases
from generator.model import Case
from tests.sources.test_validation import VOCABULARIES


def _case(case_id: str, practices=(), tags=()) -> Case:
    return Case.model_validate(
        {
            "id": case_id,
            "title": case_id,
            "summary": "s",
            "location": {"street": "护国街道"},
            "practices": list(practices),
            "tags": list(tags),
        },
        context={"vocabularies": VOCABULARIES},
    )


def test_cases_sharing_more_practices_and_tags_come_first():
    a = _case("a", ["p1", "p2"], ["院坝"])
    b = _case("b", ["p1", "p2"])
    c = _case("c", ["p1"], ["院坝"])
    d = _case("d", [], ["院坝"])
    e = _case("e", ["p9"], ["物业"])
    similar = SimilarCases([a, b, c, d, e])
    assert [x.id for x in similar.for_case(a)] == ["b", "c", "d"]
    assert similar.for_case(e) == []


def test_each_case_looks_only_at_its_neighbours_in_every_list():
    cases = [_case(f"c{n:04d}", ["p1"]) for n in range(1000)]
    similar = SimilarCases(cases)
    found = [x.id for x in similar.for_case(cases[500], limit=100)]
    assert len(found) == 2 * WINDOW
    assert set(found) == {f"c{n:04d}" for n in range(500 - WINDOW, 501 + WINDOW)} - {"c0500"}


def test_a_case_outside_the_library_still_gets_suggestions():
    similar = SimilarCases([_case("a", ["p1"]), _case("b", ["p1"])])
    assert [x.id for x in similar.for_case(_case("draft", ["p1"]))] == ["a", "b"]
