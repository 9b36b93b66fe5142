"""`quizapp cards`: the browser's list on the command line, its search, JSON, inert output."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.study import FakeClock, open_store
from quizapp.workspace import load_content


def _store(data_dir: Path):
    return open_store(data_dir, FakeClock(datetime.now(UTC)))


def test_lists_every_card_with_a_header_and_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    cards = load_content(None).cards
    assert main(["--data-dir", str(tmp_path), "cards"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "card",
        "state",
        "due",
        "lapses",
        "leech",
        "flags",
        "kind",
        "deck",
        "section",
    ]
    assert [line.split()[0] for line in lines[1:-1]] == [card.id for card in cards]
    assert lines[-1] == f"{len(cards)} cards"


def test_search_and_json_show_the_marks(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    first, second = (card.id for card in load_content(None).cards[:2])
    with _store(tmp_path) as store:
        store.suspend(first)
        store.set_flagged(first, True)
        store.bury(second)
    assert main(["--data-dir", str(tmp_path), "cards", "--search", "is:suspended"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == [first]
    assert "suspended flagged" in lines[1]
    assert lines[-1] == "1 card"
    assert main(["--data-dir", str(tmp_path), "cards", "-s", "is:buried", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["card"] == second
    assert (entry["state"], entry["due"], entry["flags"]) == ("new", None, ["buried"])


def test_a_bad_search_is_one_line_naming_the_column(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["--data-dir", str(tmp_path), "cards", "--search", "relu is:sleepy"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        "quizapp cards: error: --search 'relu is:sleepy': column 9: unknown status 'sleepy'"
    )
    assert captured.err.count("\n") == 1


def test_ids_from_the_database_are_printed_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    with _store(tmp_path) as store:
        store.suspend("evil\x1b]0;PWNED\x07")
    assert main(["--data-dir", str(tmp_path), "cards", "-s", "is:suspended"]) == 0
    output = capsys.readouterr().out
    assert "\x1b" not in output and "\x07" not in output
    assert "evil\\u001b]0;PWNED\\u0007" in output
    assert "(not in the loaded content)" not in output
    assert main(["--data-dir", str(tmp_path), "cards", "-s", "is:suspended", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["card"] == "evil\x1b]0;PWNED\x07"
    assert entry["front"] == "(not in the loaded content)"
    assert entry["deck"] is None
