"""What the README tells a newcomer works as written."""

from __future__ import annotations

import re
from pathlib import Path

from quizapp.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_install_preamble_says_where_and_in_what_to_run_it() -> None:
    preamble = README[: README.index("## Using the app")]
    assert len(re.findall(r"^```sh$", preamble, flags=re.MULTILINE)) == 2
    assert "clone" in preamble and "`cd`" in preamble
    assert "python3 -m venv .venv" in preamble


def test_the_deck_example_validates_to_the_line_the_readme_shows(tmp_path: Path, capsys) -> None:
    example = re.search(r"```yaml\n(deck:.*?)```", README, flags=re.DOTALL)
    assert example is not None
    deck = tmp_path / "my-interviews"
    deck.mkdir()
    (deck / "cards.yaml").write_text(example.group(1), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "validate", str(deck)]) == 0
    printed = capsys.readouterr().out.strip()
    shown = re.search(r"A valid deck prints one line \(`([^`]*)`", README)
    assert shown is not None
    assert " ".join(shown.group(1).split()) == printed
