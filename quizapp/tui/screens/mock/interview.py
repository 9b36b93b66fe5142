"""The interview itself: one question at a time under two countdowns, nothing graded on screen.

The countdowns come from the runner (which reads the injected clock); `tick` merely asks it a few
times a second. Every answer is stored off the event loop (`QuizApp.writes`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from quizapp.content import Card
from quizapp.study import StudyStoreError
from quizapp.study.mock import WARNING_TIME, MockInterview, Phase, PlannedQuestion, clock_text
from quizapp.tui.dialogs import ConfirmScreen
from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.screens.mock.report import MockReportScreen
from quizapp.tui.widgets.mock_code_view import MockCodeView
from quizapp.tui.widgets.ordered_input import ANSWER_LENGTH, OrderedInput
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.wording import plural

TICK_SECONDS = 0.25


class MockInterviewScreen(QuizScreen):
    """One question at a time under two countdowns; nothing is graded on screen."""

    TITLE = "Mock interview"

    DEFAULT_CSS = """
    MockInterviewScreen #mock-paused { display: none; }
    MockInterviewScreen.-paused #mock-paused { display: block; }
    MockInterviewScreen.-paused #mock-prompt, MockInterviewScreen.-paused #mock-answer {
        display: none;
    }
    MockInterviewScreen #mock-code { display: none; }
    MockInterviewScreen.-coding #mock-code { display: block; }
    MockInterviewScreen.-coding #mock-answer, MockInterviewScreen.-coding #mock-hint,
    MockInterviewScreen.-paused #mock-code {
        display: none;
    }
    MockInterviewScreen.-coding #mock-body { height: auto; max-height: 8; padding: 0 1 !important; }
    """

    BINDINGS = [
        Binding("ctrl+n", "skip", "Skip", id="mock.skip", priority=True),
        Binding("ctrl+t", "pause", "Pause", id="mock.pause", priority=True),
        Binding("escape", "go_back", "End interview", id="screen.back"),
    ]

    def __init__(self, interview: MockInterview) -> None:
        super().__init__()
        self.interview = interview
        self._timer: Timer | None = None
        self._paused_for_screen = False
        """The clocks were stopped because another screen covers the interview."""
        self._unheard_told = 0

    paused: reactive[bool] = reactive(False, bindings=True)
    """Both clocks stopped and the question hidden until resumed."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static("", id="mock-status", classes="status-line", markup=False)
        with Horizontal(id="mock-clocks"):
            yield Static("", id="mock-question-clock", markup=False)
            yield Static("", id="mock-session-clock", markup=False)
        with VerticalScroll(id="mock-body"):
            yield Static("", id="mock-prompt", markup=False)
            yield Static(
                "Paused: both clocks are stopped and the question is hidden.\n\nctrl+t resumes.",
                id="mock-paused",
                markup=False,
            )
        # Focused again after a pause, the answer must not be selected: a key would replace it.
        yield OrderedInput(
            placeholder="type your answer, or think it through — enter submits",
            id="mock-answer",
            select_on_focus=False,
            max_length=ANSWER_LENGTH,
        )
        yield MockCodeView(id="mock-code")
        yield Static(
            "enter submit · ctrl+n skip · ctrl+t pause · esc end (answers so far are kept)",
            id="mock-hint",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        if self.interview.grade_code is None:
            self.interview.grade_code = self.query_one(MockCodeView).grader
        if self.interview.phase == Phase.READY:
            self._save(self.interview.start, self._started, failed=self.app.pop_screen)
        else:
            self._begin()

    def _started(self, _: object) -> None:
        """What the plan had to change (fewer questions than asked for, say) is told now, not
        only in the report: the user sees why the interview is shorter."""
        for note in self.interview.plan.notes:
            self.notify(note, title="This interview", timeout=8, markup=False)
        self._begin()

    def _begin(self, _: object = None) -> None:
        total = self.interview.total
        self.sub_title = plural(total, "question")
        self._show_question()
        self._timer = self.set_interval(TICK_SECONDS, self.tick)

    def on_unmount(self) -> None:
        """ctrl+q (or any exit) mid-interview: keep the answers, mark the session abandoned.
        Written here and now, the app is closing: the interview is stored as abandoned from its
        start anyway, this only notes when the user quit."""
        if self._timer is not None:
            self._timer.stop()
        if not self.interview.is_over:
            try:
                self.interview.abandon()
            except StudyStoreError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("skip", "go_back") and self.quiz_app.writing:
            return False
        if action == "skip":
            return self.interview.phase == Phase.ASKING
        if action == "pause":
            return self.interview.phase in (Phase.ASKING, Phase.PAUSED)
        return True

    def _save(
        self,
        step: Callable[[], object],
        then: Callable[[object], object],
        *,
        failed: Callable[[], object] | None = None,
    ) -> None:
        """Run a storing step off the event loop; when the database refuses it, the step can be
        retried (`failed` says what to do meanwhile)."""
        self.quiz_app.writes.run(step, then, title="Answer not saved", failed=failed)

    def tick(self) -> None:
        """Apply the clocks (a timeout submits the answer typed so far) and redraw them. While an
        answer is being saved the clocks are only redrawn."""
        interview = self.interview
        if not self.quiz_app.writing:
            if interview.phase == Phase.ASKING:
                interview.draft = self._typed()
            if interview.clock_ran_out():
                self._save(interview.tick, self._timed_out)
                return
        if not interview.is_over:
            self._show_clocks()

    def _timed_out(self, _: object) -> None:
        self.notify("Time is up: your answer so far was submitted.", timeout=3)
        self._show_question()

    def _tell_unheard(self) -> None:
        """An answer whose key points the matcher failed to hear is said so, once: the report
        leaves it for the user to tick."""
        for reason in self.interview.unheard[self._unheard_told :]:
            self.notify(
                f"{reason}. Tick the key points you covered on the report.",
                title="Answer not checked",
                severity="error",
                timeout=10,
                markup=False,
            )
        self._unheard_told = len(self.interview.unheard)

    def _show_question(self) -> None:
        self._tell_unheard()
        interview = self.interview
        if interview.phase == Phase.FINISHED:
            self._finish()
            return
        planned = interview.current
        if planned is None:
            return
        self.query_one("#mock-status", Static).update(
            f"Question {planned.position + 1} of {interview.total} · {planned.kind}"
        )
        self.query_one("#mock-prompt", Static).update(planned.prompt)
        self._show_code(planned)
        answer_box = self.query_one("#mock-answer", Input)
        answer_box.value = interview.draft
        answer_box.placeholder = (
            f"{planned.question.answer_hint} — enter submits"
            if planned.question is not None
            else "say it aloud or type key words — enter submits"
        )
        self.paused = interview.phase == Phase.PAUSED
        self.query_one("#mock-body", VerticalScroll).scroll_home(animate=False)
        self._show_clocks()

    def on_screen_suspend(self) -> None:
        """Another screen covers the question (the keys, the command palette): both clocks stop
        until it closes, as with ctrl+t; reading the keys costs no answering time."""
        if self.interview.phase == Phase.ASKING and not self.quiz_app.writing:
            self._pause_asking()
            self._paused_for_screen = True

    def on_screen_resume(self) -> None:
        if self._paused_for_screen and self.interview.phase == Phase.PAUSED:
            self.interview.resume()
            self.paused = False
        self._paused_for_screen = False

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")
        answer_box = self.query_one("#mock-answer", Input)
        answer_box.disabled = paused
        if not paused:
            answer_box.focus()
            if self.has_class("-coding"):
                self.query_one(MockCodeView).focus_editor()

    def _show_code(self, planned: PlannedQuestion) -> None:
        """A coding question replaces the answer line with the editor, from the starter code
        (or the draft, when the screen is shown again mid-question)."""
        coding = planned.kind == "coding"
        self.set_class(coding, "-coding")
        view = self.query_one(MockCodeView)
        if coding:
            view.load(cast("Card", planned.card), self.interview.draft or None)
            self.call_after_refresh(self._measure_task)
        if self.interview.phase == Phase.ASKING:
            if coding:
                view.focus_editor()
            else:
                self.query_one("#mock-answer", Input).focus()

    def _measure_task(self) -> None:
        """Tell the code view whether the task is cut by its box (at 80x24 a long one is)."""
        body = self.query_one("#mock-body", VerticalScroll)
        self.query_one(MockCodeView).task_cut(body.max_scroll_y > 0)

    def on_resize(self) -> None:
        if self.has_class("-coding"):
            self.call_after_refresh(self._measure_task)

    def _typed(self) -> str:
        """The answer so far: the editor's code for a coding question, else the answer line."""
        if self.has_class("-coding"):
            return self.query_one(MockCodeView).code
        return self.query_one("#mock-answer", Input).value

    def _show_clocks(self) -> None:
        question_left = self.interview.question_remaining()
        session_left = self.interview.session_remaining()
        for selector, label, left in (
            ("#mock-question-clock", "Question", question_left),
            ("#mock-session-clock", "Session", session_left),
        ):
            clock = self.query_one(selector, Static)
            clock.update(f"{label} {clock_text(left, round_up=True)}")
            clock.set_class(left <= WARNING_TIME, "warning")
            clock.set_class(self.interview.phase == Phase.PAUSED, "paused")

    @on(Input.Submitted, "#mock-answer")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.interview.phase != Phase.ASKING:
            return
        text = event.value
        self._save(lambda: self.interview.submit(text), lambda _: self._next_question(text))

    def _next_question(self, submitted: str) -> None:
        """The next question. Keys typed in one burst with enter reached the answer line after
        `submitted` (up to the moment the save began holding keys): they go where they would
        have gone a moment later, the next answer line or a coding question's editor at its
        cursor, instead of being overwritten by its empty draft or starter code."""
        typed = self.query_one("#mock-answer", Input).value
        typed_on = typed[len(submitted) :] if typed.startswith(submitted) else ""
        planned = self.interview.current
        coding = planned is not None and planned.kind == "coding"
        if typed_on and not coding:
            self.interview.draft = typed_on
        self._show_question()
        if typed_on and coding and self.interview.phase == Phase.ASKING:
            self.query_one(MockCodeView).type_in(typed_on)

    @on(MockCodeView.Submitted)
    def code_submitted(self, event: MockCodeView.Submitted) -> None:
        event.stop()
        if self.interview.phase == Phase.ASKING and not self.quiz_app.writing:
            code = event.code
            self._save(lambda: self.interview.submit(code), lambda _: self._show_question())

    def action_skip(self) -> None:
        """Move on; what was typed is kept for the record, read now (not at the last tick)."""
        if self.interview.phase == Phase.ASKING:
            self.interview.draft = self._typed()
            self._save(self.interview.skip, lambda _: self._show_question())

    def action_pause(self) -> None:
        if self.interview.phase == Phase.ASKING:
            self._pause_asking()
        elif self.interview.phase == Phase.PAUSED:
            self.interview.resume()
            self.paused = False
        self._show_clocks()

    def _pause_asking(self) -> None:
        """Both clocks stop, keeping what is typed so far as the draft."""
        self.interview.draft = self._typed()
        self.interview.pause()
        self.paused = True

    def action_go_back(self) -> None:
        """Ask first; ended early, the interview shows its report of what was answered (what
        was written for the question on show is handed in, not dropped)."""
        self._ask_to_end(
            "End the interview now?\n\nThe answers given so far are kept and shown in the"
            " report{written}; {fate}.",
            lambda: self._save(self.interview.end_early, lambda _: self._finish()),
        )

    def confirm_quit(self) -> bool:
        """ctrl+q mid-interview asks first (see `QuizApp.action_quit`); quitting then keeps the
        answers given so far, the one being written included."""
        if self.interview.is_over:
            return False
        self._ask_to_end(
            "Quit quizapp in the middle of the interview?\n\nThe answers given so far are"
            " kept{written}; {fate}.",
            lambda: self._save(self.interview.end_early, lambda _: self.app.exit()),
        )
        return True

    def _ask_to_end(self, question: str, end: Callable[[], object]) -> None:
        """The clocks stop and the question is hidden while the user decides; `question` names
        what is written for the question on show (in place of `{written}`), which ending hands
        in, and what becomes of the session (`{fate}`): abandoned, unless that answer was the
        last one."""
        was_asking = self.interview.phase == Phase.ASKING
        if was_asking:
            self._pause_asking()
        interview = self.interview
        written = ""
        fate = "the session is stored as abandoned (it does not count in your score trend)"
        if interview.draft_written:
            what = "code you wrote" if self.has_class("-coding") else "answer you typed"
            written = f", and the {what} for this question is handed in"
            current = interview.current
            if current is not None and current.position + 1 == interview.total:
                fate = "as it is the last question, the interview is complete"

        def decided(confirmed: bool | None) -> None:
            if confirmed:
                end()
                return
            if was_asking and self.interview.phase == Phase.PAUSED:
                self.interview.resume()
                self.paused = False

        self.app.push_screen(ConfirmScreen(question.format(written=written, fate=fate)), decided)

    def _finish(self) -> None:
        self._tell_unheard()
        if self._timer is not None:
            self._timer.stop()
        self.app.switch_screen(MockReportScreen(self.interview))
