"""`quizapp orphans`: history kept for cards that left the content, and big rewrites."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Scheduler

from quizapp.cli import main
from quizapp.content import load_library
from quizapp.study import FakeClock, Rating, open_store, record_answer


@dataclass(frozen=True)
class Card:
    id: str
    front: str
    back: str = "an answer that the bundled deck never had"
    kind: str = "definition"
    deck: str = "old"
    section: str = "old"
    key_points: tuple = ()
    options: tuple = ()
    activation: str | None = None
    template: str | None = None
    params: dict = field(default_factory=dict)

    def content_hash(self) -> str:
        return f"hash of {self.front}"


def _record(data_dir: Path, *cards: Card) -> None:
    with open_store(data_dir, FakeClock(datetime.now(UTC))) as store:
        for card in cards:
            record_answer(store, card, Rating.Good, scheduler=Scheduler())


def test_nothing_to_report(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data-dir", str(tmp_path), "orphans"]) == 0
    assert capsys.readouterr().out.startswith("No orphaned history")


def test_vanished_and_rewritten_cards(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    real = load_library(tmp_path).cards[0]
    old_version = Card(id=real.id, front="a completely different question from long ago")
    gone = Card(id="removed-card", front="removed")
    _record(tmp_path, gone, gone, old_version)
    assert main(["--data-dir", str(tmp_path), "orphans"]) == 0
    out = capsys.readouterr().out
    assert "1 card id with history but no card in the content" in out
    assert "removed-card  2 reviews, last " in out
    assert "changed a lot since the last review" in out
    assert real.id in out.split("changed a lot")[1]
    assert f"similar  now reads: {real.front.splitlines()[0]}" in out


def test_a_deck_that_fails_to_load_is_pointed_out(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """Its cards look orphaned: the user must hear the deck did not load, not only that."""
    _record(tmp_path, Card(id="mine-1", front="my own card"))
    (tmp_path / "decks" / "mine").mkdir(parents=True)
    (tmp_path / "decks" / "mine" / "cards.yaml").write_text("cards: [\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "orphans"]) == 0
    captured = capsys.readouterr()
    assert "mine-1  1 review," in captured.out
    [warning] = captured.err.splitlines()
    assert warning.startswith("quizapp orphans: warning: deck skipped: ")
    assert "mine/cards.yaml:2: yaml:" in warning
