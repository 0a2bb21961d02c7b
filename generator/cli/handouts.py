"""``kb handout``: one module's handout, or every module's (``--all``, as CI makes the
trainers' edition), as standalone HTML or printed to PDF.

What can be told from the command line alone (contradicting options, a module id no training
file has) is told at once, before the site is built: that takes seconds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath

import yaml

from generator.library.linking import Library, missing_reference_message
from generator.library.training import handout_pdf
from generator.model import BY_NAME, Training
from generator.model.settings import Settings
from generator.pages.handouts import printable_handout
from generator.publish.handout_pdf import HandoutError, print_pdfs
from generator.publish.site import Site
from generator.publish.writer import write_binary_file, write_text_file
from generator.sources.file_tree import FileTree, open_no_follow
from generator.sources.problems import ProblemList

_MODULE_FILES = (".yml", ".yaml")


def request_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the request itself, in Chinese; None when it adds up. Reads no more
    than the training modules' ids (:func:`module_ids`)."""
    if args.all and args.module:
        return "请只写一个模块 id，或者用 --all 生成全部模块，不要同时使用。"
    if args.all and args.out:
        return "用 --all 时每个模块一个文件：请用 --out-dir 指定文件夹，不要用 --out。"
    if not args.all and args.out_dir:
        return "--out-dir 只和 --all 一起使用；生成一个模块的讲义时请用 --out 指定文件。"
    if args.all:
        return None
    ids = module_ids(args.root, args.drafts)
    if not args.module:
        return (
            f"请写出培训模块的 id（现有的培训模块：{_listed(ids or [])}），"
            "或者用 --all 生成全部模块的讲义。"
        )
    if ids is not None and args.module not in ids:
        return _unknown(args.module, ids)
    return None


def module_ids(root: Path, drafts: bool) -> list[str] | None:
    """The ids written in the training modules' files, without reading anything else (and,
    as every read, never through a link); None when a file cannot be read that way, so that
    the full check says why."""
    tree = FileTree(root, ProblemList())
    ids = []
    for path in tree.files(root / BY_NAME["training"].source):
        if path.name.startswith(("_", ".")):
            continue
        try:
            if path.suffix.lower() not in _MODULE_FILES:
                return None
            with open_no_follow(path, root) as file:
                data = yaml.safe_load(file)
        except (OSError, yaml.YAMLError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            return None
        if drafts or data.get("status") != "draft":
            ids.append(data["id"])
    return None if tree.problems.items else sorted(ids)


def make_handouts(
    args: argparse.Namespace, site: Site, static: Path, epoch: int, settings: Settings
) -> int:
    """Writes the handouts ``args`` asks for (checked by :func:`request_problem`); 0, or 1
    with the reason on stderr in Chinese."""
    modules = _modules(args, site.library)
    if modules is None:
        return 1
    documents = [
        printable_handout(site.page_renderer(), module, args.teacher, static, site.markdown)
        for module in modules
    ]
    targets = [_target(args, module) for module in modules]
    if args.pdf:
        try:
            pdfs = print_pdfs(documents, epoch, settings) if documents else []
        except HandoutError as error:
            print(str(error), file=sys.stderr)
            return 1
        for target, pdf in zip(targets, pdfs, strict=True):
            write_binary_file(target, pdf)
    else:
        for target, (document, _) in zip(targets, documents, strict=True):
            write_text_file(target, document)
    edition = "教师版（含教学使用说明，请勿发给学员）" if args.teacher else "学员版"
    for module, target in zip(modules, targets, strict=True):
        print(f"已生成「{module.title}」{edition}讲义：{target}")
    if not modules:
        print("没有培训模块，没有生成讲义。")
    return 0


def _modules(args: argparse.Namespace, library: Library) -> list[Training] | None:
    """The modules to make handouts of, or None after saying none has that id (the ids read
    before the build may have missed what the build found wrong with a module)."""
    if args.all:
        return library.all("training")
    module = library.get("training", args.module)
    if module is None:
        print(_unknown(args.module, [m.id for m in library.all("training")]), file=sys.stderr)
        return None
    return [module]


def _unknown(module: str, ids: list[str]) -> str:
    return missing_reference_message("training", module, ids) + f"现有的培训模块：{_listed(ids)}。"


def _listed(ids: list[str]) -> str:
    return "、".join(ids) or "无"


def _target(args: argparse.Namespace, module: Training) -> Path:
    stem = PurePosixPath(handout_pdf(module, args.teacher)).stem  # <id>-handout, <id>-teacher
    name = f"{stem}.{'pdf' if args.pdf else 'html'}"
    if args.all:
        return (args.out_dir or Path(".")) / name
    return args.out or Path(name)
