"""Coding drills: checking a passing solution end to end, against starting `python -c pass`.

The floor is `python -I -c pass` started by subprocess the same way the sandbox starts its child
(same interpreter, isolated mode, a temporary folder, the same small environment). "warm" is a
check as the app runs it: the sandbox's child is already up, so a check forks it, runs every
hidden case, and compares in this process. "cold" is a check as `quizapp code check` runs it:
start the child (interpreter + numpy import), fork, run, compare, stop. Medians of N runs.

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
    cases = len(report.cases)
    print(f"checking {EXERCISE} ({cases} cases), median of {repeat} runs")
    print("| run | time | vs python -c pass |")
    print("| --- | --- | --- |")
    rows = [
        ("`python -I -c pass` (floor)", floor),
        ("`python -I -c 'import numpy'`", numpy_floor),
        ("check in the app (warm child, fork per run)", warm),
        ("`quizapp code check` (child started per check)", cold),
    ]
    for label, value in rows:
        print(f"| {label} | {value:.0f} ms | {value / floor:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
