"""The command line as a user meets it: help, version, errors as one line."""

import subprocess
import sys

from quizapp import __version__


def run_quizapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args], capture_output=True, text=True, timeout=60
    )


def test_version() -> None:
    result = run_quizapp("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"quizapp {__version__}"


def test_help_lists_commands() -> None:
    result = run_quizapp("--help")
    assert result.returncode == 0
    assert "--data-dir" in result.stdout
