"""The matcher agrees with an interviewer: precision and recall of "covered" stay at 0.9 or more
over the hand-labelled answers (the older tuning set and the development set of fresh answers),
which between them cover every bundled interview card."""

from pathlib import Path

import pytest

from quizapp.content import bundled_content_dir, load_deck
from quizapp.explain.evaluation import LabelledAnswer, evaluate, read_labelled

HERE = Path(__file__).parent
LABELLED = read_labelled(HERE / "labelled_answers.yaml")
DEV = read_labelled(HERE / "dev_answers.yaml")
SETS = {"labelled": LABELLED, "dev": DEV}
CARDS = {card.id: card for card in load_deck(bundled_content_dir()).cards}
KINDS = {"strong", "partial", "wrong", "negated", "typos", "terse"}


def test_the_set_is_large_varied_and_covers_every_interview_card() -> None:
    judgements = sum(len(entry.covered) for entry in LABELLED)
    assert judgements >= 200
    assert {entry.kind for entry in LABELLED} == KINDS
    interview = {card_id for card_id, card in CARDS.items() if card.key_points}
    assert interview <= {entry.card for entry in LABELLED}
    covered = [flag for entry in LABELLED for flag in entry.covered]
    assert 0.3 < sum(covered) / len(covered) < 0.7, "both verdicts are well represented"


def test_the_dev_set_is_fresh_and_covers_every_interview_card() -> None:
    interview = {card_id for card_id, card in CARDS.items() if card.key_points}
    assert interview <= {entry.card for entry in DEV}
    assert {entry.kind for entry in DEV} == KINDS
    assert not {entry.answer for entry in DEV} & {entry.answer for entry in LABELLED}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_answer_has_labels_for_several_cards(kind: str) -> None:
    assert len({entry.card for entry in LABELLED if entry.kind == kind}) >= 5


@pytest.mark.parametrize("name", sorted(SETS))
def test_precision_and_recall_of_covered_are_at_least_0_9(name: str) -> None:
    scores = evaluate(SETS[name], CARDS)
    report = "\n".join(
        f"{'missed' if d.expected else 'wrongly covered'}: {d.card} ({d.kind}) {d.point}"
        f" [{d.evidence}]"
        for d in scores.disagreements
    )
    assert scores.precision >= 0.9, report
    assert scores.recall >= 0.9, report


def test_labels_that_no_longer_fit_their_card_are_refused() -> None:
    entry = LABELLED[0]
    stale = LabelledAnswer(entry.card, entry.kind, entry.answer, (*entry.covered, True))
    with pytest.raises(ValueError, match="labels for"):
        evaluate([stale], CARDS)
