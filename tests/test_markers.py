"""The markers a quick run leaves out (README 测试): ``-m "not browser and not slow"`` keeps no
test that drives Chromium, and every marker used is registered (``--strict-markers``)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO, pytest_collection_modifyitems


def _collected(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: none collected
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_a_quick_run_opens_no_browser_and_starts_no_preview():
    kept = _collected("-m", "not browser and not slow", "tests/site", "tests/mkdocs_plugin")
    assert kept, "the quick run still has tests"
    assert not [t for t in kept if "_browser.py::" in t or "test_serve.py::" in t]


class _Item:
    def __init__(self, *fixtures: str):
        self.fixturenames, self.markers = list(fixtures), []

    def add_marker(self, marker) -> None:
        self.markers.append(marker.name)


def test_a_test_that_takes_a_browser_fixture_is_marked_whatever_its_file_says():
    items = [_Item("tmp_path", "phone"), _Item("touch_phone"), _Item("browser"), _Item("root")]
    pytest_collection_modifyitems(items)
    assert [item.markers for item in items] == [["browser"], ["browser"], ["browser"], []]
