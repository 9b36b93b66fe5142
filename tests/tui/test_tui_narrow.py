"""At 60x20 the rating bar stays one line and home's menu keeps its columns (walk #21: the last
interval wrapped alone onto the next line; descriptions wrapped under the keys)."""

from __future__ import annotations

import pytest
from helpers import settle, wait_ready
from textual.widgets import Input, OptionList

from quizapp.study import ReviewSession
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.widgets.rating_bar import RatingBar


@pytest.mark.parametrize(("size", "roomy"), [((60, 20), False), ((80, 24), True)])
async def test_the_rating_bar_is_one_line(make_app, size: tuple[int, int], roomy: bool) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_ready(pilot)
        workspace = app.workspace
        card = next(card for card in workspace.cards if card.kind == "definition")
        await app.push_screen(ReviewScreen(ReviewSession(workspace.store, [card]), "Review"))
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        bar = app.screen.query_one("#rating-bar", RatingBar)
        [line] = str(bar.render()).splitlines()
        assert "4 Easy" in line and ("·" in line) == roomy
        assert len(line) <= bar.content_size.width
        assert bar.region.height == 1


async def test_home_menu_descriptions_wrap_under_their_column(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_ready(pilot)
        menu = app.screen.query_one("#home-actions", OptionList)
        review = str(menu.get_option_at_index(0).prompt).splitlines()
        assert review[0].startswith("r  Review     Study")
        assert len(review) > 1
        indent = review[0].index("Study")
        assert all(line.startswith(" " * indent) and line.strip() for line in review[1:])
        assert all(len(line) <= menu.scrollable_content_region.width for line in review)


@pytest.mark.parametrize("key", ["p", "m"])
async def test_every_setup_box_shows_its_whole_value_at_80_columns(make_app, key: str) -> None:
    """Practice's "Questions" box, focused, showed "0" for 10: it held 2 cells, not the 4 digits
    and the cursor."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press(key)
        await settle(pilot)
        boxes = list(app.screen.query(Input))
        assert boxes
        for box in boxes:
            box.focus()
            box.value = "9" * box.max_length
            box.cursor_position = len(box.value)
            await pilot.pause()
            assert box.content_size.width >= box.max_length + 1, box.id
            assert box.region.right <= 80, box.id
            line = str(box.render_line(0).text)
            assert box.value in line, (box.id, line)
