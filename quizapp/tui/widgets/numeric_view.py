"""A numeric card: this showing's generated question, typed answer, graded with the worked
solution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult

from quizapp.tui.widgets.card_view import CardView
from quizapp.tui.widgets.numeric_answer import NumericAnswer

if TYPE_CHECKING:
    from quizapp.study import Graded, StudyItem
    from quizapp.study.answering import Response


class NumericView(CardView):
    """A card whose question could not be generated shows nothing here (the screen says why)."""

    DEFAULT_CSS = """
    NumericView { height: auto; }
    NumericView.-no-question NumericAnswer { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield NumericAnswer(id="card-numeric")

    def show(self, item: StudyItem) -> None:
        self.set_class(item.question is None, "-no-question")
        if item.question is not None:
            self.query_one(NumericAnswer).ask(item.question)  # type: ignore[arg-type]

    @on(NumericAnswer.Submitted)
    def typed(self, event: NumericAnswer.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.text))

    def show_graded(self, graded: Graded) -> None:
        numeric = self.query_one(NumericAnswer)
        if graded.readable:
            numeric.show_result(graded.grade)
        else:
            numeric.show_unreadable(graded.grade)

    def restore(self, response: Response) -> None:
        """The numbers typed for this question, back in their box and graded again."""
        numeric = self.query_one(NumericAnswer)
        if isinstance(response, str) and numeric.question is not None:
            numeric.answer_box.value = response
            self.post_message(self.Submitted(response))

    def reopen(self) -> None:
        self.query_one(NumericAnswer).reopen()

    def has_unsent_answer(self) -> bool:
        return self.query_one(NumericAnswer).has_unsent_answer()
