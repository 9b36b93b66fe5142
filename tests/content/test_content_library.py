"""Deck discovery: bundled first, then user decks, then extra folders; broken decks skipped."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

import quizapp
from quizapp.content import (
    bundled_content_dir,
    load_library,
    settle_duplicates,
    user_deck_paths,
)
from quizapp.content import loader as loader_module

ONE_CARD = """
cards:
  - kind: definition
    id: {id}
    term: Term {id}
    meaning: Meaning of {id}.
"""


def card_file(card_id: str) -> str:
    return ONE_CARD.format(id=card_id)


def test_bundled_deck_is_found_and_valid() -> None:
    folder = bundled_content_dir()
    assert (folder / "deck.yaml").is_file()
    repo_content = Path(quizapp.__file__).resolve().parent.parent / "content"
    packaged = Path(quizapp.__file__).resolve().parent / "bundled_content"
    assert folder in (repo_content, packaged)
    library = load_library(None)
    assert library.problems == []
    assert [deck.name for deck in library.decks] == ["activation-functions"]
    assert library.card("formula-relu").kind == "formula"
    with pytest.raises(KeyError):
        library.card("no-such-card")


def test_the_packaged_copy_wins_when_present(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bundled_content").mkdir()
    monkeypatch.setattr(loader_module, "PACKAGE_DIR", tmp_path)
    assert bundled_content_dir() == tmp_path / "bundled_content"


def test_user_decks_load_after_the_bundled_one(tmp_path: Path, write_deck) -> None:
    decks = tmp_path / "data" / "decks"
    write_deck("b-folder", {"one.yaml": card_file("b1"), "two.yml": card_file("b2")}, root=decks)
    (decks / "a-single.yaml").write_text(card_file("a1"))
    write_deck(".hidden", {"x.yaml": card_file("h1")}, root=decks)
    (decks / "notes.txt").write_text("not a deck")
    assert [p.name for p in user_deck_paths(tmp_path / "data")] == ["a-single.yaml", "b-folder"]
    library = load_library(tmp_path / "data")
    assert library.problems == []
    assert [deck.name for deck in library.decks] == ["activation-functions", "a-single", "b-folder"]
    assert [card.id for card in library.cards][-3:] == ["a1", "b1", "b2"]
    assert library.card("b2").deck == "b-folder"


def test_a_broken_user_deck_is_reported_and_skipped(tmp_path: Path, write_deck) -> None:
    decks = tmp_path / "decks"
    write_deck("good", {"a.yaml": card_file("good-1")}, root=decks)
    write_deck("bad", {"a.yaml": "cards:\n  - kind: nope\n"}, root=decks)
    library = load_library(tmp_path)
    assert [deck.name for deck in library.decks] == ["activation-functions", "good"]
    [problem] = library.problems
    assert problem.file == decks / "bad" / "a.yaml"
    assert problem.line == 2


def test_a_card_reusing_a_bundled_id_is_left_out_not_its_deck(tmp_path: Path, write_deck) -> None:
    """Issue 13.2: one duplicate id rejected the whole deck."""
    write_deck(
        "mine",
        {"a.yaml": card_file("formula-relu") + card_file("mine-1")[8:]},
        root=tmp_path / "decks",
    )
    library = load_library(tmp_path)
    assert [deck.name for deck in library.decks] == ["activation-functions", "mine"]
    assert library.problems == []
    assert library.card("formula-relu").deck == "activation-functions"
    assert library.card("mine-1").deck == "mine"
    [notice] = library.notices
    assert (notice.file, notice.line, notice.field) == (
        tmp_path / "decks" / "mine" / "a.yaml",
        3,
        "cards[0].id",
    )
    assert "card id 'formula-relu' is also defined at " in notice.message
    assert "functions.yaml:" in notice.message
    assert notice.message.endswith("which keeps it; this card is left out (give it another id)")


def _two_decks_sharing(root: Path, write_deck) -> None:
    """decks/dup.yaml loads before decks/my-interviews/ (file-name order); both define `q1`."""
    decks = root / "decks"
    decks.mkdir(parents=True)
    (decks / "dup.yaml").write_text(card_file("q1").replace("Meaning of q1", "Newcomer"))
    write_deck("my-interviews", {"a.yaml": card_file("q1") + card_file("q2")[8:]}, root=decks)


def test_the_card_that_owns_the_history_keeps_a_duplicated_id(tmp_path: Path, write_deck) -> None:
    """Issue 13.2: the newcomer's card took over the studied deck's history."""
    _two_decks_sharing(tmp_path, write_deck)
    loaded = load_library(tmp_path)
    assert loaded.card("q1").deck == "dup"
    studied = next(d for d in loaded.decks if d.name == "my-interviews").left_out[0].cards[0]
    library = settle_duplicates(loaded, {"q1": studied.content_hash()})
    assert library.card("q1").deck == "my-interviews"
    assert library.card("q1").back == "Meaning of q1."
    assert [card.id for card in library.deck("dup").cards] == []
    [notice] = library.notices
    assert (notice.file, notice.line) == (tmp_path / "decks" / "dup.yaml", 4)
    assert "which keeps it and its study history" in notice.message
    assert "my-interviews/a.yaml:3" in notice.message


def test_history_of_neither_card_leaves_the_first_loaded_and_says_so(
    tmp_path: Path, write_deck
) -> None:
    _two_decks_sharing(tmp_path, write_deck)
    library = settle_duplicates(load_library(tmp_path), {"q1": "another text"})
    assert library.card("q1").deck == "dup"
    [notice] = library.notices
    assert notice.file == tmp_path / "decks" / "my-interviews" / "a.yaml"
    assert "dup.yaml:4, which keeps it and its study history" in notice.message


def test_deck_names_are_unique(tmp_path: Path, write_deck) -> None:
    first = write_deck("one", {"a.yaml": "deck:\n  name: same\n" + card_file("x1")})
    second = write_deck("two", {"a.yaml": "deck:\n  name: same\n" + card_file("x2")})
    library = load_library(None, extra_dirs=[first, second])
    assert [deck.name for deck in library.decks] == ["activation-functions", "same"]
    [problem] = library.problems
    assert (problem.file, problem.line, problem.field) == (second, 0, "deck")
    assert "already used" in problem.message


def test_extra_dirs_come_last_and_may_be_single_files(tmp_path: Path, write_deck) -> None:
    folder = write_deck("extra", {"a.yaml": card_file("e1")})
    single = tmp_path / "solo.yaml"
    single.write_text(card_file("s1"))
    write_deck("user", {"a.yaml": card_file("u1")}, root=tmp_path / "data" / "decks")
    library = load_library(tmp_path / "data", extra_dirs=[folder, single])
    assert [deck.name for deck in library.decks] == [
        "activation-functions",
        "user",
        "extra",
        "solo",
    ]
    assert library.deck("solo").path == single


def test_missing_extra_dir_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_library(tmp_path / "no-data", extra_dirs=[tmp_path / "missing"])
    assert [deck.name for deck in library.decks] == ["activation-functions"]
    assert [str(problem) for problem in library.problems] == [
        f"{tmp_path / 'missing'}: deck: no such file or folder"
    ]


def test_a_path_that_cannot_be_looked_at_is_a_problem_not_a_crash(
    tmp_path: Path, write_deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As for a non-root user whose deck sits in (or links into) a folder they may not enter.
    locked = write_deck("locked", {"a.yaml": card_file("l1")})
    decks = tmp_path / "data" / "decks"
    decks.mkdir(parents=True)
    (decks / "linked").symlink_to(locked)
    mixed = write_deck("mixed", {"a.yaml": card_file("m1")})
    (mixed / "b.yaml").symlink_to(locked / "a.yaml")
    real_stat = os.stat
    prefix = str(locked.resolve())

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if os.path.realpath(path).startswith(prefix):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    library = load_library(tmp_path / "data", extra_dirs=[locked, mixed])
    assert [deck.name for deck in library.decks] == ["activation-functions", "mixed"]
    # The link could not be looked at but is still read (here the simulated lock spares open()).
    assert [card.id for card in library.deck("mixed").cards] == ["m1", "l1"]
    assert [str(problem) for problem in library.problems] == [
        f"{decks / 'linked'}: deck: cannot read it: Permission denied",
        f"{locked}: deck: cannot read it: Permission denied",
    ]


def test_card_order_is_stable_across_loads() -> None:
    first = [card.id for card in load_library(None).cards]
    assert first == [card.id for card in load_library(None).cards]
    assert first[0] == "why-non-linearity"


CODE_CARD = """cards:
  - kind: code
    id: code-mine
    title: ReLU forward
    task: Write relu(x).
    function: relu
    signature: relu(x) -> ndarray
    starter: |-
      def relu(x):
          ...
    reference: {kind: forward, activation: relu}
    solution: |-
      import numpy as np


      def relu(x):
          return np.maximum(x, 0)
"""


def test_a_code_card_handed_back_with_its_history_is_in_its_deck_once(
    tmp_path: Path, write_deck
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir(parents=True)
    (decks / "dup.yaml").write_text(CODE_CARD.replace("ReLU forward", "Newcomer"))
    write_deck("my-interviews", {"a.yaml": CODE_CARD}, root=decks)
    loaded = load_library(tmp_path)
    studied = next(d for d in loaded.decks if d.name == "my-interviews").left_out[0].cards[0]
    library = settle_duplicates(loaded, {"code-mine": studied.content_hash()})
    kept = library.deck("my-interviews")
    assert [card.id for card in kept.cards] == ["code-mine"]
    assert [card.id for card in kept.exercises] == ["code-mine"]
    assert library.deck("dup").cards == () and library.deck("dup").exercises == ()
    [handed_over] = library.deck("dup").left_out
    assert [card.id for card in handed_over.cards] == ["code-mine"]
