"""A typed explanation to an interview card is graded by the key points the matcher hears in it,
and proposes its rating like ticks would."""

from datetime import timedelta

from fsrs import Rating

from quizapp.content import bundled_content_dir, load_deck
from quizapp.study import FakeClock, ReviewSession, StudyItem, StudyStore
from quizapp.study.answering import KeyPointsGrade, Ticked, grade_response, propose

CARD = next(
    card for card in load_deck(bundled_content_dir()).cards if card.id == "iq-vanishing-gradient"
)


def grade(text):
    return grade_response(CARD, text, question=None, options=())


def test_the_matcher_ticks_the_points_heard_with_their_evidence() -> None:
    result, logged = grade("The gradients shrink layer by layer, so early layers learn slowly.")
    assert isinstance(result, KeyPointsGrade)
    assert logged == "The gradients shrink layer by layer, so early layers learn slowly."
    assert result.covered == frozenset({0, 1})
    assert result.evidence[:2] == ("gradients shrink", "early layers")
    assert result.evidence[2:] == ("", "")
    assert propose(result, timedelta(seconds=30), None).rating == Rating.Good


def test_nothing_heard_proposes_again_and_ticks_by_hand_carry_no_evidence() -> None:
    result, _ = grade("I am not sure.")
    assert result.covered == frozenset()
    assert propose(result, timedelta(seconds=30), None).rating == Rating.Again
    ticked, _ = grade_response(CARD, Ticked(frozenset({3})), question=None, options=())
    assert ticked.evidence == ()


def test_ticks_changed_after_a_typed_answer_log_the_typed_text() -> None:
    typed = "Gradients shrink layer by layer."
    ticked, logged = grade_response(
        CARD, Ticked(frozenset({0, 2}), typed), question=None, options=()
    )
    assert ticked.covered == frozenset({0, 2})
    assert logged == typed
    _, by_hand = grade_response(CARD, Ticked(frozenset({0})), question=None, options=())
    assert by_hand == f"covered: {CARD.key_points[0]}"


def _review(store: StudyStore) -> tuple[ReviewSession, StudyItem]:
    session = ReviewSession(store, [CARD])
    item = session.next()
    assert item is not None and item.card.id == CARD.id
    return session, item


def test_changing_a_tick_changes_the_ticks_not_the_answer_time(
    store: StudyStore, clock: FakeClock
) -> None:
    """The answer is timed when it is given; ticking afterwards is judging it, not answering."""
    session, item = _review(store)
    typed = "Gradients shrink layer by layer, so early layers learn slowly."
    clock.advance(seconds=10)
    suggested = session.submit(item, typed)
    clock.advance(seconds=30)
    changed = session.submit(item, Ticked(frozenset({0}), typed))
    assert changed.grade.covered == frozenset({0}) and changed.elapsed == suggested.elapsed
    recorded = session.record(item, Rating.Hard)
    assert recorded.review.duration_ms == 10_000
    [logged] = store.reviews_of(CARD.id)
    assert (logged.duration_ms, logged.response) == (10_000, typed)
