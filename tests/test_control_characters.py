"""One set of control characters (`quizapp.safe_text.CONTROL_CODES`) for every place that keeps
them off a terminal or out of an export: the app and the commands (`inert`), a coding report
(`visible`) and Anki fields (`plain`, which also drops bidi controls)."""

from __future__ import annotations

import unicodedata

from quizapp.coding.report import visible
from quizapp.exchange.anki_html import plain
from quizapp.safe_text import CONTROL_CODES, first_control, inert

EVERY_CODE_POINT_UP_TO_BIDI = range(0x2070)
ANKI_ALSO_DROPS = {0x200E, 0x200F, *range(0x2028, 0x202F), *range(0x2066, 0x206A)}
"""Direction marks, line and paragraph separators, bidi embeddings, overrides and isolates."""


def test_the_set_is_the_terminal_controls_but_tab_and_newline() -> None:
    controls = {code for code in range(0x110000) if unicodedata.category(chr(code)) == "Cc"}
    assert controls - CONTROL_CODES == {0x09, 0x0A}
    assert controls >= CONTROL_CODES


def test_every_place_replaces_the_same_characters() -> None:
    for code in EVERY_CODE_POINT_UP_TO_BIDI:
        character = chr(code)
        control = code in CONTROL_CODES
        assert (inert(character) != character) == control, hex(code)
        assert (first_control(character) is not None) == control, hex(code)
        assert (visible(character) == "\ufffd") == control, hex(code)
        dropped = control or code in ANKI_ALSO_DROPS
        assert (plain(character) == "") == dropped, hex(code)
