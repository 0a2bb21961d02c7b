"""An attacker with edit rights, in a real browser: every page, every element, nothing runs.

Two sites are built from ``tests/hostile/`` on top of the bundled content. ``accepted`` holds
hostile text the input checks accept (plain-text fields); ``missed`` holds what the checks
reject, built as if they had missed it, plus page templates that print fields raw. Every page
of both is opened; every element is hovered with the mouse, focused and clicked.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_project, run_kb, serve_folder

pytestmark = pytest.mark.browser

HOSTILE = Path(__file__).parent.parent / "hostile"

# Hovers each element, focuses and clicks it; links are not followed (their targets are
# checked statically below), but inline handlers and Material's tooltips still fire.
INTERACT = """async (selector) => {
  window.addEventListener("click", e => e.preventDefault(), true);
  const elements = [...document.querySelectorAll(selector)];
  for (const el of elements) {
    if (!el.isConnected) continue;  // redrawn by a script; a detached link still navigates
    for (const type of ["pointerover", "mouseover", "mouseenter", "pointerdown", "mouseup"])
      el.dispatchEvent(new MouseEvent(type, {bubbles: type !== "mouseenter"}));
    if (el.focus) el.focus();
    if (el.click) el.click();
  }
  await new Promise(r => setTimeout(r, 50));
  return elements.length;
}"""

UNSAFE_IN_DOM = """() => {
  const all = [...document.querySelectorAll("*")];
  const handlers = all.filter(el => [...el.attributes].some(a => /^on/i.test(a.name)));
  const content = [...document.querySelectorAll("article, article *, .md-nav--secondary *")];
  const styled = content.filter(el => el.hasAttribute("style"));
  const live = v =>
    /^[\\x00-\\x20]*(javascript|vbscript|data):/i.test(v.replace(/[\\t\\n\\r]/g, ""));
  const urls = all.flatMap(el => ["href", "src", "action", "formaction", "data", "xlink:href"]
    .map(name => el.getAttribute(name) || "").filter(live));
  return {
    handlers: handlers.map(el => el.outerHTML.slice(0, 120)),
    styled: styled.map(el => el.outerHTML.slice(0, 120)),
    urls,
    // the case finder draws its own form (kb-finder.js) and a checklist its checkboxes
    // (kb-checklist.js); everything else came from content
    scripts: [...document.querySelectorAll("article script, article iframe, article object, "
      + "article embed, article form, article input, article style, article link")]
      .filter(el => !el.closest(".kb-finder") && !el.matches("input.kb-checklist__box")).length,
  };
}"""


def _site(tmp_path_factory, corpus: str, *command: str) -> tuple[Path, str]:
    root = copy_project(tmp_path_factory.mktemp(corpus))
    shutil.copytree(HOSTILE / corpus, root, dirs_exist_ok=True)
    site = root / "site"
    result = subprocess.run(
        [*command, "build", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return site, result.stderr


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    return _site(tmp_path_factory, "accepted", sys.executable, "-m", "mkdocs")


@pytest.fixture(scope="module")
def missed(tmp_path_factory):
    script = str(HOSTILE / "build_without_checks.py")
    return _site(tmp_path_factory, "missed", sys.executable, script)


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix() + "/" for p in site.rglob("index.html"))


# The real mouse goes over what can show a tooltip (Material renders title attributes and
# link previews on hover); synthetic events reach every other element.
CENTRES = """() => [...document.querySelectorAll("[title], article a, article abbr")]
  .map(el => el.getBoundingClientRect())
  .filter(r => r.width > 0 && r.height > 0 && r.bottom <= innerHeight && r.right <= innerWidth)
  .map(r => [r.x + r.width / 2, r.y + r.height / 2])"""


def _open_everything(phone, site: Path) -> dict:
    """Every page: hover, focus and click on every element."""
    found: dict[str, dict] = {}
    with serve_folder(site) as url:
        for path in _pages(site):
            phone.set_viewport_size({"width": 390, "height": 844})
            phone.goto(url + path.lstrip("./"))
            phone.wait_for_load_state("load")
            height = phone.evaluate("document.documentElement.scrollHeight")
            phone.set_viewport_size({"width": 390, "height": min(height, 20_000)})
            for x, y in phone.evaluate(CENTRES):
                phone.mouse.move(x, y)
            try:
                phone.evaluate(INTERACT, "body *")
                unsafe = phone.evaluate(UNSAFE_IN_DOM)
            except Exception as error:  # noqa: BLE001 - name the page that misbehaved
                raise AssertionError(f"{path}: {error}") from error
            if any(unsafe.values()):
                found[path] = unsafe
    return found


def test_hostile_plain_text_never_runs_on_any_page(phone, accepted):
    site, _ = accepted
    assert _open_everything(phone, site) == {}
    assert phone.dialogs == [] and phone.foreign_requests == []


def test_hostile_plain_text_is_shown_as_written(phone, accepted):
    site, _ = accepted
    with serve_folder(site) as url:
        phone.goto(url + "cases/hostile-plain/")
        text = phone.locator("article").inner_text().replace("\u200b", "")
        assert "标题<script>alert('title')</script>{ onclick=\"alert('title-attr')\" }" in text
        assert ":material-account:{ onmouseover=\"alert('summary')\" }" in text
        assert phone.locator("article .twemoji, article abbr").count() == 0
        assert phone.title().startswith("标题<script>")
        assert phone.dialogs == []


def test_what_the_checks_reject_is_reported_where_it_was_written(tmp_path):
    root = copy_project(tmp_path)
    shutil.copytree(HOSTILE / "missed", root, dirs_exist_ok=True)
    result = run_kb(root, "validate")
    assert result.returncode == 1
    for source in (
        "cases/huguo/hostile-markdown.yml",
        "content/practices/hostile-body.md",
        "content/policies/hostile-policy-body.md",
        "content/checklists/hostile-items.yml",
        "content/guides/hostile-guide-body.md",
        "content/glossary.yml",
        "content/policies/_index.md",
    ):
        assert f"\n{source}:" in "\n" + result.stdout, source
    assert "Traceback" not in result.stdout + result.stderr


def test_what_the_checks_miss_the_sanitizer_removes(phone, missed):
    site, log = missed
    assert _open_everything(phone, site) == {}
    assert phone.dialogs == [] and phone.foreign_requests == []
    assert "cases/hostile-markdown.md：已从页面中移除" in log
    assert "guides/editors.md：已从页面中移除" in log  # the hostile template


def test_tooltips_and_search_results_show_no_html(phone, missed):
    site, _ = missed
    with serve_folder(site) as url:
        phone.goto(url + "guides/editors/")
        phone.locator("article a", has_text="悬停提示").hover()
        phone.locator("article p", has_text="整页遮罩").hover()
        phone.goto(url)
        phone.click("label[for=__search]")
        phone.fill("input.md-search__input", "img")
        phone.keyboard.press("End")
        phone.wait_for_timeout(1_500)
        assert phone.locator(".md-search-result img, .md-search-result script").count() == 0
    assert phone.dialogs == []
