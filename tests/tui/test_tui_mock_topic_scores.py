"""The stats screen shows each topic's mock score in the latest interviews, oldest first."""

from __future__ import annotations

from pathlib import Path

from helpers import wait_ready
from textual.widgets import DataTable

from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockInterview, MockOptions, build_plan
from quizapp.tui.screens.stats import StatsScreen
from quizapp.workspace import load_content


async def test_stats_show_score_per_topic_over_time(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    numeric = [card for card in load_content(None).cards if card.template == "activation-scalar"]
    with open_store(data_dir, clock) as store:
        for seed, right in ((1, False), (1, True)):
            plan = build_plan(numeric, MockOptions(1, seed=seed))
            interview = MockInterview(plan, store, clock)
            interview.start()
            interview.submit(interview.current.question.expected_text if right else "")
            clock.advance(days=1)
        topics = plan.questions[0].topics
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#stats-mock-topics", DataTable)
        titles = [str(column.label) for column in table.columns.values()]
        assert titles[0] == "topic"
        assert [title.split()[0] for title in titles[1:]] == ["#1", "#2"]
        rows = {
            str(table.get_row_at(i)[0]): table.get_row_at(i)[1:] for i in range(table.row_count)
        }
        assert sorted(rows) == sorted(topics)
        assert {tuple(map(str, cells)) for cells in rows.values()} == {("0%", "100%")}
