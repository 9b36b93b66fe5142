"""The review log: each answer as one row, written with the card's new state in one
transaction, taken back by undo, and read for the daily limits and the usual time."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from fsrs import Card, Rating, State

from quizapp.content.kinds import kind_info
from quizapp.study.errors import CardChangedError, UndoError
from quizapp.study.micros import from_micros, to_micros
from quizapp.study.protocols import GradeLike, StudyCard, visible_text
from quizapp.study.store.cards import CardTable
from quizapp.study.store.connection import guarded
from quizapp.study.store.shown import forget_seed_in, keep_seed_in

if TYPE_CHECKING:
    from quizapp.study.state import CardState
    from quizapp.study.store.records import Recorded, ReviewEntry, ReviewRecord

_USUAL_TIME_WINDOW = 20
_USUAL_TIME_MINIMUM = 5


_REVIEW_COLUMNS = (
    "id, card_id, mode, reviewed_at, day, rating, duration_ms, correct, score, template, "
    "activation, seed, response, content_hash"
)


@dataclass(frozen=True)
class Attempt:
    """How a question was answered, as the log keeps it beside the rating: the time taken, the
    response and its grade, the question's seed, and the engine function it actually used
    (None: the card's own)."""

    duration: timedelta | None = None
    response: str | None = None
    grade: GradeLike | None = None
    seed: int | None = None
    activation: str | None = None


class ScheduledAnswer(NamedTuple):
    """One scheduled answer as FSRS replays it; `prev_state` 0: the card was new before it."""

    card_id: str
    reviewed_at: datetime
    rating: Rating
    prev_state: int | None
    duration_ms: int | None


Replay = Callable[[datetime, list[ScheduledAnswer]], Card]
"""A card's schedule recomputed from its due time and its scheduled answers."""


@dataclass(frozen=True)
class TodayCounts:
    introduced: int
    reviews: int


class ReviewLog(CardTable):
    @guarded
    def review(
        self,
        card: StudyCard,
        rating: Rating,
        *,
        before: CardState | None,
        after: CardState,
        day: date,
        attempt: Attempt = Attempt(),
        forget_question: bool = False,
    ) -> Recorded:
        """Store one scheduled answer: its log row and the card's new state `after` (computed by
        `scheduling.next_states` from the row `before`), committed before returning; with
        `forget_question`, the question kept on show for the card (`shown`) goes in the same
        commit, so its next showing asks a new one.

        Refused (`CardChangedError`, nothing written) when the card's row is no longer `before`:
        another instance answered, buried or suspended it since it was shown.
        """
        from quizapp.study.store.records import Recorded, ReviewEntry  # not needed at start

        rating = Rating(rating)
        with self.transaction() as connection:
            now = self.clock.now()
            if self._read_state(card.id) != before:
                raise CardChangedError(
                    f"card {card.id} changed since it was shown (answered in another quizapp "
                    "instance?); it is shown again with its current schedule",
                    self.path,
                )
            review = self._insert_review(
                connection,
                ReviewEntry(card, "scheduled", now, day, rating, attempt),
                prev_state=0 if before is None or before.state is None else int(before.state),
                mature=before is not None and before.is_mature,
                state_before="null" if before is None else before.to_json(),
            )
            self._write_state(after)
            connection.execute(
                "INSERT INTO card_texts (card_id, content_text) VALUES (?, ?) "
                "ON CONFLICT (card_id) DO UPDATE SET content_text = excluded.content_text",
                (card.id, visible_text(card)),
            )
            if forget_question:
                forget_seed_in(connection, card.id)
        return Recorded(review, before, after)

    @guarded
    def record_unscheduled(
        self,
        mode: str,
        rating: Rating,
        *,
        day: date,
        card: StudyCard | None = None,
        template: str | None = None,
        attempt: Attempt = Attempt(),
    ) -> Recorded:
        """Log a cram review or a practice attempt; no card's schedule changes."""
        if mode not in ("cram", "practice"):
            raise ValueError(f"unscheduled mode must be 'cram' or 'practice', not {mode!r}")
        if card is None and mode == "cram":
            raise ValueError("a cram review needs its card")
        from quizapp.study.store.records import Recorded, ReviewEntry  # not needed at start

        entry = ReviewEntry(card, mode, self.clock.now(), day, Rating(rating), attempt, template)
        with self.transaction() as connection:
            review = self._insert_review(connection, entry)
        return Recorded(review, None, None)

    def _insert_review(
        self,
        connection: sqlite3.Connection,
        entry: ReviewEntry,
        *,
        prev_state: int | None = None,
        mature: bool = False,
        state_before: str | None = None,
    ) -> ReviewRecord:
        card, attempt = entry.card, entry.attempt
        grade = attempt.grade
        values = (
            None if card is None else card.id,
            entry.mode,
            to_micros(entry.now),
            entry.day.isoformat(),
            int(entry.rating),
            _millis(attempt.duration),
            _verdict(card, grade, entry.rating),
            None if grade is None else float(grade.score),
            entry.template or (None if card is None else card.template),
            attempt.activation or (None if card is None else card.activation),
            attempt.seed,
            attempt.response,
            None if card is None else card.content_hash(),
        )
        cursor = connection.execute(
            "INSERT INTO reviews (card_id, mode, reviewed_at, day, rating, duration_ms, correct,"
            " score, template, activation, seed, response, content_hash, prev_state, mature,"
            " state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, prev_state, int(mature), state_before),
        )
        review_id = cursor.lastrowid
        assert review_id is not None
        from quizapp.study.store.records import review_from_row  # not needed at start

        return review_from_row((review_id, *values))

    @guarded
    def undo(self, review_id: int, *, keep_seed: int | None = None) -> CardState | None:
        """Delete a review and, for a scheduled one, put back the card's exact previous row;
        `keep_seed`: the question the answer was given to is on show again, in the same commit
        (a crash never leaves the answer undone with its question lost).

        Refused when a later scheduled review of the same card exists (it was computed from the
        state this would discard). Returns the restored state (None: the card had no row before).
        """
        from quizapp.study.state import CardState  # not needed at start

        with self.transaction() as connection:
            row = connection.execute(
                "SELECT card_id, mode, state_before FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise UndoError(f"review {review_id} is not in {self.path}", self.path)
            card_id, mode, state_before = row
            restored: CardState | None = None
            if mode == "scheduled":
                latest = connection.execute(
                    "SELECT max(id) FROM reviews WHERE card_id = ? AND mode = 'scheduled'",
                    (card_id,),
                ).fetchone()[0]
                if latest != review_id:
                    raise UndoError(
                        f"card {card_id} was reviewed again after review {review_id}; "
                        "undo that answer first",
                        self.path,
                    )
                if state_before is None:
                    raise UndoError(
                        f"review {review_id} kept no previous state to go back to", self.path
                    )
                restored = None if state_before == "null" else CardState.from_json(state_before)
                if restored is None:
                    connection.execute("DELETE FROM cards WHERE card_id = ?", (card_id,))
                else:
                    self._write_state(restored)
            connection.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
            if keep_seed is not None:
                keep_seed_in(connection, card_id, keep_seed)
        return restored

    @guarded
    def today_counts(self, day: date) -> TodayCounts:
        """New cards introduced and review-state cards answered on `day` (for the daily limits)."""
        introduced, reviews = self._connection.execute(
            "SELECT coalesce(sum(prev_state = 0), 0), coalesce(sum(prev_state = ?), 0) "
            "FROM reviews WHERE day = ? AND mode = 'scheduled'",
            (int(State.Review), day.isoformat()),
        ).fetchone()
        return TodayCounts(introduced=introduced, reviews=reviews)

    @guarded
    def answered_on(self, day: date) -> set[str]:
        """Ids of the cards given a scheduled answer on `day` (their siblings wait for tomorrow)."""
        rows = self._connection.execute(
            "SELECT DISTINCT card_id FROM reviews WHERE day = ? AND mode = 'scheduled'",
            (day.isoformat(),),
        )
        return {row[0] for row in rows}

    @guarded
    def usual_time(
        self, *, template: str | None = None, card_ids: Sequence[str] = ()
    ) -> timedelta | None:
        """The median time of the recent right answers in a question family (`template`, any
        card or drill) or among `card_ids` (the cards of one kind): the yardstick for "slow" and
        "fast". None below `_USUAL_TIME_MINIMUM` answers: too little to judge a pace by."""
        where = (
            "template = ?"
            if template is not None
            else "card_id IN (SELECT value FROM json_each(?))"
        )
        rows = self._connection.execute(
            f"SELECT duration_ms FROM reviews WHERE {where} AND correct = 1 "
            "AND duration_ms IS NOT NULL ORDER BY id DESC LIMIT ?",
            (template if template is not None else json.dumps(list(card_ids)), _USUAL_TIME_WINDOW),
        ).fetchall()
        if len(rows) < _USUAL_TIME_MINIMUM:
            return None
        from statistics import median  # only answers need it, not the start

        return timedelta(milliseconds=median(row[0] for row in rows))

    @guarded
    def reviews_of(self, card_id: str) -> list[ReviewRecord]:
        from quizapp.study.store.records import review_from_row  # not needed at start

        rows = self._connection.execute(
            f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE card_id = ? ORDER BY id", (card_id,)
        ).fetchall()
        return [review_from_row(row) for row in rows]

    @guarded
    def review_count(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM reviews").fetchone()[0])

    def iter_reviews(self, batch: int = 5000) -> Iterator[ReviewRecord]:
        """The whole log in order, read in batches so a million rows stream in constant memory."""
        from quizapp.study.store.records import review_from_row  # not needed at start

        last_id = 0
        while True:
            rows = self.query(
                f"SELECT {_REVIEW_COLUMNS} FROM reviews WHERE id > ? ORDER BY id LIMIT ?",
                (last_id, batch),
            )
            if not rows:
                return
            yield from (review_from_row(row) for row in rows)
            last_id = rows[-1][0]

    @guarded
    def scheduled_answers(self) -> list[ScheduledAnswer]:
        """Every scheduled answer to a card, grouped by card, each card's in the order given."""
        return self._scheduled_answers(
            "SELECT card_id, reviewed_at, rating, prev_state, duration_ms FROM reviews"
            " WHERE mode = 'scheduled' AND card_id IS NOT NULL ORDER BY card_id, reviewed_at, id"
        )

    def _scheduled_answers(self, sql: str) -> list[ScheduledAnswer]:
        return [
            ScheduledAnswer(card_id, from_micros(at), Rating(rating), prev_state, duration_ms)
            for card_id, at, rating, prev_state, duration_ms in self._connection.execute(sql)
        ]

    @guarded
    def rewrite_schedules(self, replay: Replay) -> int:
        """In one transaction, each studied card's memory state and due time as `replay` computes
        them from its due time and scheduled answers; returns how many due times moved."""
        moved = 0
        with self.transaction() as connection:
            answers: dict[str, list[ScheduledAnswer]] = {}
            for answer in self._scheduled_answers(
                "SELECT r.card_id, r.reviewed_at, r.rating, r.prev_state, r.duration_ms"
                " FROM reviews r JOIN cards c ON c.card_id = r.card_id"
                " WHERE r.mode = 'scheduled' AND c.state IS NOT NULL"
                " ORDER BY r.card_id, r.reviewed_at, r.id"
            ):
                answers.setdefault(answer.card_id, []).append(answer)
            rows = connection.execute(
                "SELECT card_id, due FROM cards WHERE state IS NOT NULL"
            ).fetchall()
            for card_id, due in rows:
                if card_id not in answers:
                    continue
                card = replay(from_micros(due), answers[card_id])
                new_due = to_micros(card.due)
                moved += new_due != due
                connection.execute(
                    "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?,"
                    " due = ?, last_review = ? WHERE card_id = ?",
                    (
                        int(State(card.state)),
                        card.step,
                        card.stability,
                        card.difficulty,
                        new_due,
                        None if card.last_review is None else to_micros(card.last_review),
                        card_id,
                    ),
                )
        return moved

    @guarded
    def day_totals(self) -> list[tuple[str, str, int, int, int]]:
        """Per day and mode: reviews, passed, milliseconds (kept by triggers, see migrations)."""
        return self._connection.execute(
            "SELECT day, mode, reviews, passed, duration_ms FROM review_days ORDER BY day"
        ).fetchall()

    @guarded
    def mature_totals(self, since: date | None) -> tuple[int, int]:
        """Scheduled reviews of mature cards since `since` (all: None), and how many passed."""
        reviews, passed = self._connection.execute(
            "SELECT coalesce(sum(mature), 0), coalesce(sum(mature_passed), 0) FROM review_days "
            "WHERE mode = 'scheduled' AND day >= ?",
            ((since or date.min).isoformat(),),
        ).fetchone()
        return int(reviews), int(passed)

    @guarded
    def skill_totals(self) -> list[tuple[str | None, str | None, int, int]]:
        """Graded attempts per (template, activation): attempts and correct ones."""
        return self._connection.execute(
            "SELECT template, activation, attempts, correct FROM skill_totals WHERE attempts > 0"
        ).fetchall()


def _verdict(card: StudyCard | None, grade: GradeLike | None, rating: Rating) -> bool | None:
    """`correct` as logged, for the kinds the registry calls judged (numeric, choice, code, and
    practice questions, which have no card): the grade, or the rating when no answer was read.
    None for the others: a flashcard rated by its user, or key points ticked by hand, is no
    verdict of the app's, and stats' accuracy counts only verdicts."""
    if card is not None and not kind_info(card).judged:
        return None
    return bool(grade.correct) if grade is not None else rating != Rating.Again


def _millis(duration: timedelta | None) -> int | None:
    if duration is None:
        return None
    return max(0, round(duration.total_seconds() * 1000))
