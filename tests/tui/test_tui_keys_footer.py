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
        assert bound and footer.compact
        assert all(key.compact and key.has_class("-compact") for key in bound)
        footer.compact = False
        await pilot.pause()
        bound = [key for key in footer_keys(app) if not key.has_class("-command-palette")]
        assert not any(key.compact or key.has_class("-compact") for key in bound)


async def test_every_mode_key_is_shown_whole_at_80_columns(make_app) -> None:
    """`c Cards` fell off the right edge and `m Mock interview` was cut under the palette key."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        keys = footer_keys(app)
        palette = next(key for key in keys if key.has_class("-command-palette"))
        bound = {key.key: key for key in keys if key is not palette}
        assert set("rdpbsmc") <= set(bound)
        for key in bound.values():
            assert key.region.width >= len(f"{key.key_display} {key.description}")
            assert key.region.right <= palette.region.x <= 80
