"""A card rewritten after it was studied is pointed out on home and can be reset."""

from __future__ import annotations

from pathlib import Path

from helpers import held_by_another_instance, last_message, shown, wait_ready

from quizapp.study import ReviewSession
from quizapp.tui.screens.changed import ChangedCardsScreen
from quizapp.tui.screens.review import ReviewScreen

DECK = "deck:\n  name: mine\n  title: Mine\ncards:\n  - kind: definition\n    id: my-card\n"


async def test_rewritten_card_is_listed_and_reset(make_app, tmp_path: Path) -> None:
    deck = tmp_path / "mine"
    deck.mkdir()
    (deck / "cards.yaml").write_text(DECK + "    term: Saturation\n    meaning: Flat gradient.\n")
    app = make_app(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        card = app.workspace.library.card("my-card")
        await app.push_screen(ReviewScreen(ReviewSession(app.workspace.store, [card]), "Review"))
        await pilot.pause()
        await pilot.press("space", "3")
        await pilot.pause()
    (deck / "cards.yaml").write_text(
        DECK + "    term: Dropout\n    meaning: Randomly zeroes units during training.\n"
    )
    app = make_app(deck)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert "1 studied card was rewritten a lot" in shown(app, "#home-today")
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ChangedCardsScreen)
        assert "Saturation" in shown(app, "#changed-text")
        store = app.workspace.store
        await pilot.press("x")
        await pilot.pause()
        with held_by_another_instance(store):
            await pilot.press("y")
            await pilot.pause()
        assert "locked by another quizapp" in last_message(app)
        assert store.card_state("my-card").state is not None
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.workspace.store.card_state("my-card").state is None
        assert len(app.workspace.store.reviews_of("my-card")) == 1
        assert "No card changed a lot" in shown(app, "#changed-text")
