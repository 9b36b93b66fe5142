"""A generated numeric question with its answer box, inline parse errors and graded feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from quizapp.tui.widgets.ordered_input import AnswerInput
from quizapp.wording import percent

if TYPE_CHECKING:
    from quizapp.questions import Question
    from quizapp.study import GradeLike


ECHO_WIDTH = 60
"""The most of a refused answer shown around the spot pointed at: a pasted answer of thousands of
values, echoed whole, filled the screen and pushed the reason it was refused out of sight."""


def echo_around(text: str, column: int, width: int = ECHO_WIDTH) -> tuple[str, int]:
    """`text` cut to `width` characters and terminal cells around `column` (1-based), `…` where
    it was cut, and the column of the same spot in what is shown. Counted in cells too: 60 wide
    characters (CJK, emoji) took 120 columns, wrapped at 80, and left the caret under another."""
    if len(text) <= width and cell_len(text) <= width:
        return text, column
    start = end = min(column - 1, len(text))
    cells = 0
    grown = True
    while grown and end - start < width:
        grown = False
        if end < len(text) and cells + cell_len(text[end]) <= width:
            cells, end, grown = cells + cell_len(text[end]), end + 1, True
        if start > 0 and end - start < width and cells + cell_len(text[start - 1]) <= width:
            cells, start, grown = cells + cell_len(text[start - 1]), start - 1, True
    shown = text[start:end]
    caret = column - start
    if start > 0:
        shown, caret = "…" + shown, caret + 1
    if end < len(text):
        shown += "…"
    return shown, caret


def clipped(line: str, width: int = 3 * ECHO_WIDTH) -> str:
    """A line of feedback cut to `width` characters (`read as [...]` of a pasted answer)."""
    return line if len(line) <= width else line[: width - 1] + "…"


class NumericAnswer(Vertical):
    """Posts `Submitted` with the text typed; the screen has it graded and shows the verdict
    (`show_result`) or why it could not be read (`show_unreadable`)."""

    DEFAULT_CSS = """
    NumericAnswer { height: auto; }
    NumericAnswer > #numeric-prompt { margin-bottom: 1; }
    NumericAnswer > #numeric-error { color: $error; height: auto; }
    NumericAnswer > #numeric-feedback { margin-top: 1; height: auto; }
    NumericAnswer > #numeric-solution { margin-top: 1; color: $text-muted; height: auto; }
    """

    class Submitted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question: Question | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="numeric-prompt", markup=False)
        yield AnswerInput(placeholder="your answer — enter submits", id="numeric-input")
        yield Static("", id="numeric-error", markup=False)
        yield Static("", id="numeric-feedback", markup=False)
        yield Static("", id="numeric-solution", markup=False)

    @property
    def answer_box(self) -> AnswerInput:
        return self.query_one("#numeric-input", AnswerInput)

    def ask(self, question: Question) -> None:
        self.question = question
        self.query_one("#numeric-prompt", Static).update(question.prompt)
        self.answer_box.placeholder = f"{question.answer_hint} — enter submits"
        for part in ("#numeric-error", "#numeric-feedback", "#numeric-solution"):
            self.query_one(part, Static).update("")
        self.answer_box.value = ""
        self.reopen()

    def has_unsent_answer(self) -> bool:
        """Something is typed that was not sent for grading (leaving would drop it)."""
        answer_box = self.answer_box
        return not answer_box.disabled and bool(answer_box.value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """The box keeps the focus while the answer is judged (no key typed on goes elsewhere);
        it takes no other answer until the verdict is shown."""
        event.stop()
        if self.question is None:
            self.answer_box.verdict_given()
            return
        self.post_message(self.Submitted(event.value))

    def reopen(self) -> None:
        """Lets the answer just sent be sent again, e.g. after it was refused or could not be
        saved; keys typed on meanwhile reach the box now."""
        answer_box = self.answer_box
        answer_box.disabled = False
        answer_box.focus()
        answer_box.verdict_given()

    def show_unreadable(self, grade: GradeLike) -> None:
        """Why the answer could not be read, pointing at the spot; the box opens again."""
        answer_box = self.answer_box
        lines = [clipped(line) for line in grade.feedback]
        column = getattr(grade, "error_column", None)
        if column is not None:
            shown, caret = echo_around(answer_box.value, column)
            lines.insert(0, f"  {shown}\n  {' ' * cell_len(shown[: caret - 1])}^")
            answer_box.cursor_position = min(column - 1, len(answer_box.value))
        lines.append("Not counted — correct it and press enter again.")
        self.query_one("#numeric-error", Static).update("\n".join(lines))
        self.reopen()

    def show_result(self, grade: GradeLike) -> None:
        """Per-element feedback, the named mistake, the expected answer and the worked solution."""
        assert self.question is not None
        answer_box = self.answer_box
        answer_box.disabled = True
        answer_box.verdict_given()
        self.query_one("#numeric-error", Static).update("")
        verdict = "Correct" if grade.correct else f"Not quite — score {percent(grade.score)}"
        lines = [verdict, *grade.feedback, f"Expected: {self.question.expected_text}"]
        self.query_one("#numeric-feedback", Static).update("\n".join(lines))
        steps = "\n".join(f"  {step}" for step in self.question.solution)
        self.query_one("#numeric-solution", Static).update(f"Worked solution:\n{steps}")
