"""Every setting of one run in one typed, frozen object: mkdocs.yml's ``kb`` block and the
``KB_*`` environment variables. Each front end reads them once (``kb`` in ``cli/main.py``, the
MkDocs plugin in ``mkdocs_plugin/config.py``) and passes the object, or the one value a
function needs, down; nothing else reads the environment (``tests/model/test_settings.py``).

Values are text as written. ``!ENV`` in mkdocs.yml hands over a YAML value (``0123`` becomes
an octal number, ``yes`` true), so where a variable is set and its YAML value is not of the
setting's type, the variable's own characters are read instead. Every bad value is one
Chinese message naming the setting and its variable, and all of them come in one
:class:`SettingsError`. The README's 设置 table is :data:`DESCRIBED` (a test compares them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.model.settings_check import editor_problems, shown, url_problem

Engine = Literal["mkdocs", "properdocs"]
ENGINES: tuple[Engine, ...] = ("mkdocs", "properdocs")
BACKENDS = ("gitlab", "github")
NPM_REGISTRY = "https://registry.npmjs.org"
# where Windows installs Chrome and Edge (Windows sets them; its variable names ignore case)
PROGRAM_FOLDERS = ("ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


@dataclass(frozen=True)
class Described:
    """One setting as the README's table shows it and as messages name it."""

    name: str  # the field of Settings: "drafts", "editor.repo"
    variable: str  # the environment variable
    key: str | None  # where mkdocs.yml sets it ("cms.repo" in the kb block); None: nowhere
    label: str  # how messages name it: 设置「包含草稿」（环境变量 KB_DRAFTS）
    default: str  # as the README shows it
    meaning: str


DESCRIBED = {
    d.name: d
    for d in [
        Described(
            "site_url",
            "KB_SITE_URL",
            "site_url",
            "网站地址",
            "不设置",
            "网站发布的网址（`kb build --site-url` 也可以设置），例如 "
            "`https://dangjian.gitlab.io/kb/`；发布在子路径下时 404 页、订阅、sitemap 需要它",
        ),
        Described(
            "drafts",
            "KB_DRAFTS",
            "drafts",
            "包含草稿",
            "`false`",
            "包含 `status: draft` 的草稿（`kb build --drafts`、`kb serve --drafts` 设置它）",
        ),
        Described(
            "handout_pdfs",
            "KB_PDF",
            "handout_pdfs",
            "生成讲义 PDF",
            "`false`",
            "把每个培训模块的学员版讲义生成 PDF（`kb build --pdf` 设置它）",
        ),
        Described(
            "editor.backend",
            "KB_CMS_BACKEND",
            "cms.backend",
            "表单编辑器的平台",
            "`gitlab`",
            "表单编辑器保存到哪里：`gitlab` 或 `github`",
        ),
        Described(
            "editor.repo",
            "KB_CMS_REPO",
            "cms.repo",
            "表单编辑器的仓库",
            "不设置",
            "GitLab 的 `组/项目` 或 GitHub 的 `用户/仓库`；不设置时网站不含 `/admin/`",
        ),
        Described(
            "editor.branch",
            "KB_CMS_BRANCH",
            "cms.branch",
            "表单编辑器的分支",
            "`main`",
            "表单编辑器保存到的分支",
        ),
        Described(
            "editor.base_url",
            "KB_CMS_BASE_URL",
            "cms.base_url",
            "表单编辑器的 GitLab 地址",
            "不设置",
            "GitLab 的地址（GitHub 时是登录服务的地址）；不设置时网站不含 `/admin/`",
        ),
        Described(
            "editor.app_id",
            "KB_CMS_APP_ID",
            "cms.app_id",
            "表单编辑器的应用 ID",
            "不设置",
            "GitLab OAuth 应用的 ID（按写的文字读，`0123` 就是 `0123`）",
        ),
        Described(
            "editor.review",
            "KB_CMS_REVIEW",
            "cms.review",
            "表单编辑器的合并请求审核",
            "`true`",
            "表单保存的修改先生成合并请求，审核后才合并",
        ),
        Described(
            "processes",
            "KB_PROCESSES",
            None,
            "生成网站用的进程数",
            "CPU 核心数",
            "同时读文件、写案例页面的进程数（只在 Linux 上多于 1 个）",
        ),
        Described(
            "engine",
            "KB_ENGINE",
            None,
            "生成网站的程序",
            "`mkdocs`",
            "`kb build`、`kb serve` 用 `mkdocs` 还是 `properdocs`",
        ),
        Described(
            "browser",
            "KB_BROWSER",
            None,
            "生成 PDF 用的浏览器",
            "自动查找",
            "Chrome、Edge 或 Chromium 程序的完整路径；不设置时在 PATH 和系统默认安装位置里找",
        ),
        Described(
            "program_folders",
            "ProgramFiles、ProgramFiles(x86)、LOCALAPPDATA",
            None,
            "Windows 的程序文件夹",
            "Windows 自己设置",
            "Windows 上在这些文件夹里找 Chrome 和 Edge",
        ),
        Described(
            "cache_dir",
            "KB_CACHE（或 XDG_CACHE_HOME）",
            None,
            "下载文件的缓存文件夹",
            "`~/.cache`",
            "表单编辑器 Decap CMS 下载一次后存放在这个文件夹下的 `kb/` 里",
        ),
        Described(
            "npm_registry",
            "KB_NPM_REGISTRY",
            None,
            "npm 软件源",
            f"`{NPM_REGISTRY}`",
            "从哪里下载 Decap CMS（没有外网时可以用国内镜像）",
        ),
        Described(
            "decap_tarball",
            "KB_DECAP_TARBALL",
            None,
            "表单编辑器的安装包",
            "不设置",
            "本机的 `decap-cms-3.16.3.tgz`：设置后不下载",
        ),
        Described(
            "debug",
            "KB_DEBUG",
            None,
            "显示内部错误的详情",
            "`false`",
            "`kb` 出现内部错误时显示 Python 的详细信息（给维护人员看）",
        ),
        Described(
            "build_epoch",
            "SOURCE_DATE_EPOCH",
            None,
            "生成日期",
            "最后一次提交的时间",
            "从 1970 年起的秒数：页面日期、订阅、PDF 和压缩文件里的日期用它（生成时自动设置）",
        ),
    ]
}


