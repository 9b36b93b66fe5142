"""`quizapp code check` loads only what grading needs, and starts the sandbox's child first so its
interpreter and numpy load while the command finds the exercise."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.coding import sandbox as sandbox_module

SOLUTION = """\
import numpy as np
def relu(x):
    return np.maximum(x, 0)
"""
NOT_NEEDED = ("textual", "rich", "fsrs", "quizapp.tui", "quizapp.study.store")
REPORT_LOADED = f"""
import sys
from quizapp.cli import main
status = main(sys.argv[1:])
loaded = sorted(
    name for name in sys.modules
    if any(name == prefix or name.startswith(prefix + ".") for prefix in {NOT_NEEDED!r})
)
print("LOADED", loaded, "STATUS", status)
"""


def test_the_command_loads_no_interface_and_no_study_store(tmp_path: Path) -> None:
    solution = tmp_path / "relu.py"
    solution.write_text(SOLUTION, encoding="utf-8")
    argv = ["--data-dir", str(tmp_path / "data"), "code", "check", "code-relu", str(solution)]
    result = subprocess.run(
        [sys.executable, "-c", REPORT_LOADED, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED [] STATUS 0" in result.stdout, result.stdout


def test_importing_the_sandbox_leaves_numpy_for_later() -> None:
    probe = "import sys, quizapp.coding.sandbox; print('numpy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_child_starts_before_the_exercise_is_looked_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    events: list[str] = []
    start = sandbox_module.Sandbox.start
    monkeypatch.setattr(
        sandbox_module.Sandbox, "start", lambda self: (events.append("child"), start(self))
    )
    from quizapp.commands import code as code_command

    exercises = code_command._exercises
    monkeypatch.setattr(
        code_command, "_exercises", lambda args: (events.append("decks"), exercises(args))[1]
    )
    solution = tmp_path / "relu.py"
    solution.write_text(SOLUTION, encoding="utf-8")
    argv = ["--data-dir", str(tmp_path / "data"), "code", "check", "code-relu", str(solution)]
    assert main(argv) == 0
    assert events == ["child", "decks"]
    assert "6/6 cases passed" in capsys.readouterr().out


def test_closing_the_sandbox_ends_the_child_without_waiting_for_its_shutdown() -> None:
    sandbox = sandbox_module.Sandbox()
    sandbox.start()
    process = sandbox._process
    assert process is not None
    sandbox.close()
    assert process.returncode == -signal.SIGKILL
