"""generator/model/settings.py: every setting read once into one typed object, each bad value
one Chinese message naming the setting and its variable; nothing else in the generator reads
the environment, and the README's table is the settings as they are."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from generator.model.settings import (
    DESCRIBED,
    NPM_REGISTRY,
    EditorSettings,
    Settings,
    SettingsError,
)
from tests.conftest import REPO

# the one place per front end that reads the environment (``kb``; the MkDocs plugin)
FRONT_ENDS = {"generator/cli/main.py", "generator/mkdocs_plugin/config.py"}
_ENVIRONMENT = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}


def _refused(environ: dict, block: dict | None = None) -> list[str]:
    with pytest.raises(SettingsError) as error:
        Settings.read(environ, block)
    return error.value.messages


def test_nothing_set_means_the_defaults():
    settings = Settings.read({"HOME": "/home/editor"})
    assert settings == dataclasses.replace(Settings(), cache_dir=Path("/home/editor/.cache/kb"))
    assert settings.engine == "mkdocs" and settings.processes is None
    assert settings.editor == EditorSettings() and settings.npm_registry == NPM_REGISTRY


def test_every_variable_is_read_into_its_typed_field():
    settings = Settings.read(
        {
            "KB_SITE_URL": "https://dangjian.gitlab.io/kb/",
            "KB_DRAFTS": "yes",
            "KB_PDF": "1",
            "KB_CMS_BACKEND": "github",
            "KB_CMS_REPO": "owner/kb",
            "KB_CMS_BRANCH": "pages",
            "KB_CMS_BASE_URL": "https://auth.example.cn",
            "KB_CMS_APP_ID": "0123",
            "KB_CMS_REVIEW": "off",
            "KB_PROCESSES": "3",
            "KB_ENGINE": "properdocs",
            "KB_BROWSER": "/opt/chrome",
            "KB_CACHE": "/var/cache",
            "KB_NPM_REGISTRY": "https://registry.npmmirror.com/",
            "KB_DECAP_TARBALL": "decap.tgz",
            "KB_DEBUG": "true",
            "SOURCE_DATE_EPOCH": "1700000000",
        }
    )
    assert settings == Settings(
        site_url="https://dangjian.gitlab.io/kb/",
        drafts=True,
        handout_pdfs=True,
        editor=EditorSettings(
            "github", "owner/kb", "pages", "https://auth.example.cn", "0123", review=False
        ),
        processes=3,
        engine="properdocs",
        browser=Path("/opt/chrome"),
        cache_dir=Path("/var/cache/kb"),
        npm_registry="https://registry.npmmirror.com",
        decap_tarball=Path("decap.tgz"),
        debug=True,
        build_epoch=1700000000,
    )


def test_the_cache_follows_kb_cache_then_xdg():
    assert Settings.read({"XDG_CACHE_HOME": "/x"}).cache_dir == Path("/x/kb")
    assert Settings.read({"XDG_CACHE_HOME": "/x", "KB_CACHE": "/k"}).cache_dir == Path("/k/kb")
    assert Settings.read({"USERPROFILE": "/u"}).cache_dir == Path("/u/.cache/kb")


def test_windows_program_folders_are_found_whatever_the_case():
    settings = Settings.read(
        {
            "PROGRAMFILES": "C:/P",
            "ProgramFiles(x86)": "C:/P86",
            "LocalAppData": "C:/L",
            "OTHER": "x",
        }
    )
    assert settings.program_folders == (
        ("ProgramFiles", "C:/P"),
        ("ProgramFiles(x86)", "C:/P86"),
        ("LOCALAPPDATA", "C:/L"),
    )


def test_mkdocs_yml_values_are_text_as_written():
    """!ENV reads KB_CMS_APP_ID=0123 as the octal number 83 and KB_CMS_REPO=yes as true:
    the variable's own characters are taken. A string written in mkdocs.yml stays."""
    block = {
        "site_url": "",
        "drafts": True,
        "handout_pdfs": None,
        "cms": {"app_id": 83, "repo": True, "branch": "stable", "review": None},
    }
    settings = Settings.read(
        {"KB_CMS_APP_ID": "0123", "KB_CMS_REPO": "yes", "KB_CMS_BRANCH": "main"}, block
    )
    assert settings.editor.app_id == "0123" and settings.editor.repo == "yes"
    assert settings.editor.branch == "stable" and settings.drafts is True
    assert settings.editor.review is True and settings.handout_pdfs is False
    assert Settings.read({}, {"cms": {"app_id": 12345}}).editor.app_id == "12345"


def test_the_plugin_reads_the_address_mkdocs_has_not_the_variable():
    settings = Settings.read({"KB_SITE_URL": "https://a.cn/"}, {"site_url": "https://b.cn/"})
    assert settings.site_url == "https://b.cn/"