@dataclass(frozen=True)
class EditorSettings:
    """Per installation (mkdocs.yml ``kb: cms:``, or the KB_CMS_* environment variables)."""

    backend: str = "gitlab"
    repo: str = ""  # group/project on GitLab, owner/name on GitHub
    branch: str = "main"
    base_url: str = ""  # GitLab's address, or the GitHub OAuth service's
    app_id: str = ""  # GitLab: the OAuth application's id
    review: bool = True  # changes go through a merge request (editorial workflow)

    def missing(self) -> list[str]:
        """What a published editor still needs, as the settings' names."""
        needed = {"repo": self.repo, "base_url": self.base_url}
        if self.backend == "gitlab":
            needed["app_id"] = self.app_id
        return [name for name, value in needed.items() if not value]


def _home_cache() -> Path:
    return Path.home() / ".cache" / "kb"


class SettingsError(Exception):
    """Settings that cannot be used: one Chinese message each."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Settings:
    """One run's settings; the defaults are what an unset variable means (see DESCRIBED)."""

    site_url: str = ""
    drafts: bool = False
    handout_pdfs: bool = False
    editor: EditorSettings = field(default_factory=EditorSettings)
    processes: int | None = None  # None: one per core
    engine: Engine = "mkdocs"
    browser: Path | None = None  # None: looked for on the PATH and where systems install it
    program_folders: tuple[tuple[str, str], ...] = ()  # (name, folder) as PROGRAM_FOLDERS
    cache_dir: Path = field(default_factory=_home_cache)
    npm_registry: str = NPM_REGISTRY
    decap_tarball: Path | None = None
    debug: bool = False
    build_epoch: int | None = None  # None: the last commit's time

    @classmethod
    def read(
        cls, environ: Mapping[str, str], kb_block: Mapping[str, Any] | None = None
    ) -> Settings:
        """The settings in ``environ`` and, from the MkDocs plugin, mkdocs.yml's ``kb`` block
        (with mkdocs.yml's ``site_url`` under ``site_url``); raises SettingsError."""
        given = _Given(environ, kb_block)
        settings = cls(
            site_url=given.text("site_url", ""),
            drafts=given.flag("drafts", False),
            handout_pdfs=given.flag("handout_pdfs", False),
            editor=_editor(given),
            processes=given.number("processes", "只能是正整数（例如 2）", minimum=1),
            engine=given.choice("engine", ENGINES),
            browser=given.path("browser"),
            program_folders=_program_folders(environ),
            cache_dir=_cache_dir(environ),
            npm_registry=given.text("npm_registry", NPM_REGISTRY).rstrip("/") or NPM_REGISTRY,
            decap_tarball=given.path("decap_tarball"),
            debug=given.flag("debug", False),
            build_epoch=given.number(
                "build_epoch", "应为从 1970 年起的秒数（例如 1700000000）", minimum=0
            ),
        )
        given.problems.append(url_problem(settings.site_url))
        if not any(name.startswith("editor.") for name in given.refused):
            given.problems += editor_problems(vars(settings.editor))
        found = [problem for problem in given.problems if problem]
        if found:
            raise SettingsError(found)
        return settings


