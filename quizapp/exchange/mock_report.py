"""A stored mock interview as a report to keep: Markdown for people, JSON for scripts.

Model answers and key points come from the current content; worked solutions are regenerated
from the stored template and seed, and shown only when the question comes out exactly as it was
asked (a card edited since would otherwise show the solution of another question).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from quizapp.content import Card, Library
from quizapp.exchange.markdown_text import block, inline
from quizapp.questions import Question, generate
from quizapp.study.clock import calendar_date
from quizapp.study.mock import MockOptions, Outcome, clock_text
from quizapp.study.mock.archive import StoredAnswer, StoredInterview
from quizapp.study.mock.coding import case_lines, passed_text
from quizapp.wording import percent, plural

QuestionMaker = Callable[[Card, str, int], Question]
MODEL_ANSWER_POINT = "the model answer"


def regenerate(card: Card, template: str, seed: int) -> Question:
    """The question as the mock generated it from the card (see `study.mock.plan`)."""
    return generate(template, seed, activation=card.activation, params=card.params)


@dataclass(frozen=True)
class ReportQuestion:
    """A stored answer with what the content says about it now."""

    answer: StoredAnswer
    model_answer: str | None
    key_points: tuple[str, ...]
    expected: str | None
    solution: tuple[str, ...]
    note: str | None

    @property
    def result(self) -> str:
        answer = self.answer
        if not answer.attempted:
            return answer.outcome.label
        if answer.kind == "coding":
            if not answer.cases:
                return f"not run {percent(0)}"
            return passed_text(answer.cases, answer.score)
        if answer.kind == "numeric":
            if answer.readable is False:
                return f"unreadable {percent(0)}"
            return f"{'correct' if answer.correct else 'wrong'} {percent(answer.score)}"
        points = answer.key_points or len(self.key_points)
        return f"{len(answer.covered)}/{points} points {percent(answer.score)}"


def report_questions(
    interview: StoredInterview, library: Library, make_question: QuestionMaker = regenerate
) -> list[ReportQuestion]:
    return [_resolve(answer, library, make_question) for answer in interview.answers]


def _resolve(
    answer: StoredAnswer, library: Library, make_question: QuestionMaker
) -> ReportQuestion:
    try:
        card = library.card(answer.card_id)
    except KeyError:
        return ReportQuestion(answer, None, (), None, (), "this card is no longer in the content")
    if answer.kind == "coding":
        solution = card.exercise.solution.splitlines() if card.exercise is not None else []
        return ReportQuestion(answer, None, (), None, tuple(solution), None)
    if answer.kind != "numeric":
        points = card.key_points or (MODEL_ANSWER_POINT,)
        return ReportQuestion(answer, card.back, points, None, (), None)
    if answer.template is None or answer.seed is None:
        return ReportQuestion(answer, None, (), None, (), "no generated question was stored")
    try:
        question = make_question(card, answer.template, answer.seed)
    except (ValueError, RuntimeError) as error:
        return ReportQuestion(
            answer, None, (), None, (), f"cannot regenerate the question: {error}"
        )
    if question.prompt != answer.prompt:
        note = "the card has changed since: its worked solution would answer another question"
        return ReportQuestion(answer, None, (), None, (), note)
    return ReportQuestion(answer, None, (), question.expected_text, question.solution, None)


def to_json(interview: StoredInterview, questions: list[ReportQuestion]) -> dict[str, Any]:
    return {
        "id": interview.id,
        "status": interview.status,
        "day": interview.day.isoformat(),
        "started_at": interview.started_at.isoformat(),
        "ended_at": None if interview.ended_at is None else interview.ended_at.isoformat(),
        "seed": interview.seed,
        "options": interview.options,
        "score": interview.score,
        "planned": interview.planned,
        "answered": interview.answered,
        "time_used_s": interview.time_used.total_seconds(),
        "budget_s": interview.budget.total_seconds(),
        "weakest_topics": [
            {"topic": result.topic, "questions": result.questions, "score": result.score}
            for result in interview.weakest
        ],
        "questions": [_question_json(question) for question in questions],
    }


def _question_json(question: ReportQuestion) -> dict[str, Any]:
    answer = question.answer
    return {
        "number": answer.position + 1,
        "card_id": answer.card_id,
        "kind": answer.kind,
        "topics": list(answer.topics),
        "prompt": answer.prompt,
        "budget_s": answer.budget.total_seconds(),
        "used_s": answer.used.total_seconds(),
        "outcome": str(answer.outcome),
        "response": answer.response,
        "readable": answer.readable,
        "correct": answer.correct,
        "score": answer.score,
        "model_answer": question.model_answer,
        "key_points": [
            {"text": point, "covered": index in answer.covered}
            for index, point in enumerate(question.key_points)
        ],
        "expected": question.expected,
        "solution": list(question.solution),
        "problem": answer.problem,
        "cases": [
            {"name": case.name, "passed": case.passed, "reason": case.reason}
            for case in answer.cases
        ],
        "note": question.note,
    }


def to_markdown(
    interview: StoredInterview, questions: list[ReportQuestion], zone: tzinfo | None = None
) -> str:
    """The report; its title dates the interview on the calendar of `zone` (None: the system's),
    not by the study day, which after midnight and before the rollover is yesterday's."""
    started = calendar_date(interview.started_at, zone).isoformat()
    lines = [
        f"# Mock interview {interview.id}, {started} ({interview.status})",
        "",
        *_summary(interview),
        "",
        "## Questions",
        "",
        "| # | kind | topics | time / budget | ended | result |",
        "| --- | --- | --- | --- | --- | --- |",
        *(_row(question) for question in questions),
    ]
    for question in questions:
        lines += ["", *_details(question)]
    return "\n".join(lines) + "\n"


def _summary(interview: StoredInterview) -> list[str]:
    ended = ""
    if interview.ended_at is not None:
        ended = f", ended {interview.ended_at.isoformat(timespec='seconds')}"
    lines = [
        f"- Score: **{percent(interview.score)}** over {plural(interview.planned, 'question')} "
        f"({interview.answered} answered; an unanswered question counts 0)",
        f"- Started {interview.started_at.isoformat(timespec='seconds')}{ended}",
        f"- Time used: {clock_text(interview.time_used)} of {clock_text(interview.budget)}"
        " (pauses not counted)",
        f"- Replay these questions: `{_replay_command(interview)}`",
    ]
    weakest = interview.weakest
    if weakest:
        topics = ", ".join(f"{inline(result.topic)} {percent(result.score)}" for result in weakest)
        lines.append(f"- Weakest topics: {topics}")
    if interview.status == "abandoned":
        lines.append("- The interview was ended early: unanswered questions are listed as such.")
    return lines


def _replay_command(interview: StoredInterview) -> str:
    """The whole command (options stored by another version that no longer apply: the seed).
    Options stored before coding questions existed asked none."""
    fields = {**interview.options, "topics": tuple(interview.options.get("topics") or ())}
    fields.setdefault("coding", 0)
    try:
        return MockOptions(**fields).replay_command(interview.seed)
    except (TypeError, ValueError):
        return f"quizapp mock --seed {interview.seed}"


def _time(answer: StoredAnswer) -> str:
    return f"{clock_text(answer.used)} / {clock_text(answer.budget)}"


def _row(question: ReportQuestion) -> str:
    answer = question.answer
    cells = (
        str(answer.position + 1),
        answer.kind,
        ", ".join(inline(topic) for topic in answer.topics),
        _time(answer),
        answer.outcome.label,
        question.result,
    )
    return "| " + " | ".join(cells) + " |"


def _details(question: ReportQuestion) -> list[str]:
    answer = question.answer
    topics = ", ".join(inline(topic) for topic in answer.topics)
    lines = [
        f"### Question {answer.position + 1}: {answer.kind}, {topics}",
        "",
        f"{_time(answer)} · {answer.outcome.label} · {question.result}",
        "",
        block(answer.prompt),
        "",
    ]
    if answer.outcome in (Outcome.PENDING, Outcome.NOT_REACHED):
        lines.append("Not asked.")
    elif answer.response.strip():
        lines += ["Your answer:", "", block(answer.response)]
    else:
        lines.append("Your answer: nothing typed.")
    if answer.cases or answer.problem:
        lines += [
            "",
            "Hidden test cases:",
            "",
            block("\n".join(case_lines(answer.cases, answer.problem))),
        ]
    if question.expected is not None:
        lines += ["", "Expected:", "", block(question.expected)]
    if question.solution:
        title = "Model solution:" if answer.kind == "coding" else "Worked solution:"
        lines += ["", title, "", block("\n".join(question.solution))]
    if question.model_answer is not None:
        lines += ["", "Model answer:", "", block(question.model_answer)]
    if question.key_points:
        lines += ["", "Key points (ticked: covered):", ""]
        lines += [
            f"- [{'x' if index in answer.covered else ' '}] {inline(point)}"
            for index, point in enumerate(question.key_points)
        ]
    if question.note:
        lines += ["", f"Note: {question.note}."]
    return lines
