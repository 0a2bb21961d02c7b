"""Markdown with its code blanked out: fenced blocks and code spans become spaces, every line
break kept, so what a check finds in the rest is on the same line and column as in the
source (an attribute list or an abbreviation written inside code is not one)."""

from __future__ import annotations

import re

FENCE_LINE = re.compile(r" {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


def without_code(text: str) -> str:
    """Markdown with fenced blocks and code spans blanked out (same line count)."""
    spans = _fenced_blocks(text)
    keep = [text[start:end] for start, end in _between(spans, len(text))]
    out = []
    for index, part in enumerate(keep):
        out.append(_without_code_spans(part))
        if index < len(spans):
            out.append(_blank(text[spans[index][0] : spans[index][1]]))
    return "".join(out)


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each closed ``` or ~~~ block, its fences included, read line by line."""
    spans, opened, position = [], None, 0
    for line in text.split("\n"):
        match = FENCE_LINE.match(line)
        if opened is None and match:
            opened = (position, match.group(1))
        elif (
            opened is not None
            and match
            and match.group(1) == opened[1]
            and (not line[match.end() :].strip())
        ):
            spans.append((opened[0], position + len(line)))
            opened = None
        position += len(line) + 1
    return spans


def _between(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    starts = [0] + [end for _, end in spans]
    ends = [start for start, _ in spans] + [length]
    return list(zip(starts, ends, strict=True))


def _without_code_spans(text: str) -> str:
    """A run of n backticks opens a code span that the next run of exactly n closes."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        size = runs[index][1] - runs[index][0]
        following[index] = seen.get(size)
        seen[size] = index
    out, done, index = [], 0, 0
    while index < len(runs):
        closing = following[index]
        if closing is None:
            index += 1
            continue
        start, end = runs[index][0], runs[closing][1]
        out += [text[done:start], _blank(text[start:end])]
        done, index = end, closing + 1
    return "".join(out) + text[done:]


def _blank(text: str) -> str:
    return "".join("\n" if char == "\n" else " " for char in text)
