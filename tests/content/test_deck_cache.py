"""The deck cache: a hit loads exactly what reading the files loads, without parsing, validating
or importing yaml and pydantic; a changed deck alone is read again; an entry that is corrupt,
truncated or foreign is ignored and replaced."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
import time
from dataclasses import make_dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating

import quizapp.content.cache as cache_module
import quizapp.content.reading as reading
from quizapp.content import Card, Library, bundled_content_dir, load_library
from quizapp.content.cache import CACHE_ENV, SETTLED_NS, DeckCache
from quizapp.content.codec import field_types, shape
from quizapp.study import FakeClock, ReviewSession, find_changed, open_store

SECTION = """
section:
  id: basics
  title: Basics
  blocks:
    - heading: Why
    - paragraph: Gradients flow.
    - bullets:
        - {label: Good, text: cheap}
    - table:
        columns: [name, note]
        rows:
          - [relu, "fast\\nsparse"]
    - {code: "print(1)", language: python}
    - links:
        - {label: Paper, url: "https://example.org/paper"}
    - interview:
        - id: mine-why
          question: Why?
          answer: Because.
          key_points: [it flows]
cards:
  - kind: definition
    id: mine-term
    term: Dead unit
    meaning: Never active.
    reverse: true
  - kind: choice
    id: mine-choice
    question: Which is bounded?
    options: [relu, tanh]
    answer: tanh
  - kind: numeric
    id: mine-numeric
    title: Some softmax
    template: softmax-logits
    params: {length: 4}
  - kind: formula
    id: formula-relu
    name: ReLU again
    formula: max(0, x)
