"""Knowledge-base generator: YAML and Markdown records in, Markdown pages out.

This package never imports MkDocs; the adapter lives in ``generator.mkdocs_plugin``.
"""

__version__ = "0.1.0"
