"""Coding questions in mock interviews: the plan draws them, the runner grades them when they end
(auto-submit included), the report and the stored record show each case, and schema step 6
rebuilds mock_answers to admit them without losing a stored answer."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from quizapp.content import Card, Library
from quizapp.exchange.mock_report import report_questions, to_json, to_markdown
from quizapp.study import FakeClock, StudyStore, open_store
from quizapp.study.migrations import MIGRATIONS, latest_version
from quizapp.study.mock import MockInterview, MockOptions, MockOptionsError, Outcome, build_plan
from quizapp.study.mock.archive import load_interview
from quizapp.study.mock.budgets import CODING_SECONDS
from quizapp.workspace import load_content


@pytest.fixture(scope="module")
def library() -> Library:
    return load_content(None)


@dataclass(frozen=True)
class FakeCase:
    name: str
    passed: bool
    reason: str = ""


@dataclass(frozen=True)
class FakeRun:
    cases: tuple[FakeCase, ...]
    problem: str | None = None

    @property
    def score(self) -> float:
        return sum(case.passed for case in self.cases) / len(self.cases) if self.cases else 0.0

    @property
    def correct(self) -> bool:
        return bool(self.cases) and all(case.passed for case in self.cases)

    @property
    def feedback(self) -> tuple[str, ...]:
        return ()


class FakeGrader:
    """Passes one case per line of code, out of four; records what it was asked to run."""

    def __init__(self) -> None:
        self.ran: list[tuple[str, str]] = []

    def __call__(self, card, code: str) -> FakeRun:
        self.ran.append((card.id, code))
        lines = len(code.strip().splitlines())
        return FakeRun(
            tuple(
                FakeCase(f"case {index}", index < lines, "" if index < lines else "wrong value")
                for index in range(4)
            )
        )


def _kinds(plan) -> list[str]:
    return [question.kind for question in plan.questions]


def test_one_coding_question_by_default_from_four_questions(library: Library) -> None:
    assert _kinds(build_plan(library.cards, MockOptions(questions=3, seed=1))).count("coding") == 0
    plan = build_plan(library.cards, MockOptions(questions=6, seed=1))
    assert _kinds(plan).count("coding") == 1
    assert _kinds(plan)[2] == "coding"
    coding = plan.questions[2]
    assert coding.budget == timedelta(seconds=coding.card.exercise.budget_seconds)
    assert coding.card.exercise.signature in coding.prompt
    off = build_plan(library.cards, MockOptions(questions=6, seed=1, coding=0))
    assert "coding" not in _kinds(off)
    assert len(off.questions) == 6


def test_coding_n_draws_distinct_exercises_spread_out_and_the_seed_replays_it(
    library: Library,
) -> None:
    plan = build_plan(library.cards, MockOptions(questions=7, seed=5, coding=2))
    assert [index for index, kind in enumerate(_kinds(plan)) if kind == "coding"] == [1, 4]
    assert len({q.card.id for q in plan.questions if q.kind == "coding"}) == 2
    replay = build_plan(library.cards, MockOptions(questions=7, seed=plan.seed, coding=2))
    assert [(q.card.id, q.kind, q.seed, q.budget) for q in replay.questions] == [
        (q.card.id, q.kind, q.seed, q.budget) for q in plan.questions
    ]


def test_the_other_kinds_keep_their_seeded_draw_when_coding_is_off(library: Library) -> None:
    """Code exercises are drawn after the others: a plan without them is the old plan."""
    without = build_plan(library.cards, MockOptions(questions=3, seed=8))
    explicit = build_plan(library.cards, MockOptions(questions=3, seed=8, coding=0))
    assert [q.card.id for q in without.questions] == [q.card.id for q in explicit.questions]


def test_fewer_exercises_than_asked_fill_with_other_kinds_and_say_so() -> None:
    numeric = Card(
        id="n",
        kind="numeric",
        deck="t",
        front="n",
        back="",
        template="activation-scalar",
        activation="relu",
        tags=("numeric",),
        section="numbers",
    )
    plan = build_plan([numeric], MockOptions(questions=4, seed=2, coding=2))
    assert _kinds(plan) == ["numeric"] * 4
    assert "Only 0 coding exercises match" in plan.notes[0]


def test_a_session_cap_shares_its_minutes_with_the_coding_budget(library: Library) -> None:
    plan = build_plan(library.cards, MockOptions(questions=4, seed=3, minutes=10))
    coding = next(q for q in plan.questions if q.kind == "coding")
    assert coding.budget == max(q.budget for q in plan.questions)
    assert sum((q.budget for q in plan.questions), timedelta(0)) == timedelta(minutes=10)
    assert CODING_SECONDS == 480


@pytest.mark.parametrize(("coding", "questions"), [(-1, 4), (5, 4)])
def test_the_number_of_coding_exercises_is_checked(coding: int, questions: int) -> None:
    with pytest.raises(MockOptionsError, match=f"0..{questions}"):
        MockOptions(questions=questions, coding=coding)


def _coding_interview(library: Library, store: StudyStore, clock: FakeClock, grader):
    plan = build_plan(library.cards, MockOptions(questions=1, seed=6, coding=1))
    interview = MockInterview(plan, store, clock, grade_code=grader)
    interview.start()
    return interview


def test_time_up_runs_the_tests_on_what_was_written_and_scores_the_share_passed(
    library: Library, store: StudyStore, clock: FakeClock
) -> None:
    grader = FakeGrader()
    interview = _coding_interview(library, store, clock, grader)
    planned = interview.current
    interview.draft = "import numpy as np\ndef f(x):\n    return x  # \x1b[2J"
    clock.advance(planned.budget + timedelta(seconds=3))
    [answer] = interview.tick()
    assert answer.outcome == Outcome.QUESTION_TIME
    assert grader.ran == [(planned.card.id, interview.answers[0].response)]
    assert answer.score == 0.75
    assert answer.correct is False and answer.missed
    report = interview.report()
    assert report.result_text(answer) == "3/4 cases 75%"
    details = report.detail_lines(answer)
    assert "  ✓ case 0" in details
    assert "  ✗ case 3: wrong value" in details
    assert "Model solution:" in details
    assert "      return x  # \\u001b[2J" in details
    assert "Score 75% over 1 question (coding 75%)" in report.summary_lines()[0]
    stored = load_interview(store, interview.interview_id)
    assert (stored.score, stored.time_used) == (report.score, report.time_used)
    [row] = stored.answers
    assert (row.kind, row.score, row.problem) == ("coding", 0.75, None)
    assert [(case.name, case.passed) for case in row.cases] == [
        ("case 0", True),
        ("case 1", True),
        ("case 2", True),
        ("case 3", False),
    ]


def test_a_skipped_coding_question_is_not_run_and_ungraded_code_scores_zero(
    library: Library, store: StudyStore, clock: FakeClock
) -> None:
    grader = FakeGrader()
    interview = _coding_interview(library, store, clock, grader)
    interview.draft = "def f(x):\n    return x"
    answer = interview.skip()
    assert grader.ran == [] and answer.score == 0.0
    assert interview.report().result_text(answer) == "skipped"
    ungraded = _coding_interview(library, store, clock, None)
    answer = ungraded.submit("def f(x):\n    return x")
    assert answer.score == 0.0
    assert interview.report().result_text(answer) == "not run 0%"


def test_mock_report_and_export_list_each_case_as_inert_text(
    library: Library, store: StudyStore, clock: FakeClock
) -> None:
    interview = _coding_interview(library, store, clock, FakeGrader())
    interview.submit("# *not emphasis* <b>\ndef f(x):\n    return x")
    stored = load_interview(store, interview.interview_id)
    questions = report_questions(stored, library)
    data = to_json(stored, questions)
    [question] = data["questions"]
    assert question["kind"] == "coding"
    assert [case["passed"] for case in question["cases"]] == [True, True, True, False]
    assert question["solution"] == stored_solution(library, question["card_id"])
    markdown = to_markdown(stored, questions)
    assert "| 3/4 cases 75% |" in markdown
    assert "  ✗ case 3: wrong value" in markdown
    assert "Model solution:" in markdown
    code_block = markdown.split("Your answer:", 1)[1]
    assert "```text\n# *not emphasis* <b>" in code_block


def stored_solution(library: Library, card_id: str) -> list[str]:
    exercise = library.card(card_id).exercise
    assert exercise is not None
    return exercise.solution.splitlines()


BEFORE_CODING = 5
"""The schema version before step 6, whose mock_answers refuses kind 'coding'."""
OLD_COLUMNS = (
    "interview_id, position, card_id, kind, topics, template, activation, seed, prompt, budget_ms,"
    " key_points, outcome, response, used_ms, paused_ms, answered_at, readable, correct, score,"
    " covered"
)

# fmt: off
OLD_ROWS = [
    (7, 0, "why", "conceptual", '["a"]', None, None, None, "Why?", 60000, 3,
     "submitted", "because", 4000, 0, 9, None, None, 2 / 3, "[0, 2]"),
    (7, 1, "n", "numeric", '["b"]', "activation-scalar", "relu", 42, "relu(2)?",
     30000, None, "question-time", "2", 30000, 1500, 10, 1, 1, 1.0, None),
    (7, 2, "m", "numeric", '["b"]', "activation-scalar", "relu", 43, "relu(3)?",
     30000, None, "not-reached", None, None, None, None, None, None, 0.0, None),
]
# fmt: on


def test_step_6_rebuilds_mock_answers_keeping_every_stored_answer(
    tmp_path: Path, clock: FakeClock
) -> None:
    with open_store(tmp_path, clock, migrations=MIGRATIONS[:BEFORE_CODING]) as store:
        with store.transaction() as connection:
            connection.execute(
                "INSERT INTO mock_interviews (id, started_at, day, status, seed, options,"
                " budget_ms, planned, score) VALUES (7, 5, '2026-03-02', 'finished', 3, '{}',"
                " 90000, 3, 0.5)"
            )
            connection.executemany(
                f"INSERT INTO mock_answers ({OLD_COLUMNS}) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                OLD_ROWS,
            )
        before = store.query(f"SELECT {OLD_COLUMNS} FROM mock_answers ORDER BY position")
    with open_store(tmp_path, clock) as store:
        assert store.schema_version() == latest_version()
        after = store.query(f"SELECT {OLD_COLUMNS} FROM mock_answers ORDER BY position")
        assert after == before
        assert store.query("SELECT count(*) FROM mock_answers WHERE cases IS NULL") == [(3,)]
        indexes = store.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mock_answers'"
            " AND name NOT LIKE 'sqlite_autoindex%'"
        )
        assert indexes == [("mock_answers_card",)]
        assert store.query("SELECT name FROM sqlite_master WHERE name LIKE '%_v6'") == []
        assert store.integrity_check() == ["ok"]
        assert store.query("PRAGMA foreign_key_check") == []
        stored = load_interview(store, 7)
        assert stored is not None and stored.answers[0].covered == (0, 2)
        with store.transaction() as connection:
            connection.execute(
                "INSERT INTO mock_answers (interview_id, position, card_id, kind, topics, prompt,"
                " budget_ms, outcome) VALUES (7, 3, 'c', 'coding', '[]', 'p', 1, 'pending')"
            )
            with pytest.raises(sqlite3.IntegrityError):
                connection.execute(
                    "INSERT INTO mock_answers (interview_id, position, card_id, kind, topics,"
                    " prompt, budget_ms, outcome) VALUES (7, 4, 'c', 'essay', '[]', 'p', 1,"
                    " 'pending')"
                )


def test_the_stored_cases_survive_a_round_trip(
    library: Library, store: StudyStore, clock: FakeClock
) -> None:
    interview = _coding_interview(library, store, clock, FakeGrader())
    interview.submit("a\nb")
    [(cases,)] = store.query("SELECT cases FROM mock_answers")
    assert json.loads(cases)["cases"][1] == {"name": "case 1", "passed": True, "reason": ""}


def test_the_replay_command_names_the_coding_count_when_it_was_chosen() -> None:
    assert "--coding" not in MockOptions(questions=5).replay_command(3)
    assert MockOptions(questions=5, coding=2).replay_command(3).endswith("--coding 2 --seed 3")


def test_an_interview_stored_before_coding_questions_replays_without_them(
    library: Library, store: StudyStore, clock: FakeClock
) -> None:
    interview = _coding_interview(library, store, clock, FakeGrader())
    with store.transaction() as connection:
        connection.execute("UPDATE mock_interviews SET options = '{\"questions\": 5}'")
    stored = load_interview(store, interview.interview_id)
    markdown = to_markdown(stored, report_questions(stored, library))
    assert "`quizapp mock --questions 5 --coding 0 --seed 6`" in markdown
