"""One set of control characters (`quizapp.safe_text.CONTROL_CODES`) for every place that keeps
them off a terminal or out of an export: the app and the commands (`inert`), a coding report
(`visible`) and Anki fields (`plain`, which also drops direction marks and line separators)."""

from __future__ import annotations

import unicodedata

from quizapp.coding.report import visible
from quizapp.exchange.anki_html import plain
from quizapp.safe_text import BIDI_CONTROLS, CONTROL_CODES, TERMINAL_CONTROLS, first_control, inert

EVERY_CODE_POINT_UP_TO_BIDI = range(0x2070)
ANKI_ALSO_DROPS = {0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A)}
"""Direction marks, line and paragraph separators, bidi embeddings, overrides and isolates."""
EXPLICIT_BIDI = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
"""Unicode's bidi classes of the embeddings, overrides and isolates."""


def test_the_set_is_the_terminal_controls_but_tab_and_newline_and_the_bidi_controls() -> None:
    controls = {code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cc"}
    assert controls - TERMINAL_CONTROLS == {0x09, 0x0A}
    assert controls >= TERMINAL_CONTROLS
    every = map(chr, range(0x110000))
    bidi = {ord(c) for c in every if unicodedata.bidirectional(c) in EXPLICIT_BIDI}
    assert bidi == BIDI_CONTROLS
    assert CONTROL_CODES == TERMINAL_CONTROLS | BIDI_CONTROLS


def test_a_bidi_override_is_shown_as_its_escape() -> None:
    assert inert("Which is bounded? \u202eRTL\u202c") == "Which is bounded? \\u202eRTL\\u202c"


def test_every_place_replaces_the_same_characters() -> None:
    for code in EVERY_CODE_POINT_UP_TO_BIDI:
        character = chr(code)
        control = code in CONTROL_CODES
        assert (inert(character) != character) == control, hex(code)
        assert (first_control(character) is not None) == control, hex(code)
        assert (visible(character) == "\ufffd") == control, hex(code)
        dropped = control or code in ANKI_ALSO_DROPS
        assert (plain(character) == "") == dropped, hex(code)
