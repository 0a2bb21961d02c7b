"""Settings of the ``kb`` MkDocs plugin (``plugins: - kb: ...`` in mkdocs.yml).

Every setting may come from an environment variable through ``!ENV``, which reads the value
as YAML: ``KB_CMS_APP_ID=12345`` arrives as a number, ``0123`` as an octal one. Text settings
therefore take the variable's own characters when it is set, and every bad value is refused
with a Chinese message naming the setting and its variable (never MkDocs' English one).
"""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


class _Setting(c.OptionallyRequired):
    def __init__(self, label: str, env: str, default):
        super().__init__(default=default)
        self.label, self.env = label, env

    def _named(self) -> str:
        return f"设置「{self.label}」（环境变量 {self.env}）"


class Text(_Setting):
    """A text setting; a number read from YAML is taken as the text that was written."""

    def run_validation(self, value: object) -> str:
        if os.environ.get(self.env) is not None and not isinstance(value, str):
            return os.environ[self.env].strip()
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise base.ValidationError(f"{self._named()}应为一段文字，现在是「{value!r}」。")


class Flag(_Setting):
    """On or off: true/false, yes/no, on/off, 1/0."""

    def run_validation(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in _TRUE | _FALSE:
            return word in _TRUE
        raise base.ValidationError(
            f"{self._named()}只能是 true 或 false（开或关），现在是「{value}」。")


class OneOf(_Setting):
    def __init__(self, label: str, env: str, choices: tuple[str, ...]):
        super().__init__(label, env, choices[0])
        self.choices = choices

    def run_validation(self, value: object) -> str:
        if value in self.choices:
            return str(value)
        raise base.ValidationError(
            f"{self._named()}只能是 {' 或 '.join(self.choices)}，现在是「{value}」。")


class FormEditorConfig(base.Config):
    """The form editor at /admin/ (Decap CMS): where it saves. Without repo and base_url the
    built site has no /admin/; kb serve always has one that saves into the working tree."""

    backend = OneOf("表单编辑器的平台", "KB_CMS_BACKEND", ("gitlab", "github"))
    # group/project (GitLab) or owner/name (GitHub)
    repo = Text("表单编辑器的仓库", "KB_CMS_REPO", "")
    branch = Text("表单编辑器的分支", "KB_CMS_BRANCH", "main")
    # GitLab's address, or the GitHub sign-in service's
    base_url = Text("表单编辑器的 GitLab 地址", "KB_CMS_BASE_URL", "")
    app_id = Text("表单编辑器的应用 ID", "KB_CMS_APP_ID", "")  # GitLab OAuth application id
    # every change goes through a merge request
    review = Flag("表单编辑器的合并请求审核", "KB_CMS_REVIEW", True)


class KnowledgeBaseConfig(base.Config):
    # knowledge-base root (cases/, content/, site_config/), relative to mkdocs.yml
    root = c.Type(str, default=".")
    # include records with status: draft (previews only)
    drafts = Flag("包含草稿", "KB_DRAFTS", False)
    # case pages share one rendering of the theme, with their own title, contents and table
    # of contents put in; false renders every page in full (slower; output is identical)
    shared_theme = c.Type(bool, default=True)
    # print each training module's handout to a PDF and link it from the module's page
    # (kb build --pdf; needs Chrome, Edge or Chromium, see generator/handout_pdf.py)
    handout_pdfs = Flag("生成讲义 PDF", "KB_PDF", False)
    # the form editor at /admin/ (generator/publish/cms_*.py)
    cms = c.SubConfig(FormEditorConfig)
