"""What a study session adds up to, for the summary shown when it ends."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from fsrs import Rating

from quizapp.wording import percent


@dataclass
class SessionTally:
    """Counts answers as they are recorded; an undo takes its answer back out."""

    ratings: Counter[Rating] = field(default_factory=Counter)
    time_spent: timedelta = timedelta(0)
    graded: int = 0
    graded_correct: int = 0
    _log: list[tuple[Rating, timedelta, bool | None]] = field(default_factory=list, repr=False)

    def add(self, rating: Rating, duration: timedelta, correct: bool | None = None) -> None:
        """`correct` is given for graded (numeric or multiple-choice) answers only."""
        self._log.append((rating, duration, correct))
        self.ratings[rating] += 1
        self.time_spent += duration
        if correct is not None:
            self.graded += 1
            self.graded_correct += int(correct)

    def take_back(self) -> None:
        if not self._log:
            return
        rating, duration, correct = self._log.pop()
        self.ratings[rating] -= 1
        self.time_spent -= duration
        if correct is not None:
            self.graded -= 1
            self.graded_correct -= int(correct)

    @property
    def answered(self) -> int:
        return len(self._log)

    def lines(self) -> list[str]:
        """The summary as plain lines, in rating order."""
        if not self._log:
            return ["No cards answered in this session."]
        minutes, seconds = divmod(round(self.time_spent.total_seconds()), 60)
        lines = [f"Cards answered: {self.answered} in {minutes}m {seconds:02d}s"]
        lines.append("  ".join(f"{rating.name}: {self.ratings[rating]}" for rating in Rating))
        passed = self.answered - self.ratings[Rating.Again]
        lines.append(f"Remembered: {passed}/{self.answered} ({percent(passed / self.answered)})")
        if self.graded:
            lines.append(f"Graded answers correct: {self.graded_correct}/{self.graded}")
        return lines
