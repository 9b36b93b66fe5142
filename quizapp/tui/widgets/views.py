"""One view per answer style: the TUI half of the card-kind registry (`quizapp.content.kinds`).
A new kind with a new style adds its view here."""

from __future__ import annotations

from quizapp.content.kinds import AnswerStyle
from quizapp.tui.widgets.card_view import CardView
from quizapp.tui.widgets.checklist_view import ChecklistView
from quizapp.tui.widgets.choice_view import ChoiceView
from quizapp.tui.widgets.code_view import CodeView
from quizapp.tui.widgets.flashcard_view import FlashcardView
from quizapp.tui.widgets.numeric_view import NumericView

VIEWS: dict[AnswerStyle, type[CardView]] = {
    "reveal": FlashcardView,
    "checklist": ChecklistView,
    "choose": ChoiceView,
    "typed": NumericView,
    "code": CodeView,
}
