"""Start-up as a user sees it: time until the home screen shows today's numbers, against a bare
Textual app started the same way in the same run.

Each run launches the real `quizapp` command (a fresh interpreter, imports included) in a
pseudo-terminal of 100x30 and reads what it draws; the clock stops when "Due now" appears on the
screen, which is when the mode keys work. The reference is a bare Textual app (Static + Footer)
launched the same way, stopped when its text appears. Runs are interleaved (bare, case, bare, ...)
and medians are compared, so the ratios hold on a noisy shared machine.

Collections: a new user (the bundled deck only); a 10,000-card user deck; a 100,000-card user deck
with 1,000,000 reviews of those cards. The large history is the synthetic collection of
`support/synthetic.py`, moved forward so that its last review is today: the figures do not drift
with the date, and its stored content hashes are the cards' real ones (no card looks rewritten).
Peak memory is the child's maximum resident set size; build the collection beforehand (a first
run does), since a child started from a process that just built it reports that process's size.

quizapp's bytecode is compiled first, as installing it does (Textual's already is): otherwise, with
PYTHONDONTWRITEBYTECODE set as in some environments, every start would compile quizapp's sources
again, which no installed copy does.

Each case has its own deck cache (never the user's). The first start reads and validates every
deck and fills the cache ("first start", one run); the timed runs after it find the decks there,
as every start after the first does.

    python benchmarks/startup.py [--repeat N] [--skip-large] [--quick]
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from support.synthetic import SyntheticCard, build_collection, scratch_copy, synthetic_cards

import quizapp
from quizapp.study import DATABASE_NAME

COLUMNS, ROWS = 100, 30
TIMEOUT_S = 120.0
CARDS_PER_FILE = 4_000  # deck files are capped at 1 MiB each
NUMERIC_ACTIVATION = {
    "activation-vector": "relu",
    "derivative-point": "sigmoid",
    "neuron-forward": "tanh",
}

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App):
    def compose(self):
        yield Static("bare app ready")
        yield Footer()

Bare().run()
"""
BARE_READY = "bare app ready"
QUIZAPP_READY = "Due now"
_ESCAPES = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


def launch(command: list[str], ready: str, env: dict[str, str]) -> Run:
    """Seconds from spawning `command` in a pseudo-terminal until `ready` is drawn."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
        close_fds=True,
    )
    os.close(follower)
    screen = b""
    elapsed = None
    peak = None
    try:
        while elapsed is None:
            if time.perf_counter() - started > TIMEOUT_S:
                raise RuntimeError(
                    f"{command[0]}: {ready!r} not drawn in {TIMEOUT_S:.0f} s; last drawn:"
                    f" {_text(screen)[-600:]!r}"
                )
            readable, _, _ = select.select([leader], [], [], 0.05)
            if not readable:
                if child.poll() is not None:
                    raise RuntimeError(f"{command}: exited {child.returncode} before {ready!r}")
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError as error:
                raise RuntimeError(f"{command}: terminal closed before {ready!r}") from error
            screen += chunk
            if ready in _text(screen[-65536:]):
                elapsed = time.perf_counter() - started
        peak = own_peak_mib(child.pid)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        _pid, _status, usage = os.wait4(child.pid, 0)
        os.close(leader)
    return Run(elapsed, usage.ru_maxrss / 1024 if peak is None else peak)


def own_peak_mib(pid: int) -> float | None:
    """The process's own peak resident memory (VmHWM, Linux), or None where /proc has no such
    line. Not ru_maxrss: a child forked from this process starts with this process's resident
    pages counted in it, so after the 100,000-card collection is built or held here, every case
    would report at least this process's size."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def _text(screen: bytes) -> str:
    """What `screen` shows, its escape sequences removed."""
    return _ESCAPES.sub(b"", screen).decode(errors="replace")


def environment(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
        "QUIZAPP_DATA_DIR": str(data_dir),
        "QUIZAPP_CACHE_DIR": str(data_dir / "deck-cache"),
        "TEXTUAL": "",
    }


