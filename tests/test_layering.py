"""The layers hold: import-linter checks the contracts in pyproject.toml over every import
(function-level ones included), and one runtime probe checks what importing really loads."""

import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Layers downward only (engine | explain < content | questions < study < coding
    < workspace < tui < commands < cli); the domain never imports textual. The report is
    printed on failure."""
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_importing_the_domain_and_the_command_line_does_not_load_textual() -> None:
    """At run time, not only in the import graph: `quizapp stats` must not pay for the TUI.
    Building the parser imports every subcommand module, so it is part of the probe."""
    probe = (
        "import sys, quizapp.engine, quizapp.content, quizapp.questions, quizapp.explain,"
        " quizapp.study, quizapp.study.mock, quizapp.coding.check, quizapp.exchange.apkg,"
        " quizapp.workspace,"
        " quizapp.cli; quizapp.cli.build_parser();"
        " print('textual' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
