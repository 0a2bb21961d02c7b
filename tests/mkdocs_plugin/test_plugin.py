"""The real ``mkdocs build --strict`` through the kb plugin: content, failures, determinism."""

import hashlib
import json

import pytest

from tests.conftest import REPO, copy_project, run_kb, run_mkdocs


def _tree_digest(site):
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_bundled_content_builds_every_page(built_site):
    for page in (
        "index.html",
        "cases/index.html",
        "cases/zhiguo-lane-courtyard/index.html",
        "practices/command-chain/index.html",
        "policies/grid-governance-plan/index.html",
        "checklists/five-basics/index.html",
        "glossary/index.html",
        "figures/index.html",
        "guides/editors/index.html",
        "search/search_index.json",
    ):
        assert (built_site / page).is_file(), page


def test_navigation_never_lists_individual_cases(built_site):
    page = (built_site / "practices/index.html").read_text(encoding="utf-8")
    nav = page[page.index("md-sidebar--primary") : page.index("md-sidebar--secondary")]
    assert "案例库" in nav and "术语表" in nav
    assert "cases/zhiguo-lane-courtyard" not in nav and "practices/red-channel" not in nav


def test_material_loads_a_stub_and_its_search_box_talks_to_the_kb_worker(built_site):
    stub = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and len(json.dumps(stub)) < 300
    manifest = (built_site / "search/manifest.js").read_text(encoding="utf-8")
    assert manifest.startswith("kbSearch.manifest(") and '"docs":' in manifest
    page = (built_site / "cases/zhiguo-lane-courtyard/index.html").read_text(encoding="utf-8")
    assert 'config.search = "../../assets/javascripts/kb-search.js"' in page
    assert 'for="__search"' in page  # Material's search box is still there


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The bundled content built a second time, as ``built_site`` was: (site, MkDocs' log)."""
    site = tmp_path_factory.mktemp("rebuilt") / "site"
    result = run_mkdocs(REPO, "build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.mark.slow
def test_case_pages_share_the_theme_with_byte_identical_results(tmp_path):
    """The shared rendering of the theme (shared_theme: true) is an optimisation only."""
    sites = []
    for shared in ("true", "false"):
        root = copy_project(tmp_path / shared)
        config = root / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "drafts: !ENV [KB_DRAFTS, false]",
                f"drafts: !ENV [KB_DRAFTS, false]\n      shared_theme: {shared}",
            ),
            encoding="utf-8",
        )
        sites.append(tmp_path / f"site-{shared}")
        result = run_mkdocs(
            root,
            "build",
            "--strict",
            "--site-dir",
            str(sites[-1]),
            env={"SOURCE_DATE_EPOCH": "1700000000"},
        )
        assert result.returncode == 0, result.stderr
    assert _tree_digest(sites[0]) == _tree_digest(sites[1])


def test_no_page_refers_to_fonts_or_scripts_on_other_hosts(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "unpkg.com" not in html, page


@pytest.mark.slow
def test_same_sources_give_byte_identical_sites(built_site, rebuilt):
    """Dated by the last commit (the plugin sets SOURCE_DATE_EPOCH), never by the clock."""
    site, _ = rebuilt
    assert _tree_digest(site) == _tree_digest(built_site)


def _failed_rebuild(tmp_path, file: str, old: str, new: str):
    """Build once, break ``file``, build again: returns the failed run and whether the site
    folder is byte-identical to the first build with nothing left beside it."""
    root = copy_project(tmp_path / "kb")
    site = tmp_path / "site"
    assert run_mkdocs(root, "build", "--strict", "--site-dir", str(site)).returncode == 0
    before = _tree_digest(site)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text  # the change must really happen
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_mkdocs(root, "build", "--strict", "--site-dir", str(site))
    kept = _tree_digest(site) == before
    return result, kept and sorted(p.name for p in tmp_path.iterdir()) == ["kb", "site"]


@pytest.mark.slow
def test_bad_input_fails_the_build_with_the_report_and_keeps_the_old_site(tmp_path):
    result, site_kept = _failed_rebuild(
        tmp_path, "cases/huguo/zhiguo-lane-courtyard.yml", "street: 护国街道", "street: 护国街"
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cases/huguo/zhiguo-lane-courtyard.yml:4:3: location.street: 「护国街」" in result.stderr
    assert site_kept


@pytest.fixture(scope="module")
def kb_built(tmp_path_factory):
    """A copy of the bundled content with one draft case, built by ``kb build``."""
    root = copy_project(tmp_path_factory.mktemp("kb-build") / "kb")
    draft = root / "cases/huguo/draft-case.yml"
    draft.write_text(
        "id: draft-case\ntitle: 草稿案例\nstatus: draft\nlocation:\n"
        "  street: 护国街道\nsummary: 草稿。\n",
        encoding="utf-8",
    )
    result = run_kb(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def test_kb_build_wraps_mkdocs(kb_built):
    assert (kb_built / "site/cases/zhiguo-lane-courtyard/index.html").is_file()


@pytest.mark.slow
def test_kb_build_with_drafts_includes_them(kb_built):
    root = kb_built
    assert not (root / "site/cases/draft-case").exists()
    assert run_kb(root, "build", "--drafts").returncode == 0
    page = (root / "site/cases/draft-case/index.html").read_text(encoding="utf-8")
    assert "草稿" in page


@pytest.mark.slow
def test_a_late_strict_failure_also_keeps_the_old_site(tmp_path):
    """A missing image is only found by MkDocs while writing; the staged build is discarded."""
    image = "![示意图](../no-such-image.png)\n\n"
    result, site_kept = _failed_rebuild(
        tmp_path, "content/guides/trainers.md", "## 打印页面", image + "## 打印页面"
    )
    assert result.returncode == 1 and "no-such-image.png" in result.stderr
    assert site_kept


def test_the_sanitizer_removes_nothing_from_our_own_pages(rebuilt):
    _, log = rebuilt
    assert "内容检查通过" in log and "已从页面中移除" not in log


def test_sanitizer_reports_what_it_removed_from_a_hostile_template(tmp_path):
    root = copy_project(tmp_path / "kb")
    (root / "site_config/templates/figures.md.j2").write_text(
        '# 数说\n\n<p onclick="alert(1)">x</p>\n', encoding="utf-8"
    )
    result = run_mkdocs(root, "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "figures.md：已从页面中移除 <p> 的 onclick 属性" in result.stderr
    page = (tmp_path / "site/figures/index.html").read_text(encoding="utf-8")
    assert "onclick" not in page


@pytest.mark.slow
def test_parallel_and_single_process_builds_are_byte_identical(tmp_path):
    """500 cases are split over two forked workers (eight ranges, read and written); one
    process must give the same bytes."""
    from tests.helpers import write_synthetic_cases

    root = copy_project(tmp_path / "kb")
    write_synthetic_cases(root, 500)
    sites = {processes: tmp_path / f"site-{processes}" for processes in ("2", "1")}
    for processes, site in sites.items():
        result = run_mkdocs(
            root, "build", "--strict", "--site-dir", str(site), env={"KB_PROCESSES": processes}
        )
        assert result.returncode == 0, result.stderr
    assert _tree_digest(sites["1"]) == _tree_digest(sites["2"])
