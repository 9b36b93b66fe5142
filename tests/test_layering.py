"""The domain packages must stay usable without a terminal: they never import textual."""

import subprocess
import sys

import pytest

DOMAIN_PACKAGES = [
    "quizapp.engine",
    "quizapp.engine.curves",
    "quizapp.explain",
    "quizapp.content",
    "quizapp.content.search",
    "quizapp.questions",
    "quizapp.study",
    "quizapp.study.drill",
    "quizapp.study.mock",
    "quizapp.study.overview",
    "quizapp.coding.check",
    "quizapp.workspace",
    "quizapp.commands",
    "quizapp.cli",
]


@pytest.mark.parametrize("package", DOMAIN_PACKAGES)
def test_domain_package_does_not_import_textual(package: str) -> None:
    probe = f"import sys, {package}; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_building_the_command_line_does_not_import_textual() -> None:
    """Every subcommand module is imported to build `--help`; the TUI must stay out of that."""
    probe = "import sys, quizapp.cli; quizapp.cli.build_parser(); print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
