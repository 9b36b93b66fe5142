"""Issue 13.2: a card id two decks define never knocks out the studied deck."""

from __future__ import annotations

from pathlib import Path

from fsrs import Rating, Scheduler
from helpers import wait_ready

from quizapp.cli import main
from quizapp.content import load_decks
from quizapp.study import FakeClock, open_store, record_answer

CARD = """cards:
  - kind: definition
    id: {id}
    term: Term {id}
    meaning: {meaning}
"""


def studied_then_duplicated(data_dir: Path, clock: FakeClock) -> None:
    """`my-interviews` studied first; later `dup.yaml` (loaded before it) reuses its id q1."""
    decks = data_dir / "decks"
    (decks / "my-interviews").mkdir(parents=True)
    (decks / "my-interviews" / "a.yaml").write_text(
        CARD.format(id="q1", meaning="Studied.") + CARD.format(id="q2", meaning="Two.")[7:]
    )
    [deck] = load_decks([decks / "my-interviews"]).decks
    with open_store(data_dir, clock) as store:
        record_answer(store, deck.cards[0], Rating.Good, scheduler=Scheduler())
    (decks / "dup.yaml").write_text(CARD.format(id="q1", meaning="Newcomer."))


async def test_the_studied_deck_keeps_its_card_and_start_says_so(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    studied_then_duplicated(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        library = app.workspace.library
        assert library.card("q1").deck == "my-interviews"
        assert library.card("q1").back == "Studied."
        assert library.card("q2").deck == "my-interviews"
        [notice] = [n for n in app._notifications if n.title == "Card left out"]
        assert "dup.yaml:3: cards[0].id: card id 'q1' is also defined at " in notice.message
        assert "which keeps it and its study history" in notice.message


def test_validate_names_the_card_left_out(data_dir: Path, clock: FakeClock, capsys) -> None:
    studied_then_duplicated(data_dir, clock)
    code = main(["--data-dir", str(data_dir), "validate"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert "my-interviews: 2 cards (definition 2)" in out
    [left_out] = [line for line in out if "left out" in line]
    assert left_out.startswith(f"{data_dir / 'decks' / 'dup.yaml'}:3: cards[0].id: card id 'q1'")
