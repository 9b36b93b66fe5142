"""Loading decks checks cues, but needs neither the stemmer nor the typo matcher: those load when
an answer is first judged, not on the app's start path."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from quizapp.content import load_library
assert load_library(None).cards
print(sorted(name for name in ("rapidfuzz", "snowballstemmer") if name in sys.modules))
"""


def test_loading_the_bundled_deck_imports_no_matcher_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