@pytest.mark.parametrize(
    "environ, message",
    [
        (
            {"KB_DRAFTS": "2"},
            "设置「包含草稿」（环境变量 KB_DRAFTS）只能是 true 或 false（开或关），现在是「2」。",
        ),
        (
            {"KB_CMS_BACKEND": "gitea"},
            "设置「表单编辑器的平台」（环境变量 KB_CMS_BACKEND）只能是 "
            "gitlab 或 github，现在是「gitea」。",
        ),
        (
            {"KB_ENGINE": "hugo"},
            "设置「生成网站的程序」（环境变量 KB_ENGINE）只能是 mkdocs 或 "
            "properdocs，现在是「hugo」。",
        ),
        ({"KB_PROCESSES": "0"}, "（环境变量 KB_PROCESSES）只能是正整数（例如 2），现在是「0」。"),
        ({"KB_PROCESSES": "two"}, "（环境变量 KB_PROCESSES）只能是正整数"),
        ({"KB_PROCESSES": "２"}, "（环境变量 KB_PROCESSES）只能是正整数"),
        (
            {"SOURCE_DATE_EPOCH": "yesterday"},
            "（环境变量 SOURCE_DATE_EPOCH）应为从 1970 年起的秒数",
        ),
        ({"KB_DEBUG": "please"}, "（环境变量 KB_DEBUG）只能是 true 或 false"),
        (
            {"KB_SITE_URL": 'https://x/" onload="a()'},
            "网站地址（kb build --site-url、环境变量 KB_SITE_URL 或 mkdocs.yml 的 site_url）",
        ),
        ({"KB_CMS_APP_ID": "1'2"}, "表单编辑器的应用 ID（环境变量 KB_CMS_APP_ID"),
    ],
)
def test_a_bad_value_is_one_chinese_message_naming_its_variable(environ, message):
    messages = _refused(environ)
    assert len(messages) == 1 and message in messages[0], messages


def test_every_bad_value_is_told_at_once():
    messages = _refused(
        {"KB_DRAFTS": "2", "KB_ENGINE": "hugo", "KB_CMS_BASE_URL": "x y", "KB_PROCESSES": "-1"}
    )
    variables = [re.search(r"KB_[A-Z_]+", m).group(0) for m in messages]
    assert variables == ["KB_DRAFTS", "KB_PROCESSES", "KB_ENGINE", "KB_CMS_BASE_URL"]


def test_a_value_that_is_not_text_is_refused_in_chinese():
    messages = _refused({}, {"cms": {"repo": ["a", "b"]}})
    assert messages == [
        "设置「表单编辑器的仓库」（环境变量 KB_CMS_REPO）应为一段文字，现在是「['a', 'b']」。"
    ]


def test_every_field_is_described_once():
    fields = [f.name for f in dataclasses.fields(Settings) if f.name != "editor"]
    fields += [f"editor.{f.name}" for f in dataclasses.fields(EditorSettings)]
    assert sorted(DESCRIBED) == sorted(fields)


def test_the_readme_table_is_the_settings():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = [_row(d) for d in DESCRIBED.values()]
    expected = "\n".join(
        ["| 设置 | 环境变量 | mkdocs.yml | 默认 | 作用 |", "| --- | --- | --- | --- | --- |", *rows]
    )
    assert expected in readme, "README.md 的设置表应为：\n" + expected


def _row(described) -> str:
    variables = re.sub(
        r"[A-Za-z_][A-Za-z0-9_]*(?:\(x86\))?", lambda m: f"`{m.group(0)}`", described.variable
    )
    if described.key is None:
        where = "—"
    elif described.key == "site_url":
        where = "`site_url`"
    else:
        where = "`kb › " + described.key.replace(".", " › ") + "`"
    return (
        f"| {described.label}（`{described.name}`） | {variables} | {where} "
        f"| {described.default} | {described.meaning} |"
    )


def test_only_the_front_ends_read_the_environment():
    found = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if _reads_environment(node) and rel not in FRONT_ENDS:
                found.append(f"{rel}:{node.lineno}")
    assert found == [], "read the setting in Settings.read and pass it down: " + str(found)


def _reads_environment(node: ast.AST) -> bool:
    if isinstance(node, ast.Attribute):
        return (
            isinstance(node.value, ast.Name) and node.value.id == "os" and node.attr in _ENVIRONMENT
        )
    if isinstance(node, ast.ImportFrom):
        return node.module == "os" and any(a.name in _ENVIRONMENT for a in node.names)
    return False


def test_the_scan_finds_a_read(tmp_path):
    tree = ast.parse("import os\nfrom os import getenv\nx = os.environ.get('KB_X')\n")
    assert sum(_reads_environment(node) for node in ast.walk(tree)) == 2
