"""Reading a typed answer into numbers without evaluating anything.

The grammar is deliberately small: numbers (integers, decimals, `.5`, `1e-3`, `2.5×10^-3`), simple
fractions (`1/3`), separated by commas, semicolons or spaces, optionally wrapped in one pair of
brackets. Anything else is reported with its 1-based column, so the user can fix it and try again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ANSWER_LENGTH = 2000

_SIGN = "[-+\u2212]"
_NUMBER = rf"{_SIGN}?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]{_SIGN}?[0-9]+)?"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_VALUE = re.compile(
    rf"(?P<num>{_NUMBER})"
    rf"(?:\s*[x×*·]\s*10\s*(?:\^\s*(?P<exp>{_SIGN}?[0-9]+)|(?P<sup>[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
    rf"|\s*/\s*(?P<den>{_NUMBER}))?"
)
_PLAIN_INTEGER = re.compile(rf"{_SIGN}?[0-9]+")
# What may follow a decimal comma: digits, with the number's exponent if it has one (`7,30e-4`).
_DECIMALS = re.compile(rf"[0-9]+(?:[eE]{_SIGN}?[0-9]+|\s*[x×*·]\s*10\S*)?")
_SEPARATORS = ",;"
_BRACKETS = {"[": "]", "(": ")"}
_SHOWN_LENGTH = 24
_OVERFLOWED = ("nan", "inf", "infinity")
"""What a naive computation prints when exp overflows: explained, not only refused."""


class AnswerSyntaxError(ValueError):
    """A typed answer that cannot be read; the message starts with the 1-based column."""

    def __init__(self, column: int, message: str) -> None:
        super().__init__(f"column {column}: {message}")
        self.column = column


@dataclass(frozen=True)
class DecimalComma:
    """`0,5`: two integers glued by a comma, which a user may have meant as one decimal number.

    `index` is the position of the first of the two values among all values read.
    """

    column: int
    text: str
    index: int

    @property
    def suggestion(self) -> str:
        return self.text.replace(",", ".").replace("\u2212", "-")

    def error(self) -> AnswerSyntaxError:
        return AnswerSyntaxError(
            self.column,
            f'"{self.text}" looks like a decimal comma; use a decimal point ({self.suggestion})',
        )


@dataclass(frozen=True)
class NumberList:
    """The values read, each as it was typed (`tokens`: `1.000`, `2/3`, whose digits tell how
    precise the answer meant to be), plus every spot that could also be read as a decimal comma."""

    values: tuple[float, ...]
    decimal_commas: tuple[DecimalComma, ...]
    tokens: tuple[str, ...] = ()

    def comma_meant(self, count: int) -> DecimalComma | None:
        """The first decimal comma, if merging such pairs can make exactly `count` values."""
        merges, taken = 0, -1
        for comma in self.decimal_commas:
            if comma.index > taken:
                merges, taken = merges + 1, comma.index + 1
        surplus = len(self.values) - count
        return self.decimal_commas[0] if 0 < surplus <= merges else None


def _shown(text: str) -> str:
    if len(text) <= _SHOWN_LENGTH:
        return text
    return text[: _SHOWN_LENGTH - 1] + "…"


def _is_separator(char: str) -> bool:
    return char.isspace() or char in _SEPARATORS


def _word_end(text: str, start: int, stop: int) -> int:
    end = start
    while end < stop and not _is_separator(text[end]) and text[end] not in "[]()":
        end += 1
    return max(end, start + 1)


def _not_a_number(text: str, start: int, stop: int) -> AnswerSyntaxError:
    word = text[start : _word_end(text, start, stop)]
    if word in _BRACKETS.values():
        return AnswerSyntaxError(start + 1, f'"{word}" closes a bracket that was never opened')
    if word in _BRACKETS:
        return AnswerSyntaxError(start + 1, f'unexpected "{word}": use one pair of brackets only')
    if word.lower().lstrip("+-\u2212") in _OVERFLOWED:
        return AnswerSyntaxError(
            start + 1,
            f'"{_shown(word)}" is not a number; if a naive exp overflowed, subtract the max first '
            "(e^(z − max z) never overflows) and type the values",
        )
    if word.endswith("%"):
        return AnswerSyntaxError(
            start + 1, f'"{_shown(word)}" is a percentage; give a fraction from 0 to 1 (60% is 0.6)'
        )
    return AnswerSyntaxError(
        start + 1,
        f'"{_shown(word)}" is not a number; type plain numbers like 0.5, -1e-3 or 1/3 '
        "(nothing is calculated for you)",
    )


def _to_float(token: str, column: int) -> float:
    value = float(token.replace("\u2212", "-"))
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerSyntaxError(column, f'"{_shown(token)}" is too large')
    return value


def _value_of(match: re.Match[str], column: int) -> float:
    number = match["num"].replace("\u2212", "-")
    raw_exponent = match["exp"] or (match["sup"] or "").translate(_SUPERSCRIPTS)
    exponent = raw_exponent.replace("\u2212", "-")
    if exponent:
        # `1e2×10^3`: the number's own exponent and the power of ten add up.
        mantissa, _, own = number.lower().partition("e")
        return _to_float(f"{mantissa}e{int(own or 0) + int(exponent)}", column)
    value = _to_float(number, column)
    if match["den"] is None:
        return value
    denominator = _to_float(match["den"], column)
    if denominator == 0:
        raise AnswerSyntaxError(column, f'"{_shown(match[0])}" divides by zero')
    quotient = value / denominator
    if quotient in (float("inf"), float("-inf")):
        raise AnswerSyntaxError(column, f'"{_shown(match[0])}" is too large')
    return quotient


def _inner_span(text: str) -> tuple[int, int]:
    """The region between the optional outer brackets."""
    start, stop = 0, len(text)
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if start == stop:
        return start, stop
    opener, closer = text[start], text[stop - 1]
    if opener in _BRACKETS:
        if closer != _BRACKETS[opener]:
            closing = _BRACKETS[opener]
            raise AnswerSyntaxError(start + 1, f'"{opener}" is never closed with "{closing}"')
        return start + 1, stop - 1
    return start, stop


def parse_numbers(text: str) -> NumberList:
    """Read every number in `text`, or raise `AnswerSyntaxError` naming the first problem."""
    if len(text) > MAX_ANSWER_LENGTH:
        limit = MAX_ANSWER_LENGTH
        raise AnswerSyntaxError(limit + 1, f"the answer is too long (at most {limit} characters)")
    position, stop = _inner_span(text)
    values: list[float] = []
    commas: list[DecimalComma] = []
    tokens: list[str] = []
    after_value = False
    pending_integer: tuple[int, str] | None = None
    while position < stop:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char in _SEPARATORS:
            if not after_value:
                raise AnswerSyntaxError(position + 1, f'"{char}" with no value before it')
            after_value = False
            position += 1
            continue
        match = _VALUE.match(text, position, stop)
        if match is None:
            raise _not_a_number(text, position, stop)
        end = match.end()
        if end < stop and not _is_separator(text[end]):
            glued_bracket = text[end] in _BRACKETS or text[end] in _BRACKETS.values()
            raise _not_a_number(text, end if glued_bracket else position, stop)
        values.append(_value_of(match, position + 1))
        token = match[0]
        tokens.append(token)
        if pending_integer is not None and _DECIMALS.fullmatch(token):
            column, left = pending_integer
            commas.append(DecimalComma(column, f"{left},{token}", len(values) - 2))
        glued = end + 1 < stop and text[end] == "," and text[end + 1] in "0123456789"
        tight = _PLAIN_INTEGER.fullmatch(token) is not None and glued
        pending_integer = (position + 1, token) if tight else None
        after_value = True
        position = end
    return NumberList(tuple(values), tuple(commas), tuple(tokens))
