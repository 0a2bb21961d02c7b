"""``mkdocs`` as if the Markdown input checks had missed everything (tests only).

The hostile test builds ``missed/`` with this, so that what reaches the page is decided by the
sanitizer alone. Usage: ``python build_without_checks.py build --site-dir DIR``.
"""

import sys

from mkdocs.__main__ import cli

import generator.sources.validation

generator.sources.validation.markdown_problems = lambda text: []

if __name__ == "__main__":
    sys.exit(cli())
