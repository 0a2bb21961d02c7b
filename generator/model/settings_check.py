"""Settings that reach pages and policies are checked before anything is built: the site's
address (it lands in ``<link rel="canonical">``, the 404 page, the feed) and the form
editor's host (it lands in ``/admin/``'s Content-Security-Policy). Each bad value gets one
Chinese message naming the setting as an editor would set it."""

from __future__ import annotations

import re

_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?"
_IPV6 = r"\[[0-9A-Fa-f:.]+\]"
_PORT = r"(?::[0-9]{1,5})?"
_PATH = r"(?:/[A-Za-z0-9._~%/-]*)?"
_URL = re.compile(rf"https?://(?:{_HOST}|{_IPV6}){_PORT}{_PATH}")
_TEXT = re.compile(r"[A-Za-z0-9._~/-]{1,200}")

SITE_URL = "网站地址（kb build --site-url、环境变量 KB_SITE_URL 或 mkdocs.yml 的 site_url）"
CMS_SETTINGS = {
    "base_url": (
        "表单编辑器的 GitLab 地址（环境变量 KB_CMS_BASE_URL 或 mkdocs.yml 的 kb › cms › base_url）"
    ),
    "repo": "表单编辑器的仓库（环境变量 KB_CMS_REPO 或 mkdocs.yml 的 kb › cms › repo）",
    "branch": "表单编辑器的分支（环境变量 KB_CMS_BRANCH 或 mkdocs.yml 的 kb › cms › branch）",
    "app_id": "表单编辑器的应用 ID（环境变量 KB_CMS_APP_ID 或 mkdocs.yml 的 kb › cms › app_id）",
}


def shown(value: object) -> str:
    """A setting's value as it may be quoted in a message: visible, at most 60 characters."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= 60 else text[:60] + "…"


def url_problem(value: str | None, setting: str = SITE_URL) -> str | None:
    """None for an empty or usable http(s) address; otherwise why it cannot be used."""
    if not value or _URL.fullmatch(value):
        return None
    return (
        f"{setting}「{shown(value)}」不能使用：应为 http:// 或 https:// 开头的完整网址，"
        "只含字母、数字和 . - _ ~ % /，不能有引号、尖括号、分号、空格或换行，"
        "例如 https://dangjian.gitlab.io/kb/。"
    )


def text_problem(name: str, value: str) -> str | None:
    """The form editor's repository, branch and application id: plain names only."""
    if not value or _TEXT.fullmatch(value):
        return None
    return (
        f"{CMS_SETTINGS[name]}「{shown(value)}」不能使用：只能含字母、数字和 . - _ ~ /，"
        "不能有引号、尖括号、分号、空格或换行。"
    )


def editor_problems(values: dict[str, str]) -> list[str]:
    """Every problem of the form editor's settings (``base_url``, ``repo``, ``branch``,
    ``app_id``)."""
    found = [url_problem(values.get("base_url"), CMS_SETTINGS["base_url"])]
    found += [text_problem(name, values.get(name) or "") for name in ("repo", "branch", "app_id")]
    return [problem for problem in found if problem]
