"""The generator's folders are its stages, and imports go downward only: a front end may use
the pipeline, the pipeline the pages, pages the library, the library the sources, and all of
them the model; never upward, never in a circle, and only the MkDocs adapter imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

GENERATOR = REPO / "generator"
# lowest first; a folder may import from its own layer and the ones before it
LAYERS = [
    {"model"},
    {"sources"},
    {"library"},
    {"pages"},
    {"search"},
    {"publish", "form_editor"},
    {"cli", "mkdocs_plugin"},
]
LEVEL = {folder: level for level, folders in enumerate(LAYERS) for folder in folders}
TOP_LEVEL_LIMIT = 11  # the stage folders, __init__.py and __main__.py


def _module(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of the modules ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path).rsplit(".", 1)[0] if path.name != "__init__.py" else _module(path)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in GENERATOR.rglob("*.py")}
    return {
        name: {m for m in _imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }


def _folder(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LEVEL) else None


def test_every_folder_is_a_known_stage_and_the_top_level_is_short():
    entries = sorted(p.name for p in GENERATOR.iterdir() if p.name != "__pycache__")
    assert len(entries) <= TOP_LEVEL_LIMIT, entries
    folders = {p.name for p in GENERATOR.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(LEVEL)


def test_no_module_imports_from_a_higher_stage():
    upward = []
    for module, imported in _graph().items():
        here = _folder(module)
        for target in imported:
            there = _folder(target)
            if here and there and LEVEL[there] > LEVEL[here]:
                upward.append(f"{module} → {target}")
            if not here and there and module not in ("generator", "generator.__main__"):
                upward.append(f"{module} → {target}")
    assert upward == []


def test_no_module_imports_itself_through_a_circle():
    graph = _graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(" → ".join(trail[trail.index(target) :] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_only_the_mkdocs_adapter_imports_mkdocs():
    users = [
        name
        for name, path in ((_module(p), p) for p in GENERATOR.rglob("*.py"))
        if any(m == "mkdocs" or m.startswith(("mkdocs.", "material")) for m in _imports(path))
    ]
    assert users and all(name.startswith("generator.mkdocs_plugin") for name in users), users


def test_the_generator_never_imports_the_tests():
    """Test-only code (such as tests/search/query_model.py) stays out of what is installed."""
    users = [
        _module(p)
        for p in GENERATOR.rglob("*.py")
        if any(m == "tests" or m.startswith("tests.") for m in _imports(p))
    ]
    assert users == []
