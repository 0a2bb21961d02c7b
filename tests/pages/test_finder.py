from generator.library.streets import STREET_PAGE, street_pages
from generator.pages.finder import finder_data, finder_order
from generator.publish.pipeline import load_library
from tests.conftest import REPO
from tests.helpers import case_yaml, make_project


def test_newest_first_then_undated_by_title(tmp_path):
    root = make_project(tmp_path, {
        "cases/a.yml": case_yaml("a", extra="date: 2020\n"),
        "cases/b.yml": case_yaml("b", extra="date: 2023-05\n"),
        "cases/c.yml": case_yaml("c"),
    })
    assert [c.id for c in finder_order(load_library(root).library.all("case"))] == ["b", "a", "c"]


def test_each_case_is_described_by_small_numbers_per_filter():
    library = load_library(REPO).library
    cases = finder_order(library.all("case"))
    data = finder_data(library, cases, first_doc=40, chunk=16)
    assert data["count"] == 5 and data["first"] == 40
    street = data["facets"]["street"]
    zhiguo = [c.id for c in cases].index("zhiguo-lane-courtyard")
    assert street["values"][street["of"][zhiguo][0]] == ["护国街道", "护国街道"]
    practice = data["facets"]["practice"]
    assert [practice["values"][i][0] for i in practice["of"][zhiguo]] == ["concentric-circles"]
    assert data["facets"]["type"]["values"] == []  # the article gives no community types


def test_street_pages_hold_a_hundred_cases_each(tmp_path):
    cases = {f"cases/c{n}.yml": case_yaml(f"c{n:03d}") for n in range(STREET_PAGE + 5)}
    library = load_library(make_project(tmp_path, cases)).library
    pages = street_pages(library.vocabularies, finder_order(library.all("case")))
    assert [(p.path, len(p.cases), p.pages) for p in pages] == [
        ("cases/streets/huguo.md", STREET_PAGE, 2), ("cases/streets/huguo-2.md", 5, 2)]
