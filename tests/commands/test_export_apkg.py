"""`quizapp export --format apkg`: the decks as an Anki package that Anki can import."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import load_library
from quizapp.exchange.anki_html import field as html_field
from quizapp.exchange.apkg import CHOICE_MODEL, build_package, note_guid
from quizapp.workspace import load_content

DECK = """\
deck:
  name: hostile
  title: "Hostile <b>deck</b>"
section:
  id: traps
  title: Traps
  blocks:
    - definitions:
        - id: trap-both-ways
          term: "<script>alert(1)</script>"
          meaning: "Plays [sound:boom.mp3] then rings"
          reverse: true
          tags: [xss, two words]
        - id: trap-one-way
          term: One way
          meaning: Only term to meaning.
cards:
  - kind: interview
    id: trap-interview
    question: Why & how?
    answer: Because.
    key_points: [first <i>point</i>, second]
  - kind: choice
    id: trap-choice
    question: Which is bounded?
    options: [ReLU, Tanh, ELU]
    answer: Tanh
  - kind: numeric
    id: trap-numeric
    title: GELU of a number
    template: activation-scalar
    activation: gelu
    tags: [gelu]
"""
LOOSE_CARDS = """\
cards:
  - kind: formula
    id: trap-formula
    name: Swish
    formula: "x·σ(x) < x when x < 0"
"""
ANKI_KINDS = ("definition", "formula", "interview", "choice")
COLLECTION_TABLES = {"col", "notes", "cards", "revlog", "graves"}


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile-deck"
    folder.mkdir()
    (folder / "deck.yaml").write_text(DECK, encoding="utf-8")
    (folder / "loose.yaml").write_text(LOOSE_CARDS, encoding="utf-8")
    return folder


def export(tmp_path: Path, deck_dir: Path, output: Path, *extra: str) -> int:
    data_dir = tmp_path / "data"
    argv = ["--data-dir", str(data_dir), "--content", str(deck_dir), "export", "--format", "apkg"]
    return main([*argv, "--output", str(output), *extra])


def open_collection(apkg: Path, into: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        assert json.loads(archive.read("media")) == {}
        archive.extract("collection.anki2", into)
    return sqlite3.connect(into / "collection.anki2")


def notes_by_guid(connection: sqlite3.Connection) -> dict[str, tuple[str, str, str]]:
    """guid -> (deck name, tags, fields), the deck found through the note's cards."""
    decks = json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
    names = {int(deck_id): deck["name"] for deck_id, deck in decks.items()}
    rows = connection.execute(
        "SELECT n.guid, MIN(c.did), n.tags, n.flds FROM notes n JOIN cards c ON c.nid = n.id "
        "GROUP BY n.id"
    )
    return {guid: (names[did], tags.strip(), fields) for guid, did, tags, fields in rows}


def hostile_notes(connection: sqlite3.Connection) -> dict[str, tuple[str, str, str]]:
    notes = notes_by_guid(connection).values()
    return {
        fields.split("\x1f")[0]: (deck, tags, fields)
        for deck, tags, fields in notes
        if deck.startswith("Hostile")
    }


def list_items(html: str) -> list[str]:
    """The items of an `<ol>` field, as `bullet_list` writes it."""
    return html.removeprefix("<ol><li>").removesuffix("</li></ol>").split("</li><li>")


def test_the_package_is_an_anki_collection_with_every_card(tmp_path: Path, deck_dir: Path) -> None:
    output = tmp_path / "cards.apkg"
    assert export(tmp_path, deck_dir, output) == 0
    with closing(open_collection(output, tmp_path / "unzipped")) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert tables >= COLLECTION_TABLES
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
        notes = connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        orphan_cards = connection.execute(
            "SELECT COUNT(*) FROM cards WHERE nid NOT IN (SELECT id FROM notes)"
        ).fetchone()[0]
        note_models = {row[0] for row in connection.execute("SELECT DISTINCT mid FROM notes")}
    assert orphan_cards == 0
    assert {str(model_id) for model_id in note_models} <= set(models)
    library = load_content(tmp_path / "data", [deck_dir])
    static = [card for card in library.cards if card.kind in ANKI_KINDS]
    reversed_cards = [card for card in static if card.id.endswith(":reverse")]
    numeric = [card for card in library.cards if card.kind == "numeric"]
    assert notes == len(static) - len(reversed_cards) + 5 * len(numeric)


