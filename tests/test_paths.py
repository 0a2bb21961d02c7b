"""Every repository path the code and the documents name exists, so that a moved or renamed
file leaves no stale pointer behind: in the generator and the benchmarks (comments, docstrings
and strings), the tests (comments and docstrings: their strings name the files of the
temporary projects they build), mkdocs.yml and the other configuration files, the page
templates, the site's scripts, the README and the other developer documents, and the guides.

Four spellings are checked: repository paths (``generator/sources/pii.py``, ``tests/golden/``),
paths inside generator/ (``sources/pii.py``, as the README's tables write them), test files by
name (``test_golden.py``) and module names (``generator.search.text``,
``generator.model.Searched``). A placeholder (``cases/<id>.yml``,
``tests/golden/problems/*/``, ``content/policies/id.md``) stands for any name: the folder
before it must exist. CHANGELOG.md is not read: it names files as they were then."""

from __future__ import annotations

import ast
import importlib
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

DOCUMENTS = [
    "README.md",
    "CONTRIBUTING.md",
    "ARCHITECTURE.md",
    "mkdocs.yml",
    "pyproject.toml",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
    ".gitlab-ci.yml",
    ".github/workflows/site.yml",
    ".ci/run",
    "eslint.config.js",
    "benchmarks/README.md",
]
DOCUMENT_GLOBS = [
    "tests/*.md",
    "tests/*/README.md",
    "content/guides/*.md",
    "site_config/templates/**/*.j2",
    "site_config/**/*.js",
    "site_config/overrides/*.html",
    "site_config/deploy/*",
]
CODE_GLOBS = ["generator/**/*.py", "benchmarks/*.py"]  # every string
TEST_GLOBS = ["tests/**/*.py"]  # docstrings only

# named on purpose although they are not in the repository
NOT_IN_THE_REPOSITORY = {
    # made by the form editor on its first upload
    "site_config/docs/assets/uploads",
    "site_config/docs/assets/uploads/",
    # the editors' guide's examples: the draft kb new writes, a line kb validate prints
    "cases/huguo/my-case.yml",
    "cases/huguo/zhiguo.yml",
    # written into a temporary copy of the repository by benchmarks/validate_limits.py
    "cases/huguo/hostile.yml",
    # CONTRIBUTING.md's toy kind (tests/toy_kind/) as it would stand in the repository
    "content/notices",
    "content/notices/",
    "site_config/templates/notice.md.j2",
    "site_config/schema/notice.schema.json",
}

_ROOTS = r"generator|site_config|tests|benchmarks|content|cases|\.ci|\.github"
_PATH = re.compile(rf"(?<![\w./\\-])(?:{_ROOTS})/[\w./\\<>*{{}}…-]*")
_STAGES = "|".join(p.parent.name for p in sorted((REPO / "generator").glob("*/__init__.py")))
_IN_GENERATOR = re.compile(rf"(?<![\w./\\-])(?:{_STAGES})/[\w/]+\.py(?![\w/])")
_MODULE = re.compile(r"(?<![\w.])generator(?:\.\w+)+")
_TEST_FILE = re.compile(r"(?<![\w./\\-])test_\w+\.py")
TEST_FILES = {p.name for p in (REPO / "tests").rglob("test_*.py")}
# a path component that stands for any name
_PLACEHOLDER = re.compile(r"[<>*{}…]|^(?:id|标识|街道文件夹)(?:\.\w+)?$")


def _stale(text: str) -> list[str]:
    """The paths and module names in ``text`` that name nothing in the repository."""
    found = [name for name in map(_normal, _PATH.findall(text)) if not _exists(name)]
    found += [
        name for name in _IN_GENERATOR.findall(text) if not (REPO / "generator" / name).is_file()
    ]
    found += [name for name in _TEST_FILE.findall(text) if name not in TEST_FILES]
    return found + [name for name in _MODULE.findall(text) if not _importable(name)]


def _normal(name: str) -> str:
    """Without the escapes of a regular expression (``vocabularies\\.yml``) and the full stop
    of a sentence."""
    return name.replace("\\", "").rstrip(".")


def _exists(name: str) -> bool:
    if name in NOT_IN_THE_REPOSITORY:
        return True
    if name.startswith("cases/") and not name.endswith(".yml"):
        return True  # the site's pages: cases/index.md, cases/<id>/
    parts = name.split("/")
    fixed = next((i for i, part in enumerate(parts) if _PLACEHOLDER.search(part)), None)
    if fixed is not None:
        return (REPO / "/".join(parts[:fixed])).is_dir()
    return (REPO / name).exists()


def _importable(dotted: str) -> bool:
    """A module, or a name a module defines (``generator.model.Searched``)."""
    parts = dotted.split(".")
    for length in range(len(parts), 0, -1):
        module_name = ".".join(parts[:length])
        try:
            found: object = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        for name in parts[length:]:
            if not hasattr(found, name):
                return False
            found = getattr(found, name)
        return True
    return False


def _files(patterns: list[str]) -> list[Path]:
    return sorted({p for pattern in patterns for p in REPO.glob(pattern) if p.is_file()})


def _comments(source: str) -> Iterator[tuple[int, str]]:
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def _strings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _docstrings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring is not None:
                yield node.body[0].lineno, docstring


def _python_texts(path: Path, docstrings_only: bool) -> Iterator[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    yield from _comments(source)
    tree = ast.parse(source)
    yield from _docstrings(tree) if docstrings_only else _strings(tree)


def _texts() -> Iterator[tuple[Path, int, str]]:
    for path in [REPO / name for name in DOCUMENTS] + _files(DOCUMENT_GLOBS):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield path, number, line
    for patterns, docstrings_only in ((CODE_GLOBS, False), (TEST_GLOBS, True)):
        for path in _files(patterns):
            for number, text in _python_texts(path, docstrings_only):
                yield path, number, text


def test_every_path_named_exists():
    stale = [
        f"{path.relative_to(REPO)}:{number}: {name}"
        for path, number, text in _texts()
        for name in _stale(text)
    ]
    assert not stale, "\n".join(stale)


def test_every_allowed_exception_is_still_named():
    named = {_normal(name) for _, _, text in _texts() for name in _PATH.findall(text)}
    assert sorted(NOT_IN_THE_REPOSITORY - named) == []


def test_the_documents_read_are_there():
    assert all((REPO / name).is_file() for name in DOCUMENTS)
    assert _files(["content/guides/*.md"]) and _files(["site_config/templates/**/*.j2"])


def test_stale_paths_and_modules_are_found():
    text = (
        "see generator/rebuild.py, sources/nowhere.py, generator.search.nowhere, "
        "generator.model.Nowhere, test_nowhere.py and tests/nowhere/; test_golden.py, "
        "site_config/vocabularies\\.yml, generator/publish/rebuild.py, publish/rebuild.py, "
        "generator.model.Searched, cases/<id>.yml, content/policies/id.md, cases/index.md "
        "and tests/golden/*/ are fine"
    )
    assert _stale(text) == [
        "generator/rebuild.py",
        "tests/nowhere/",
        "sources/nowhere.py",
        "test_nowhere.py",
        "generator.search.nowhere",
        "generator.model.Nowhere",
    ]
