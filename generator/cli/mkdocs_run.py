"""Runs MkDocs for ``kb build`` and ``kb serve``, its log turned into Chinese lines
(:mod:`generator.cli.terminal`); stopping kb stops MkDocs too."""

from __future__ import annotations

import signal
import subprocess
import sys
import webbrowser
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.cli.terminal import LogRelay
from generator.model.settings import Engine


@dataclass
class MkDocsRun:
    root: Path
    verbose: bool = False
    drafts: bool = False
    pdf: bool = False
    open_browser: bool = False  # kb serve --open: open the preview once it is served
    site_url: str | None = None  # where the site is published (mkdocs.yml: !ENV KB_SITE_URL)
    # MkDocs 1.6, or ProperDocs (its maintained continuation, which runs the same plugins)
    engine: Engine = "mkdocs"
    # kb's environment, handed on with the options above as variables the plugin reads
    environ: Mapping[str, str] = field(kw_only=True)

    def __call__(self, command: list[str], port: str | None = None) -> int:
        env = dict(self.environ) | {
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONUNBUFFERED": "1",
            "PYTHONIOENCODING": "utf-8",  # we read its output as UTF-8
            "KB_DRAFTS": _flag(self.drafts),
            "KB_PDF": _flag(self.pdf),
        }
        if self.site_url is not None:
            env["KB_SITE_URL"] = self.site_url
        relay = LogRelay(
            lambda text: print(text, file=sys.stderr, flush=True), self.verbose, self._serving
        )
        process = subprocess.Popen(
            [sys.executable, "-m", self.engine, *command],
            cwd=self.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            encoding="utf-8",
            errors="replace",
        )
        # stopping kb (Ctrl+C, or a terminate from an editor or a test) must stop MkDocs too
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        assert process.stdout is not None  # a pipe, as asked for
        try:
            for line in process.stdout:
                relay.line(line)
            code = process.wait()
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        if code != 0 and not self.verbose:
            _explain(relay, port)
        return code

    def _serving(self, url: str) -> None:
        print(
            f"预览地址：{url}\n表单编辑器：{url}admin/（保存的内容直接写进本机的文件）\n"
            "修改 cases/、content/、site_config/ 里的文件后页面会自动刷新；"
            "按 Ctrl+C 停止预览。",
            file=sys.stderr,
            flush=True,
        )
        if self.open_browser:
            webbrowser.open(url)


def _explain(relay: LogRelay, port: str | None) -> None:
    reason = relay.explain_failure(port)
    if reason is None and not relay.reported:
        last = next((line for line in reversed(relay.held) if line.strip()), "")
        reason = (
            "MkDocs 出错，网站没有生成。请运行同一命令并加上 -v 查看详细信息，"
            f"或把这一行发给维护人员：{last.strip()}"
        )
    if reason:
        print(reason, file=sys.stderr)


def _flag(value: bool) -> str:
    return "true" if value else "false"
