"""Settings of the ``kb`` MkDocs plugin (``plugins: - kb: ...`` in mkdocs.yml)."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class KnowledgeBaseConfig(base.Config):
    # knowledge-base root (cases/, content/, site_config/), relative to mkdocs.yml
    root = c.Type(str, default=".")
    # include records with status: draft (previews only)
    drafts = c.Type(bool, default=False)
    # case pages share one rendering of the theme, with their own title, contents and table
    # of contents put in; false renders every page in full (slower; output is identical)
    shared_theme = c.Type(bool, default=True)
    # print each training module's handout to a PDF and link it from the module's page
    # (kb build --pdf; needs Chrome, Edge or Chromium, see generator/handout_pdf.py)
    handout_pdfs = c.Type(bool, default=False)
