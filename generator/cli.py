"""``kb``: the editors' command.

Checks, renders and exports without MkDocs; wraps MkDocs only to build and serve.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from .bundle import write_bundle
from .export import export_json
from .handout_pdf import HandoutError, print_pdfs
from .handouts import printable_handout
from .history import build_time
from .library import missing_reference_message
from .pipeline import BuildResult, build_pages, build_site, load_library
from .problems import ProblemList
from .project import ProjectPaths, load_vocabularies, site_name
from .scaffold import (
    FIELD_LABELS,
    NEW_KINDS,
    NewRecord,
    check_request,
    new_file_path,
    render_new_file,
)
from .schema import render_schemas
from .writer import write_binary_file, write_new_file, write_pages, write_text_file


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
    build.add_argument("--pdf", action="store_true",
                       help="同时把各培训模块的学员版讲义生成 PDF（需要 Chrome、Edge 或 Chromium）")
    build.add_argument("--offline", action="store_true",
                       help="生成离线包 dist/<网站名>-offline-<日期>.zip："
                       "解压后双击 index.html 即可使用")
    build.set_defaults(handler=_build)

    serve = sub.add_parser("serve", help="在本机预览网站，修改文件后自动刷新")
    serve.add_argument("--drafts", action="store_true", help="预览草稿")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="地址和端口")
    serve.set_defaults(handler=_serve)

    render = sub.add_parser("render", help="只生成 Markdown 页面，不调用 MkDocs")
    render.add_argument("--out", type=Path, required=True, help="输出文件夹")
    render.add_argument("--drafts", action="store_true", help="包含草稿")
    render.set_defaults(handler=_render)

    new = sub.add_parser("new", help="新建一个带说明的内容文件（不会覆盖已有文件）")
    new.add_argument("kind", choices=list(NEW_KINDS), help="类型：case 案例、practice 工作法、"
                     "policy 政策文件、checklist 清单、guide 指南、training 培训模块")
    new.add_argument("--id", help="id：小写英文字母、数字和连字符")
    new.add_argument("--title", help="标题")
    new.add_argument("--street", help="街道（案例）")
    new.add_argument("--section", help="板块 id（工作法）")
    new.set_defaults(handler=_new)

    schema = sub.add_parser("schema", help="重新生成 site_config/schema/ 中的 JSON Schema")
    schema.add_argument("--check", action="store_true", help="只检查是否过期，不写文件")
    schema.set_defaults(handler=_schema)

    handout = sub.add_parser("handout", help="生成培训模块的讲义（学员版或教师版，HTML 或 PDF）")
    handout.add_argument("module", help="培训模块的 id，例如 branch-standardization")
    handout.add_argument("--teacher", action="store_true", help="教师版：含教学使用说明")
    handout.add_argument("--pdf", action="store_true",
                         help="生成 PDF（需要 Chrome、Edge 或 Chromium）")
    handout.add_argument("--out", type=Path, help="输出文件（默认 <id>-handout.pdf 或 .html）")
    handout.add_argument("--drafts", action="store_true", help="包含草稿")
    handout.set_defaults(handler=_handout)

    export = sub.add_parser("export", help="以 JSON 输出检查后的全部数据")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--drafts", action="store_true", help="包含草稿")
    export.add_argument("--teaching-notes", action="store_true",
                        help="包含培训模块的教学使用说明（默认不输出，它们只给培训师）")
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
    print(export_json(result.library, teaching_notes=args.teaching_notes))
    return 0


def _handout(args) -> int:
    result = build_site(args.root, drafts=args.drafts)
    if not _ok(result) or result.site is None:
        return 1
    module = result.library.get("training", args.module)
    if module is None:
        ids = [m.id for m in result.library.all("training")]
        print(missing_reference_message("training", args.module, ids)
              + f"现有的培训模块：{'、'.join(ids) or '无'}。", file=sys.stderr)
        return 1
    site = result.site
    document, header = printable_handout(site.page_renderer(), module, args.teacher,
                                         ProjectPaths(args.root).static, site.markdown)
    name = f"{module.id}-{'teacher' if args.teacher else 'handout'}"
    out = args.out or Path(f"{name}.{'pdf' if args.pdf else 'html'}")
    if args.pdf:
        try:
            write_binary_file(out, print_pdfs([(document, header)], build_time(args.root))[0])
        except HandoutError as error:
            print(str(error), file=sys.stderr)
            return 1
    else:
        write_text_file(out, document)
    edition = "教师版（含教学使用说明，请勿发给学员）" if args.teacher else "学员版"
    print(f"已生成「{module.title}」{edition}讲义：{out}")
    return 0


def _ok(result: BuildResult) -> bool:
    if result.problems.items:
        _report(result.problems)
    return result.ok


def _new(args) -> int:
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
    for field in missing:
        choices = vocabularies.allowed(field) if field in ("street", "section") else []
        hint = f"（可选：{'、'.join(choices)}）" if choices else ""
        setattr(args, field, input(f"{FIELD_LABELS[field]}{hint}：").strip())
    request = NewRecord(args.kind, args.id, args.title, args.street, args.section)
    reasons = check_request(request, paths, vocabularies)
    if reasons:
        print("\n".join(reasons), file=sys.stderr)
        return 1
    rel = new_file_path(request, vocabularies)
    if not write_new_file(paths.root / rel, render_new_file(request, paths, vocabularies)):
        print(f"{rel} 已经存在，没有覆盖。请换一个 id，或直接编辑这个文件。", file=sys.stderr)
        return 1
    print(f"已新建 {rel}：按文件里的说明填写，然后运行 kb validate 检查。")
    return 0


def _schema(args) -> int:
    paths, vocabularies = _paths_and_vocabularies(args.root)
    if vocabularies is None:
        return 1
    files = render_schemas(vocabularies)
    folder = paths.site_config / "schema"
    stale = [n for n, text in files.items() if _read_or_none(folder / n) != text]
    if args.check:
        if stale:
            print(f"site_config/schema/ 已过期（{'、'.join(stale)}）：请运行 kb schema 重新生成。",
                  file=sys.stderr)
        return 1 if stale else 0
    write_pages(files, folder)
    print(f"已生成 {len(files)} 个 JSON Schema 到 site_config/schema/。")
    return 0


def _read_or_none(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _paths_and_vocabularies(root: Path):
    paths, problems = ProjectPaths(root), ProblemList()
    vocabularies = load_vocabularies(paths, problems)
    if vocabularies is None:
        _report(problems)
    return paths, vocabularies


def _build(args) -> int:
    if not args.offline:
        return _mkdocs(args, ["build", "--strict"])
    root = args.root
    with tempfile.TemporaryDirectory(prefix="kb-offline-") as folder:
        site_dir = Path(folder) / "site"
        # .html addresses: a folder opened from disk has no server to map "page/" to a file
        code = _mkdocs(args, ["build", "--strict", "--no-directory-urls",
                              "--site-dir", str(site_dir)])
        if code != 0:
            return code
        target = write_bundle(site_dir, site_name(root), build_time(root), root / "dist")
    print(f"已生成离线包：{_rel(root, target)}。解压后双击其中的 index.html 即可使用，不需要联网。")
    return 0


def _serve(args) -> int:
    # dirty: the kb plugin writes only the pages a change touched (see generator/rebuild.py);
    # not strict: a preview shows problems instead of stopping
    return _mkdocs(args, ["serve", "--dirty", "--no-strict", "--dev-addr", args.dev_addr])


def _mkdocs(args, command: list[str]) -> int:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "KB_DRAFTS": "true" if args.drafts else "false",
                        "KB_PDF": "true" if getattr(args, "pdf", False) else "false"}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", *command], cwd=args.root, env=env)
    # stopping kb (Ctrl+C, or a terminate from an editor or a test) must stop MkDocs too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return process.wait()
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
