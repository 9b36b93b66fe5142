"""Reading Anki's "Notes in Plain Text" exports and question/answer CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.exchange.html_text import html_to_text, source_text
from quizapp.exchange.notes_file import NotesFileError, read_notes

ANKI_EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#guid column:1\n"
    "#notetype column:2\n"
    "#deck column:3\n"
    "#tags column:6\n"
    "a1b2\tBasic (and reversed card)\tML\t<b>ReLU</b>&nbsp;is?\t"
    "max(0, x)<br>[sound:x.mp3]\tml relu\n"
    'c3d4\tBasic\tML\t"two\nlines"\t"a ""quoted"" word"\t\n'
)


def write(tmp_path: Path, text: str, name: str = "notes.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_anki_export_gives_its_notes_with_their_lines(tmp_path: Path) -> None:
    notes = read_notes(write(tmp_path, ANKI_EXPORT)).notes
    assert [(note.line, note.question, note.answer) for note in notes] == [
        (7, "ReLU is?", "max(0, x)"),
        (8, "two lines", 'a "quoted" word'),
    ]
    assert notes[0].tags == ("ml", "relu")
    assert [note.both_ways for note in notes] == [True, False]


def test_plain_text_fields_keep_their_markup_as_text(tmp_path: Path) -> None:
    text = "#separator:Semicolon\n#html:false\n#tags:imported\n<b>x</b>;1 < 2\n"
    notes = read_notes(write(tmp_path, text)).notes
    assert [(note.question, note.answer, note.tags) for note in notes] == [
        ("<b>x</b>", "1 < 2", ("imported",))
    ]


def test_a_csv_header_row_names_the_columns(tmp_path: Path) -> None:
    text = "tags,Answer,Question\nx y,Paris,Capital of France?\n"
    notes = read_notes(write(tmp_path, text, "qa.csv")).notes
    assert [(note.line, note.question, note.answer, note.tags) for note in notes] == [
        (2, "Capital of France?", "Paris", ("x", "y"))
    ]


def test_a_csv_without_header_is_question_then_answer(tmp_path: Path) -> None:
    notes = read_notes(write(tmp_path, "\nq1,a1\n\nq2,a2,more\n", "qa.csv")).notes
    assert [(note.line, note.question, note.answer) for note in notes] == [
        (2, "q1", "a1"),
        (4, "q2", "a2\n\nmore"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("q,a\nonly one field\n", 2, "expected a question and an answer, found 1 field"),
        ('#separator:tab\nq\ta\n\n"open\tquote\n', 4, "unreadable row"),
        ("#separator:wide\nq\ta\n", 1, "unknown separator 'wide'"),
        ("#separator:tab\n#tags column:zero\nq\ta\n", 2, "column number 'zero'"),
        ("#separator:tab\n", 0, "no notes found"),
    ],
)
def test_errors_name_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(NotesFileError) as error:
        read_notes(write(tmp_path, text))
    assert error.value.line == line
    assert message in str(error.value)
    assert str(error.value).startswith(str(tmp_path / "notes.txt"))


def test_bytes_that_are_not_utf8_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"q,a\nq2,caf\xe9\n")
    with pytest.raises(NotesFileError, match=r"notes\.txt:2: not UTF-8"):
        read_notes(path)


def test_notes_without_text_are_left_out_by_line(tmp_path: Path) -> None:
    text = '#separator:tab\n#html:true\n<img src="a.png">\tpicture\nq\ta\n'
    result = read_notes(write(tmp_path, text))
    assert [note.question for note in result.notes] == ["q"]
    assert result.skipped == ["line 3: the question has no text (only media?); left out"]


def test_html_becomes_text_with_its_line_breaks() -> None:
    markup = "<div>One &amp; <i>two</i></div><div>three<br>four</div><script>x()</script>"
    assert html_to_text(markup) == "One & two\nthree\nfour"
    assert html_to_text("a\x1b[31m  b\u202e") == "a[31m b"


cell_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=5))
def test_any_csv_written_by_a_csv_writer_reads_back(tmp_path: Path, pairs: list) -> None:
    kept = [(source_text(q), source_text(a)) for q, a in pairs]
    if not any(q and a for q, a in kept) or kept[0][0].casefold() in {"question", "front", "q"}:
        return
    stream = io.StringIO()
    csv.writer(stream, lineterminator="\n").writerows(pairs)
    result = read_notes(write(tmp_path, stream.getvalue(), "qa.csv"))
    assert [(note.question, note.answer) for note in result.notes] == [
        (q, a) for q, a in kept if q and a
    ]


def test_a_first_row_that_only_looks_like_a_header_is_a_note(tmp_path: Path) -> None:
    result = read_notes(write(tmp_path, '#1: what is ReLU?,"max(0, z)"\n#,:\n', "qa.csv"))
    assert [(note.question, note.answer) for note in result.notes] == [
        ("#1: what is ReLU?", "max(0, z)"),
        ("#", ":"),
    ]


def test_anki_headers_it_does_not_use_are_still_headers(tmp_path: Path) -> None:
    text = "#separator:tab\n#notetype:Basic\n#deck:Default\n#if matches:update current\nq\ta\n"
    result = read_notes(write(tmp_path, text))
    assert [(note.question, note.answer, note.line) for note in result.notes] == [("q", "a", 5)]


def test_characters_taken_out_of_a_note_are_said_by_line_and_field(tmp_path: Path) -> None:
    """Control and bidi characters never reach a deck; the user hears which were taken out,
    also when the HTML wrote them as entities, and a Windows line end inside a cell is none."""
    text = (
        "#separator:tab\n#html:true\n"
        "ESC\x1b[31m red\tfine\n"
        "fine\tan &#x202e;override\n"
        '"two\r\nlines"\t"also\r\ntwo"\n'
    )
    result = read_notes(write(tmp_path, text))
    assert [note.question for note in result.notes] == ["ESC[31m red", "fine", "two lines"]
    assert result.notes[1].answer == "an override"
    assert result.cleaned == [
        "line 3: control character \\u001b taken out of the question",
        "line 4: bidi override \\u202e (right-to-left override) taken out of the answer",
    ]
