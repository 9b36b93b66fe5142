"""`quizapp unsuspend`: the way back for a suspended card, and a clear refusal of unknown ids."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.study import FakeClock, open_store
from quizapp.workspace import load_content


def _suspend(data_dir: Path, *card_ids: str) -> None:
    with open_store(data_dir, FakeClock(datetime.now(UTC))) as store:
        for card_id in card_ids:
            store.suspend(card_id)


def _suspended(data_dir: Path, card_id: str) -> bool:
    with open_store(data_dir, FakeClock(datetime.now(UTC))) as store:
        return store.card_state(card_id).suspended


def test_lists_then_unsuspends(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    first, second = (card.id for card in load_content(None).cards[:2])
    _suspend(tmp_path, first, second)
    assert main(["--data-dir", str(tmp_path), "unsuspend"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == sorted([first, second])
    assert main(["--data-dir", str(tmp_path), "unsuspend", first]) == 0
    assert capsys.readouterr().out == f"{first}: unsuspended; it comes up again when due\n"
    assert not _suspended(tmp_path, first)
    assert _suspended(tmp_path, second)


def test_a_card_that_is_not_suspended_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    card_id = load_content(None).cards[0].id
    assert main(["--data-dir", str(tmp_path), "unsuspend", card_id]) == 0
    assert "was not suspended; nothing changed" in capsys.readouterr().out
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as store:
        assert store.query("SELECT count(*) FROM cards") == [(0,)]


def test_an_unknown_id_is_exit_2_and_records_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["--data-dir", str(tmp_path), "unsuspend", "no-such-card"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "quizapp unsuspend: error: no card has the id 'no-such-card';"
        " `quizapp unsuspend` lists suspended cards\n"
    )
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as store:
        assert store.query("SELECT count(*) FROM cards") == [(0,)]


def test_a_suspended_card_gone_from_the_content_can_still_come_back(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _suspend(tmp_path, "removed-card")
    assert main(["--data-dir", str(tmp_path), "unsuspend"]) == 0
    assert capsys.readouterr().out == "removed-card  (not in the loaded content)\n"
    assert main(["--data-dir", str(tmp_path), "unsuspend", "removed-card"]) == 0
    assert not _suspended(tmp_path, "removed-card")


def test_nothing_suspended(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data-dir", str(tmp_path), "unsuspend"]) == 0
    assert capsys.readouterr().out == "No card is suspended.\n"
