"""Helpers to write small decks into a temporary folder, with exact line numbers."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

WriteDeck = Callable[..., Path]


@pytest.fixture
def write_deck(tmp_path: Path) -> WriteDeck:
    """`write_deck("name", {"a.yaml": "...yaml..."})` -> the deck folder (text is dedented)."""

    def write(
        name: str = "deck", files: dict[str, str] | None = None, root: Path = tmp_path
    ) -> Path:
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for file_name, text in (files or {}).items():
            (folder / file_name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return folder

    return write
