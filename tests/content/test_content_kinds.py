"""The card-kind registry is the one place that knows a kind: every kind a deck may use has a
row, and the layers ask it instead of testing `card.kind` or `card.template` inline."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from quizapp.content import CARD_KINDS
from quizapp.content.kinds import KINDS, is_generated, kind_info, kind_label
from quizapp.content.schema import CardSpec

PACKAGE = Path(__file__).resolve().parents[2] / "quizapp"


def schema_kinds() -> set[str]:
    union = typing.get_args(CardSpec)[0]
    return {
        typing.get_args(model.model_fields["kind"].annotation)[0]
        for model in typing.get_args(union)
    }


def test_every_kind_a_deck_may_use_has_one_registry_row() -> None:
    assert schema_kinds() == set(KINDS)
    assert set(CARD_KINDS) == {name for name, row in KINDS.items() if row.in_review}


def test_rows_answer_for_cards_and_names() -> None:
    class Card:
        kind = "numeric"

    assert kind_info(Card()) is kind_info("numeric") is KINDS["numeric"]
    assert is_generated(Card())
    assert kind_label("interview") == "Interview question"
    assert kind_info("interview").mock_role == "conceptual"
    assert kind_info("numeric").mock_role == "numeric"
    assert kind_info("choice").answer_style == "choose"
    with pytest.raises(KeyError):
        kind_info("essay")


def test_no_module_outside_the_registry_tests_a_kind_by_name() -> None:
    """`card.kind == "…"` (or `card.template is not None` standing for "numeric") was spread
    over eight files."""
    inline = re.compile(r"card\.kind (==|!=|in) [\"(]")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if inline.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_answer_style_in_use_has_a_view() -> None:
    """The TUI half of a row: the view that shows the kind (tui/widgets/views.py)."""
    from quizapp.tui.widgets.views import VIEWS

    assert {row.answer_style for row in KINDS.values() if row.in_review} <= set(VIEWS)
