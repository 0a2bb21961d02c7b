"""``kb``'s command line, entirely in Chinese: each command with a description and examples.

argparse writes its own words ("usage:", "options", its error messages) through gettext;
they are given in Chinese here, so ``kb --help`` and a mistyped command read as one language.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from generator.cli.help_layout import HelpLayout
from generator.cli.report import FORMATS
from generator.cli.scaffold import NEW_KINDS
from generator.model import KINDS

_ARGPARSE_WORDS = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示这份说明",
    "the following arguments are required: %s": "缺少必填的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "“%(value)s”不是可用的选项（可选：%(choices)s）"
    ),
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "后面需要写一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "%(prog)s: error: %(message)s\n": (
        "%(prog)s：命令有误：%(message)s\n（运行 kb --help 查看用法）\n"
    ),
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s"
    ),
}
PACKAGE = "xiaoqu-dangjian-kb"
_gettext = argparse._  # type: ignore[attr-defined]  # its gettext hook, not in the stubs


def _chinese(text: str) -> str:
    return _ARGPARSE_WORDS.get(text, _gettext(text))


# argparse looks its words up at the moment it uses them
argparse._ = _chinese  # type: ignore[attr-defined]

COMMANDS = {
    "validate": (
        "检查所有案例和内容文件",
        "检查 cases/ 和 content/ 里的全部文件，一次列出所有问题，每行是"
        "“文件:行:列: 项目: 说明  (规则)”；有错误时退出码为 1。",
        [
            "kb validate",
            "kb validate cases/huguo/zhiguo-lane-courtyard.yml",
            "kb validate --format github",
        ],
    ),
    "build": (
        "生成网站到 site/ 文件夹",
        "检查全部内容并生成网站；出错时原有的 site/ 保持不变。",
        ["kb build", "kb build --pdf", "kb build --offline --pdf"],
    ),
    "serve": (
        "在本机预览网站，修改文件后自动刷新",
        "在本机启动预览，浏览器打开显示的预览地址即可；"
        "修改文件后页面自动刷新，文件有错时页面上显示问题清单。",
        ["kb serve", "kb serve --port 8001 --open", "kb serve --drafts"],
    ),
    "render": (
        "只生成 Markdown 页面，不调用 MkDocs",
        "把全部页面写成 Markdown（案例页是其中的 HTML），供检查或交给其他工具。",
        ["kb render --out 页面"],
    ),
    "new": (
        "新建一个带说明的内容文件",
        "按模板新建一个草稿文件（status: draft），不会覆盖已有文件；没写的项目会逐项询问。",
        [
            "kb new case --id my-case --title 标题 --street 护国街道",
            "kb new training --id my-module --title 模块标题",
        ],
    ),
    "schema": (
        "重新生成 JSON Schema",
        "由数据模型重新生成 site_config/schema/（VS Code 自动补全用）。",
        ["kb schema", "kb schema --check"],
    ),
    "handout": (
        "生成培训模块的讲义（学员版或教师版）",
        "生成一个培训模块的讲义：默认学员版，--teacher 为含教学使用说明的教师版；"
        "--pdf 输出 PDF，否则输出 HTML 文件。--all 生成全部模块的讲义。",
        [
            "kb handout branch-standardization --pdf --out 讲义.pdf",
            "kb handout branch-standardization --teacher --pdf --out 教师版.pdf",
            "kb handout --all --teacher --pdf --out-dir 教师版",
        ],
    ),
    "export": (
        "以 JSON 输出检查后的全部数据",
        "把检查后的案例、工作法、政策文件、清单和培训模块以 JSON 输出到屏幕。",
        ["kb export > 数据.json"],
    ),
}


def build_parser(handlers: dict[str, Callable[..., int]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb",
        description="居民小区党建知识库：检查内容、生成和预览网站、生成讲义。",
        epilog="每个命令的说明：kb 命令 --help，例如 kb build --help",
        add_help=False,
        formatter_class=HelpLayout,
    )
    _help(parser)
    parser.add_argument(
        "--version", action="version", version=f"kb {version()}", help="显示 kb 的版本"
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="文件夹",
        help="知识库所在文件夹（默认当前文件夹）",
    )
    sub = parser.add_subparsers(required=True, metavar="命令", title="命令")
    commands = {}
    for name, (summary, description, examples) in COMMANDS.items():
        command = sub.add_parser(
            name,
            help=summary,
            description=description,
            add_help=False,
            epilog="示例：\n" + "\n".join(f"  {e}" for e in examples),
            formatter_class=HelpLayout,
        )
        _help(command)
        command.add_argument(
            "--root",
            type=Path,
            default=argparse.SUPPRESS,
            metavar="文件夹",
            help="知识库所在文件夹（默认当前文件夹）",
        )
        command.set_defaults(handler=handlers[name])
        commands[name] = command
    _add_options(commands)
    return parser


def version() -> str:
    """The installed package's version (pyproject.toml), as pip recorded it."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "（版本不明：没有用 pip 安装）"


