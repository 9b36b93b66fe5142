"""A refused numeric answer is echoed around the spot pointed at, not in full: a pasted answer of
2,000 values filled the screen and pushed the reason it was refused out of sight (walk #4). Cut
in terminal cells too, with the caret under the character meant: wide characters (CJK, emoji)
before the spot left it under another, and 60 of them wrapped the echo at 80 columns."""

from __future__ import annotations

from helpers import shown, wait_ready
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.widgets import Input

from quizapp.study import ReviewSession
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.widgets.numeric_answer import ECHO_WIDTH, echo_around


def on_screen(app: QuizApp) -> str:
    """The text the terminal shows."""
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )


async def refused(app: QuizApp, pilot, answer: str) -> str:
    workspace = app.workspace
    card = next(card for card in workspace.cards if card.template == "activation-vector")
    await app.push_screen(ReviewScreen(ReviewSession(workspace.store, [card]), "Review"))
    await pilot.pause()
    app.screen.query_one("#numeric-input", Input).value = answer
    await pilot.press("enter")
    await pilot.pause()
    return shown(app, "#numeric-error")


async def test_a_pasted_answer_too_long_is_clipped_and_the_reason_stays_in_sight(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        error = await refused(app, pilot, "0.041, " * 2000)
        assert len(error.splitlines()) <= 5
        echoed, caret = error.splitlines()[:2]
        assert echoed.startswith("  …") and "0.041, 0.041" in echoed and echoed.endswith("…")
        assert caret.index("^") < 80
        assert "the answer is too long" in on_screen(app)
        assert "Not counted" in on_screen(app)


async def test_the_caret_stands_under_the_spot_after_wide_characters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        error = await refused(app, pilot, "0" * 1000 + "漢" * 1000 + "X" * 100)
        echoed, caret = error.splitlines()[:2]
        assert "the answer is too long" in error
        assert cell_len(echoed) <= 80 and "漢X" in echoed
        assert caret.index("^") == cell_len(echoed[: echoed.index("X")])


async def test_a_long_list_of_the_wrong_length_is_read_back_clipped(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        error = await refused(app, pilot, ", ".join(["0.041"] * 280))
        assert "got 280" in error
        assert max(len(line) for line in error.splitlines()) <= 3 * ECHO_WIDTH
        assert "Not counted" in on_screen(app)


@given(st.text(min_size=1, max_size=300), st.data())
def test_the_caret_points_at_the_same_character(text: str, data: st.DataObject) -> None:
    column = data.draw(st.integers(1, len(text) + 1))
    echoed, caret = echo_around(text, column)
    assert len(echoed) <= ECHO_WIDTH + 2
    assert cell_len(echoed) <= ECHO_WIDTH + 2
    if column <= len(text):
        assert echoed[caret - 1] == text[column - 1]
    else:
        assert caret == len(echoed) + 1
