"""The cheatsheet and user decks as validated, immutable study content."""

from typing import TYPE_CHECKING

from quizapp.content.duplicates import settle_duplicates
from quizapp.content.loader import (
    bundled_content_dir,
    load_deck,
    load_decks,
    load_library,
    read_deck,
    user_deck_paths,
    user_decks_dir,
)
from quizapp.content.model import (
    CARD_KINDS,
    ActivationFunction,
    Block,
    BulletItem,
    BulletList,
    Card,
    CardKind,
    CardSource,
    Code,
    Correction,
    Deck,
    Heading,
    Library,
    Link,
    LinkList,
    Paragraph,
    QuestionAnswer,
    QuestionList,
    Section,
    Table,
)
from quizapp.content.problems import DeckError, Problem

if TYPE_CHECKING:
    from quizapp.content.schema import deck_file_json_schema

__all__ = [
    "CARD_KINDS",
    "ActivationFunction",
    "Block",
    "BulletItem",
    "BulletList",
    "Card",
    "CardKind",
    "CardSource",
    "Code",
    "Correction",
    "Deck",
    "DeckError",
    "Heading",
    "Library",
    "Link",
    "LinkList",
    "Paragraph",
    "Problem",
    "QuestionAnswer",
    "QuestionList",
    "Section",
    "Table",
    "bundled_content_dir",
    "deck_file_json_schema",
    "load_deck",
    "load_decks",
    "load_library",
    "read_deck",
    "settle_duplicates",
    "user_deck_paths",
    "user_decks_dir",
]


def __getattr__(name: str) -> object:
    """The JSON schema is built by pydantic, which a deck loaded from the cache never needs:
    imported when asked for, not with the package."""
    if name == "deck_file_json_schema":
        from quizapp.content.schema import deck_file_json_schema

        return deck_file_json_schema
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
