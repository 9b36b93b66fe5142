"""The interview itself: question and session countdowns from an injected clock, pause, skip,
auto-submit at zero, and each answer committed as it ends.

The runner never sleeps or schedules anything: a front end calls `tick()` a few times a second
(tests advance a fake clock and call it), and every remaining time is computed from the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from quizapp.study.clock import Clock
from quizapp.study.mock.answers import MockAnswer, Outcome, session_score, suggest_covered
from quizapp.study.mock.coding import CodeGrader
from quizapp.study.mock.plan import MockPlan, PlannedQuestion, exercise_of
from quizapp.study.mock.report import MockReport
from quizapp.study.store import StudyStore, interviews
from quizapp.study.store.records import SentToReview

WARNING_TIME = timedelta(seconds=30)
"""Countdowns below this show in the warning colour."""


class Phase(StrEnum):
    READY = "ready"
    ASKING = "asking"
    PAUSED = "paused"
    FINISHED = "finished"
    ABANDONED = "abandoned"


class MockStateError(RuntimeError):
    """An action the interview's phase does not allow (e.g. submitting while paused)."""


class MockInterview:
    """One interview over `plan`; `draft` is the answer typed so far (what a timeout submits).
    `grade_code` runs a coding question's code when it ends (without one, code is kept
    ungraded and scores 0)."""

    def __init__(
        self,
        plan: MockPlan,
        store: StudyStore,
        clock: Clock | None = None,
        *,
        grade_code: CodeGrader | None = None,
    ) -> None:
        self.plan = plan
        self.grade_code = grade_code
        self._store = store
        self._clock = clock or store.clock
        self.interview_id: int | None = None
        self.answers: list[MockAnswer] = []
        self.draft = ""
        self.phase = Phase.READY
        self._index = 0
        self._question_start = self._clock.now()
        self._question_paused = timedelta(0)
        self._spent = timedelta(0)
        self._paused_at: datetime | None = None
        self.unheard: list[str] = []
        """Why the key points of an answer could not be suggested, oldest first: the answer is
        kept with nothing ticked, for the user to tick on the report (the screen says so)."""

    @property
    def current(self) -> PlannedQuestion | None:
        """The question being asked (also while paused); None before the start and at the end."""
        if self.phase in (Phase.ASKING, Phase.PAUSED):
            return self.plan.questions[self._index]
        return None

    @property
    def total(self) -> int:
        return len(self.plan.questions)

    @property
    def is_over(self) -> bool:
        return self.phase in (Phase.FINISHED, Phase.ABANDONED)

    def start(self) -> PlannedQuestion:
        if self.phase != Phase.READY:
            raise MockStateError("this interview has already started")
        now = self._clock.now()
        self.interview_id = interviews.create_interview(self._store, self.plan, now)
        self._question_start = now
        self.phase = Phase.ASKING
        return self.plan.questions[0]

    def _running(self, now: datetime) -> timedelta:
        """Time spent on the current question so far, pauses excluded."""
        elapsed = now - self._question_start - self._question_paused
        if self._paused_at is not None:
            elapsed -= now - self._paused_at
        return elapsed

    def _question_left(self, now: datetime) -> timedelta:
        return self.plan.questions[self._index].budget - self._running(now)

    def _session_left(self, now: datetime) -> timedelta:
        """The session clock counts answering time only: the time used on the questions already
        ended plus the current one's, so a late tick or a stalled machine between questions never
        eats into it."""
        return self.plan.session_budget - self._spent - self._running(now)

    def question_remaining(self) -> timedelta:
        """Time left on the current question (zero when none is being asked)."""
        if self.current is None:
            return timedelta(0)
        return max(timedelta(0), self._question_left(self._clock.now()))

    def session_remaining(self) -> timedelta:
        if self.phase == Phase.READY:
            return self.plan.session_budget
        if self.current is None:
            return timedelta(0)
        return max(timedelta(0), self._session_left(self._clock.now()))

    def _require_asking(self) -> None:
        if self.phase == Phase.PAUSED:
            raise MockStateError("the interview is paused; resume it first")
        if self.phase != Phase.ASKING:
            raise MockStateError("no question is being asked")

    def submit(self, text: str | None = None) -> MockAnswer:
        """End the question with `text` (default: the draft); numeric answers are graded now,
        code is run against its hidden cases.

        A clock that reached zero before this call (no tick since, e.g. the machine slept)
        ended the question first: the answer is that timeout, with `text` as what was typed."""
        self._require_asking()
        if text is not None:
            self.draft = text
        return self._leave(Outcome.SUBMITTED)

    def skip(self) -> MockAnswer:
        """Move on without answering: scores 0; whatever was typed is kept for the record. As
        with `submit`, a clock already at zero ended the question first."""
        self._require_asking()
        return self._leave(Outcome.SKIPPED)

    def _leave(self, outcome: Outcome) -> MockAnswer:
        timed_out = self.tick()
        if timed_out:
            return timed_out[0]
        now = self._clock.now()
        answer = self._end(outcome, now)
        self._move_on(now)
        return answer

    def pause(self) -> None:
        """Stop both clocks; the front end hides the question until `resume`."""
        self._require_asking()
        self._paused_at = self._clock.now()
        self.phase = Phase.PAUSED

    def resume(self) -> None:
        if self.phase != Phase.PAUSED or self._paused_at is None:
            raise MockStateError("the interview is not paused")
        pause = self._clock.now() - self._paused_at
        self._question_paused += pause
        self._paused_at = None
        self.phase = Phase.ASKING

    def clock_ran_out(self) -> bool:
        """A clock reached zero: the next `tick()` ends the question (and stores it)."""
        if self.phase != Phase.ASKING:
            return False
        now = self._clock.now()
        return self._question_left(now) <= timedelta(0) or self._session_left(now) <= timedelta(0)

    def tick(self) -> list[MockAnswer]:
        """Apply the clocks: the answers a timeout ended just now (none while paused).

        The question clock at zero submits the draft and starts the next question; the session
        clock at zero submits the draft and marks every later question not reached. Whichever
        clock reached zero first decides how the question ended.
        """
        if self.phase != Phase.ASKING:
            return []
        now = self._clock.now()
        question_left = self._question_left(now)
        session_left = self._session_left(now)
        if question_left <= timedelta(0) and question_left <= session_left:
            answer = self._end(Outcome.QUESTION_TIME, now, overrun=-question_left)
            return [answer, *self._move_on(now)]
        if session_left <= timedelta(0):
            answer = self._end(Outcome.SESSION_TIME, now, overrun=-session_left)
            return [answer, *self._close_rest(now, self._index + 1)]
        return []

    def _move_on(self, now: datetime) -> list[MockAnswer]:
        """Ask the next question, or finish; with no session time left, the rest go unreached."""
        if self._index + 1 == self.total:
            self._finish(now)
            return []
        if self.plan.session_budget - self._spent <= timedelta(0):
            return self._close_rest(now, self._index + 1)
        self._index += 1
        self._question_start = now
        self._question_paused = timedelta(0)
        return []

    def _close_rest(self, now: datetime, first: int) -> list[MockAnswer]:
        ended = [
            self._close(position, Outcome.NOT_REACHED) for position in range(first, self.total)
        ]
        self._finish(now)
        return ended

    def _end(
        self, outcome: Outcome, now: datetime, *, overrun: timedelta = timedelta(0)
    ) -> MockAnswer:
        """Record the current question as ended at `now - overrun` (when its clock hit zero)."""
        planned = self.plan.questions[self._index]
        text = self.draft
        grade = None
        if outcome != Outcome.SKIPPED and text.strip():
            if planned.question is not None:
                grade = planned.question.grade(text)
            elif planned.kind == "coding" and self.grade_code is not None:
                grade = self.grade_code(planned.card, text)
        answer = MockAnswer(
            planned=planned,
            outcome=outcome,
            response=text,
            used=max(timedelta(0), self._running(now) - overrun),
            paused=self._question_paused,
            answered_at=now - overrun,
            grade=grade,
        )
        try:
            answer = suggest_covered(answer)
        except Exception as error:
            reason = str(error) or type(error).__name__
            self.unheard.append(f"Question {planned.position + 1}: {reason}")
        self._save(answer)
        self._spent += answer.used
        self.draft = ""
        return answer

    def _close(self, position: int, outcome: Outcome) -> MockAnswer:
        answer = MockAnswer(planned=self.plan.questions[position], outcome=outcome)
        self._save(answer)
        return answer

    def _save(self, answer: MockAnswer) -> None:
        assert self.interview_id is not None
        interviews.record_answer(self._store, self.interview_id, answer)
        self.answers.append(answer)

    def _finish(self, now: datetime) -> None:
        assert self.interview_id is not None
        self.phase = Phase.FINISHED
        interviews.finish_interview(self._store, self.interview_id, now, self.score)

    @property
    def draft_written(self) -> bool:
        """Something is written for the question on show: text in the answer line, or code that
        is not the exercise's starter code as the editor opened it."""
        planned = self.current
        if planned is None or not self.draft.strip():
            return False
        exercise = exercise_of(planned.card)
        return exercise is None or self.draft.strip() != exercise.starter.strip()

    def end_early(self) -> MockAnswer | None:
        """The user ends the interview mid-way: what they wrote for the question on show is
        handed in as its answer (graded, code run) rather than dropped, then the interview is
        abandoned (the questions after it stay unasked). Handing in the last question's answer
        completes the interview: it finishes as usual. Returns that answer, if any."""
        if self.phase == Phase.PAUSED:
            self.resume()
        answer = None
        if self.phase == Phase.ASKING and self.draft_written:
            answer = self._leave(Outcome.SUBMITTED)
        self.abandon()
        return answer

    def abandon(self) -> None:
        """Quit mid-interview: the answers given so far stay stored, the interview abandoned."""
        if self.phase in (Phase.ASKING, Phase.PAUSED):
            assert self.interview_id is not None
            self.phase = Phase.ABANDONED
            interviews.end_abandoned(self._store, self.interview_id, self._clock.now())

    @property
    def score(self) -> float:
        return session_score(self.answers, self.total)

    def assess(self, position: int, covered: Iterable[int]) -> MockAnswer:
        """Record which key points a conceptual answer covered (after the interview, also one
        ended early)."""
        if not self.is_over:
            raise MockStateError("answers are assessed once the interview is over")
        index = next(
            (i for i, answer in enumerate(self.answers) if answer.planned.position == position),
            None,
        )
        if index is None:
            raise ValueError(f"question {position + 1} is not in this interview")
        answer = self.answers[index].assessed(frozenset(covered))
        self.answers[index] = answer
        assert self.interview_id is not None
        interviews.record_assessment(self._store, self.interview_id, answer, self.score)
        return answer

    def report(self) -> MockReport:
        return MockReport(
            answers=tuple(self.answers),
            planned=self.total,
            session_budget=self.plan.session_budget,
            seed=self.plan.seed,
            notes=self.plan.notes,
            options=self.plan.options,
            ended_early=self.phase == Phase.ABANDONED,
        )

    def send_missed_to_review(self) -> SentToReview:
        """Put every missed card in today's review queue (see `interviews.send_to_review`)."""
        missed = [
            (answer.planned.card.id, answer.planned.card.section or answer.planned.card.deck)
            for answer in self.report().missed
        ]
        return interviews.send_to_review(self._store, missed, self._clock.now())