def write_deck(folder: Path, cards: list[SyntheticCard]) -> None:
    """A user deck holding `cards` as YAML, split into files under the 1 MiB cap."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(cards), CARDS_PER_FILE):
        lines = ["deck: {name: synthetic, title: Synthetic benchmark deck}"] if start == 0 else []
        lines.append("cards:")
        for card in cards[start : start + CARDS_PER_FILE]:
            lines += _card_yaml(card)
        file = folder / f"{start // CARDS_PER_FILE:03d}.yaml"
        file.write_text("\n".join(lines) + "\n")
        # Dated a minute back: the deck cache leaves a file written in the last seconds alone.
        os.utime(file, (time.time() - 60, time.time() - 60))


def _card_yaml(card: SyntheticCard) -> list[str]:
    if card.template is None:
        return [
            "  - kind: definition",
            f"    id: {card.id}",
            f"    term: {card.front}",
            f"    meaning: {card.back}",
        ]
    lines = [
        "  - kind: numeric",
        f"    id: {card.id}",
        f"    title: {card.front}",
        f"    template: {card.template}",
    ]
    activation = NUMERIC_ACTIVATION.get(card.template)
    return lines + ([f"    activation: {activation}"] if activation else [])


def move_to_today(database: Path, built_at: datetime) -> None:
    """Shift every time in the copy by whole days so that the history ends today."""
    import sqlite3

    days = (datetime.now(UTC).date() - built_at.date()).days
    micros = days * 86_400_000_000
    shift = f"+{days} days"
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE reviews SET reviewed_at = reviewed_at + ?, day = date(day, ?)", (micros, shift)
        )
        # In two passes: shifted in place, a day would collide with a later day not yet moved.
        connection.execute("UPDATE review_days SET day = '~' || day")
        connection.execute("UPDATE review_days SET day = date(substr(day, 2), ?)", (shift,))
        connection.execute(
            "UPDATE cards SET due = due + ?, last_review = last_review + ?", (micros, micros)
        )
    connection.close()


MATCH_HASHES = """
import sqlite3, sys
from pathlib import Path
from quizapp.content import load_decks
cards = load_decks([Path(sys.argv[1])]).cards
with sqlite3.connect(sys.argv[2]) as connection:
    connection.executemany(
        "UPDATE cards SET content_hash = ? WHERE card_id = ?",
        [(card.content_hash(), card.id) for card in cards],
    )
"""


def match_content_hashes(deck: Path, database: Path) -> None:
    """The synthetic history holds stand-in content hashes: store each card's real one, as if
    every card was last reviewed in its current wording. Otherwise home would take all 80,000
    studied cards for rewritten ones and compare their texts. In a child process, so that this
    process stays small (a child started from it would report its peak memory)."""
    command = [sys.executable, "-c", MATCH_HASHES, str(deck), str(database)]
    subprocess.run(command, check=True)


def compile_bytecode() -> None:
    """quizapp's modules compiled as an install compiles them (see the module's docstring)."""
    compileall.compile_dir(Path(quizapp.__file__).parent, quiet=1)


def prepare_cases(root: Path, quick: bool, skip_large: bool) -> dict[str, Path]:
    """Data dirs by case label, each ready to open."""
    cases = {"quizapp, new user (bundled deck)": root / "new-user"}
    cases[next(iter(cases))].mkdir()
    deck_cards = 500 if quick else 10_000
    medium = root / "medium"
    write_deck(medium / "decks" / "synthetic", synthetic_cards(deck_cards))
    cases[f"+ a {deck_cards:,}-card user deck"] = medium
    if not (quick or skip_large):
        collection = scratch_copy(build_collection())
        write_deck(collection.data_dir / "decks" / "synthetic", collection.cards)
        move_to_today(collection.data_dir / DATABASE_NAME, collection.now)
        match_content_hashes(
            collection.data_dir / "decks" / "synthetic", collection.data_dir / DATABASE_NAME
        )
        cases["100,000 cards + 1,000,000 reviews"] = collection.data_dir
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per case (median)")
    parser.add_argument("--skip-large", action="store_true", help="no 100,000-card collection")
    parser.add_argument(
        "--quick", action="store_true", help="one run, small decks: checks the benchmark works"
    )
    options = parser.parse_args()
    repeat = 1 if options.quick else options.repeat
    app_command = [sys.executable, "-m", "quizapp"]
    bare = [sys.executable, "-c", BARE_APP]
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="quizapp-startup-") as scratch:
        cases = prepare_cases(Path(scratch), options.quick, options.skip_large)
        print(
            f"{'collection':<36} {'median':>9} {'bare':>9} {'ratio':>6} {'peak MiB':>9}"
            f" {'first start':>12} {'peak MiB':>9}"
        )
        for label, data_dir in cases.items():
            env = environment(data_dir)
            first = launch(app_command, QUIZAPP_READY, env)
            own, reference = [], []
            for _ in range(repeat):
                reference.append(launch(bare, BARE_READY, env))
                own.append(launch(app_command, QUIZAPP_READY, env))
            mine = statistics.median(run.seconds for run in own)
            base = statistics.median(run.seconds for run in reference)
            peak = max(run.peak_mib for run in own)
            print(
                f"{label:<36} {mine * 1000:7.0f}ms {base * 1000:7.0f}ms "
                f"{mine / base:5.2f}x {peak:9.0f} {first.seconds * 1000:10.0f}ms"
                f" {first.peak_mib:9.0f}"
            )
    print(f"median of {repeat} interleaved runs each, in a {COLUMNS}x{ROWS} pseudo-terminal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
