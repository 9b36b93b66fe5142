"""Every SQL statement lives in `quizapp/study/store/` (the schema's migrations aside): the rest
of the study package, and the packages that keep data (coding, exchange, commands), ask the
store, so a schema change has one place to look. (The TUI is left out: Textual's DOM `query`
shares a name with the SQL calls looked for, and the TUI reaches data only through study.)"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"
STUDY = PACKAGE / "study"
DATA_KEEPERS = ("coding", "exchange", "commands")
SQL_CALLS = frozenset({"execute", "executemany", "executescript", "query", "transaction"})
OUTSIDE_THE_STORE = {"migrations.py"}
"""The schema itself, which the store applies when it opens the file."""


def _sql_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.relative_to(PACKAGE)}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_CALLS
    ]


def test_no_sql_outside_the_store_package() -> None:
    modules = [
        path
        for path in STUDY.rglob("*.py")
        if "store" not in path.relative_to(STUDY).parts and path.name not in OUTSIDE_THE_STORE
    ] + [path for package in DATA_KEEPERS for path in (PACKAGE / package).rglob("*.py")]
    assert len(modules) > 20
    assert [call for path in modules for call in _sql_calls(path)] == []


def test_the_check_sees_sql_where_it_is() -> None:
    assert _sql_calls(STUDY / "migrations.py")
    assert _sql_calls(STUDY / "store" / "reviews.py")
