"""Deck discovery against special files: a link leading out of the deck folder is not read, a
FIFO or a link loop is reported (never waited on, never a traceback, never skipped silently)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import load_library, read_deck

CARD = "cards:\n  - kind: definition\n    id: zz-{name}\n    term: t\n    meaning: m\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    outside = tmp_path / "secret.txt"
    outside.write_text("root:$6$hash-of-the-password:19000:0:99999:7:::\n")
    return outside


def _problems(path: Path) -> list[tuple[str, str, str]]:
    deck, problems = read_deck(path)
    assert deck is None
    return [(problem.file.name, problem.field, problem.message) for problem in problems]


def test_a_link_out_of_the_deck_folder_is_skipped_with_a_notice(write_deck, secret: Path) -> None:
    """The link is not read, and says so; the deck's own files still load."""
    folder = write_deck("d", {"ok.yaml": CARD.format(name="a")})
    (folder / "cards.yaml").symlink_to(secret)
    message = f"a symbolic link to {secret}, outside the deck folder; it was not read"
    deck, problems = read_deck(folder)
    assert problems == []
    assert [card.id for card in deck.cards] == ["zz-a"]
    assert [(p.file.name, p.field, p.message) for p in deck.skipped] == [
        ("cards.yaml", "file", message)
    ]
    library = load_library(None, [folder])
    assert "zz-a" in {card.id for card in library.cards}
    assert [(p.file.name, p.message) for p in library.notices] == [("cards.yaml", message)]


def test_a_link_out_of_a_deck_rejected_anyway_is_reported_with_its_problems(
    write_deck, secret: Path
) -> None:
    folder = write_deck("d", {"ok.yaml": "cards: [oops]\n"})
    (folder / "cards.yaml").symlink_to(secret)
    reported = _problems(folder)
    message = f"a symbolic link to {secret}, outside the deck folder; it was not read"
    assert ("cards.yaml", "file", message) in reported
    assert len(reported) >= 2


def test_a_link_inside_the_deck_folder_is_read(write_deck) -> None:
    folder = write_deck("d")
    (folder / "sub").mkdir()
    (folder / "sub" / "real.yaml").write_text(CARD.format(name="a"))
    (folder / "cards.yaml").symlink_to(folder / "sub" / "real.yaml")
    deck, problems = read_deck(folder)
    assert problems == [] and [card.id for card in deck.cards] == ["zz-a"]


def test_fifos_and_link_loops_in_a_deck_folder_are_reported(write_deck) -> None:
    folder = write_deck("d", {"ok.yaml": CARD.format(name="a")})
    os.mkfifo(folder / "pipe.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "gone.yaml").symlink_to(folder / "nowhere")
    assert _problems(folder) == [
        ("gone.yaml", "file", "a symbolic link to nothing; it was not read"),
        ("loop.yaml", "file", "a symbolic link loop; it was not read"),
        ("pipe.yaml", "file", "a FIFO (named pipe); it was not read"),
    ]


def test_loose_files_in_the_user_decks_folder_follow_the_same_rule(
    tmp_path: Path, secret: Path
) -> None:
    decks = tmp_path / "data" / "decks"
    decks.mkdir(parents=True)
    (decks / "stolen.yaml").symlink_to(secret)
    os.mkfifo(decks / "pipe.yaml")
    (decks / "loop.yml").symlink_to(decks / "loop.yml")
    library = load_library(tmp_path / "data")
    assert sorted((p.file.name, p.message) for p in library.problems) == [
        ("loop.yml", "a symbolic link loop"),
        ("pipe.yaml", "a FIFO (named pipe)"),
        ("stolen.yaml", f"a symbolic link to {secret}, outside the deck folder"),
    ]


def test_validate_never_echoes_a_linked_file_and_handles_loops(
    tmp_path: Path, secret: Path, capsys
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "cards.yaml").symlink_to(secret)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert main(["validate", str(folder), str(loop)]) == 1
    captured = capsys.readouterr()
    assert "hash-of-the-password" not in captured.out + captured.err
    assert f"{loop}: deck: a symbolic link loop" in captured.out


def test_commands_warn_about_a_link_they_did_not_read(tmp_path: Path, secret: Path, capsys) -> None:
    decks = tmp_path / "data" / "decks" / "mine"
    decks.mkdir(parents=True)
    (decks / "ok.yaml").write_text(CARD.format(name="a"))
    (decks / "cards.yaml").symlink_to(secret)
    assert main(["due", "--data-dir", str(tmp_path / "data")]) == 0
    captured = capsys.readouterr()
    assert "warning: left out:" in captured.err and "outside the deck folder" in captured.err
    assert "hash-of-the-password" not in captured.out + captured.err
