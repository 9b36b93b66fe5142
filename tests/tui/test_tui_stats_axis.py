"""Stats' answers-per-day chart dates its last bar, today's (walk #21: the axis ended days
before it, so the bar a learner looks for first had no date)."""

from __future__ import annotations

import re

from helpers import wait_ready
from textual_plotext import PlotextPlot

from quizapp.tui.screens.stats import StatsScreen


async def test_todays_bar_has_its_date(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        activity = app.screen.query_one("#stats-activity", PlotextPlot)
        drawn = re.sub(r"\x1b\[[0-9;]*m", "", activity.plt.build()).splitlines()
        assert clock.now().strftime("%d %b") in drawn[-1]
