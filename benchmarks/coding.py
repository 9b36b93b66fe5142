"""Coding drills: checking a passing solution end to end, against starting `python -c pass`.

The floor is `python -I -c pass` started by subprocess the same way the sandbox starts its child
(same interpreter, isolated mode, a temporary folder, the same small environment). "warm" is a
check as the app runs it: the sandbox's child is already up, so a check forks it, runs every
hidden case, and compares in this process. "cold" is the sandbox part of `quizapp code check`,
in this process: start the child (interpreter + numpy import), fork, run, compare, stop. "end to
end" is the command itself, `python -m quizapp code check EXERCISE FILE.py` in a fresh process
(its own start, imports and the exercise's deck included). Medians of N runs.

    python benchmarks/coding.py [--repeat N] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from quizapp.coding.check import check
from quizapp.coding.sandbox import Sandbox, child_environment
from quizapp.content import load_library

EXERCISE = "code-softmax"


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--quick", action="store_true", help="3 runs each (for the test suite)")
    args = parser.parse_args()
    repeat = 3 if args.quick else args.repeat
    card = next(card for card in load_library(None).exercises if card.id == EXERCISE)
    assert card.exercise is not None
    solution = card.exercise.solution
    with tempfile.TemporaryDirectory() as home:
        env = child_environment(home)

        def start(code: str) -> None:
            subprocess.run([sys.executable, "-I", "-c", code], cwd=home, env=env, check=True)

        floor = _median_ms(lambda: start("pass"), repeat)
        numpy_floor = _median_ms(lambda: start("import numpy"), repeat)
    with Sandbox() as sandbox:
        sandbox.start()
        report = check(card, solution, sandbox)
        if not report.solved:
            print(f"the model solution of {EXERCISE} failed: {report}", file=sys.stderr)
            return 1
        warm = _median_ms(lambda: check(card, solution, sandbox), repeat)

    def cold_check() -> None:
        with Sandbox() as fresh:
            check(card, solution, fresh)

    cold = _median_ms(cold_check, max(3, repeat // 4))
    with tempfile.TemporaryDirectory() as folder:
        solution_file = Path(folder) / "solution.py"
        solution_file.write_text(solution, encoding="utf-8")
        command = [sys.executable, "-m", "quizapp", "--data-dir", folder, "code", "check"]

        def cli_check() -> None:
            subprocess.run(
                [*command, EXERCISE, str(solution_file)],
                cwd=folder,
                env=child_environment(folder),
                check=True,
                stdout=subprocess.DEVNULL,
            )

        end_to_end = _median_ms(cli_check, max(3, repeat // 4))
    cases = len(report.cases)
    print(f"checking {EXERCISE} ({cases} cases), median of {repeat} runs")
    print("| run | time | vs python -c pass |")
    print("| --- | --- | --- |")
    rows = [
        ("`python -I -c pass` (floor)", floor),
        ("`python -I -c 'import numpy'`", numpy_floor),
        ("check in the app (warm child, fork per run)", warm),
        ("sandbox check with a cold child (start, fork, run, stop)", cold),
        ("`quizapp code check` end to end (the command in a fresh process)", end_to_end),
    ]
    for label, value in rows:
        print(f"| {label} | {value:.0f} ms | {value / floor:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
