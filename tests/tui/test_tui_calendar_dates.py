"""At 3:30 am the study day is yesterday's (it starts at 4): home counts down to the interview
and dates the last mock interview on the calendar, as does the study picker."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from helpers import shown, wait_ready

from quizapp.study import FakeClock, StudySettings, open_store
from quizapp.study.mock import MockInterview, MockOptions, build_plan
from quizapp.workspace import load_content


async def test_home_and_the_picker_count_and_date_on_the_calendar_after_midnight(
    make_app, clock: FakeClock, data_dir: Path
) -> None:
    clock.set(datetime(2026, 12, 1, 3, 30, tzinfo=UTC))
    cards = [card for card in load_content(data_dir).cards if card.kind in ("interview", "numeric")]
    with open_store(data_dir, clock) as store:
        replace(StudySettings.load(store), interview_date="2026-12-01").save(store)
        interview = MockInterview(build_plan(cards, MockOptions(2, seed=5)), store, clock)
        interview.start()
        interview.skip()
        interview.skip()
        assert store.today().isoformat() == "2026-11-30"
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        today = shown(app, "#home-today")
        assert "Interview today" in today
        assert "Interview in" not in today
        assert "Last mock interview: 0% over 2 questions on 2026-12-01" in today
        await pilot.press("d")
        await wait_ready(pilot)
        assert "Interview today" in shown(app, "#choice-note")
