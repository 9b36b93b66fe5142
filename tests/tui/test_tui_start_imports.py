"""The start path imports only what home needs: once home shows today's numbers, neither numpy,
the question engine, the activation engine, the mock interview, the explanation matcher, the
full statistics, the review session, the dialogs, the store's records, a card's state, the
weakest families (their dataclasses are compiled as they are created), importlib.resources nor
statistics are loaded (they load when a mode first needs them), and with the deck cache warm
neither are yaml and pydantic."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import asyncio, sys
from pathlib import Path
from quizapp.tui.app import QuizApp

async def main():
    app = QuizApp(Path(sys.argv[1]))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if "Due now" in str(app.home.today.render()):
                break
        else:
            raise SystemExit("home never showed today's numbers")
    heavy = (
        "numpy",
        "quizapp.questions",
        "quizapp.engine",
        "yaml",
        "pydantic",
        "quizapp.study.mock",
        "quizapp.study.stats",
        "quizapp.study.session",
        "quizapp.explain",
        "quizapp.tui.dialogs",
        "quizapp.study.store.records",
        "quizapp.study.state",
        "quizapp.study.weak_families",
        "importlib.resources",
        "statistics",
    )
    print(sorted(name for name in heavy if name in sys.modules))

asyncio.run(main())
"""


def loaded_at_home(tmp_path: Path) -> str:
    env = {**os.environ, "QUIZAPP_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", PROBE, str(tmp_path / "data")]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout


def test_home_needs_neither_numpy_nor_the_engines(tmp_path: Path) -> None:
    """The first start reads the decks (the code cards' engine parameters are checked against
    the engine); the next one finds them in the cache."""
    first = ast.literal_eval(loaded_at_home(tmp_path).strip())
    assert {"numpy", "pydantic", "quizapp.engine", "quizapp.explain", "yaml"} <= set(first)
    assert loaded_at_home(tmp_path).strip() == "[]"
