"""`quizapp import FILE`: a new user deck that validates, loads and never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from quizapp.cli import main
from quizapp.content import load_library

ANKI_EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#notetype column:1\n"
    "#tags column:4\n"
    "Basic (and reversed card)\t<b>ReLU</b>\tmax(0, x)<br>zero below 0\tml relu\n"
    "Basic\t1e3\t<i>[bold]</i> a thousand\t\n"
    'Basic\t<img src="a.png">\tonly a picture\t\n'
)


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    path = tmp_path / "My Anki export.txt"
    path.write_text(ANKI_EXPORT, encoding="utf-8")
    return path


def run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def test_an_anki_export_becomes_a_deck_that_validates_and_loads(
    tmp_path: Path, export_file: Path, capsys: pytest.CaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    assert run(data_dir, "import", str(export_file)) == 0
    deck_dir = data_dir / "decks" / "my-anki-export"
    captured = capsys.readouterr()
    assert captured.out.strip() == f"{deck_dir}: deck 'my-anki-export', 2 cards"
    assert "line 7: the question has no text" in captured.err
    assert run(data_dir, "validate", str(deck_dir)) == 0
    assert "my-anki-export: 3 cards (definition 3" in capsys.readouterr().out
    deck = load_library(data_dir).deck("my-anki-export")
    assert deck.title == "My Anki export"
    cards = {card.front: card for card in deck.cards}
    assert cards["ReLU"].back == "max(0, x)\nzero below 0"
    assert cards["ReLU"].tags == ("ml", "relu")
    assert cards["max(0, x)\nzero below 0"].id == cards["ReLU"].id + ":reverse"
    assert cards["1e3"].back == "[bold] a thousand"


def test_ids_come_from_the_content(tmp_path: Path, export_file: Path) -> None:
    assert run(tmp_path / "one", "import", str(export_file)) == 0
    assert run(tmp_path / "two", "import", str(export_file)) == 0
    edited = tmp_path / "edited.txt"
    edited.write_text(ANKI_EXPORT.replace("a thousand", "one thousand"), encoding="utf-8")
    assert run(tmp_path / "three", "import", str(edited), "--name", "my-anki-export") == 0

    def ids(data_dir: Path) -> list[str]:
        return [card.id for card in load_library(data_dir).deck("my-anki-export").cards]

    assert ids(tmp_path / "one") == ids(tmp_path / "two")
    assert ids(tmp_path / "one")[:2] == ids(tmp_path / "three")[:2]
    assert ids(tmp_path / "one")[2] != ids(tmp_path / "three")[2]


def test_an_existing_deck_is_never_overwritten(
    tmp_path: Path, export_file: Path, capsys: pytest.CaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    assert run(data_dir, "import", str(export_file)) == 0
    deck_file = data_dir / "decks" / "my-anki-export" / "cards-001.yaml"
    before = deck_file.read_text(encoding="utf-8")
    capsys.readouterr()
    assert run(data_dir, "import", str(export_file)) == 1
    assert "already exists; importing never overwrites" in capsys.readouterr().err
    assert deck_file.read_text(encoding="utf-8") == before
    (data_dir / "decks" / "loose.yaml").write_text("cards: []\n", encoding="utf-8")
    assert run(data_dir, "import", str(export_file), "--name", "loose") == 1
    assert sorted(path.name for path in (data_dir / "decks").iterdir()) == [
        "loose.yaml",
        "my-anki-export",
    ]


def test_a_csv_of_questions_and_answers(tmp_path: Path) -> None:
    csv_file = tmp_path / "qa.csv"
    csv_file.write_text('question,answer\nWhy "dead" ReLUs?,"Zero gradient, forever"\n')
    data_dir = tmp_path / "data"
    assert run(data_dir, "import", str(csv_file), "--title", "Mine") == 0
    written = yaml.safe_load((data_dir / "decks" / "qa" / "cards-001.yaml").read_text())
    assert written["cards"][0]["term"] == 'Why "dead" ReLUs?'
    assert written["cards"][0]["meaning"] == "Zero gradient, forever"
    assert load_library(data_dir).deck("qa").title == "Mine"


def test_a_bad_row_names_its_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    csv_file = tmp_path / "qa.csv"
    csv_file.write_text("q1,a1\nq2\n")
    data_dir = tmp_path / "data"
    assert run(data_dir, "import", str(csv_file)) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        f"quizapp import: error: {csv_file}:2: expected a question and an answer, found 1 field"
    )
    assert not (data_dir / "decks").exists() or not any((data_dir / "decks").iterdir())


@pytest.mark.parametrize("name", ["../escape", "has space", ".hidden", "a:b"])
def test_a_deck_name_must_be_a_deck_id(
    tmp_path: Path, export_file: Path, name: str, capsys: pytest.CaptureFixture
) -> None:
    assert run(tmp_path, "import", str(export_file), "--name", name) == 2
    assert f"--name {name!r}" in capsys.readouterr().err
    assert not (tmp_path / "decks").exists()


def test_ids_taken_by_another_deck_are_refused(
    tmp_path: Path, export_file: Path, capsys: pytest.CaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    assert run(data_dir, "import", str(export_file), "--name", "first") == 0
    taken = data_dir / "decks" / "first"
    taken.rename(tmp_path / "first")
    capsys.readouterr()
    assert (
        run(
            data_dir,
            "--content",
            str(tmp_path / "first"),
            "import",
            str(export_file),
            "--name",
            "first",
        )
        == 1
    )
    assert "would not load" in capsys.readouterr().err
    assert list((data_dir / "decks").iterdir()) == []


def test_a_one_card_import_reads_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    export = tmp_path / "anki.txt"
    export.write_text("#separator:tab\n#html:true\nsigmoid\t1 / (1 + e^-x)\n", encoding="utf-8")
    assert run(tmp_path / "data", "import", str(export)) == 0
    assert capsys.readouterr().out.strip().endswith(": deck 'anki', 1 card")


def test_a_title_with_a_control_character_is_refused_by_its_option(
    tmp_path: Path, export_file: Path, capsys: pytest.CaptureFixture
) -> None:
    """Named as `--title`, not as the temporary deck file it was written to (gone by then)."""
    assert run(tmp_path, "import", str(export_file), "--title", "T\x1b]0;x\x07") == 2
    err = capsys.readouterr().err
    assert "--title: control character \\u001b at position 2 is not allowed" in err
    assert "deck.yaml" not in err and "\x1b" not in err
    assert not (tmp_path / "decks").exists()


def test_a_csv_with_escapes_imports_clean_and_says_what_was_taken_out(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    source = tmp_path / "cards.csv"
    source.write_text("question,answer\nwhat is \x1b]0;PWNED\x07relu?,max(0, x)\n", "utf-8")
    assert run(tmp_path / "data", "import", str(source)) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert err.strip() == (
        f"quizapp import: {source}: line 2: control character \\u001b taken out of the question"
    )
    card = load_library(tmp_path / "data").deck("cards").cards[0]
    assert card.front == "what is ]0;PWNEDrelu?"