def test_fields_hold_escaped_text_and_sections_become_subdecks(
    tmp_path: Path, deck_dir: Path
) -> None:
    output = tmp_path / "cards.apkg"
    assert export(tmp_path, deck_dir, output, "--numeric-instances", "2") == 0
    with closing(open_collection(output, tmp_path / "unzipped")) as connection:
        notes = hostile_notes(connection)
        cards_of_reversed = connection.execute(
            "SELECT COUNT(*) FROM cards c JOIN notes n ON c.nid = n.id WHERE n.flds LIKE ?",
            ("&lt;script&gt;%",),
        ).fetchone()[0]
    deck, tags, fields = notes["&lt;script&gt;alert(1)&lt;/script&gt;"]
    assert deck == "Hostile <b>deck</b>::Traps"
    assert tags == "xss two_words"
    assert fields.split("\x1f")[1] == "Plays &#91;sound:boom.mp3] then rings"
    assert cards_of_reversed == 2
    assert notes["One way"][0] == "Hostile <b>deck</b>::Traps"
    assert notes["Formula of Swish?"][2].split("\x1f")[1] == "x·σ(x) &lt; x when x &lt; 0"
    assert notes["Formula of Swish?"][0] == "Hostile <b>deck</b>"
    interview = notes["Why &amp; how?"][2].split("\x1f")
    assert interview[1:] == [
        "Because.",
        "<ul><li>first &lt;i&gt;point&lt;/i&gt;</li><li>second</li></ul>",
    ]
    choice = notes["Which is bounded?"][2].split("\x1f")
    options = list_items(choice[1])
    assert sorted(options) == ["ELU", "ReLU", "Tanh"]
    assert choice[2] == f"{options.index('Tanh') + 1}. Tanh"
    numeric = [fields.split("\x1f") for _, tags, fields in notes.values() if "numeric" in tags]
    assert len(numeric) == 2
    assert all(note[3] == "GELU of a number" and note[1] and note[2] for note in numeric)
    assert {tags for _, tags, fields in notes.values() if "GELU" in fields} == {
        "gelu numeric-instance"
    }


def test_a_second_export_keeps_every_guid(tmp_path: Path, deck_dir: Path) -> None:
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    assert export(tmp_path, deck_dir, first) == 0
    assert export(tmp_path, deck_dir, second) == 0
    with (
        closing(open_collection(first, tmp_path / "a")) as one,
        closing(open_collection(second, tmp_path / "b")) as two,
    ):
        assert notes_by_guid(one) == notes_by_guid(two)
        assert len(notes_by_guid(one)) == one.execute("SELECT COUNT(*) FROM notes").fetchone()[0]


def test_an_edited_card_keeps_its_guid(tmp_path: Path, deck_dir: Path) -> None:
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    assert export(tmp_path, deck_dir, first) == 0
    deck_file = deck_dir / "deck.yaml"
    deck_file.write_text(deck_file.read_text().replace("Because.", "Because, edited."))
    assert export(tmp_path, deck_dir, second) == 0
    with (
        closing(open_collection(first, tmp_path / "a")) as one,
        closing(open_collection(second, tmp_path / "b")) as two,
    ):
        before, after = notes_by_guid(one), notes_by_guid(two)
    changed = [guid for guid in before if before[guid] != after[guid]]
    assert len(changed) == 1
    assert "Because, edited." in after[changed[0]][2]


def test_default_file_name_and_summary(
    tmp_path: Path, deck_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = ["--data-dir", str(tmp_path / "data"), "--content", str(deck_dir)]
    assert main([*argv, "export", "--format", "apkg", "--numeric-instances", "0"]) == 0
    assert zipfile.is_zipfile(tmp_path / "quizapp.apkg")
    assert capsys.readouterr().out.startswith("quizapp.apkg: ")
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("value", ["-1", "101", "two"])
def test_a_bad_instance_count_is_a_usage_error(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "--data-dir",
                str(tmp_path),
                "export",
                "--format",
                "apkg",
                "--numeric-instances",
                value,
            ]
        )
    assert exit_info.value.code == 2
    assert "--numeric-instances" in capsys.readouterr().err


def test_instances_are_refused_for_csv(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data-dir", str(tmp_path), "export", "--numeric-instances", "3"]) == 2
    assert "only applies to --format apkg" in capsys.readouterr().err


def test_an_unwritable_output_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    output = tmp_path / "missing" / "cards.apkg"
    assert (
        main(["--data-dir", str(tmp_path), "export", "--format", "apkg", "--output", str(output)])
        == 1
    )
    assert capsys.readouterr().err.startswith(f"quizapp export: error: cannot write {output}")
    assert not output.parent.exists()


def test_choice_options_are_shuffled_and_the_answer_number_follows_them() -> None:
    """The bundled decks list every answer first; the package must not (nor move them later)."""
    library = load_library(None)
    notes = {
        note.guid: note.fields
        for deck in build_package(library, numeric_instances=0).package.decks
        for note in deck.notes
        if note.model is CHOICE_MODEL
    }
    cards = [card for card in library.cards if card.kind == "choice"]
    positions = []
    for card in cards:
        _, options, answer = notes[note_guid(card.id)]
        items = list_items(options)
        assert sorted(items) == sorted(html_field(option) for option in card.options)
        number, _, text = answer.partition(". ")
        assert items[int(number) - 1] == text == html_field(card.back)
        positions.append(int(number))
    assert len(cards) >= 20
    assert positions.count(1) < len(cards) / 2
    assert len(set(positions)) >= 3
