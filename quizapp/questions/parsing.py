"""Reading a typed answer into numbers without evaluating anything.

The grammar is deliberately small: numbers (integers, decimals, `.5`, `1e-3`, `2.5×10^-3`,
`2.5×10^(-3)`, `2.5*10**-3`), simple fractions (`1/3`, `½`, `1½`), separated by commas, semicolons
or spaces, optionally wrapped in one pair of brackets. Anything else, and anything that could be
read two ways (`1 ½`), is reported with its 1-based column, so the user can fix it and try again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.questions.overflow import GENERAL

MAX_ANSWER_LENGTH = 2000

_SIGN = "[-+\u2212]"
_NUMBER = rf"{_SIGN}?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE]{_SIGN}?[0-9]+)?"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_EXPONENT = rf"{_SIGN}?[0-9]+"
_VALUE = re.compile(
    rf"(?P<num>{_NUMBER})"
    rf"(?:\s*[x×*·]\s*10\s*(?:(?:\^|\*\*)\s*(?:(?P<exp>{_EXPONENT})"
    rf"|\(\s*(?P<paren>{_EXPONENT})\s*\)|\{{\s*(?P<brace>{_EXPONENT})\s*\}})"
    rf"|(?P<sup>[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
    rf"|\s*[/⁄]\s*(?P<den>{_NUMBER}))?"
)
# Unicode's vulgar fractions, as (numerator, denominator).
_VULGAR = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
    "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
    "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10), "↉": (0, 3),
}  # fmt: skip
_MIXED = re.compile(rf"(?P<sign>{_SIGN})?(?P<whole>[0-9]+)?(?P<fraction>[{''.join(_VULGAR)}])")
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


class NotFinite(AnswerSyntaxError):
    """`inf` or `nan` typed: what an overflow prints, answered with `advice` on avoiding it,
    which the question fits to its function (`questions.overflow`)."""

    def __init__(self, column: int, word: str, advice: str = GENERAL) -> None:
        super().__init__(column, f'"{word}" is not a number; {advice}')
        self.word = word

    def advised(self, advice: str) -> NotFinite:
        return NotFinite(self.column, self.word, advice)


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


def _token_end(text: str, start: int, stop: int) -> int:
    end = start
    while end < stop and not _is_separator(text[end]):
        end += 1
    return end


def _not_a_number(text: str, start: int, stop: int) -> AnswerSyntaxError:
    word = text[start : _word_end(text, start, stop)]
    if word in _BRACKETS.values():
        return AnswerSyntaxError(start + 1, f'"{word}" closes a bracket that was never opened')
    if word in _BRACKETS:
        return AnswerSyntaxError(start + 1, f'unexpected "{word}": use one pair of brackets only')
    if word.lower().lstrip("+-\u2212") in _OVERFLOWED:
        return NotFinite(start + 1, _shown(word))
    if "10^" in word or "10**" in word:
        written = text[start : _token_end(text, start, stop)]
        return AnswerSyntaxError(
            start + 1,
            f'"{_shown(written)}" is not a number; write a power of ten as 1.5×10^-3, '
            "1.5×10^(-3) or 1.5e-3",
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


def _two_readings(text: str, start: int, end: int) -> AnswerSyntaxError:
    """`1 ½`: one and a half, or the two values 1 and ½."""
    whole, fraction = text[start:end].split()
    whole = _shown(whole)
    return AnswerSyntaxError(
        start + 1,
        f'"{whole} {fraction}" could be one number or two: write {whole}{fraction} for one, '
        f"{whole}, {fraction} for two",
    )


def _to_float(token: str, column: int) -> float:
    value = float(token.replace("\u2212", "-"))
    if value != value or value in (float("inf"), float("-inf")):
        raise AnswerSyntaxError(column, f'"{_shown(token)}" is too large')
    return value


def _value_of(match: re.Match[str], column: int) -> float:
    number = match["num"].replace("\u2212", "-")
    written = match["exp"] or match["paren"] or match["brace"]
    raw_exponent = written or (match["sup"] or "").translate(_SUPERSCRIPTS)
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


def _mixed_value(match: re.Match[str], column: int) -> float:
    """`½`, `-⅓` or `1½` (one and a half): the whole part and the fraction as one quotient."""
    numerator, denominator = _VULGAR[match["fraction"]]
    whole = int(match["whole"] or 0)
    try:
        value = (whole * denominator + numerator) / denominator
    except OverflowError:
        raise AnswerSyntaxError(column, f'"{_shown(match[0])}" is too large') from None
    return -value if match["sign"] in ("-", "\u2212") else value


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


def _read_value(
    text: str, position: int, stop: int, spaced_integer: int | None
) -> tuple[re.Match[str], float]:
    """The value written at `position`. `spaced_integer`: where the value before it began, if it
    is a plain integer and only spaces come between (`1 ½` reads two ways)."""
    mixed = _MIXED.match(text, position, stop)
    match = mixed or _VALUE.match(text, position, stop)
    if match is None:
        raise _not_a_number(text, position, stop)
    end = match.end()
    if end < stop and not _is_separator(text[end]):
        glued_bracket = text[end] in _BRACKETS or text[end] in _BRACKETS.values()
        raise _not_a_number(text, end if glued_bracket else position, stop)
    if mixed is None:
        return match, _value_of(match, position + 1)
    if spaced_integer is not None and not (mixed["whole"] or mixed["sign"]):
        raise _two_readings(text, spaced_integer, end)
    return match, _mixed_value(mixed, position + 1)


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
    spaced_integer: int | None = None  # where the last value began, if a plain integer
    while position < stop:
        char = text[position]
        if char.isspace():
            position += 1
            continue
        if char in _SEPARATORS:
            if not after_value:
                raise AnswerSyntaxError(position + 1, f'"{char}" with no value before it')
            after_value = False
            spaced_integer = None
            position += 1
            continue
        match, value = _read_value(text, position, stop, spaced_integer)
        values.append(value)
        end = match.end()
        token = match[0]
        tokens.append(token)
        spaced_integer = position if _PLAIN_INTEGER.fullmatch(token) else None
        if pending_integer is not None and _DECIMALS.fullmatch(token):
            column, left = pending_integer
            commas.append(DecimalComma(column, f"{left},{token}", len(values) - 2))
        glued = end + 1 < stop and text[end] == "," and text[end + 1] in "0123456789"
        tight = _PLAIN_INTEGER.fullmatch(token) is not None and glued
        pending_integer = (position + 1, token) if tight else None
        after_value = True
        position = end
    return NumberList(tuple(values), tuple(commas), tuple(tokens))
