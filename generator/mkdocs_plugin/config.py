"""Settings of the ``kb`` MkDocs plugin (``plugins: - kb: ...`` in mkdocs.yml)."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class FormEditorConfig(base.Config):
    """The form editor at /admin/ (Decap CMS): where it saves. Without repo and base_url the
    built site has no /admin/; kb serve always has one that saves into the working tree."""

    backend = c.Choice(("gitlab", "github"), default="gitlab")
    repo = c.Type(str, default="")  # group/project (GitLab) or owner/name (GitHub)
    branch = c.Type(str, default="main")
    base_url = c.Type(str, default="")  # GitLab's address, or the GitHub sign-in service's
    app_id = c.Type(str, default="")  # GitLab OAuth application id
    review = c.Type(bool, default=True)  # every change goes through a merge request


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
    # the form editor at /admin/ (generator/publish/cms_*.py)
    cms = c.SubConfig(FormEditorConfig)
