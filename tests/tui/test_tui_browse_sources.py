"""Browse shows where a claim comes from: a function's source and each correction beside the
cheatsheet's point; a gated unit (two inputs) opens without a plot; search reaches the new cards."""

from __future__ import annotations

from helpers import settle, wait_ready
from textual.widgets import OptionList, Tree

from quizapp.tui.screens.browse import BrowseScreen


def pane_text(browse: BrowseScreen) -> str:
    return "\n".join(str(widget.render()) for widget in browse.query("#browse-pane Static"))


async def open_function(app, pilot, activation: str) -> BrowseScreen:
    await wait_ready(pilot)
    await pilot.press("b")
    await pilot.pause()
    browse = app.screen
    assert isinstance(browse, BrowseScreen)
    tree = browse.query_one("#browse-tree", Tree)
    node = next(
        node
        for node in tree._tree_nodes.values()
        if node.data == ("function", "activation-functions", activation)
    )
    tree.select_node(node)
    await pilot.pause()
    return browse


async def test_a_function_shows_its_source_and_the_correction_beside_the_claim(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        browse = await open_function(app, pilot, "relu")
        text = pane_text(browse)
        assert "Source: Nair & Hinton 2010" in text
        claim = text.index("Can explode gradients in some cases.")
        assert text.index("The cheatsheet simplifies; in fact: ReLU itself never") > claim
        assert browse.query("#browse-plot")


async def test_a_gated_unit_opens_without_a_plot(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        browse = await open_function(app, pilot, "swiglu")
        text = pane_text(browse)
        assert "SwiGLU(a, b) = a ⊗ SiLU(b)" in text
        assert "no single curve to plot" in text
        assert "Source: Shazeer 2020" in text
        assert not browse.query("#browse-plot")
        assert not browse.check_action("zoom", ())


async def test_search_reaches_the_new_interview_cards(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("b", "slash", *"log-sum-exp")
        await settle(pilot)
        browse = app.screen
        results = browse.query_one("#browse-results", OptionList)
        titles = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any(title.startswith("What Interviews Ask") for title in titles)
