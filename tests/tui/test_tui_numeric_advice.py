"""A drill's numeric feedback names what the answer shows (walk.md s5 #2, #5): Φ(z) typed for GELU′
points at the missing z·φ(z) term, never at the decimals it was typed to; percentages typed for the
probabilities of large logits are named as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import shown, wait_ready
from textual.widgets import Input

from quizapp.questions import formulas
from quizapp.study import PracticeSession
from quizapp.study.drill import Drill
from quizapp.tui.screens.practice import DrillScreen

DECK = """\
deck:
  name: numeric-advice
  title: Numeric advice
cards:
  - kind: numeric
    id: gelu-slope
    title: GELU slope at a point
    template: derivative-point
    activation: gelu
  - kind: numeric
    id: big-softmax
    title: Softmax of large logits
    template: softmax-logits
    activation: softmax
    params: {large_logits: true, decimals: 4}
"""


class InOrder:
    """Stands in for the drill's generator: draws the cards in the order given."""

    def __init__(self) -> None:
        self.drawn = 0

    def integers(self, high: int) -> int:
        self.drawn += 1
        return (self.drawn - 1) % high


@pytest.fixture
def advice_deck(tmp_path: Path) -> Path:
    deck = tmp_path / "numeric-advice"
    deck.mkdir()
    (deck / "cards.yaml").write_text(DECK)
    return deck


async def test_drill_feedback_names_what_the_typed_answer_shows(make_app, advice_deck) -> None:
    app = make_app(advice_deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        cards = [app.workspace.library.card(id) for id in ("gelu-slope", "big-softmax")]
        drill = Drill(PracticeSession(app.workspace.store), [], count=2, rng=InOrder(), cards=cards)
        await app.push_screen(DrillScreen(drill))
        await pilot.pause()
        screen = app.screen

        question = screen.item.question
        phi = formulas.gaussian(question.inputs["x"])[0]
        screen.query_one("#numeric-input", Input).value = f"{phi:.{question.decimals}f}"
        await pilot.press("enter")
        await pilot.pause()
        feedback = shown(app, "#numeric-feedback")
        assert "Not quite" in feedback
        assert "z·φ(z)" in feedback and "give it to" not in feedback

        await pilot.press("enter")
        await pilot.pause()
        question = screen.item.question
        assert screen.item.card.id == "big-softmax"
        percentages = ", ".join(f"{100 * p:.2f}" for p in question.expected_vector)
        screen.query_one("#numeric-input", Input).value = percentages
        await pilot.press("enter")
        await pilot.pause()
        assert "that is a percentage" in shown(app, "#numeric-feedback")


SELU_DECK = """\
deck:
  name: selu-backprop
  title: SELU backprop
cards:
  - kind: numeric
    id: selu-backprop
    title: SELU backprop
    template: backprop-activation
    activation: selu
"""


async def test_a_more_precise_answer_scores_full_marks_with_a_note(make_app, tmp_path) -> None:
    """-0.17503 for -0.175061 asked to 3 decimals scored 67% while -0.175 passed."""
    deck = tmp_path / "selu-backprop"
    deck.mkdir()
    (deck / "cards.yaml").write_text(SELU_DECK)
    app = make_app(deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        cards = [app.workspace.library.card("selu-backprop")]
        drill = Drill(PracticeSession(app.workspace.store), [], count=1, rng=InOrder(), cards=cards)
        await app.push_screen(DrillScreen(drill))
        await pilot.pause()
        question = app.screen.item.question
        expected = question.expected_vector
        # Right to the 3 decimals asked, 3 units off in the fifth typed.
        first = f"{round(float(expected[0]), 5) + 3e-5:.5f}"
        rest = [question.precision.text(value) for value in expected[1:]]
        app.screen.query_one("#numeric-input", Input).value = ", ".join([first, *rest])
        await pilot.press("enter")
        await pilot.pause()
        feedback = shown(app, "#numeric-feedback")
        assert feedback.startswith("Correct"), feedback
        assert f"{first} is right to the 3 decimals asked (full credit)" in feedback
