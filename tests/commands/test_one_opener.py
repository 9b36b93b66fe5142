"""Every command and the app open the data the same way: a deck is judged the same everywhere."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.study import FakeClock
from quizapp.tui.app import QuizApp

DECK = """\
deck:
  name: mine
  title: Mine
cards:
  - kind: definition
    id: mine-fine
    term: Fine
    meaning: A card that loads.
  - kind: numeric
    id: mine-unknown-template
    title: A template nobody wrote
    template: no-such-template
    activation: relu
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    deck = tmp_path / "decks" / "mine"
    deck.mkdir(parents=True)
    (deck / "cards.yaml").write_text(DECK, encoding="utf-8")
    return tmp_path


async def cards_in_the_app(data_dir: Path) -> int:
    app = QuizApp(data_dir, clock=FakeClock(datetime.now(UTC)))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace is not None
        return len(app.workspace.cards)


async def test_stats_counts_the_cards_the_app_shows_and_warns(
    data_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    in_app = await cards_in_the_app(data_dir)
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "stats", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["cards"]["total"] == in_app
    assert "warning" in captured.err
    assert "no-such-template" in captured.err
    assert "cards.yaml" in captured.err


@pytest.mark.parametrize("command", [["due"], ["orphans"], ["stats"]])
def test_each_content_command_names_the_skipped_deck(
    data_dir: Path, capsys: pytest.CaptureFixture, command: list[str]
) -> None:
    assert main(["--data-dir", str(data_dir), *command]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"quizapp {command[0]}: warning: ")
    assert "no-such-template" in err


@pytest.mark.parametrize(
    "command",
    [
        ["due"],
        ["orphans"],
        ["stats"],
        ["settings"],
        ["export"],
        ["unsuspend", "x"],
        ["mock-report"],
        ["optimize", "--reset"],
    ],
)
def test_an_unusable_database_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture, command: list[str]
) -> None:
    (tmp_path / "quizapp.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["--data-dir", str(tmp_path), *command]) == 1
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith(f"quizapp {command[0]}: error: ")
    assert "quizapp.sqlite3" in line
    assert "Traceback" not in captured.err
