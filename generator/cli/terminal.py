"""What an editor sees in the terminal: short Chinese lines instead of MkDocs' English log.

``kb build`` and ``kb serve`` run MkDocs and pass its log through :class:`LogRelay`: lines it
knows become Chinese, our own Chinese lines pass with their level prefix removed, and the rest
(English INFO lines, a traceback) is kept back unless ``-v`` asks for everything. A failure
that would only have shown a traceback is explained in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

_PREFIX = re.compile(r"^(INFO|WARNING|ERROR|DEBUG)\s+-\s+(?:generator: )?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# "Config value 'plugins': Plugin 'kb' option 'cms': Sub-option 'review': " before our message
_CONFIG_PATH = re.compile(r"^Config value '[^']*': (?:[\w-]+ '[^']*'(?: [\w-]+ '[^']*')*: )*")
_BUILDING = re.compile(r"^Building documentation\.\.\.$")
_CHANGED = re.compile(r"^Detected file changes$")
_BUILT = re.compile(r"^Documentation built in ([\d.]+) seconds$")
_NEW_BUILD = (_BUILDING, _CHANGED)
_TRANSLATIONS: list[tuple[re.Pattern, str | None]] = [
    (_BUILDING, "正在生成网站……"),
    (_BUILT, "网站已生成（用时 {0} 秒）。"),
    (_CHANGED, "发现文件有修改，正在重新生成……"),
    (re.compile(r"^Building documentation to directory: "), None),
    (re.compile(r"^Cleaning site directory$"), None),
    (re.compile(r"^Reloading browsers$"), None),
    (
        re.compile(
            r"^Aborted with (a BuildError|\d+ warnings in strict mode|a configuration "
            r"error)!?$"
        ),
        None,
    ),
]
_TRACEBACK = re.compile(r"^(Traceback |  File |\S+Error: )")
_SERVING = re.compile(r"Serving on (\S+)")
_PORT_TAKEN = re.compile(r"Address already in use|address already in use|Errno 98|WinError 10048")


@dataclass
class LogRelay:
    """Turns MkDocs' log lines into what the editor sees; ``show`` prints one line."""

    show: Callable[[str], None]
    verbose: bool = False
    on_serving: Callable[[str], None] | None = None
    held: list[str] = field(default_factory=list)  # lines kept back (English, tracebacks)
    showing: bool = False  # whether the last message was shown (its next lines follow it)
    reported: bool = False  # an error was shown in Chinese: nothing more to explain
    failing: bool = False  # this build found problems (a preview shows them instead)

    def line(self, raw: str) -> None:
        text = raw.rstrip("\n")
        if self.verbose:
            self.show(text)
        serving = _SERVING.search(text)
        if serving and self.on_serving:
            self.on_serving(serving.group(1))
        if self.verbose or serving:
            return
        prefixed = _PREFIX.match(text)
        message = _PREFIX.sub("", text)
        if _CJK.search(message):  # a setting's Chinese message: without MkDocs' path to it
            message = _CONFIG_PATH.sub("", message)
        if self._translate(message):
            self.showing = False
            return
        if not prefixed and self.showing and not _TRACEBACK.match(text):
            if message.strip():
                self.show(message)  # the next line of a message already shown
            return
        self.showing = bool(_CJK.search(message))
        if self.showing:
            self.reported |= prefixed is not None and prefixed.group(1) == "ERROR"
            self.failing |= "未通过" in message
            self.show(message)
        else:
            self.held.append(text)

    def _translate(self, message: str) -> bool:
        """Show MkDocs' known line in Chinese (or nothing); False for any other line."""
        for pattern, chinese in _TRANSLATIONS:
            found = pattern.search(message)
            if found:
                if pattern is _BUILT and self.failing:
                    chinese = "预览页面现在显示问题清单（用时 {0} 秒）：改好文件后会自动恢复。"
                if pattern in _NEW_BUILD:
                    self.failing = False
                if chinese:
                    self.show(chinese.format(*found.groups()))
                return True
        return False

    def explain_failure(self, port: str | None = None) -> str | None:
        """A Chinese reason for a failure the held lines show, if one is known."""
        held = "\n".join(self.held)
        if port and _PORT_TAKEN.search(held):
            return port_taken(port)
        return None


def port_taken(port: str | int) -> str:
    return (
        f"端口 {port} 已被其他程序占用（也许另一个 kb serve 还开着）："
        f"请关掉它，或换一个端口，例如 kb serve --port {int(port) + 1}。"
    )
