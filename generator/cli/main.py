"""``kb``: the editors' command.

Checks, renders and exports without MkDocs; wraps MkDocs only to build and serve.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.cli.args import build_parser
from generator.cli.handouts import make_handouts, request_problem
from generator.cli.mkdocs_run import MkDocsRun
from generator.cli.report import format_problems
from generator.cli.scaffold import (
    FIELD_LABELS,
    NEW_KINDS,
    NewRecord,
    check_field,
    check_request,
    new_file_path,
    render_new_file,
)
from generator.cli.terminal import port_taken
from generator.library.history import build_time
from generator.model import Vocabularies
from generator.model.settings import Settings, SettingsError
from generator.publish.bundle import write_bundle
from generator.publish.export import export_json
from generator.publish.pipeline import BuildResult, build_pages, build_site, load_library
from generator.publish.schema import render_schemas
from generator.publish.writer import write_new_file, write_pages
from generator.sources.file_tree import LinkRefused
from generator.sources.parallel import worker_count
from generator.sources.problems import ProblemList
from generator.sources.project import ProjectPaths, load_vocabularies, site_name


@dataclass(frozen=True)
class Startup:
    """What kb read from its environment, once, before running a command."""

    settings: Settings
    environ: Mapping[str, str]  # handed on to MkDocs, whose plugin reads its own settings

    @property
    def processes(self) -> int:
        return worker_count(self.settings.processes)

    def build_time(self, root: Path) -> int:
        return build_time(root, self.settings.build_epoch)


def main(argv: list[str] | None = None) -> int:
    handlers = {
        "validate": _validate,
        "build": _build,
        "serve": _serve,
        "render": _render,
        "new": _new,
        "schema": _schema,
        "handout": _handout,
        "export": _export,
    }
    args = build_parser(handlers).parse_args(argv)
    environ = dict(os.environ)  # the only read of the environment: the rest is given it
    try:
        startup = Startup(Settings.read(environ), environ)
    except SettingsError as error:
        print("设置有误，kb 没有运行：\n" + "\n".join(error.messages), file=sys.stderr)
        return 2
    if not _in_knowledge_base(args.root):
        return 2
    try:
        return args.handler(args, startup)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - editors must never see a traceback
        if startup.settings.debug:
            raise
        print(
            f"kb 内部错误：{error!r}。请把这条信息发给维护人员（设置 KB_DEBUG=1 可看到详情）。",
            file=sys.stderr,
        )
        return 2


def _in_knowledge_base(root: Path) -> bool:
    """A knowledge base has site_config/vocabularies.yml; elsewhere, say where kb looked."""
    if (root / "site_config" / "vocabularies.yml").exists() or (root / "mkdocs.yml").exists():
        return True
    print(
        f"这里不是知识库文件夹：在 {root.resolve()} 里没有找到 site_config/vocabularies.yml"
        " 和 mkdocs.yml。请进入知识库文件夹再运行 kb，或用 --root 指定它，例如 "
        "kb --root D:\\党建知识库 validate。",
        file=sys.stderr,
    )
    return False


def _report(problems: ProblemList, style: str = "text", stream: TextIO | None = None) -> None:
    if problems.items or style in ("text", "gitlab"):
        print(format_problems(problems, style), file=stream or sys.stderr)


def _validate(args: argparse.Namespace, startup: Startup) -> int:
    result = load_library(args.root, processes=startup.processes)
    problems = _only_paths(result.problems, args.root, args.paths)
    _report(problems, args.format, sys.stdout)
    return 1 if problems.has_errors else 0


def _only_paths(problems: ProblemList, root: Path, paths: list[Path]) -> ProblemList:
    if not paths:
        return problems
    wanted = {_rel(root, p) for p in paths}
    kept = ProblemList(
        [
            p
            for p in problems.items
            if any(p.file == w or p.file.startswith(w.rstrip("/") + "/") for w in wanted)
        ]
    )
    return kept


def _rel(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _render(args: argparse.Namespace, startup: Startup) -> int:
    result = build_pages(args.root, drafts=args.drafts, processes=startup.processes)
    if not _ok(result):
        return 1
    write_pages(result.pages, args.out)
    print(f"已生成 {len(result.pages)} 个页面到 {args.out}。", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, startup: Startup) -> int:
    result = load_library(args.root, drafts=args.drafts, processes=startup.processes)
    if not _ok(result) or result.library is None:
        return 1
    print(export_json(result.library, teaching_notes=args.teaching_notes))
    return 0


def _handout(args: argparse.Namespace, startup: Startup) -> int:
    problem = request_problem(args)  # before the build: a mistyped request is told at once
    if problem:
        print(problem, file=sys.stderr)
        return 1
    result = build_site(args.root, drafts=args.drafts, processes=startup.processes)
    if not _ok(result) or result.site is None:
        return 1
    return make_handouts(
        args,
        result.site,
        ProjectPaths(args.root).static,
        startup.build_time(args.root),
        startup.settings,
    )


def _ok(result: BuildResult) -> bool:
    if result.problems.items:
        _report(result.problems)
    return result.ok


def _new(args: argparse.Namespace, startup: Startup) -> int:
    paths, vocabularies = _paths_and_vocabularies(args.root)
    if vocabularies is None:
        return 1
    fields = ["id", "title", *NEW_KINDS[args.kind][2]]
    missing = [f for f in fields if not getattr(args, f)]
    if missing and not sys.stdin.isatty():
        options = "、".join(f"--{f}" for f in missing)
        samples = {"street": "--street 护国街道", "section": "--section service"}
        extra = "".join(f" {samples[f]}" for f in NEW_KINDS[args.kind][2])
        example = f"kb new {args.kind} --id my-{args.kind} --title 标题{extra}"
        print(f"请提供 {options}（例如 {example}）。", file=sys.stderr)
        return 1
    request = NewRecord(args.kind, args.id, args.title, args.street, args.section)
    for field in missing:
        choices = vocabularies.allowed(field) if field in ("street", "section") else []
        hint = f"（可选：{'、'.join(choices)}）" if choices else ""
        while True:  # asked again until the answer will do
            try:
                value = input(f"{FIELD_LABELS[field]}{hint}：").strip()
            except EOFError:
                return 1
            reason = check_field(request, field, value, paths, vocabularies)
            if reason is None:
                setattr(request, field, value)
                break
            print(reason, file=sys.stderr)
    reasons = check_request(request, paths, vocabularies)
    if reasons:
        print("\n".join(reasons), file=sys.stderr)
        return 1
    rel = new_file_path(request, vocabularies)
    try:
        written = write_new_file(
            paths.root / rel, render_new_file(request, paths, vocabularies), paths.root
        )
    except LinkRefused:
        print(
            f"没有新建 {rel}：它所在的文件夹是一个链接（快捷方式），kb 不通过链接写文件。"
            "请删除这个链接，换成真正的文件夹。",
            file=sys.stderr,
        )
        return 1
    if not written:
        print(f"{rel} 已经存在，没有覆盖。请换一个 id，或直接编辑这个文件。", file=sys.stderr)
        return 1
    print(f"已新建 {rel}：按文件里的说明填写，然后运行 kb validate 检查。")
    return 0


def _schema(args: argparse.Namespace, startup: Startup) -> int:
    paths, vocabularies = _paths_and_vocabularies(args.root)
    if vocabularies is None:
        return 1
    files = render_schemas(vocabularies)
    folder = paths.site_config / "schema"
    stale = [n for n, text in files.items() if _read_or_none(folder / n) != text]
    if args.check:
        if stale:
            print(
                f"site_config/schema/ 已过期（{'、'.join(stale)}）：请运行 kb schema 重新生成。",
                file=sys.stderr,
            )
        return 1 if stale else 0
    write_pages(files, folder)
    print(f"已生成 {len(files)} 个 JSON Schema 到 site_config/schema/。")
    return 0


def _read_or_none(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _paths_and_vocabularies(root: Path) -> tuple[ProjectPaths, Vocabularies | None]:
    paths, problems = ProjectPaths(root), ProblemList()
    vocabularies = load_vocabularies(paths, problems)
    if vocabularies is None:
        _report(problems)
    return paths, vocabularies


def _build(args: argparse.Namespace, startup: Startup) -> int:
    run = MkDocsRun(
        args.root,
        args.verbose,
        args.drafts,
        args.pdf,
        site_url=args.site_url,
        engine=startup.settings.engine,
        environ=startup.environ,
    )
    if not args.offline:
        code = run(["build", "--strict"])
        if code == 0:
            print(
                f"网站已生成到 {_rel(args.root, args.root / 'site')}/ 文件夹。"
                "发布时把这个文件夹放到网站服务器上；本机预览请用 kb serve。",
                file=sys.stderr,
            )
        return code
    root = args.root
    run.site_url = ""  # opened from disk, wherever the folder is: no address of its own
    with tempfile.TemporaryDirectory(prefix="kb-offline-") as folder:
        site_dir = Path(folder) / "site"
        # .html addresses: a folder opened from disk has no server to map "page/" to a file
        code = run(["build", "--strict", "--no-directory-urls", "--site-dir", str(site_dir)])
        if code != 0:
            return code
        target = write_bundle(site_dir, site_name(root), startup.build_time(root), root / "dist")
    print(f"已生成离线包：{_rel(root, target)}。解压后双击其中的 index.html 即可使用，不需要联网。")
    return 0


def _serve(args: argparse.Namespace, startup: Startup) -> int:
    address = args.dev_addr or f"127.0.0.1:{args.port}"
    host, port = address.rsplit(":", 1)
    if not _port_free(host, int(port)):
        print(port_taken(port), file=sys.stderr)
        return 1
    run = MkDocsRun(
        args.root,
        args.verbose,
        args.drafts,
        open_browser=args.open,
        engine=startup.settings.engine,
        environ=startup.environ,
    )
    # dirty: the kb plugin writes only the pages a change touched (see
    # generator/publish/rebuild.py); not strict: a preview shows problems instead of stopping
    return run(["serve", "--dirty", "--no-strict", "--dev-addr", address], port=port)


def _port_free(host: str, port: int) -> bool:
    with socket.socket() as probe:
        if os.name != "nt":  # as the preview server does; on Windows it would steal the port
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


if __name__ == "__main__":
    sys.exit(main())
