"""Help text laid out by how wide characters look: a Chinese character takes two columns in
a terminal, so argparse's layout (one column per character) leaves the help of 文件夹 and
端口 out of line. Also, the list of commands is shown once, under its heading."""

from __future__ import annotations

import argparse
import unicodedata


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide and full-width characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class HelpLayout(argparse.RawDescriptionHelpFormatter):
    def add_argument(self, action: argparse.Action) -> None:
        if action.help is argparse.SUPPRESS:
            return
        invocations = [self._format_action_invocation(action)]
        invocations += [
            self._format_action_invocation(sub) for sub in self._iter_indented_subactions(action)
        ]
        longest = max(width(text) for text in invocations) + self._current_indent
        self._action_max_length = max(self._action_max_length, longest)
        self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):  # the commands, without a header
            return "".join(self._format_action(sub) for sub in action._get_subactions())
        column = min(self._action_max_length + 2, self._max_help_position)
        invocation = " " * self._current_indent + self._format_action_invocation(action)
        if not action.help:
            return invocation + "\n"
        text = self._expand_help(action)
        if width(invocation) + 2 <= column:
            return invocation + " " * (column - width(invocation)) + text + "\n"
        return invocation + "\n" + " " * column + text + "\n"
