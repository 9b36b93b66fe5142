"""What a text box refuses, it says: a search, a plot range, a mock setup field, an answer or a
dialog's box that cannot take a paste or a key (too long, or not a number in a number box)
names what it takes in one notice, instead of Textual's terminal bell alone. Each box has a
length that fits what it is for: 10,000 characters typed into Browse's search (a paste a
terminal sends key by key) kept the app busy for minutes, each key searching again; pasted into
a dialog, they came back as an error taller than the screen. A paste of several lines is kept
whole, not cut to its first line."""

from __future__ import annotations

from helpers import burst, settle, wait_ready
from test_tui_review import open_review
from test_tui_study_choice import open_picker
from textual import events
from textual.widgets import Input

from quizapp.tui.dialogs import AskScreen
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.cards import CardsScreen
from quizapp.tui.screens.mock import MockSetupScreen
from quizapp.tui.widgets.ordered_input import ANSWER_LENGTH, SEARCH_LENGTH

HUGE = "relu " * 2000


def notices(app) -> list[str]:
    told = [n.message for n in app._notifications if n.title == "Not typed"]
    app.clear_notifications()
    return told


async def paste(app, pilot, box: Input, text: str) -> None:
    box.focus()
    await pilot.pause()
    app.post_message(events.Paste(text))
    await settle(pilot)


async def test_a_search_refuses_a_huge_paste_and_a_long_burst_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        for key, screen_type, box_id in (
            ("c", CardsScreen, "#cards-search"),
            ("b", BrowseScreen, "#browse-search"),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, screen_type)
            box = app.screen.query_one(box_id, Input)
            await paste(app, pilot, box, HUGE)
            assert box.value == ""
            assert notices(app) == [f"This box takes text of at most {SEARCH_LENGTH} characters."]
            burst(app, *HUGE[: SEARCH_LENGTH + 50])
            await settle(pilot)
            assert box.value == HUGE[:SEARCH_LENGTH]
            assert len(notices(app)) == 1
            burst(app, "backspace", "x", "y")
            await settle(pilot)
            assert box.value == HUGE[: SEARCH_LENGTH - 1] + "x"
            assert len(notices(app)) == 1, "told again once the text changed"
            box.value = ""
            await pilot.press("escape", "escape")
            await settle(pilot)


async def test_the_plot_range_refuses_a_huge_paste(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await settle(pilot)
        await app.screen.show_function("activation-functions", "relu")
        await pilot.press("g")
        await settle(pilot)
        box = app.screen.query_one("#browse-range", Input)
        before = box.value
        await paste(app, pilot, box, "1 " * 5000)
        assert box.value == before
        [told] = notices(app)
        assert told.startswith("This box takes text of at most")


async def test_a_mock_setup_field_says_it_takes_a_number(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MockSetupScreen)
        questions = app.screen.query_one("#mock-questions", Input)
        burst(app, "ctrl+a", "ctrl+k", *"1x2😀")
        await settle(pilot)
        assert questions.value == "12"
        assert notices(app) == [
            "This box takes a whole number of at most 20 characters.",
            "This box takes a whole number of at most 20 characters.",
        ]
        await paste(app, pilot, questions, "1" * 10000)
        assert questions.value == "12"
        assert len(notices(app)) == 1
        minutes = app.screen.query_one("#mock-minutes", Input)
        await paste(app, pilot, minutes, "9" * 21)
        assert notices(app) == ["This box takes a number of at most 20 characters."]
        await paste(app, pilot, minutes, "9" * 20)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MockSetupScreen)
        reason = str(app.screen.query_one("#mock-message").render())
        assert reason == (
            "the session length must be more than 0 and at most 240 minutes, not 1e+20"
        ), reason


async def explanation_box(app, pilot) -> Input:
    """The box an interview card in Review takes a typed explanation in."""
    screen = await open_review(app, pilot, "iq-vanishing-gradient")
    return screen.query_one("#typed-answer", Input)


async def test_a_typed_explanation_refuses_more_than_an_answer_holds(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        box = await explanation_box(app, pilot)
        await paste(app, pilot, box, HUGE)
        assert box.value == ""
        assert notices(app) == [f"This box takes text of at most {ANSWER_LENGTH} characters."]
        await paste(app, pilot, box, HUGE[:ANSWER_LENGTH])
        assert box.value == HUGE[:ANSWER_LENGTH]
        assert notices(app) == []


async def test_a_pasted_explanation_keeps_every_line(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        box = await explanation_box(app, pilot)
        await paste(app, pilot, box, "Sigmoid saturates,\r\n\n   so its gradient\rvanishes.\n")
        assert box.value == "Sigmoid saturates, so its gradient vanishes."
        assert notices(app) == []


async def test_a_dialog_refuses_a_huge_paste_instead_of_quoting_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_picker(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, AskScreen)
        box = app.screen.query_one("#ask-input", Input)
        before = box.value
        await paste(app, pilot, box, "2" * 10000)
        assert box.value == before
        [told] = notices(app)
        assert told.startswith("This box takes text of at most")
