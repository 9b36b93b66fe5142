"""Grading the flashcard kinds that are not numeric: multiple choice and interview key points."""

from __future__ import annotations

from dataclasses import dataclass

from fsrs import Rating

from quizapp.study.protocols import StudyCard


@dataclass(frozen=True)
class ChoiceGrade:
    """Shaped like a numeric grade so sessions record and propose ratings the same way."""

    correct: bool
    score: float
    chosen: int
    feedback: tuple[str, ...]
    parse_error: None = None
    mistake: None = None


def grade_choice(card: StudyCard, chosen: int, answer_index: int) -> ChoiceGrade:
    """`chosen` and `answer_index` are 0-based indices into `card.options`."""
    if not 0 <= chosen < len(card.options):
        raise ValueError(f"option {chosen + 1} does not exist; choose 1-{len(card.options)}")
    right = card.options[answer_index]
    if chosen == answer_index:
        return ChoiceGrade(True, 1.0, chosen, (f"Correct: {right}",))
    return ChoiceGrade(
        False,
        0.0,
        chosen,
        (
            f"You chose {chosen + 1}) {card.options[chosen]}",
            f"Correct: {answer_index + 1}) {right}",
        ),
    )


def rating_for_key_points(covered: int, total: int) -> Rating:
    """A spoken answer is judged by the key points it covered: none -> Again, under half -> Hard,
    the rest -> Good (Easy is the user's call)."""
    if total <= 0:
        return Rating.Good
    if covered <= 0:
        return Rating.Again
    if covered * 2 < total:
        return Rating.Hard
    return Rating.Good
