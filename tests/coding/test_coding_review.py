"""Code cards are skill cards in review: the session takes the run's verdict as the grade and
proposes the rating from the result and the time taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.coding.check import CaseResult, CheckReport
from quizapp.content import Card, load_library
from quizapp.study import FakeClock, Rating, ReviewSession, open_store
from quizapp.study.answering import CodeAnswer

START = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def _report(*passed: bool) -> CheckReport:
    cases = tuple(CaseResult(f"case {i}", ok, "" if ok else "wrong") for i, ok in enumerate(passed))
    return CheckReport("code-relu", cases)


def _relu() -> Card:
    return next(card for card in load_library(None).cards if card.id == "code-relu")


def test_a_solved_run_proposes_good_and_a_failing_one_again(tmp_path: Path) -> None:
    clock = FakeClock(START)
    with open_store(tmp_path, clock) as store:
        session = ReviewSession(store, [_relu()])
        item = session.next()
        assert item is not None and item.card.id == "code-relu"
        clock.advance(timedelta(minutes=2))
        failing = session.submit(item, CodeAnswer("relu = abs\n", _report(True, False)))
        assert failing.proposed == Rating.Again
        assert failing.response == "relu = abs\n"
        solved = session.submit(item, CodeAnswer("relu = max\n", _report(True, True)))
        assert solved.proposed == Rating.Good
        recorded = session.record(item, Rating.Good)
        assert recorded.review.response == "relu = max\n"
        assert recorded.review.correct is True


def test_the_report_reads_as_a_grade() -> None:
    report = _report(True, False)
    assert not report.correct
    assert report.score == 0.5
    assert report.feedback == ("1/2 cases passed", "case 1: wrong")


def test_stats_count_a_failed_code_card_and_not_a_formula_rated_by_hand(tmp_path: Path) -> None:
    """Accuracy per activation: the code card's run is graded (its activation is the one its
    hidden cases use); a formula card rated Easy is the user's own word, not a verdict."""
    from quizapp.study import compute_stats

    clock = FakeClock(START)
    library = load_library(None).cards
    chosen = [card for card in library if card.id in ("code-sigmoid", "formula-sigmoid")]
    assert sorted(card.kind for card in chosen) == ["code", "formula"]
    with open_store(tmp_path, clock) as store:
        session = ReviewSession(store, chosen)
        for _ in chosen:
            item = session.next()
            assert item is not None
            if item.card.kind == "code":
                session.submit(item, CodeAnswer("sigmoid = abs\n", _report(True, False)))
                assert session.record(item, Rating.Again).review.correct is False
            else:
                assert session.record(item, Rating.Easy).review.correct is None
        stats = compute_stats(store, chosen, clock)
    assert [(a.name, a.attempts, a.correct) for a in stats.accuracy_by_activation] == [
        ("sigmoid", 1, 0)
    ]
