"""Reading a multiple-choice answer: the option's number as shown (1-based) or its name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizapp.questions.parsing import MAX_ANSWER_LENGTH, AnswerSyntaxError

_NUMBERED = re.compile(r"[\[(]?\s*([0-9]+)\s*[.)\]:]?")
_NUMBER_AND_NAME = re.compile(r"[\[(]?\s*([0-9]+)\s*[.)\]:]?\s*(\(?[^\W\d_].*)")
_IGNORED = re.compile(r"[\s\-_()'.]+")


def _key(text: str) -> str:
    return _IGNORED.sub("", text.casefold())


def aliases(display_name: str, engine_name: str) -> frozenset[str]:
    """ "SiLU (Swish)" answers to "silu", "swish", "SiLU (Swish)" and its engine name."""
    parts = [display_name, engine_name, *re.split(r"[()]", display_name)]
    return frozenset(key for key in map(_key, parts) if key)


def _find(text: str, option_aliases: Sequence[frozenset[str]]) -> int | None:
    key = _key(text)
    for index, names in enumerate(option_aliases):
        if key in names:
            return index
    return None


def parse_choice(
    text: str, options: Sequence[str], option_aliases: Sequence[frozenset[str]]
) -> int:
    """The 0-based index of the chosen option, or `AnswerSyntaxError` (never a wrong answer)."""
    listing = ", ".join(f"{number} {name}" for number, name in enumerate(options, start=1))
    stripped = text.strip()
    column = len(text) - len(text.lstrip()) + 1
    if not stripped:
        raise AnswerSyntaxError(
            1, f"no answer given; answer with a number 1–{len(options)} or a name"
        )
    if len(text) > MAX_ANSWER_LENGTH:
        raise AnswerSyntaxError(MAX_ANSWER_LENGTH + 1, "the answer is too long")
    numbered = _NUMBERED.fullmatch(stripped)
    if numbered:
        number = int(numbered[1]) if len(numbered[1]) < 6 else 0
        if 1 <= number <= len(options):
            return number - 1
        raise AnswerSyntaxError(
            column, f"there is no option {numbered[1]}; choose 1–{len(options)} ({listing})"
        )
    both = _NUMBER_AND_NAME.fullmatch(stripped)
    named = _find(both[2] if both else stripped, option_aliases)
    if both and named is not None:
        if int(both[1]) == named + 1:
            return named
        raise AnswerSyntaxError(
            column,
            f"option {both[1]} and {options[named]} disagree; answer with a number or a name",
        )
    if named is not None:
        return named
    shown = stripped if len(stripped) <= 24 else stripped[:23] + "…"
    raise AnswerSyntaxError(
        column, f'"{shown}" is not one of the options ({listing}); answer with its number or name'
    )
