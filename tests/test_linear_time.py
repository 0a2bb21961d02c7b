"""Checking a file takes time linear in its size, whatever it holds: hostile inputs at two sizes
go through what ``kb validate`` does to one file (read, parse, check every field); doubling the
input must not much more than double the time. Absolute figures for 1 MB files are measured by
``benchmarks/validate_limits.py``, not here."""

from __future__ import annotations

import time

import pytest

from generator.model import Case
from generator.sources.loading import read_source
from generator.sources.markdown_check import inspect_markdown
from generator.sources.pii import personal_information
from generator.sources.problems import ProblemList
from generator.sources.validation import validate_document
from tests.sources.test_validation import VOCABULARIES

SMALL, LARGE = 25_000, 50_000  # characters, both under the limit for one value
HOSTILE = {
    "digit groups": lambda n: "1 " * (n // 2),
    "phone-like runs": lambda n: "138 1234 " * (n // 9),
    "opening brackets": lambda n: "[" * n,
    "brackets and links": lambda n: "[a](" * (n // 4),
    "unclosed tags": lambda n: "<a " * (n // 3),
    "unclosed comment": lambda n: "<!--" + "x" * n,
    "backticks": lambda n: "`" * n,
    "attribute braces": lambda n: "{.a" * (n // 3),
    "text without @": lambda n: "a" * n,
    "many @": lambda n: "a@" * (n // 2),
    "percent-encoded @": lambda n: "a%40" * (n // 4),
    "list markers": lambda n: "\n- " * (n // 3),
    "a long line": lambda n: "字" * n,
    # the personal-data guard's spelled forms (generator/sources/pii*.py)
    "Chinese numerals": lambda n: "一" * n,
    "spaced Chinese numerals": lambda n: "一 " * (n // 2),
    "numerals between digits": lambda n: "1一" * (n // 2),
    "enclosed digits": lambda n: "①⑴" * (n // 2),
    "many (at)": lambda n: "a(at)" * (n // 5),
    "many at words": lambda n: "a at " * (n // 5),
    "many 艾特": lambda n: "a艾特" * (n // 3),
    "spelled dots": lambda n: "a@b" + " dot b" * (n // 6),
    "many 栋": lambda n: "3栋" * (n // 2),
    "many 单元": lambda n: "2单元" * (n // 3),
    "buildings and units": lambda n: "3栋2单元" * (n // 5),
    "many QQ labels": lambda n: "QQ 1 " * (n // 5),
    "many WeChat labels": lambda n: "微信 a" * (n // 4),
}


def _case_file(folder, text: str):
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    path = folder / "case.yml"
    path.write_text(
        f'id: a\ntitle: 甲\nlocation:\n  street: 护国街道\nsummary: "{body}"\n'
        f'background: "{body}"\n',
        encoding="utf-8",
    )
    return path


def _seconds(path, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        inspect_markdown.cache_clear()
        start = time.perf_counter()
        problems = ProblemList()
        doc = read_source(path, "cases/case.yml", problems)
        if doc is not None:
            validate_document(doc, Case, VOCABULARIES, problems)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("name", list(HOSTILE))
def test_twice_the_input_takes_about_twice_the_time(tmp_path, name):
    # quadratic code takes four times as long, cubic eight; the constant absorbs timer noise.
    # A busy machine can slow one measurement: measured once, then up to twice more as the
    # best of three runs each; quadratic code fails every time.
    for attempt in range(3):
        repeats = 1 if attempt == 0 else 3
        small = _seconds(_case_file(tmp_path, HOSTILE[name](SMALL)), repeats)
        large = _seconds(_case_file(tmp_path, HOSTILE[name](LARGE)), repeats)
        if large <= 2.6 * small + 0.02:
            break
    assert large <= 2.6 * small + 0.02, f"{name}: {small:.3f} s → {large:.3f} s"
    assert large < 2.0, f"{name}: {large:.3f} s for {LARGE} characters"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_personal_data_guard_reads_100_kb_of_anything_in_a_second(name):
    text = HOSTILE[name](100_000)
    start = time.perf_counter()
    personal_information(text)
    assert time.perf_counter() - start < 1.0, name