"""


def settle(path: Path) -> None:
    """Date the file (or a folder's files) two minutes back, and wait for the bundled deck's
    files to be old enough to cache, should they have just been written."""
    past = time.time() - 120
    for file in path.rglob("*.yaml") if path.is_dir() else [path]:
        os.utime(file, (past, past))
    newest = max(file.stat().st_mtime_ns for file in bundled_content_dir().rglob("*.yaml"))
    time.sleep(max(0, newest + SETTLED_NS - time.time_ns()) / 1e9)


@pytest.fixture
def data_dir(tmp_path: Path, write_deck) -> Path:
    """A user deck with every block, a reverse side, a card left out for an id the bundled
    deck defines, and a link out of its folder (skipped with a notice)."""
    folder = write_deck(
        "mine", {"a.yaml": "deck: {name: mine}\n" + SECTION}, root=tmp_path / "data" / "decks"
    )
    (tmp_path / "outside.yaml").write_text("cards: []\n")
    (folder / "z.yaml").symlink_to(tmp_path / "outside.yaml")
    write_deck(
        "other",
        {"b.yaml": "cards:\n  - {kind: formula, id: o1, name: O, formula: o}\n"},
        root=tmp_path / "data" / "decks",
    )
    settle(tmp_path)
    return tmp_path / "data"


def everything(library: Library) -> list[object]:
    """What loading gives, compared field by field (a deck's `==` skips its sources)."""
    return [
        library.decks,
        [(deck.sources, deck.left_out, deck.skipped, deck.path) for deck in library.decks],
        [str(problem) for problem in library.problems],
        [str(notice) for notice in library.notices],
    ]


def refuse_reading(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record each deck read from its files, instead of reading it."""
    read: list[Path] = []
    real = reading.read_parts

    def recorded(path: Path, *args, **kwargs):
        read.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(reading, "read_parts", recorded)
    return read


def test_a_hit_loads_what_reading_the_files_loads(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DeckCache(tmp_path / "cache")
    uncached = load_library(data_dir)
    assert everything(load_library(data_dir, cache=cache)) == everything(uncached)
    read = refuse_reading(monkeypatch)
    hit = load_library(data_dir, cache=cache)
    assert read == []
    assert everything(hit) == everything(uncached)
    assert len(hit.cards) > 150
    assert hit.problems == []
    assert hit.deck("mine").section("basics").blocks


def test_warnings_still_name_file_and_line_on_a_hit(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DeckCache(tmp_path / "cache")
    load_library(data_dir, cache=cache)
    refuse_reading(monkeypatch)
    notices = [str(notice) for notice in load_library(data_dir, cache=cache).notices]
    folder = data_dir / "decks" / "mine"
    assert any(f"{folder / 'a.yaml'}:" in notice and "formula-relu" in notice for notice in notices)
    assert any(str(folder / "z.yaml") in notice for notice in notices)


def test_changing_a_deck_file_reads_that_deck_alone_again(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DeckCache(tmp_path / "cache")
    load_library(data_dir, cache=cache)
    read = refuse_reading(monkeypatch)
    changed = data_dir / "decks" / "other" / "b.yaml"
    changed.write_text(changed.read_text().replace("name: O", "name: P"))
    settle(changed)
    library = load_library(data_dir, cache=cache)
    assert read == [data_dir / "decks" / "other"]
    assert library.card("o1").front == "Formula of P?"
    assert load_library(data_dir, cache=cache).card("o1").front == "Formula of P?"
    assert read == [data_dir / "decks" / "other"]


def test_a_file_added_to_a_deck_folder_is_read(data_dir: Path, tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    load_library(data_dir, cache=cache)
    added = data_dir / "decks" / "other" / "c.yaml"
    added.write_text("cards:\n  - {kind: formula, id: o2, name: Q, formula: q}\n")
    settle(added)
    assert load_library(data_dir, cache=cache).card("o2").front == "Formula of Q?"


def test_a_deck_just_written_is_cached_only_once_it_settled(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DeckCache(tmp_path / "cache")
    fresh = data_dir / "decks" / "other" / "b.yaml"
    os.utime(fresh)
    load_library(data_dir, cache=cache)
    assert not cache.entry(fresh.parent).exists()
    assert cache.entry(data_dir / "decks" / "mine").exists()


def test_a_deck_with_problems_is_not_cached(tmp_path: Path, write_deck) -> None:
    cache = DeckCache(tmp_path / "cache")
    broken = write_deck("broken", {"a.yaml": "cards:\n  - {kind: formula, id: x}\n"})
    settle(broken)
    library = load_library(None, [broken], cache=cache)
    assert library.problems
    assert not cache.entry(broken).exists()
    assert [str(p) for p in load_library(None, [broken], cache=cache).problems] == [
        str(p) for p in library.problems
    ]


def _spoil_truncated(entry: Path, _other: Path) -> None:
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])


def _spoil_corrupt(entry: Path, _other: Path) -> None:
    data = bytearray(entry.read_bytes())
    header = data.index(b"\n")
    data[header + 100 : header + 140] = b"\x00\xff" * 20
    entry.write_bytes(bytes(data))


def _spoil_foreign_pickle(entry: Path, _other: Path) -> None:
    entry.write_bytes(pickle.dumps({"cards": ["anything"]}))


def _spoil_another_decks_entry(entry: Path, other: Path) -> None:
    entry.write_bytes(other.read_bytes())


def _rewrite_body(entry: Path, body: bytes) -> None:
    """The entry with another body and the header naming that body's digest: what is refused
    then is refused by the body's shape, not by its digest."""
    key, _digest = json.loads(entry.read_bytes().split(b"\n", 1)[0])
    header = json.dumps([key, hashlib.sha256(body).hexdigest()]).encode()
    entry.write_bytes(header + b"\n" + body)


def _body(entry: Path) -> list:
    return json.loads(entry.read_bytes().split(b"\n", 1)[1])


def _spoil_body_of_another_shape(entry: Path, _other: Path) -> None:
    _rewrite_body(entry, json.dumps({"name": "mine", "cards": []}).encode())


def _spoil_control_character(entry: Path, _other: Path) -> None:
    body = entry.read_bytes().split(b"\n", 1)[1]
    _rewrite_body(entry, body.replace(b"Never active.", b"Never\\u001b]0;x\\u0007"))


def _spoil_file_index(entry: Path, _other: Path) -> None:
    parts, hashes = _body(entry)
    parts[3][1][0] = 7
    _rewrite_body(entry, json.dumps([parts, hashes]).encode())


def _spoil_content_hash_shape(entry: Path, _other: Path) -> None:
    parts, hashes = _body(entry)
    hashes[0] = hashes[0].upper()
    _rewrite_body(entry, json.dumps([parts, hashes]).encode())


def _spoil_a_content_hash_missing(entry: Path, _other: Path) -> None:
    parts, hashes = _body(entry)
    _rewrite_body(entry, json.dumps([parts, hashes[1:]]).encode())


def _spoil_content_hash_unsigned(entry: Path, _other: Path) -> None:
    header, body = entry.read_bytes().split(b"\n", 1)
    parts, hashes = json.loads(body)
    hashes[0] = "0" * 64
    entry.write_bytes(header + b"\n" + json.dumps([parts, hashes]).encode())


@pytest.mark.parametrize(
    "spoil",
    [
        _spoil_truncated,
        _spoil_corrupt,
        _spoil_foreign_pickle,
        _spoil_another_decks_entry,
        _spoil_body_of_another_shape,
        _spoil_control_character,
        _spoil_file_index,
        _spoil_content_hash_shape,
        _spoil_a_content_hash_missing,
        _spoil_content_hash_unsigned,
    ],
)
def test_an_unusable_entry_is_ignored_and_rebuilt(data_dir: Path, tmp_path: Path, spoil) -> None:
    cache = DeckCache(tmp_path / "cache")
    expected = everything(load_library(data_dir, cache=cache))
    mine, other = data_dir / "decks" / "mine", data_dir / "decks" / "other"
    spoil(cache.entry(mine), cache.entry(other))
    files = [mine / "a.yaml"]
    assert cache.read(mine, files, _names()) is None
    assert everything(load_library(data_dir, cache=cache)) == expected
    assert cache.read(mine, files, _names()) is not None


def test_an_entry_written_for_content_classes_of_another_shape_is_refused(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if written by a version whose card class had one field more: its key names that shape,
    so this version never decodes it (even where the body would decode)."""
    cache = DeckCache(tmp_path / "cache")
    mine = data_dir / "decks" / "mine"
    other_card = make_dataclass("Card", [*field_types(Card).items(), ("added", str)], frozen=True)
    other_shape = hashlib.sha256(shape(tuple[other_card, ...]).encode()).hexdigest()
    with monkeypatch.context() as patched:
        patched.setattr(cache_module, "_shape_digest", lambda: other_shape)
        load_library(data_dir, cache=cache)
        assert cache.read(mine, [mine / "a.yaml"], _names()) is not None
    assert cache.read(mine, [mine / "a.yaml"], _names()) is None
    read = refuse_reading(monkeypatch)
    load_library(data_dir, cache=cache)
    assert mine in read


def test_an_entry_rewritten_with_its_own_body_is_used(data_dir: Path, tmp_path: Path) -> None:
    """So the spoiled entries above are refused for what was changed in them."""
    cache = DeckCache(tmp_path / "cache")
    load_library(data_dir, cache=cache)
    mine = data_dir / "decks" / "mine"
    entry = cache.entry(mine)
    _rewrite_body(entry, json.dumps(_body(entry)).encode())
    assert cache.read(mine, [mine / "a.yaml"], _names()) is not None


def test_a_hit_gives_each_card_its_content_hash_without_hashing(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DeckCache(tmp_path / "cache")
    expected = {card.id: card.content_hash() for card in load_library(data_dir).cards}
    load_library(data_dir, cache=cache)

    def refuse(card: Card) -> str:
        raise AssertionError(f"{card.id} hashed again")

    with monkeypatch.context() as patched:
        patched.setattr(Card, "_compute_hash", refuse)
        hit = load_library(data_dir, cache=cache)
        assert {card.id: card.content_hash() for card in hit.cards} == expected


def test_a_card_changed_on_disk_gets_its_new_content_hash(data_dir: Path, tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    before = load_library(data_dir, cache=cache).card("mine-term").content_hash()
    changed = data_dir / "decks" / "mine" / "a.yaml"
    changed.write_text(changed.read_text().replace("Never active.", "Always off."))
    settle(changed)
    load_library(data_dir, cache=cache)
    after = load_library(data_dir, cache=cache).card("mine-term")
    assert after.back == "Always off."
    assert after.content_hash() != before
    assert after.content_hash() == replace(after).content_hash()


def test_a_studied_card_rewritten_on_disk_is_found_changed_on_a_cached_start(
    data_dir: Path, tmp_path: Path
) -> None:
    cache = DeckCache(tmp_path / "cache")
    with open_store(data_dir, FakeClock(datetime(2026, 1, 5, 9, tzinfo=UTC))) as store:
        studied = load_library(data_dir, cache=cache).card("mine-term")
        session = ReviewSession(store, [studied])
        session.record(session.next(), Rating.Good)
        assert find_changed(store, load_library(data_dir, cache=cache).cards) == []
        changed = data_dir / "decks" / "mine" / "a.yaml"
        changed.write_text(changed.read_text().replace("Never active.", "Outputs only zeros."))
        settle(changed)
        load_library(data_dir, cache=cache)
        cached_start = load_library(data_dir, cache=cache).cards
        assert [change.card_id for change in find_changed(store, cached_start)] == ["mine-term"]


def _names() -> tuple[str, ...]:
    from quizapp.content.loader import _checked_against

    return _checked_against(None)


def test_a_cache_that_cannot_be_written_costs_only_speed(data_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    assert everything(load_library(data_dir, cache=DeckCache(blocked / "cache"))) == everything(
        load_library(data_dir)
    )


def test_entries_are_written_whole(data_dir: Path, tmp_path: Path) -> None:
    cache = DeckCache(tmp_path / "cache")
    load_library(data_dir, cache=cache)
    rewritten = data_dir / "decks" / "mine" / "a.yaml"
    rewritten.write_text("deck: {name: mine}\n" + SECTION + "\n")
    settle(rewritten)
    load_library(data_dir, cache=cache)
    decks = [bundled_content_dir(), data_dir / "decks" / "mine", data_dir / "decks" / "other"]
    assert sorted(path.name for path in cache.folder.iterdir()) == sorted(
        cache.entry(deck).name for deck in decks
    )


PROBE = """
import sys
from quizapp.workspace import load_content
assert load_content(None).cards
print(sorted(name for name in ("yaml", "pydantic") if name in sys.modules))
"""


def test_a_hit_imports_neither_yaml_nor_pydantic(tmp_path: Path) -> None:
    settle(tmp_path)
    env = {**os.environ, CACHE_ENV: str(tmp_path / "cache")}

    def loaded_modules() -> str:
        command = [sys.executable, "-c", PROBE]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout

    assert loaded_modules().strip() == "['pydantic', 'yaml']"
    assert loaded_modules().strip() == "[]"
