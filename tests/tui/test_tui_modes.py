"""Practice drills, cram, browse with plots and search, stats, and the small 80x24 terminal."""

from __future__ import annotations

import re

import pytest
from helpers import settle, shown, wait_ready, wrong_answer
from textual.widgets import Checkbox, Input, OptionList, SelectionList, Static, Tree
from textual_plotext import PlotextPlot

from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.practice import DrillScreen, PracticeSetupScreen
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.widgets.function_plot import FunctionPlot


async def test_practice_drill_grades_and_logs_without_scheduling(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, PracticeSetupScreen)
        setup.query_one("#practice-count", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, DrillScreen)
        question = drill.item.question
        await pilot.press(*question.expected_text, "enter")
        await pilot.pause()
        assert "Correct" in shown(app, "#numeric-feedback")
        await pilot.press("enter")
        await pilot.pause()
        drill.query_one("#numeric-input", Input).value = wrong_answer(drill.item.question)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Drill finished: 1 of 2 correct" in shown(app, "#drill-summary")
        reviews = list(app.workspace.store.iter_reviews())
        assert [review.mode for review in reviews] == ["practice", "practice"]
        assert [review.correct for review in reviews] == [True, False]
        assert all(app.workspace.store.card_state(c.id).state is None for c in app.workspace.cards)


async def test_practice_can_count_in_the_schedule(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#practice-schedule", Checkbox).value = True
        app.screen.query_one("#practice-count", Input).value = "1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        drill = app.screen
        drill.query_one("#numeric-input", Input).value = drill.item.question.expected_text
        await pilot.press("enter")
        await pilot.pause()
        await settle(pilot)
        review = next(app.workspace.store.iter_reviews())
        assert review.mode == "scheduled"
        assert app.workspace.store.card_state(drill.item.card.id).state is not None
        assert f"Counted in your schedule as {review.rating.name} (correct" in str(
            drill.query_one("#drill-summary", Static).render()
        )


async def test_practice_refuses_an_empty_selection(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        activations = app.screen.query_one("#practice-activations", SelectionList)
        assert set(activations.selected) == {
            "sigmoid",
            "tanh",
            "relu",
            "leaky_relu",
            "prelu",
            "elu",
            "softmax",
        }  # the cheatsheet's own functions; the deck's others start unticked
        activations.deselect_all()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetupScreen)
        assert "choose at least one" in shown(app, "#practice-message")


async def test_cram_reviews_without_touching_schedules(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        cram = app.screen
        assert isinstance(cram, ReviewScreen) and cram.title == "Cram"
        card = cram.item.card
        await pilot.press("space", "1")
        await pilot.pause()
        store = app.workspace.store
        assert [review.mode for review in store.iter_reviews()] == ["cram"]
        assert store.card_state(card.id).state is None


async def test_browse_sections_function_plot_and_search(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        assert "Quick Overview" in str(browse.query(".browse-title").first().render())
        tree = browse.query_one("#browse-tree", Tree)
        relu = next(
            node
            for node in tree._tree_nodes.values()
            if node.data == ("function", "activation-functions", "relu")
        )
        tree.select_node(relu)
        await pilot.pause()
        plot = browse.query_one("#browse-plot", FunctionPlot)
        assert "max(0, x)" in str(browse.query(".browse-block").first().render())
        await pilot.press("minus")
        await pilot.pause()
        assert (plot.low, plot.high) == (-7.5, 7.5)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"-2 3", "enter")
        await pilot.pause()
        assert (plot.low, plot.high) == (-2, 3)
        await pilot.press("g", "ctrl+a", "ctrl+k", *"3 -2", "enter")
        await pilot.pause()
        assert (plot.low, plot.high) == (-2, 3)
        await pilot.press("escape", "slash", *"dying relu")
        await settle(pilot)
        results = browse.query_one("#browse-results", OptionList)
        assert results.display and results.option_count >= 3
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "Dying ReLU" in "".join(str(w.render()) for w in browse.query(".browse-block"))


async def test_stats_screen_shows_activity_after_answers(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("space", "3", "space", "1")
        await pilot.pause()
        await pilot.press("escape", "s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        summary = shown(app, "#stats-summary")
        assert "Today: 2 reviews · 0 practice/cram" in summary
        assert "learning 2" in summary
        activity = app.screen.query_one("#stats-activity", PlotextPlot)
        drawn = re.sub(r"\x1b\[[0-9;]*m", "", activity.plt.build()).splitlines()
        assert [line.split("┤")[0].strip() for line in drawn if "┤" in line] == ["2", "1", "0"]


@pytest.mark.parametrize("key", ["r", "p", "b", "s"])
async def test_every_screen_fits_80x24(make_app, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        for widget in screen.query("Footer, Header"):
            assert widget.region.right <= 80 and widget.region.bottom <= 24
        focused = screen.focused
        assert focused is not None and focused.region.height > 0
        assert focused.region.right <= 80 and focused.region.bottom <= 24


async def test_the_question_count_reads_what_the_integer_box_accepts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        setup = app.screen
        count = setup.query_one("#practice-count", Input)
        count.value = "-3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is setup
        assert "0 (endless) or more" in shown(app, "#practice-message")
        count.value = "+1_2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DrillScreen) and app.screen.drill.count == 12
