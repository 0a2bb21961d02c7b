"""Settings of the ``kb`` MkDocs plugin (``plugins: - kb: ...`` in mkdocs.yml)."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class KnowledgeBaseConfig(base.Config):
    # knowledge-base root (cases/, content/, site_config/), relative to mkdocs.yml
    root = c.Type(str, default=".")
    # include records with status: draft (previews only)
    drafts = c.Type(bool, default=False)