def _help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help="显示这份说明")


def _add_options(c: dict[str, argparse.ArgumentParser]) -> None:
    c["validate"].add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="文件",
        help="只报告这些文件或文件夹的问题（默认全部）",
    )
    c["validate"].add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="输出格式：text 文字（默认）、github GitHub 注释、gitlab GitLab 代码质量报告、json",
    )
    for name in ("build", "serve"):
        c[name].add_argument("--drafts", action="store_true", help="包含草稿")
        c[name].add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="显示 MkDocs 的全部（英文）输出，排查问题时用",
        )
    c["build"].add_argument(
        "--pdf",
        action="store_true",
        help="同时把各培训模块的学员版讲义生成 PDF（需要 Chrome、Edge 或 Chromium）",
    )
    c["build"].add_argument(
        "--site-url",
        metavar="网址",
        help="网站发布的网址，例如 https://example.gitlab.io/kb/（也可以设置环境变量 KB_SITE_URL）",
    )
    c["build"].add_argument(
        "--offline",
        action="store_true",
        help="生成离线包 dist/<网站名>-offline-<日期>.zip：解压后双击 index.html 即可使用",
    )
    c["serve"].add_argument(
        "--port", type=int, default=8000, metavar="端口", help="预览用的端口（默认 8000）"
    )
    c["serve"].add_argument("--open", action="store_true", help="启动后自动用浏览器打开预览")
    c["serve"].add_argument("--dev-addr", metavar="地址:端口", help=argparse.SUPPRESS)
    c["render"].add_argument("--out", type=Path, required=True, metavar="文件夹", help="输出文件夹")
    c["render"].add_argument("--drafts", action="store_true", help="包含草稿")
    c["new"].add_argument(
        "kind",
        choices=list(NEW_KINDS),
        metavar="类型",
        help="、".join(f"{kind.name} {kind.label}" for kind in KINDS),
    )
    for option, text in (
        ("--id", "id：小写英文字母、数字和连字符"),
        ("--title", "标题"),
        ("--street", "街道（案例）"),
        ("--section", "板块 id（工作法）"),
    ):
        c["new"].add_argument(option, metavar=text.split("：")[0].split("（")[0], help=text)
    c["schema"].add_argument("--check", action="store_true", help="只检查是否过期，不写文件")
    c["handout"].add_argument(
        "module", nargs="?", metavar="模块id", help="培训模块的 id（用 --all 时不写）"
    )
    c["handout"].add_argument("--all", action="store_true", help="生成全部培训模块的讲义")
    c["handout"].add_argument("--teacher", action="store_true", help="教师版：含教学使用说明")
    c["handout"].add_argument(
        "--pdf", action="store_true", help="生成 PDF（需要 Chrome、Edge 或 Chromium）"
    )
    c["handout"].add_argument(
        "--out", type=Path, metavar="文件", help="输出文件（默认 <id>-handout.pdf 或 .html）"
    )
    c["handout"].add_argument(
        "--out-dir",
        type=Path,
        metavar="文件夹",
        help="用 --all 时写到这个文件夹，每个模块一个文件"
        "（<id>-handout 或 <id>-teacher；默认当前文件夹）",
    )
    c["handout"].add_argument("--drafts", action="store_true", help="包含草稿")
    c["export"].add_argument("--format", choices=["json"], default="json", help="输出格式")
    c["export"].add_argument("--drafts", action="store_true", help="包含草稿")
    c["export"].add_argument(
        "--teaching-notes",
        action="store_true",
        help="包含培训模块的教学使用说明（默认不输出，它们只给培训师）",
    )
