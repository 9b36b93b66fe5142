"""A crash of the app started by `quizapp` or `quizapp mock` ends with exit status 1 and one line
naming the error and the file that holds the full traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App

from quizapp.cli import main
from quizapp.tui.app import QuizApp


@pytest.fixture
def crashing_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app runs headless, and opening its data as home mounts ends in a bug."""

    def headless(self: QuizApp, **kwargs: object) -> None:
        App.run(self, headless=True, size=(80, 24))

    def bug(self: QuizApp) -> None:
        raise ZeroDivisionError("the numbers went wrong")

    monkeypatch.setattr(QuizApp, "run", headless)
    monkeypatch.setattr(QuizApp, "open_data", bug)


@pytest.mark.parametrize("command", [[], ["mock"]])
@pytest.mark.usefixtures("crashing_app")
def test_a_crash_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture, command: list[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), *command]) == 1
    [line] = capsys.readouterr().err.splitlines()
    match = re.fullmatch(
        r"quizapp: crashed: ZeroDivisionError: the numbers went wrong"
        r" \(full traceback in (?P<file>.+)\)",
        line,
    )
    assert match, line
    written = Path(match["file"])
    assert written.parent == tmp_path
    text = written.read_text(encoding="utf-8")
    assert text.startswith("Traceback (most recent call last):")
    assert "in bug" in text


@pytest.mark.usefixtures("crashing_app")
def test_an_unwritable_data_dir_puts_the_traceback_in_the_temp_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    assert main(["--data-dir", str(blocked / "data")]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert f"full traceback in {tmp_path / 'tmp'}" in line
