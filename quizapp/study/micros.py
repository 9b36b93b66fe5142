"""Times as the study database stores them: integer microseconds since the epoch, UTC.

Apart from `state` (a card's stored state, which converts its times with these) because the
store's reads on home's path need the conversion but not that class: creating a dataclass
compiles each method it generates, and home's first frame builds no card state.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

DAY_MICROS = 86_400_000_000
"""A day in the unit times are stored in (`to_micros`)."""


def to_micros(moment: datetime) -> int:
    """Integer microseconds since the epoch: exact for every datetime fsrs produces."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_micros(micros: int) -> datetime:
    return _EPOCH + timedelta(microseconds=micros)
