"""Home's Footer is rebuilt only when the keys it shows change, and then shows the new ones."""

from __future__ import annotations

from helpers import wait_ready
from textual.widgets._footer import FooterKey

from quizapp.tui.screens.home import StudyData
from quizapp.tui.widgets.keys_footer import KeysFooter


def footer_keys(app) -> list[FooterKey]:
    return list(app.home.query_one(KeysFooter).query(FooterKey))


async def test_a_focus_change_keeps_the_keys_a_failure_takes_the_modes_away(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        keys = footer_keys(app)
        assert "r" in [key.key for key in keys]
        app.set_focus(None)
        await pilot.pause()
        app.home.query_one("#home-actions").focus()
        await pilot.pause()
        assert footer_keys(app) == keys
        app.home.study_data = StudyData.FAILED
        await pilot.pause()
        await pilot.pause()
        assert "r" not in [key.key for key in footer_keys(app)]
        assert "question_mark" in [key.key for key in footer_keys(app)]


async def test_the_keys_follow_the_footers_compactness_the_palette_key_stays_compact(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        footer = app.home.query_one(KeysFooter)
        palette = [key for key in footer_keys(app) if key.has_class("-command-palette")]
        bound = [key for key in footer_keys(app) if not key.has_class("-command-palette")]
        assert len(palette) == 1 and palette[0].compact and palette[0].has_class("-compact")
        for compact in (footer.compact, not footer.compact):
            footer.compact = compact
            await pilot.pause()
            assert bound
            assert all(key.compact is compact for key in bound)
            assert all(key.has_class("-compact") is compact for key in bound)
