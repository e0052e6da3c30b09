"""The house rules that a tool can check: imports go down the layers, and the data layer never imports Streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "actionplan"
# Which capability folder may import which: views and briefing use plan; keeping uses plan; plan uses only words;
# rounds use plan and keeping (a return is saved like any edit);
# every one may speak through i18n, which uses none.
MAY_USE: dict[str, set[str]] = {
    "i18n": set(),
    "plan": {"words", "i18n"},
    "keeping": {"plan", "words", "i18n"},
    "views": {"plan", "words", "i18n"},
    "briefing": {"plan", "words", "i18n"},
    "importing": {"plan", "words", "i18n"},
    "rounds": {"plan", "keeping", "words", "i18n"},
}


def _imports(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every `from ... import` and `import ...` in a file."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.level, node.module))
        elif isinstance(node, ast.ImportFrom):  # from .. import words: the names are the modules
            found += [(node.level, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_down_the_layers(path: Path):
    folder = path.relative_to(PACKAGE).parts[0] if len(path.relative_to(PACKAGE).parts) > 1 else ""
    for level, module in _imports(path):
        assert not module.startswith(("streamlit", "components", "pages")), f"{path}: imports {module}"
        if folder and level == 2:  # from ..x import y: another capability of actionplan
            assert module.split(".")[0] in MAY_USE[folder], f"{path}: {folder} may not use {module}"
        if folder and level == 0 and module.startswith("actionplan."):
            assert module.split(".")[1] in MAY_USE[folder] | {folder}, f"{path}: {folder} may not use {module}"


def test_pages_reach_the_workbook_only_through_the_layers():
    for path in sorted((ROOT / "pages").glob("*.py")):
        modules = [module for _, module in _imports(path)]
        assert not any(module.startswith(("openpyxl", "python_calamine", "zipfile")) for module in modules), path
