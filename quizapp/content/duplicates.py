"""A card id defined by two decks: one card keeps it, the other is left out and named.

The card that keeps the id is the one its study history was recorded against (the stored
content hash matches it), else the one loaded first. A deck is never rejected for this, and
history never moves to another card without a notice saying which card has it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from quizapp.content.kinds import kind_info
from quizapp.content.model import REVERSE_SUFFIX, Card, Deck, LeftOut, Library
from quizapp.content.problems import Problem


def settle_duplicates(library: Library, studied: Mapping[str, str | None]) -> Library:
    """`library` with each duplicated id given to its history's owner and one notice per card
    left out. `studied` maps the ids with study history to the content hash it was recorded
    against (None when unknown)."""
    if not library.notices and not any(deck.left_out or deck.skipped for deck in library.decks):
        return library
    decks = list(library.decks)
    notices: list[Problem] = [notice for deck in decks for notice in deck.skipped]
    for index, deck in enumerate(library.decks):
        for left in deck.left_out:
            owner = studied.get(left.card_id)
            holder = _holder(decks, left.card_id)
            if holder is None:
                continue
            kept = decks[holder].sources[left.card_id]
            swap = (
                owner is not None
                and left.cards[0].content_hash() == owner
                and _card(decks[holder], left.card_id).content_hash() != owner
            )
            if swap:
                decks[holder], moved = _without(decks[holder], left.card_id, left)
                decks[index] = _with(decks[index], left)
                notices.append(_notice(moved, studied=True))
            else:
                notices.append(_notice(replace(left, kept=kept), studied=left.card_id in studied))
    return Library(decks, library.problems, notices)


def duplicated_ids(library: Library) -> list[str]:
    """The card ids some deck left out because another deck defines them."""
    return [left.card_id for deck in library.decks for left in deck.left_out]


def _notice(left: LeftOut, *, studied: bool) -> Problem:
    history = " and its study history" if studied else ""
    return Problem(
        left.source.path,
        left.source.line,
        f"{left.source.field}.id",
        f"card id {left.card_id!r} is also defined at {left.kept}, which keeps it{history}; "
        "this card is left out (give it another id)",
    )


def _holder(decks: list[Deck], card_id: str) -> int | None:
    return next((i for i, deck in enumerate(decks) if card_id in deck.sources), None)


def _card(deck: Deck, card_id: str) -> Card:
    return next(card for card in deck.cards if card.id == card_id)


def _ids(card_id: str) -> set[str]:
    return {card_id, card_id + REVERSE_SUFFIX}


def _without(deck: Deck, card_id: str, taker: LeftOut) -> tuple[Deck, LeftOut]:
    """`deck` without the card (and its reverse side), and that card as left out in favour of
    `taker`."""
    ids = _ids(card_id)
    removed = tuple(card for card in deck.cards if card.id in ids)  # exercises are among them
    moved = LeftOut(card_id, deck.sources[card_id], taker.source, removed)
    smaller = replace(
        deck,
        cards=tuple(card for card in deck.cards if card.id not in ids),
        exercises=tuple(card for card in deck.exercises if card.id not in ids),
        sources=MappingProxyType({k: v for k, v in deck.sources.items() if k not in ids}),
        left_out=(*deck.left_out, moved),
    )
    return smaller, moved


def _with(deck: Deck, taker: LeftOut) -> Deck:
    """`deck` with the card it had left out, now the id's owner."""
    in_review = tuple(card for card in taker.cards if kind_info(card).in_review)
    exercises = tuple(card for card in taker.cards if card.exercise is not None)
    return replace(
        deck,
        cards=(*deck.cards, *in_review),
        exercises=(*deck.exercises, *exercises),
        sources=MappingProxyType(
            {**deck.sources, **{card.id: taker.source for card in taker.cards}}
        ),
        left_out=tuple(left for left in deck.left_out if left.card_id != taker.card_id),
    )
