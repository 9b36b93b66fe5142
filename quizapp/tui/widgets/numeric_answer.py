"""A generated numeric question with its answer box, inline parse errors and graded feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from quizapp.questions import Grade, Question


class NumericAnswer(Vertical):
    """Posts `Answered` once an answer could be read; an unreadable one is only explained."""

    DEFAULT_CSS = """
    NumericAnswer { height: auto; }
    NumericAnswer > #numeric-prompt { margin-bottom: 1; }
    NumericAnswer > #numeric-error { color: $error; height: auto; }
    NumericAnswer > #numeric-feedback { margin-top: 1; height: auto; }
    NumericAnswer > #numeric-solution { margin-top: 1; color: $text-muted; height: auto; }
    """

    class Answered(Message):
        def __init__(self, grade: Grade, text: str) -> None:
            super().__init__()
            self.grade = grade
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="numeric-prompt", markup=False)
        yield Input(placeholder="your answer, e.g. 0.5, 0, 1.2 — enter submits", id="numeric-input")
        yield Static("", id="numeric-error", markup=False)
        yield Static("", id="numeric-feedback", markup=False)
        yield Static("", id="numeric-solution", markup=False)

    def ask(self, question: Question) -> None:
        self.question = question
        self.query_one("#numeric-prompt", Static).update(question.prompt)
        answer_box = self.query_one("#numeric-input", Input)
        answer_box.value = ""
        answer_box.disabled = False
        for part in ("#numeric-error", "#numeric-feedback", "#numeric-solution"):
            self.query_one(part, Static).update("")
        answer_box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.question is None or event.input.disabled:
            return
        grade = self.question.grade(event.value)
        if grade.parse_error is not None:
            self._show_unreadable(grade, event.input)
            return
        self.query_one("#numeric-error", Static).update("")
        event.input.disabled = True
        self.post_message(self.Answered(grade, event.value))

    def reopen(self) -> None:
        """Lets the answer just sent be sent again, e.g. after it could not be saved."""
        answer_box = self.query_one("#numeric-input", Input)
        answer_box.disabled = False
        answer_box.focus()

    def _show_unreadable(self, grade: Grade, answer_box: Input) -> None:
        lines = list(grade.feedback)
        if grade.error_column is not None:
            lines.insert(0, f"  {answer_box.value}\n  {' ' * (grade.error_column - 1)}^")
            answer_box.cursor_position = min(grade.error_column - 1, len(answer_box.value))
        lines.append("Not counted — correct it and press enter again.")
        self.query_one("#numeric-error", Static).update("\n".join(lines))

    def show_result(self, grade: Grade) -> None:
        """Per-element feedback, the named mistake, the expected answer and the worked solution."""
        assert self.question is not None
        verdict = "Correct" if grade.correct else f"Not quite — score {grade.score:.0%}"
        lines = [verdict, *grade.feedback, f"Expected: {self.question.expected_text}"]
        self.query_one("#numeric-feedback", Static).update("\n".join(lines))
        steps = "\n".join(f"  {step}" for step in self.question.solution)
        self.query_one("#numeric-solution", Static).update(f"Worked solution:\n{steps}")
