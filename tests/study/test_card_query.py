"""The card browser's query language: what parses, and errors that point at the column."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.study.card_query import FILTERS, STATUSES, QueryError, Term, parse_query

WORD = st.text(
    st.characters(blacklist_categories=("Cs", "Zs", "Cc"), blacklist_characters='"-:'),
    min_size=1,
    max_size=8,
)
TERM = st.one_of(
    st.builds(lambda word: Term(None, word.lower()), WORD),
    st.builds(lambda status: Term("is", status), st.sampled_from(STATUSES)),
    st.builds(
        lambda field, word: Term(field, word.lower()),
        st.sampled_from([name for name in FILTERS if name != "is"]),
        WORD,
    ),
)


def _written(term: Term, quote: bool) -> str:
    value = f'"{term.value}"' if quote else term.value
    text = value if term.field is None else f"{term.field}:{value}"
    return f"-{text}" if term.negated else text


@given(
    st.lists(
        st.tuples(TERM, st.booleans(), st.booleans()).map(
            lambda parts: (Term(parts[0].field, parts[0].value, parts[1]), parts[2])
        ),
        max_size=6,
    ),
    st.sampled_from([" ", "  ", "\t"]),
)
def test_written_terms_parse_back(terms: list[tuple[Term, bool]], gap: str) -> None:
    text = gap.join(_written(term, quote) for term, quote in terms)
    assert parse_query(text) == tuple(term for term, _quote in terms)


@given(st.text(max_size=40))
def test_any_text_parses_or_names_a_column_inside_it(text: str) -> None:
    try:
        parse_query(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
        assert str(error).startswith(f"column {error.position + 1}: ")


@pytest.mark.parametrize(
    ("query", "column", "says"),
    [
        ("relu color:red", 6, "unknown filter 'color:'"),
        ("is:due is:sleepy", 11, "unknown status 'sleepy'"),
        ("deck:", 1, "deck: needs a value"),
        ('tanh "zero centred', 6, "never closed"),
        ('deck:"a"b', 9, "space after the closing quote"),
        ("relu - tanh", 6, "'-' must come right before"),
    ],
)
def test_errors_name_the_column(query: str, column: int, says: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(query)
    assert raised.value.position == column - 1
    assert str(raised.value).startswith(f"column {column}: ")
    assert says in str(raised.value)


def test_quotes_keep_spaces_and_case_is_ignored() -> None:
    assert parse_query('DECK:"My Interviews" -IS:Suspended "Zero centred"') == (
        Term("deck", "my interviews"),
        Term("is", "suspended", negated=True),
        Term(None, "zero centred"),
    )
