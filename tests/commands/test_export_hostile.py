"""`quizapp export` against hostile cells and targets: formulas stay text, control characters are
escaped, a FIFO or a symlink is written through rather than replaced, `-` is standard output."""

from __future__ import annotations

import csv
import io
import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.commands.export import spreadsheet_safe
from quizapp.content import load_library
from quizapp.study import FakeClock, Rating, ReviewSession, open_store
from quizapp.study.ordering import sibling_key

RESPONSES = [
    '=HYPERLINK("http://evil","x")',
    "+1+1",
    "-1+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "\tx",
    "\rx",
    "-0.5",
    "1e-3",
    "plain",
    "\x1b]0;PWNED\x07",
]


def _answer_with(data_dir: Path, responses: list[str]) -> None:
    """One answer per card, each from a different note: an answered card holds its siblings back
    for the day, and in the minutes before the day's rollover no learning card comes ahead to
    fill the gap, so a sibling among them ran the queue dry at some times of day."""
    notes = {}
    for card in load_library(data_dir).cards:
        if card.template is None:
            notes.setdefault(sibling_key(card.id), card)
    cards = list(notes.values())
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=3))
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, cards[: len(responses)])
        for response in responses:
            recorded = session.record(session.next(), Rating.Good)
            with store.transaction() as connection:
                connection.execute(
                    "UPDATE reviews SET response = ? WHERE id = ?", (response, recorded.review.id)
                )
            clock.advance(seconds=5)


def _export(data_dir: Path, *extra: str) -> int:
    return main(["--data-dir", str(data_dir), "export", *extra])


def test_formula_cells_are_quoted_and_numbers_stay_numbers(tmp_path: Path, capsys) -> None:
    _answer_with(tmp_path, RESPONSES)
    assert _export(tmp_path) == 0
    output = capsys.readouterr().out
    assert "\x1b" not in output and "\x07" not in output
    cells = [row["response"] for row in csv.DictReader(io.StringIO(output))]
    assert cells == [
        '\'=HYPERLINK("http://evil","x")',
        "'+1+1",
        "'-1+cmd|' /C calc'!A0",
        "'@SUM(A1:A2)",
        "'\tx",
        "'\\u000dx",
        "-0.5",
        "1e-3",
        "plain",
        "\\u001b]0;PWNED\\u0007",
    ]


@pytest.mark.parametrize("text", ["-0.5", "-2", "+3", "-inf", "=1", "-", "@", "- 1"])
def test_only_a_plain_number_may_start_with_a_sign(text: str) -> None:
    assert spreadsheet_safe(text).startswith("'") == (text in ("=1", "-", "@", "- 1"))


def test_a_dash_means_standard_output(tmp_path: Path, capsys, monkeypatch) -> None:
    _answer_with(tmp_path, ["x"])
    monkeypatch.chdir(tmp_path)
    assert _export(tmp_path, "--output", "-") == 0
    assert capsys.readouterr().out.startswith("id,card_id")
    assert not (tmp_path / "-").exists()


def test_a_symlink_is_followed_not_replaced(tmp_path: Path) -> None:
    _answer_with(tmp_path, ["x"])
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert _export(tmp_path, "--output", str(link)) == 0
    assert link.is_symlink()
    assert real.read_text().startswith("id,card_id")


def test_a_fifo_is_written_to_and_stays_a_fifo(tmp_path: Path) -> None:
    _answer_with(tmp_path, ["x"])
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    assert _export(tmp_path, "--output", str(fifo)) == 0
    reader.join(timeout=20)
    assert received and received[0].startswith("id,card_id")
    assert fifo.is_fifo()


def test_a_symlink_loop_is_one_line(tmp_path: Path, capsys) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert _export(tmp_path, "--output", str(loop)) == 1
    error = capsys.readouterr().err
    assert error == f"quizapp export: error: cannot write {loop}: it is a symbolic link loop\n"


def test_a_file_gets_the_same_escaped_cells_as_standard_output(tmp_path: Path, capsys) -> None:
    _answer_with(tmp_path, RESPONSES)
    assert _export(tmp_path) == 0
    printed = capsys.readouterr().out
    target = tmp_path / "log.csv"
    assert _export(tmp_path, "--output", str(target)) == 0
    written = target.read_text(encoding="utf-8")
    assert written == printed
    assert "\x1b" not in written and "\\u001b]0;PWNED\\u0007" in written
