"""The `code` card kind: validated like every kind, with file:line errors; a review card that
is also listed among the deck's exercises."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.content import load_deck, load_library, read_deck

CARD = """\
cards:
  - kind: code
    id: my-relu
    title: ReLU
    task: Write relu(x).
    function: relu
    signature: {signature}
    starter: "def relu(x):\\n    ..."
    reference: {reference}
    solution: "def relu(x):\\n    return x * (x > 0)"
"""


def _write(
    write_deck, signature: str = "relu(x)", reference: str = "{kind: forward, activation: relu}"
) -> Path:
    return write_deck("d", {"a.yaml": CARD.format(signature=signature, reference=reference)})


def _problems(folder: Path) -> list[tuple[int, str, str]]:
    deck, problems = read_deck(folder)
    assert deck is None
    return [(problem.line, problem.field, problem.message) for problem in problems]


def test_a_valid_code_card_is_a_review_card_and_an_exercise(write_deck) -> None:
    deck = load_deck(_write(write_deck))
    (card,) = deck.exercises
    assert deck.cards == (card,)
    assert card.kind == "code"
    assert card.exercise is not None
    assert card.exercise.function == "relu"
    assert card.exercise.reference.activation == "relu"
    assert card.exercise.budget_seconds == 480
    assert str(deck.sources["my-relu"]).endswith("a.yaml:3")


@pytest.mark.parametrize(
    ("signature", "reference", "problem"),
    [
        (
            "rectify(x)",
            "{kind: forward, activation: relu}",
            (2, "cards[0]", "the signature must start with the function's name: relu(...)"),
        ),
        (
            "relu(x)",
            "{kind: sideways, activation: relu}",
            (9, "cards[0].reference.kind", None),
        ),
        (
            "relu(x)",
            "{kind: forward}",
            (9, "cards[0].reference", "a forward reference needs an activation"),
        ),
        (
            "relu(x)",
            "{kind: jvp, activation: relu}",
            (9, "cards[0].reference", "a jvp reference works with: softmax"),
        ),
        (
            "relu(x)",
            "{kind: logsumexp, activation: relu}",
            (9, "cards[0].reference", "a logsumexp reference takes no activation"),
        ),
        (
            "relu(x)",
            "{kind: forward, activation: relu, arguments: [alpha]}",
            (9, "cards[0].reference", "arguments must be named in params: alpha"),
        ),
        (
            "relu(x)",
            "{kind: forward, activation: rectifier}",
            (9, "cards[0].reference.activation", None),
        ),
    ],
)
def test_bad_code_cards_are_reported_at_their_line(
    write_deck, signature: str, reference: str, problem: tuple[int, str, str | None]
) -> None:
    (found,) = _problems(_write(write_deck, signature, reference))
    line, field, message = problem
    assert found[:2] == (line, field)
    if message is not None:
        assert found[2] == message


def test_bundled_exercises_are_the_code_cards() -> None:
    library = load_library(None)
    assert len(library.exercises) >= 12
    assert library.exercises == [card for card in library.cards if card.kind == "code"]
