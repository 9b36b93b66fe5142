"""The one place that knows what each card kind is: its label, how it is answered, and what a
mock interview makes of it. Content, study, mock and the TUI ask here instead of testing
`card.kind` or `card.template` inline, so a new kind is one schema model, one view and one row.

No imports from the rest of quizapp: every layer may read this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

AnswerStyle = Literal["reveal", "choose", "typed", "checklist", "code"]
"""How a card is answered: `reveal` the back and rate it; `choose` one of its options; `typed`
answer to a question generated at each showing; `checklist` of the key points covered after
the back is revealed; `code` written and run in a sandbox."""

MockRole = Literal["conceptual", "numeric", "coding"]
"""What a mock interview asks of the kind: spoken-style (judged on key points), numeric, or a
function to write (judged by its hidden test cases)."""


@dataclass(frozen=True)
class CardKindInfo:
    name: str
    label: str
    answer_style: AnswerStyle
    mock_role: MockRole | None = None

    @property
    def generated(self) -> bool:
        """Each showing asks a fresh question generated from the card's template."""
        return self.answer_style == "typed"

    @property
    def in_review(self) -> bool:
        """Studied in review and cram sessions (code cards too, as skill cards: each review
        starts from the starter code; they also have their own practice screen)."""
        return True

    @property
    def judged(self) -> bool:
        """The app marks the answer right or wrong, so the time taken weighs in the proposal."""
        return self.answer_style in ("choose", "typed", "code")


KINDS: dict[str, CardKindInfo] = {
    row.name: row
    for row in (
        CardKindInfo("definition", "Definition", "reveal"),
        CardKindInfo("formula", "Formula", "reveal"),
        CardKindInfo("interview", "Interview question", "checklist", "conceptual"),
        CardKindInfo("choice", "Multiple choice", "choose"),
        CardKindInfo("numeric", "Numeric question", "typed", "numeric"),
        CardKindInfo("code", "Code exercise", "code", "coding"),
    )
}


class HasKind(Protocol):
    @property
    def kind(self) -> str: ...


def kind_info(card_or_kind: HasKind | str) -> CardKindInfo:
    """The registry row of a card (or of a kind's name); KeyError for a kind nobody registered."""
    name = card_or_kind if isinstance(card_or_kind, str) else card_or_kind.kind
    return KINDS[name]


def kind_label(kind: str) -> str:
    return kind_info(kind).label


def is_generated(card: HasKind) -> bool:
    """A skill card: each showing asks a freshly generated question (from its template)."""
    return kind_info(card).generated
