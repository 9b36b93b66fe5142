"""A typed explanation to an interview card is graded by the key points the matcher hears in it,
and proposes its rating like ticks would."""

from datetime import timedelta

from fsrs import Rating

from quizapp.content import bundled_content_dir, load_deck
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
