"""Browse says at once that it is loading: `b` pushes a screen whose first frame is a loading
line, and the imports and layout that took 0.4-0.8 s before anything of Browse showed (numpy,
plotext, the deck schema, and every other mode's screen, the mock interview's included) come
after it. (Keys typed meanwhile: tests/tui/test_tui_keys_while_opening.py.)"""

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

HEAVY = (
    "numpy",
    "plotext",
    "pydantic",
    "quizapp.engine",
    "quizapp.study.mock",
    "quizapp.tui.screens.mock",
    "quizapp.tui.screens.stats",
)

async def main():
    app = QuizApp(Path(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if "Due now" in str(app.home.today.render()):
                break
        from quizapp.tui.screens import browse

        compose = browse.BrowseScreen.compose
        loaded_as_it_showed = []

        def watched(screen):
            loaded_as_it_showed.append(sorted(name for name in HEAVY if name in sys.modules))
            return compose(screen)

        browse.BrowseScreen.compose = watched
        await pilot.press("b")
        for _ in range(600):
            await pilot.pause(0.05)
            if app.screen.query("#browse-tree") and not app.screen.query("#browse-loading"):
                break
        else:
            raise SystemExit("Browse never showed its tree")
        print(loaded_as_it_showed, "numpy" in sys.modules)

asyncio.run(main())
"""


def test_browse_shows_its_loading_line_before_the_slow_imports(tmp_path: Path) -> None:
    env = {**os.environ, "QUIZAPP_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", PROBE, str(tmp_path / "data")]
    subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    printed = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    loaded, numpy_after = printed.stdout.strip().rsplit(" ", 1)
    assert ast.literal_eval(loaded) == [[]]
    assert numpy_after == "True"
