"""Start-up: time until the home screen takes keys, against a bare Textual app in the same run.

Each app runs headless in a fresh interpreter (imports included, as a user pays them). A child
reports on stderr when its first screen is interactive (Textual's auto-pilot starts) and, for
quizapp, when the home screen shows today's numbers (the workspace and overview have loaded).

    python benchmarks/startup.py [--repeat N] [--skip-large]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import build_collection, scratch_copy

BARE_APP = """
import os
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()

async def pilot(pilot):
    os.write(2, b"interactive\\n")
    pilot.app.exit()

Bare().run(headless=True, size=(100, 30), auto_pilot=pilot)
"""

QUIZAPP = """
import os, sys
from pathlib import Path
from quizapp.cli import build_parser
from quizapp.tui.app import QuizApp

build_parser().parse_args(["--data-dir", sys.argv[1]])

async def pilot(pilot):
    os.write(2, b"interactive\\n")
    app = pilot.app
    while "Due now" not in str(app.home.query_one("#home-today").render()):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.load_error:
            raise SystemExit(app.load_error)
    os.write(2, b"loaded\\n")
    app.exit()

QuizApp(Path(sys.argv[1])).run(headless=True, size=(100, 30), auto_pilot=pilot)
"""


def time_child(code: str, *args: str) -> dict[str, float]:
    """Seconds from spawning the interpreter to each marker line the child writes."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "TEXTUAL": ""},
    )
    marks: dict[str, float] = {}
    assert child.stderr is not None
    for line in child.stderr:
        marks[line.strip()] = time.perf_counter() - started
    if child.wait() != 0:
        raise RuntimeError(f"child failed ({child.returncode}): {marks}")
    return marks


def median_marks(code: str, repeat: int, *args: str) -> dict[str, float]:
    runs = [time_child(code, *args) for _ in range(repeat)]
    return {mark: statistics.median(run[mark] for run in runs) for mark in runs[0]}


def report(label: str, marks: dict[str, float], bare: float) -> None:
    interactive, loaded = marks["interactive"], marks["loaded"]
    print(
        f"{label:<34} interactive {interactive * 1000:7.0f} ms  ratio {interactive / bare:4.2f}x"
        f"   home numbers shown {loaded * 1000:7.0f} ms  ratio {loaded / bare:4.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-large", action="store_true", help="no 100,000-card collection")
    options = parser.parse_args()

    bare = median_marks(BARE_APP, options.repeat)["interactive"]
    print(f"{'bare Textual app (reference)':<34} interactive {bare * 1000:7.0f} ms")
    with tempfile.TemporaryDirectory() as empty:
        report("quizapp, new user", median_marks(QUIZAPP, options.repeat, empty), bare)
    if not options.skip_large:
        large = scratch_copy(build_collection())
        report(
            "quizapp, 100k cards / 1M reviews",
            median_marks(QUIZAPP, options.repeat, str(large.data_dir)),
            bare,
        )
        Path(large.data_dir).joinpath("quizapp.sqlite3").unlink()
    print(f"median of {options.repeat} runs each; target: interactive under 1.5x the bare app")


if __name__ == "__main__":
    main()
