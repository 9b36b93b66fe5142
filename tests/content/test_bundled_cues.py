"""Every bundled interview card can be checked: each key point has cues, and its own words
(and so the model answer shown beside it) are recognised by them."""

import pytest

from quizapp.content import bundled_content_dir, load_deck
from quizapp.explain import judge_answer

CARDS = [card for card in load_deck(bundled_content_dir()).cards if card.key_points]


def test_the_bundled_deck_has_interview_cards() -> None:
    assert len(CARDS) >= 9


@pytest.mark.parametrize("card", CARDS, ids=lambda card: card.id)
def test_every_key_point_has_cues(card) -> None:
    assert len(card.cues) == len(card.key_points)
    assert all(card.cues), [p for p, c in zip(card.key_points, card.cues, strict=True) if not c]


@pytest.mark.parametrize("card", CARDS, ids=lambda card: card.id)
def test_the_model_answer_covers_all_its_key_points(card) -> None:
    model_answer = "\n".join([card.back, *card.key_points])
    missed = [r.text for r in judge_answer(card, model_answer) if not r.covered]
    assert missed == []
    for point in card.key_points:
        alone = judge_answer(card, point)
        assert alone[card.key_points.index(point)].covered, point
