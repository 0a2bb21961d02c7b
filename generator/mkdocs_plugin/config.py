"""Settings of the ``kb`` MkDocs plugin (``plugins: - kb: ...`` in mkdocs.yml), and the one
place the plugin reads the environment.

MkDocs takes the kb block's settings as written; :meth:`Settings.read` judges them with the
``KB_*`` variables (``!ENV`` reads a variable as YAML: ``KB_CMS_APP_ID=0123`` would arrive as
an octal number, so the variable's own characters are taken) and every bad value is refused
with a Chinese message naming the setting and its variable, never MkDocs' English one.
"""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.model.settings import Settings, SettingsError


class Given(c.BaseConfigOption):
    """A setting as written in mkdocs.yml (None when it is not); Settings.read judges it."""

    def run_validation(self, value: object) -> object:
        return value


class FormEditorConfig(base.Config):
    """The form editor at /admin/ (Decap CMS): where it saves. Without repo and base_url the
    built site has no /admin/; kb serve always has one that saves into the working tree."""

    backend = Given()  # gitlab or github
    repo = Given()  # group/project (GitLab) or owner/name (GitHub)
    branch = Given()
    base_url = Given()  # GitLab's address, or the GitHub sign-in service's
    app_id = Given()  # GitLab OAuth application id
    review = Given()  # every change goes through a merge request


class KnowledgeBaseConfig(base.Config):
    # knowledge-base root (cases/, content/, site_config/), relative to mkdocs.yml
    root = c.Type(str, default=".")
    # include records with status: draft (previews only)
    drafts = Given()
    # case pages share one rendering of the theme, with their own title, contents and table
    # of contents put in; false renders every page in full (slower; output is identical)
    shared_theme = c.Type(bool, default=True)
    # print each training module's handout to a PDF and link it from the module's page
    # (kb build --pdf; needs Chrome, Edge or Chromium, see generator/publish/handout_pdf.py)
    handout_pdfs = Given()
    # the form editor at /admin/ (generator/form_editor/)
    cms = c.SubConfig(FormEditorConfig)


def read_settings(config: MkDocsConfig, plugin_config: KnowledgeBaseConfig) -> Settings:
    """This build's settings: the kb block, mkdocs.yml's site_url and the environment."""
    block = {
        "site_url": config.site_url or "",
        "drafts": plugin_config.drafts,
        "handout_pdfs": plugin_config.handout_pdfs,
        "cms": plugin_config.cms,
    }
    try:
        return Settings.read(os.environ, block)
    except SettingsError as error:
        raise PluginError("设置有误，网站没有生成：\n" + "\n".join(error.messages)) from None


def pin_build_time(epoch: int) -> None:
    """MkDocs and its plugins date what they write by SOURCE_DATE_EPOCH: the same commit gives
    the same bytes (the reproducible-builds convention)."""
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
