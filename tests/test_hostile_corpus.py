"""Every string of a hostile corpus, through deck loading, every CLI command and every screen:
no control character (ESC, C1, ...) reaches a terminal or an exported file, nothing crashes.

Terminal escapes (window title, OSC 52 clipboard write, screen clear, their one-byte C1 forms)
come in through deck text and keys, file and folder names, the data dir path, answers the user
pasted and rows already in the database, and so do bidi overrides (which make a line show other
than it says); direction marks, zero-width characters, markup and a 100 kB word must simply be
shown.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from quizapp.cli import main
from quizapp.content import load_deck, read_deck
from quizapp.safe_text import first_control
from quizapp.study import CramSession, FakeClock, Rating, ReviewSession, open_store
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.review import ReviewScreen
from quizapp.tui.widgets.ordered_input import SEARCH_LENGTH

CORPUS = {
    "osc0-title": "\x1b]0;PWNED\x07",
    "osc52-clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "csi-clear": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b31mred",
    "c1-osc": "\x9d0;PWNED\x9c",
    "del-nul": "a\x7fb\x00c",
    "cr-backspace": "over\rwrite\x08",
    "bidi": "abc\u202edcba\u2066x\u2069 \u200f",
    "direction-marks": "abc\u200fdef\u200e\u061c",
    "zero-width": "zero\u200b\u200c\u200d\ufeffwidth",
    "huge-word": "W" * 100_000,
    "markup": "[bold]not bold[/] [link=http://x]y[/link] [/]",
    "combining": "e\u0301" * 50,
    "wide": "漢字🙂" * 10,
}
UNSAFE = {name: text for name, text in CORPUS.items() if first_control(text) is not None}
SAFE = {name: text for name, text in CORPUS.items() if name not in UNSAFE}
FILE_NAMES = {name: text for name, text in UNSAFE.items() if "\x00" not in text}


def yaml_text(text: str) -> str:
    """A double-quoted YAML scalar holding `text`, control characters written as escapes."""
    escaped = "".join(
        f"\\u{ord(c):04x}" if first_control(c) is not None else c.replace("\\", "\\\\")
        for c in text
    )
    return '"' + escaped.replace('"', '\\"') + '"'


def card_yaml(card_id: str, term: str) -> str:
    return f"  - kind: definition\n    id: {card_id}\n    term: {term}\n    meaning: m\n"


def assert_inert(text: str) -> None:
    index = first_control(text)
    assert index is None, f"control character {text[index]!r} at {index}: {text[: index + 20]!r}"


@pytest.mark.parametrize("name", CORPUS)
def test_deck_loading_keeps_safe_text_and_refuses_the_rest(tmp_path: Path, name: str) -> None:
    text = CORPUS[name]
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "a.yaml").write_text("cards:\n" + card_yaml("c-1", yaml_text(text)))
    deck, problems = read_deck(folder)
    for problem in problems:
        assert_inert(str(problem))
    if name in UNSAFE:
        assert deck is None and len(problems) == 1
        assert (problems[0].line, problems[0].field) == (4, "cards[0].term")
    else:
        assert problems == [] and deck is not None and deck.cards[0].front == text
    (folder / "a.yaml").write_text(f"cards:\n  - kind: definition\n    {yaml_text(text)}: x\n")
    deck, problems = read_deck(folder)
    assert deck is None and problems
    for problem in problems:
        assert_inert(str(problem))


@pytest.fixture(scope="module")
def hostile_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """A data dir whose database holds the corpus as answers and an old card text, a deck of every
    safe string, and broken decks whose folder, file names and values hold escapes."""
    root = tmp_path_factory.mktemp("hostile")
    data_dir = root / "data\x1b]0;PWNED\x07"
    corpus_deck = root / "corpus"
    corpus_deck.mkdir()
    cards = "".join(card_yaml(f"corpus-{name}", yaml_text(text)) for name, text in SAFE.items())
    (corpus_deck / "cards.yaml").write_text("deck:\n  name: corpus\ncards:\n" + cards)
    broken = root / "broken\x1b[2J\x9b"
    broken.mkdir()
    for index, (name, text) in enumerate(FILE_NAMES.items()):
        (broken / f"{name}-{text}.yaml").write_text(
            "cards:\n" + card_yaml(f"broken-{index}", yaml_text(text))
        )
    user_decks = data_dir / "decks"
    user_decks.mkdir(parents=True)
    (user_decks / "evil\x1b]52;c;eA==\x07.yaml").write_text("cards: [")
    deck = load_deck(corpus_deck)
    clock = FakeClock(datetime(2026, 1, 5, tzinfo=UTC))
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, list(deck.cards))
        for _ in deck.cards:
            session.record(session.next(), Rating.Again)
            clock.advance(seconds=30)
        for index, _ in enumerate(CORPUS):
            cram = CramSession(store, [deck.cards[index % len(deck.cards)]])
            cram.record(cram.next(), Rating.Good)
        with store.transaction() as connection:
            ids = [row[0] for row in connection.execute("SELECT id FROM reviews ORDER BY id")]
            texts = list(CORPUS.values())
            connection.executemany(
                "UPDATE reviews SET response = ? WHERE id = ?",
                [(texts[index % len(texts)], review_id) for index, review_id in enumerate(ids)],
            )
            connection.execute(
                "UPDATE card_texts SET content_text = ?", ("old text " + "".join(UNSAFE.values()),)
            )
            connection.execute("UPDATE cards SET content_hash = 'changed since'")
    yield {"data": data_dir, "corpus": corpus_deck, "broken": broken, "root": root}


def _commands(world: dict[str, Path]) -> list[list[str]]:
    data, corpus, broken = str(world["data"]), str(world["corpus"]), str(world["broken"])
    common = ["--data-dir", data, "--content", corpus, "--content", broken]
    output = str(world["root"] / "export\x1b[2J.csv")
    imported = world["root"] / "import\x1b]0;x\x07.csv"
    with imported.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([text, f"answer {text}"] for text in CORPUS.values())
    report = str(world["root"] / "report\x9b.md")
    return [
        ["import", str(imported), *common],
        ["mock-report", "--last", "--output", report, *common],
        ["unsuspend", *common],
        ["unsuspend", UNSAFE["osc52-clipboard"], *common],
        ["code", "list", *common],
        *(["check", "corpus-markup", "--answer", text, *common] for text in CORPUS.values()),
        *(["check", "corpus-markup", "--json", "--answer", t, *common] for t in CORPUS.values()),
        ["validate", *common],
        ["validate", corpus, broken, *common],
        ["due", *common],
        ["stats", *common],
        ["stats", "--json", *common],
        ["orphans", *common],
        ["export", *common],
        ["export", "--output", output, *common],
        ["settings", *common],
        ["settings", f"new_per_day={UNSAFE['osc0-title']}", *common],
        ["schema"],
        ["recover", *common],
        *(["compute", "relu", "--", text] for text in CORPUS.values()),
        *(["compute", text, "--", "1"] for text in CORPUS.values()),
        *(["compute", "elu", "--param", f"alpha={text}", "--", "1"] for text in UNSAFE.values()),
        [UNSAFE["csi-clear"]],
    ]


def test_every_command_prints_nothing_a_terminal_acts_on(
    hostile_world: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in _commands(hostile_world):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse refusing an argument
            code = exit_.code
        captured = capsys.readouterr()
        assert code in (0, 1, 2), argv
        assert "Traceback" not in captured.err, argv
        assert_inert(captured.out)
        assert_inert(captured.err)
        if "--json" in argv and code == 0:
            json.loads(captured.out)
    exported = hostile_world["root"] / "export\x1b[2J.csv"
    assert_inert(exported.read_text(encoding="utf-8"))


def written(app: QuizApp) -> str:
    """Every character the screen (toasts included) would write to the terminal, outside the
    control sequences Textual itself emits for colours and cursor moves."""
    return "".join(
        segment.text
        for strip in app.screen._compositor.render_strips()
        for segment in strip
        if not segment.control
    )


async def _check(app: QuizApp, pilot, where: str) -> None:
    await pilot.pause()
    assert app.is_running, where
    index = first_control(written(app))
    assert index is None, f"{where}: {written(app)[max(0, index - 30) : index + 30]!r}"


async def test_every_screen_shows_the_corpus_inert(hostile_world: dict[str, Path]) -> None:
    app = QuizApp(
        hostile_world["data"],
        [hostile_world["corpus"], hostile_world["broken"]],
        clock=FakeClock(datetime(2026, 1, 6, tzinfo=UTC)),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await _check(app, pilot, "home")
        for key, screen in (("b", "browse"), ("s", "stats"), ("p", "practice"), ("c", "changed")):
            await pilot.press(key)
            await _check(app, pilot, screen)
            if screen == "browse":
                for text in CORPUS.values():
                    await pilot.press("slash")
                    await pilot.pause()
                    assert isinstance(app.focused, Input)
                    app.post_message(events.Paste(text))
                    await _check(app, pilot, "browse search")
                    assert app.focused.value or len(text) > SEARCH_LENGTH  # refused, and said so
                    await pilot.press("ctrl+a", "ctrl+k", "tab")
            await pilot.press("escape")
            await _check(app, pilot, f"back from {screen}")
        await pilot.press("question_mark")
        await _check(app, pilot, "keys")
        await pilot.press("escape")
        workspace = app.workspace
        corpus = [card for card in workspace.library.cards if card.id.startswith("corpus-")]
        numeric = next(card for card in workspace.library.cards if card.template is not None)
        await app.push_screen(ReviewScreen(CramSession(workspace.store, corpus), "Cram"))
        for name in SAFE:
            await _check(app, pilot, f"cram card {name}")
            await pilot.press("space")
            await _check(app, pilot, f"cram answer {name}")
            await pilot.press("3")
        await _check(app, pilot, "cram summary")
        await pilot.press("escape")
        await app.push_screen(ReviewScreen(CramSession(workspace.store, [numeric] * 20), "Cram"))
        for text in CORPUS.values():
            await pilot.pause()
            assert isinstance(app.focused, Input)
            app.post_message(events.Paste(text))
            await _check(app, pilot, "pasted answer")
            await pilot.press("enter")
            await _check(app, pilot, "graded pasted answer")
            await pilot.press("1")
        await pilot.press("escape")
        await pilot.press("m")
        await _check(app, pilot, "mock")