def _editor(given: _Given) -> EditorSettings:
    return EditorSettings(
        backend=given.choice("editor.backend", BACKENDS),
        repo=given.text("editor.repo", ""),
        branch=given.text("editor.branch", "") or "main",
        base_url=given.text("editor.base_url", ""),
        app_id=given.text("editor.app_id", ""),
        review=given.flag("editor.review", True),
    )


def _program_folders(environ: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    upper = {name.upper(): value for name, value in environ.items()}
    return tuple((name, upper[name.upper()]) for name in PROGRAM_FOLDERS if name.upper() in upper)


def _cache_dir(environ: Mapping[str, str]) -> Path:
    base = environ.get("KB_CACHE") or environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "kb"
    home = environ.get("HOME") or environ.get("USERPROFILE")
    return Path(home) / ".cache" / "kb" if home else _home_cache()


class _Given:
    """What was written for each setting, judged one by one; problems are collected."""

    def __init__(self, environ: Mapping[str, str], block: Mapping[str, Any] | None):
        self.environ, self.block = environ, block
        self.problems: list[str | None] = []
        self.refused: set[str] = set()

    def raw(self, name: str, wanted: type) -> object:
        """mkdocs.yml's value, or the variable's characters where YAML read it as another
        type (or the variable alone, without a block or for a setting mkdocs.yml lacks)."""
        described = DESCRIBED[name]
        if self.block is None or described.key is None:
            return self.environ.get(described.variable)
        value = _lookup(self.block, described.key)
        if not isinstance(value, wanted) and described.variable in self.environ:
            return self.environ[described.variable]
        return value

    def refuse(self, name: str, rule: str, value: object) -> None:
        described = DESCRIBED[name]
        self.refused.add(name)
        self.problems.append(
            f"设置「{described.label}」（环境变量 {described.variable}）{rule}，"
            f"现在是「{shown(value)}」。"
        )

    def text(self, name: str, default: str) -> str:
        value = self.raw(name, str)
        if value is None:
            return default
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        self.refuse(name, "应为一段文字", repr(value))
        return default

    def flag(self, name: str, default: bool) -> bool:
        value = self.raw(name, bool)
        if value is None or isinstance(value, bool):
            return default if value is None else value
        word = str(value).strip().lower()
        if word in _TRUE | _FALSE:
            return word in _TRUE
        self.refuse(name, "只能是 true 或 false（开或关）", value)
        return default

    def choice(self, name: str, choices: tuple[Any, ...]) -> Any:
        value = self.raw(name, str)
        word = value.strip() if isinstance(value, str) else value
        if word in (None, ""):
            return choices[0]
        if word in choices:
            return word
        self.refuse(name, f"只能是 {' 或 '.join(choices)}", value)
        return choices[0]

    def number(self, name: str, rule: str, minimum: int) -> int | None:
        text = str(self.raw(name, str) or "").strip()
        if not text:
            return None
        if text.isascii() and text.isdigit() and int(text) >= minimum:
            return int(text)
        self.refuse(name, rule, text)
        return None

    def path(self, name: str) -> Path | None:
        text = self.text(name, "")
        return Path(text) if text else None


def _lookup(block: Mapping[str, Any], key: str) -> object:
    value: object = block
    for part in key.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value
