import pytest
import yaml

from generator.pages.wayfinding import SECTION_TITLES, Crumb, section_page, trail
from generator.publish.pipeline import load_library
from tests.conftest import REPO


@pytest.fixture(scope="module")
def library():
    return load_library(REPO).library


def test_a_case_sits_under_the_case_library_and_its_street(library):
    assert trail(library, "cases/zhiguo-lane-courtyard.md", "致果巷") == [
        Crumb("首页", "index.md"),
        Crumb("案例库", "cases/index.md"),
        Crumb("护国街道", "cases/streets/huguo.md"),
        Crumb("致果巷", None),
    ]


def test_a_handout_sits_under_its_module_named_by_its_edition(library):
    module = library.get("training", "party-led-property")
    crumbs = trail(library, "training/party-led-property/handout.md", module.title)
    assert crumbs[1:] == [
        Crumb("培训模块", "training/index.md"),
        Crumb(module.title, "training/party-led-property.md"),
        Crumb("学员版讲义", None),
    ]
    assert trail(library, "training/party-led-property/teacher.md", "")[-1].title == "教师版讲义"


def test_practices_checklists_policies_and_street_lists_sit_under_their_section(library):
    assert [c.title for c in trail(library, "practices/red-channel.md", "红色通道")] == [
        "首页",
        "工作法",
        "红色通道",
    ]
    assert trail(library, "checklists/five-powers.md", "x")[1] == Crumb(
        "清单", "checklists/index.md"
    )
    assert [c.page for c in trail(library, "cases/streets/huguo-2.md", "第 2 页")] == [
        "index.md",
        "cases/index.md",
        None,
    ]


def test_pages_the_navigation_lists_have_no_breadcrumb(library):
    for page in ("index.md", "glossary.md", "cases/index.md", "training/index.md"):
        assert trail(library, page, "x") == [] and section_page(page) is None
    assert section_page("cases/a.md") == "cases/index.md"


def test_an_unknown_case_or_module_still_gets_home_and_section(library):
    assert [c.title for c in trail(library, "cases/none.md", "x")] == ["首页", "案例库", "x"]
    assert [c.title for c in trail(library, "training/none/handout.md", "x")] == [
        "首页",
        "培训模块",
        "学员版讲义",
    ]


def test_section_titles_are_the_navigations_own():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.load(text[text.index("\nnav:") :].split("\n\n")[0], Loader=yaml.SafeLoader)["nav"]
    listed = {page: title for entry in nav for title, page in entry.items()}
    for folder, title in SECTION_TITLES.items():
        assert listed[f"{folder}/index.md"] == title
