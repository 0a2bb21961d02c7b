from generator.library.streets import STREET_PAGE, street_pages
from generator.pages.finder import finder_data, finder_order
from generator.publish.pipeline import load_library
from tests.conftest import REPO
from tests.helpers import case_yaml, make_project


def test_newest_first_then_undated_by_title(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="date: 2020\n"),
            "cases/b.yml": case_yaml("b", extra="date: 2023-05\n"),
            "cases/c.yml": case_yaml("c"),
        },
    )
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
    assert [practice["values"][i] for i in practice["of"][zhiguo]] == [
        ["concentric-circles", "同心圆"]
    ]  # a practice is shown by its short name
    policy = library.get("policy", "grid-governance-plan")
    assert [policy.id, policy.title] in data["facets"]["policy"]["values"]
    assert {k: data[k] for k in ("version", "count", "first", "chunk")} == {
        "version": 2,
        "count": 5,
        "first": 40,
        "chunk": 16,
    }
    types = data["facets"]["type"]  # every type the site knows; the article gives none
    assert [name for name, _ in types["values"]] == library.vocabularies.allowed("community_type")
    assert types["of"] == [[]] * 5


def test_undated_cases_and_the_title_order_follow_pinyin_not_character_codes(tmp_path):
    titles = {
        "c1": "西站社区",
        "c2": "“吹哨报到”执法",
        "c3": "三合营协商",
        "c4": "致果巷改造",
        "c5": "五华山社区",
    }
    root = make_project(
        tmp_path,
        {
            f"cases/{i}.yml": case_yaml(i).replace("title: ", f"title: {t}  # ", 1)
            for i, t in titles.items()
        },
    )
    library = load_library(root).library
    cases = finder_order(library.all("case"))
    assert [c.title for c in cases] == [
        "“吹哨报到”执法",
        "三合营协商",
        "五华山社区",
        "西站社区",
        "致果巷改造",
    ]
    data = finder_data(library, cases, first_doc=0, chunk=16)
    assert [cases[i].title for i in data["byTitle"]] == [c.title for c in cases]


def test_title_order_is_its_own_when_cases_are_dated(tmp_path):
    root = make_project(
        tmp_path,
        {
            "cases/a.yml": case_yaml("a", extra="date: 2020\n").replace(
                "title: ", "title: 乙  # ", 1
            ),
            "cases/b.yml": case_yaml("b", extra="date: 2023\n").replace(
                "title: ", "title: 甲  # ", 1
            ),
        },
    )
    library = load_library(root).library
    cases = finder_order(library.all("case"))
    assert [c.id for c in cases] == ["b", "a"]
    assert finder_data(library, cases, 0, 16)["byTitle"] == [0, 1]  # 甲 jia, 乙 yi


def test_a_street_without_cases_is_a_known_value(tmp_path):
    root = make_project(tmp_path, {"cases/a.yml": case_yaml("a")})
    library = load_library(root).library
    streets = finder_data(library, library.all("case"), 0, 16)["facets"]["street"]
    assert len(streets["values"]) == len(library.vocabularies.streets) > 1


def test_street_pages_hold_a_hundred_cases_each(tmp_path):
    cases = {f"cases/c{n}.yml": case_yaml(f"c{n:03d}") for n in range(STREET_PAGE + 5)}
    library = load_library(make_project(tmp_path, cases)).library
    pages = street_pages(library.vocabularies, finder_order(library.all("case")))
    assert [(p.path, len(p.cases), p.pages) for p in pages] == [
        ("cases/streets/huguo.md", STREET_PAGE, 2),
        ("cases/streets/huguo-2.md", 5, 2),
    ]


def _facets(tmp_path, cases: dict[str, str]) -> tuple[list[str], dict]:
    """(case ids in finder order, the facets) of a project holding ``cases`` (id → extra)."""
    root = make_project(
        tmp_path, {f"cases/{i}.yml": case_yaml(i, extra=extra) for i, extra in cases.items()}
    )
    library = load_library(root).library
    order = finder_order(library.all("case"))
    return [c.id for c in order], finder_data(library, order, 0, 16)["facets"]


def _values_of(facet: dict, ids: list[str], case_id: str) -> list[str]:
    return [facet["values"][i][0] for i in facet["of"][ids.index(case_id)]]


def test_every_filter_describes_every_case(tmp_path):
    ids, facets = _facets(
        tmp_path,
        {
            "a": "date: 2021\ncommunity_type: 城中村\ntags: [停车, 议事, 加装电梯]\n"
            "practices: [sample-practice]\npolicies: [sample-policy]\n"
            "checklists: [sample-checklist]\n",
            "b": "date: 2023-05-06\ntags: [议事]\n",
            "c": "",
        },
    )
    assert list(facets) == ["street", "type", "practice", "tag", "year", "policy", "checklist"]
    assert [_values_of(facets["street"], ids, i) for i in ids] == [["护国街道"]] * 3
    assert _values_of(facets["type"], ids, "a") == ["城中村"]
    assert _values_of(facets["type"], ids, "b") == []
    assert _values_of(facets["tag"], ids, "a") == ["停车", "加装电梯", "议事"]  # every tag
    assert _values_of(facets["tag"], ids, "b") == ["议事"]
    assert _values_of(facets["year"], ids, "a") == ["2021"]  # a year alone is a year
    assert _values_of(facets["year"], ids, "b") == ["2023"]
    assert _values_of(facets["year"], ids, "c") == []
    assert [v for v, _ in facets["year"]["values"]] == ["2023", "2021"]  # newest first
    assert _values_of(facets["practice"], ids, "a") == ["sample-practice"]
    assert _values_of(facets["policy"], ids, "a") == ["sample-policy"]
    assert _values_of(facets["checklist"], ids, "a") == ["sample-checklist"]
    assert _values_of(facets["checklist"], ids, "c") == []
