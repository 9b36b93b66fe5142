"""`quizapp due`: today's queue in session order, within the daily limits."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import load_library
from quizapp.study import FakeClock, Rating, ReviewSession, StudySettings, open_store
from quizapp.study.clock import calendar_date


def test_lists_due_reviews_then_new_cards(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    cards = load_library(tmp_path).cards
    with open_store(tmp_path, FakeClock(datetime.now(UTC) - timedelta(days=60))) as store:
        StudySettings(new_per_day=3).save(store)
        session = ReviewSession(store, cards)
        studied = []
        for _ in range(3):
            item = session.next()
            session.record(item, Rating.Easy)
            studied.append(item.card.id)
        session.suspend(studied[2])
        reviews = sorted(studied[:2], key=lambda card_id: (store.card_state(card_id).due, card_id))
    assert main(["--data-dir", str(tmp_path), "due"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Due today")
    assert "2 reviews, 0 learning, 3 new" in lines[0]
    assert "limits: 3 new, 200 reviews a day" in lines[0]
    listed = [line.split() for line in lines[1:]]
    assert [(kind, card_id) for kind, card_id, *_ in listed[:2]] == [
        ("review", card_id) for card_id in reviews
    ]
    assert [kind for kind, *_ in listed[2:]] == ["new"] * 3
    assert studied[2] not in {card_id for _kind, card_id, *_ in listed}


def test_an_empty_data_dir_offers_new_cards(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data-dir", str(tmp_path / "fresh"), "due"]) == 0
    out = capsys.readouterr().out
    assert "0 reviews, 0 learning, 20 new" in out
    assert len(out.splitlines()) == 21


def test_a_deck_that_fails_to_load_is_pointed_out(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "decks" / "mine").mkdir(parents=True)
    (tmp_path / "decks" / "mine" / "cards.yaml").write_text("cards: [\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "due"]) == 0
    [warning] = capsys.readouterr().err.splitlines()
    assert warning.startswith("quizapp due: warning: deck skipped: ")
    assert "mine/cards.yaml:2: yaml:" in warning


def test_due_for_one_deck_or_tag_and_a_typo_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "mine.yaml").write_text(
        "cards:\n"
        "  - {kind: definition, id: my-a, term: A, meaning: a, tags: [mine]}\n"
        "  - {kind: definition, id: my-b, term: B, meaning: b}\n",
        encoding="utf-8",
    )
    assert main(["--data-dir", str(tmp_path), "due", "--deck", "mine"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Deck: mine" in lines[0] and "0 reviews, 0 learning, 2 new" in lines[0]
    assert [line.split()[1] for line in lines[1:]] == ["my-a", "my-b"]
    assert main(["--data-dir", str(tmp_path), "due", "--tag", "mine"]) == 0
    assert [line.split()[1] for line in capsys.readouterr().out.splitlines()[1:]] == ["my-a"]
    assert main(["--data-dir", str(tmp_path), "due", "--deck", "mien"]) == 2
    error = capsys.readouterr().err
    assert error.strip() == (
        "quizapp due: error: no deck named 'mien'; decks: activation-functions, mine"
    )


def test_nothing_due_says_when_the_next_card_comes(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """The date is the calendar's (the study day, which starts at the rollover hour, would say
    yesterday's between midnight and then)."""
    cards = load_library(tmp_path).cards
    now = datetime.now(UTC)
    with open_store(tmp_path, FakeClock(now)) as store:
        StudySettings(new_per_day=1).save(store)
        session = ReviewSession(store, cards)
        item = session.next()
        session.record(item, Rating.Easy)
        day = calendar_date(store.card_state(item.card.id).due, None)
    today = calendar_date(now, None)
    assert main(["--data-dir", str(tmp_path), "due"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        f"Nothing is due now; the next card is due on {day.isoformat()}"
        f" (in {(day - today).days} days)."
    )


def test_before_the_interview_the_new_limit_rises_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    cards = load_library(tmp_path).cards
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as store:
        interview = store.today() + timedelta(days=2)
        StudySettings(new_per_day=3, interview_date=interview.isoformat()).save(store)
    assert main(["--data-dir", str(tmp_path), "due"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert f"{-(-len(cards) // 2)} new" in first
    assert f"limits: 3 new (more until the interview on {interview.isoformat()}" in first
