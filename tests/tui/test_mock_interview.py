"""Mock interviews in the app, driven by a fake clock: the whole flow, pause, quitting, warnings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from helpers import last_message, settle, shown, wait_ready
from textual.widgets import DataTable, Input, SelectionList, Static

from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockInterview, MockOptions, Phase, build_plan
from quizapp.tui.app import QuizApp
from quizapp.tui.dialogs import ConfirmScreen, KeysScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.mock import MockInterviewScreen, MockReportScreen, MockSetupScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.workspace import load_content


def _mock_app(data_dir: Path, clock: FakeClock, **options) -> QuizApp:
    return QuizApp(data_dir, clock=clock, start_mock=MockOptions(**options))


def _stored(data_dir: Path, clock: FakeClock) -> tuple[list, list]:
    with open_store(data_dir, clock) as store:
        return (
            store.query("SELECT status, ended_at IS NOT NULL, score FROM mock_interviews"),
            store.query("SELECT position, outcome, response FROM mock_answers ORDER BY position"),
        )


def _visible_text(screen) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static) if static.display)


async def test_a_whole_interview_from_the_command_line_options_to_the_report(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=4, time_per_question=60, seed=21, coding=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        interview = screen.interview
        kinds = [question.kind for question in interview.plan.questions]
        assert kinds == ["conceptual", "numeric", "conceptual", "numeric"]
        assert "Question 1 of 4 · conceptual" in shown(app, "#mock-status")
        assert shown(app, "#mock-prompt") == interview.plan.questions[0].prompt

        await pilot.press(*"saturation", "enter")
        await pilot.pause()
        numeric = interview.current.question
        assert shown(app, "#mock-prompt") == numeric.prompt
        clock.advance(seconds=12)
        screen.query_one("#mock-answer", Input).value = numeric.expected_text
        await pilot.press("enter")
        await pilot.pause()
        assert "Correct" not in _visible_text(screen)
        assert numeric.expected_text not in _visible_text(screen)

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert interview.phase == Phase.PAUSED
        assert not screen.query_one("#mock-prompt").display
        assert not screen.query_one("#mock-answer").display
        assert screen.query_one("#mock-paused").display
        clock.advance(minutes=10)
        screen.tick()
        assert shown(app, "#mock-question-clock") == "Question 1:00"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.query_one("#mock-prompt").display
        screen.query_one("#mock-answer", Input).value = "partial thou"
        clock.advance(seconds=61)
        screen.tick()
        await pilot.pause()
        assert "Question 4 of 4" in shown(app, "#mock-status")

        await pilot.press("ctrl+n")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen)
        assert report.query_one("#mock-table", DataTable).row_count == 4
        assert "Score 25% over 4 questions" in shown(app, "#mock-summary")

        first_points = report.query_one("#mock-points-0", SelectionList)
        first_points.focus()
        await pilot.press("space")
        await pilot.pause()
        points = len(interview.plan.questions[0].key_points)
        assert first_points.selected == [0]
        expected = (1 + 1 / points) / 4
        assert f"Score {expected:.0%} over 4 questions" in shown(app, "#mock-summary")

        missed = [answer.planned.card.id for answer in report.missed()]
        await pilot.press("r")
        await pilot.pause()
        store = app.workspace.store
        assert all(store.card_state(card_id).due == clock.now() for card_id in missed)
        due_now = f"{len(missed)} card is" if len(missed) == 1 else f"{len(missed)} cards are"
        assert last_message(app) == f"{due_now} due now in Review."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"Last mock interview: {expected:.0%} over 4 questions" in shown(app, "#home-today")
    interviews, answers = _stored(data_dir, clock)
    assert interviews == [("finished", 1, expected)]
    assert [row[1] for row in answers] == ["submitted", "submitted", "question-time", "skipped"]
    assert answers[2][2] == "partial thou"


async def test_from_home_with_setup_then_ending_early_keeps_the_answers(
    make_app, data_dir: Path, clock: FakeClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, MockSetupScreen)
        setup.query_one("#mock-questions", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "number of questions must be 1..40" in shown(app, "#mock-message")
        setup.query_one("#mock-questions", Input).value = "3"
        setup.query_one("#mock-seconds", Input).value = "30"
        await pilot.press("ctrl+s")
        await settle(pilot)  # the interview is stored, then shown
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        assert {q.budget for q in screen.interview.plan.questions} == {timedelta(seconds=30)}

        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        table = app.screen.query_one(DataTable)
        actions = {str(table.get_row_at(row)[1]) for row in range(table.row_count)}
        assert {"Skip", "Pause", "End interview"} <= actions
        await pilot.press("escape")
        await pilot.pause()

        screen.query_one("#mock-answer", Input).value = "first answer"
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one("#mock-answer", Input).value = "typed, then ended early"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert screen.interview.phase == Phase.PAUSED
        await pilot.press("n")
        await pilot.pause()
        assert screen.interview.phase == Phase.ASKING
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MockReportScreen)
    interviews, answers = _stored(data_dir, clock)
    assert interviews == [("abandoned", 1, None)]
    assert answers == [
        (0, "submitted", "first answer"),
        (1, "submitted", "typed, then ended early"),
        (2, "pending", None),
    ]


async def test_quitting_the_app_mid_interview_leaves_it_abandoned(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=2, seed=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.screen.query_one("#mock-answer", Input).value = "an answer"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    interviews, answers = _stored(data_dir, clock)
    assert interviews == [("abandoned", 1, None)]
    assert [row[1] for row in answers] == ["submitted", "pending"]


async def test_the_countdown_turns_to_the_warning_colour_in_the_last_30_seconds(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=2, time_per_question=60, seed=4)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        question_clock = screen.query_one("#mock-question-clock", Static)
        session_clock = screen.query_one("#mock-session-clock", Static)
        assert str(question_clock.render()) == "Question 1:00"
        assert str(session_clock.render()) == "Session 2:00"
        assert not question_clock.has_class("warning")
        clock.advance(seconds=30.5)
        screen.tick()
        assert str(question_clock.render()) == "Question 0:30"
        assert question_clock.has_class("warning")
        assert not session_clock.has_class("warning")


async def test_an_unknown_topic_opens_the_setup_with_the_reason(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, topics=("no-such-topic",))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, MockSetupScreen)
        assert "unknown topic no-such-topic" in shown(app, "#mock-message")


async def test_stats_show_the_score_trend(make_app, data_dir: Path, clock: FakeClock) -> None:
    cards = load_content(None).cards
    with open_store(data_dir, clock) as store:
        for seed, answers in ((1, 0), (2, 1)):
            interview = MockInterview(build_plan(cards, MockOptions(2, seed=seed)), store, clock)
            interview.start()
            interview.skip()
            interview.submit(interview.current.question.expected_text if answers else "")
        abandoned = MockInterview(build_plan(cards, MockOptions(2, seed=3)), store, clock)
        abandoned.start()
        abandoned.abandon()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(app, "#stats-mock-summary") == (
            "Mock interviews: 2 finished · last 50% · best 50% · average 25% · 1 abandoned"
        )


async def test_a_small_terminal_reaches_the_report_on_its_own(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, questions=2, time_per_question=5, seed=8)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        prompt = screen.query_one("#mock-prompt")
        answer = screen.query_one("#mock-answer")
        assert prompt.region.height > 0 and prompt.region.bottom <= answer.region.y
        for _ in range(2):
            clock.advance(seconds=5)
            screen.tick()
            await pilot.pause()
        assert isinstance(app.screen, MockReportScreen)
        assert "Score 0% over 2 questions" in shown(app, "#mock-summary")


async def test_the_report_arrives_with_suggested_ticks_from_the_typed_answer(
    data_dir: Path, clock: FakeClock
) -> None:
    """A conceptual answer that says the model answer is scored before any tick, its list marked
    as suggested; ticking by hand replaces the suggestion."""
    app = _mock_app(data_dir, clock, questions=2, time_per_question=60, seed=21)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        planned = screen.interview.plan.questions[0]
        assert planned.kind == "conceptual"
        screen.query_one("#mock-answer", Input).value = planned.card.back
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, MockReportScreen)
        points = report.query_one("#mock-points-0", SelectionList)
        assert points.selected == list(range(len(planned.key_points)))
        assert "Suggested" in str(points.border_title)
        assert "Score 50% over 2 questions" in shown(app, "#mock-summary")
        assert "suggested ticks" in shown(app, "#mock-summary")

        points.focus()
        await pilot.press("space")
        await pilot.pause()
        assert points.selected == list(range(1, len(planned.key_points)))
        assert "suggested ticks" not in shown(app, "#mock-summary")


async def test_a_refused_setup_says_why_on_screen_and_points_at_the_field(make_app) -> None:
    """At 80x24 the reason and the field at fault are in view (walk #17: ctrl+s looked dead)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("m")
        await pilot.pause()
        setup = app.screen
        seconds = setup.query_one("#mock-seconds", Input)
        seconds.value = "-5"
        setup.query_one("#mock-questions", Input).focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        reason = "the time per question must be 5..3600 seconds, not -5"
        assert shown(app, "#mock-message") == reason
        assert last_message(app) == reason
        assert seconds.has_focus
        message = setup.query_one("#mock-message")
        assert message.region.bottom <= app.size.height - 1  # above the Footer, not below the fold
        assert isinstance(app.screen, MockSetupScreen)


async def test_a_shorter_interview_than_asked_says_why_at_the_start(
    data_dir: Path, clock: FakeClock
) -> None:
    app = _mock_app(data_dir, clock, topics=("silu",), seed=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        assert screen.interview.total == 2
        assert last_message(app) == "Only 2 questions match, so the interview has 2 instead of 6."


async def test_the_clocks_stop_while_the_keys_are_shown(data_dir: Path, clock: FakeClock) -> None:
    app = _mock_app(data_dir, clock, questions=2, seed=9)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        await pilot.press(*"half")
        left = screen.interview.question_remaining()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        assert screen.interview.phase == Phase.PAUSED
        clock.advance(seconds=90)
        screen.tick()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and screen.interview.phase == Phase.ASKING
        assert screen.interview.question_remaining() == left
        assert screen.query_one("#mock-answer", Input).has_focus
        await pilot.press(*" answer", "enter")
        await pilot.pause()
        assert screen.interview.answers[0].response == "half answer"


async def test_typing_after_a_pause_adds_to_the_answer(data_dir: Path, clock: FakeClock) -> None:
    """Resuming gives the focus back to the answer line without selecting its text, so the next
    key typed does not replace what was written."""
    app = _mock_app(data_dir, clock, questions=2, seed=9)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = app.screen
        assert isinstance(screen, MockInterviewScreen)
        await pilot.press(*"half", "ctrl+t")
        await pilot.pause()
        await pilot.press("ctrl+t", *" answer", "enter")
        await pilot.pause()
        assert screen.interview.answers[0].response == "half answer"
