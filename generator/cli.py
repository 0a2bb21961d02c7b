"""``kb``: the editors' command.

Checks, renders and exports without MkDocs; wraps MkDocs only to build and serve.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .export import export_json
from .pipeline import BuildResult, build_pages, load_library
from .problems import ProblemList
from .writer import write_pages


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - editors must never see a traceback
        if os.environ.get("KB_DEBUG"):
            raise
        print(f"kb 内部错误：{error!r}。请把这条信息发给维护人员（设置 KB_DEBUG=1 可看到详情）。",
              file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb", description="居民小区党建知识库：检查、生成和预览网站。"
    )
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="知识库所在文件夹（默认当前文件夹）"
    )
    sub = parser.add_subparsers(required=True, metavar="命令")

    validate = sub.add_parser("validate", help="检查所有案例和内容文件")
    validate.add_argument("paths", nargs="*", type=Path, help="只报告这些文件的问题（默认全部）")
    validate.add_argument("--format", choices=["text", "github", "json"], default="text")
    validate.set_defaults(handler=_validate)

    build = sub.add_parser("build", help="生成网站到 site/ 文件夹（调用 MkDocs）")
    build.add_argument("--drafts", action="store_true", help="包含草稿")
    build.set_defaults(handler=_build)

    serve = sub.add_parser("serve", help="在本机预览网站，修改文件后自动刷新")
    serve.add_argument("--drafts", action="store_true", help="预览草稿")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="地址和端口")
    serve.set_defaults(handler=_serve)

    render = sub.add_parser("render", help="只生成 Markdown 页面，不调用 MkDocs")
    render.add_argument("--out", type=Path, required=True, help="输出文件夹")
    render.add_argument("--drafts", action="store_true", help="包含草稿")
    render.set_defaults(handler=_render)

    export = sub.add_parser("export", help="以 JSON 输出检查后的全部数据")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--drafts", action="store_true", help="包含草稿")
    export.set_defaults(handler=_export)
    return parser


def _report(problems: ProblemList, style: str = "text", stream=sys.stderr) -> None:
    if problems.items or style == "text":
        print(problems.format(style), file=stream)


def _validate(args) -> int:
    result = load_library(args.root)
    problems = _only_paths(result.problems, args.root, args.paths)
    _report(problems, args.format, sys.stdout)
    return 1 if problems.has_errors else 0


def _only_paths(problems: ProblemList, root: Path, paths: list[Path]) -> ProblemList:
    if not paths:
        return problems
    wanted = {_rel(root, p) for p in paths}
    kept = ProblemList([p for p in problems.items if any(
        p.file == w or p.file.startswith(w.rstrip("/") + "/") for w in wanted)])
    return kept


def _rel(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _render(args) -> int:
    result = build_pages(args.root, drafts=args.drafts)
    if not _ok(result):
        return 1
    write_pages(result.pages, args.out)
    print(f"已生成 {len(result.pages)} 个页面到 {args.out}。", file=sys.stderr)
    return 0


def _export(args) -> int:
    result = load_library(args.root, drafts=args.drafts)
    if not _ok(result):
        return 1
    print(export_json(result.library))
    return 0


def _ok(result: BuildResult) -> bool:
    if result.problems.items:
        _report(result.problems)
    return result.ok


def _build(args) -> int:
    return _mkdocs(args, ["build", "--strict"])


def _serve(args) -> int:
    return _mkdocs(args, ["serve", "--dev-addr", args.dev_addr])


def _mkdocs(args, command: list[str]) -> int:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "KB_DRAFTS": "true" if args.drafts else "false"}
    completed = subprocess.run([sys.executable, "-m", "mkdocs", *command], cwd=args.root, env=env)
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
