"""``kb handout``: one module's handout, or every module's (``--all``, as CI makes the
trainers' edition), as standalone HTML or printed to PDF."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from generator.library.linking import missing_reference_message
from generator.library.training import handout_pdf
from generator.model import Training
from generator.pages.handouts import printable_handout
from generator.publish.handout_pdf import HandoutError, print_pdfs
from generator.publish.writer import write_binary_file, write_text_file


def make_handouts(args, site, static: Path, epoch: int) -> int:
    """Writes the handouts ``args`` asks for; 0, or 1 with the reason on stderr in Chinese."""
    modules = _modules(args, site.library)
    if modules is None:
        return 1
    documents = [printable_handout(site.page_renderer(), module, args.teacher, static,
                                   site.markdown) for module in modules]
    targets = [_target(args, module) for module in modules]
    if args.pdf:
        try:
            pdfs = print_pdfs(documents, epoch) if documents else []
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


def _modules(args, library) -> list[Training] | None:
    """The modules to make handouts of, or None after saying what is wrong."""
    ids = [m.id for m in library.all("training")]
    problem = None
    if args.all and args.module:
        problem = "请只写一个模块 id，或者用 --all 生成全部模块，不要同时使用。"
    elif not args.all and not args.module:
        problem = (f"请写出培训模块的 id（现有的培训模块：{'、'.join(ids) or '无'}），"
                   "或者用 --all 生成全部模块的讲义。")
    elif args.all and args.out:
        problem = "用 --all 时每个模块一个文件：请用 --out-dir 指定文件夹，不要用 --out。"
    elif not args.all and args.out_dir:
        problem = "--out-dir 只和 --all 一起使用；生成一个模块的讲义时请用 --out 指定文件。"
    if problem:
        print(problem, file=sys.stderr)
        return None
    if args.all:
        return library.all("training")
    module = library.get("training", args.module)
    if module is None:
        print(missing_reference_message("training", args.module, ids)
              + f"现有的培训模块：{'、'.join(ids) or '无'}。", file=sys.stderr)
        return None
    return [module]


def _target(args, module: Training) -> Path:
    stem = PurePosixPath(handout_pdf(module, args.teacher)).stem  # <id>-handout, <id>-teacher
    name = f"{stem}.{'pdf' if args.pdf else 'html'}"
    if args.all:
        return (args.out_dir or Path(".")) / name
    return args.out or Path(name)
