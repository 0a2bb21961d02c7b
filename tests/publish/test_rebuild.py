from generator.publish.pipeline import build_site
from generator.publish.rebuild import ServeMemory
from tests.helpers import case_yaml, make_project


def _site(root, memory):
    return build_site(root, cache=memory.cases, processes=1).site


def test_only_the_edited_case_and_those_showing_it_render_again(tmp_path):
    root = make_project(
        tmp_path,
        {
            f"cases/c{n}.yml": case_yaml(f"c{n}", extra=f"tags: [{'院坝' if n < 3 else '物业'}]\n")
            for n in range(6)
        },
    )
    memory = ServeMemory()
    site = _site(root, memory)
    memory.start(("settings",))
    memory.remember(site, site.all_postings([site.case_postings(0, len(site.cases))]))
    (root / "cases/c0.yml").write_text(
        case_yaml("c0", extra="tags: [院坝]\n").replace("概述。", "新的概述。"), encoding="utf-8"
    )
    site = _site(root, memory)
    changed = {site.cases[i].id for i in memory.changed_cases(site)}
    assert changed == {"c0"}  # same title: the pages listing it as similar are unchanged
    (root / "cases/c1.yml").write_text(
        case_yaml("c1", extra="tags: [院坝]\n").replace("案例c1", "改名的案例"), encoding="utf-8"
    )
    site = _site(root, memory)
    changed = {site.cases[i].id for i in memory.changed_cases(site)}
    assert changed == {"c0", "c1", "c2"}  # c1 renamed: c0 and c2 show it as similar


def test_updated_postings_equal_a_fresh_index(tmp_path):
    root = make_project(tmp_path, {f"cases/c{n}.yml": case_yaml(f"c{n}") for n in range(4)})
    memory = ServeMemory()
    site = _site(root, memory)
    memory.start(())
    memory.remember(site, site.all_postings([site.case_postings(0, len(site.cases))]))
    (root / "cases/c2.yml").write_text(
        case_yaml("c2").replace("概述。", "加装电梯。"), encoding="utf-8"
    )
    site = _site(root, memory)
    changed = memory.changed_cases(site)
    updated = memory.updated_postings(site, changed)
    fresh = site.all_postings([site.case_postings(0, len(site.cases))])
    assert updated.encoded() == fresh.encoded() and "电梯" in updated.encoded()


def test_only_data_files_whose_text_changed_are_written_again(tmp_path):
    memory = ServeMemory()
    files = {"search/a.js": "1", "search/b.js": "2"}
    assert memory.changed_files(files, tmp_path) == files  # nothing on disk yet
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    assert memory.changed_files({"search/a.js": "1", "search/b.js": "3"}, tmp_path) == {
        "search/b.js": "3"
    }
