"""Deck text in Anki fields: always literal, never markup, never control characters."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from quizapp.exchange.anki_html import deck_name, field, plain, tag

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@given(st.text())
def test_a_field_reads_back_as_the_text_without_control_characters(text: str) -> None:
    rendered = field(text)
    assert "<" not in rendered.replace("<br>", "")
    assert "[" not in rendered
    assert not CONTROL.search(rendered)
    assert html.unescape(rendered.replace("<br>", "\n")) == plain(text)


def test_markup_and_anki_media_tags_stay_text() -> None:
    assert field("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert field("[sound:x.mp3] [latex]x[/latex]") == "&#91;sound:x.mp3] &#91;latex]x&#91;/latex]"
    assert field("a\r\nb\x1bc") == "a<br>bc"


@given(st.text())
def test_a_tag_has_no_spaces(text: str) -> None:
    assert not any(char.isspace() for char in tag(text))


@given(st.lists(st.text(), min_size=1, max_size=3))
def test_a_deck_name_nests_only_where_parts_join(parts: list[str]) -> None:
    alone = [deck_name(part) for part in parts]
    assert "::" not in "".join(alone)
    assert deck_name(*parts).split("::") == [name for name in alone if name] or not any(alone)


def test_colons_in_a_title_do_not_nest() -> None:
    assert deck_name("A::B", "C:::D", "E:") == "A: :B::C: : :D::E"
