"""The command line as a user meets it: help, version, errors as one line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import __version__
from quizapp.cli import app_arguments, build_parser, main


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


def test_ctrl_c_in_a_command_exits_quietly(monkeypatch, capsys, tmp_path: Path) -> None:
    import quizapp.commands.stats

    def interrupted(args) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(quizapp.commands.stats, "run", interrupted)
    assert main(["--data-dir", str(tmp_path), "stats"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_global_options_work_after_the_subcommand(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert main(["due", "--data-dir", str(data_dir)]) == 0
    assert (data_dir / "quizapp.sqlite3").is_file()


def test_content_folders_before_and_after_the_subcommand_add_up(monkeypatch) -> None:
    import quizapp.commands.stats

    seen = []
    monkeypatch.setattr(quizapp.commands.stats, "run", seen.append)
    main(["--data-dir", "A", "--content", "x", "stats", "--content", "y", "--data-dir", "B"])
    main(["stats"])
    assert [(args.data_dir, args.content) for args in seen] == [("B", ["x", "y"]), (None, [])]


def test_a_missing_dependency_is_one_line_not_a_traceback(monkeypatch, capsys) -> None:
    """Run by an interpreter the app was not installed for, a command says what is missing
    (`stats` reads the study data, which it finds with platformdirs; `validate` no longer needs
    it for the bundled deck)."""
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    monkeypatch.delenv("QUIZAPP_DATA_DIR", raising=False)
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quizapp: error: the package 'platformdirs' it needs is not installed")
    assert len(err.splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "A"],
        ["--data-dir=A", "--content", "x", "--content", "y"],
        ["--content", "x", "--data-dir", "B", "--data-dir", "C"],
    ],
)
def test_starting_the_app_reads_the_options_as_the_full_parser_does(argv: list[str]) -> None:
    fast = app_arguments(argv)
    assert fast is not None
    full = build_parser().parse_args(argv)
    assert (fast.data_dir, fast.content) == (full.data_dir, full.content)
    assert full.command is None


@pytest.mark.parametrize(
    "argv",
    [["stats"], ["--data-dir", "A", "due"], ["--help"], ["--version"], ["--data-dir"], ["-x"]],
)
def test_a_command_help_or_mistake_goes_to_the_full_parser(argv: list[str]) -> None:
    assert app_arguments(argv) is None


def test_starting_the_app_imports_no_command(tmp_path: Path) -> None:
    """The app's start reads its options without importing every command's module."""
    probe = (
        "import sys\n"
        "from quizapp import cli\n"
        "cli.run_app = lambda args: 0\n"
        f"cli.main(['--data-dir', {str(tmp_path)!r}])\n"
        "print(sorted(name for name in sys.modules if name.startswith('quizapp.commands.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


START_PROBE = """
import gc, json, sys
from quizapp import cli
import quizapp.tui.app as tui_app

seen = {}

class App:
    def __init__(self, *args, opening, started, **kwargs):
        seen["constructed"] = gc.isenabled()
        self.opening, self.started = opening, started

    def run_to_exit_status(self):
        self.opening.wait()
        seen["running"] = gc.isenabled()
        self.started()
        seen["started"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count() > 0
        return 0

tui_app.QuizApp = App
cli.main(["--data-dir", sys.argv[1]])
seen["after"] = gc.isenabled()
print(json.dumps(seen))
"""


def test_the_collector_is_paused_until_the_app_says_its_start_is_over(tmp_path: Path) -> None:
    """What the start builds is frozen when it is over, not walked by collections meanwhile."""
    env = {**os.environ, "QUIZAPP_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-c", START_PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(result.stdout) == {
        "constructed": False,
        "running": False,
        "started": True,
        "frozen": True,
        "after": True,
    }
