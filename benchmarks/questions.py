"""Generate + grade latency per question template (target: well under 1 ms each).

Run: python benchmarks/questions.py [--seeds N]

Each template generates N fresh questions (different seeds, the activation picked from the seed),
then grades the displayed answer and a wrong answer for each. Figures are medians per question;
the last column compares generate + grade with one engine call (sigmoid on 5 values) timed in
the same run, so the ratios stay meaningful on a slower machine.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import time
from collections.abc import Callable

import numpy as np

from quizapp import engine
from quizapp.questions import Question, generate, template_ids

TARGET_MS = 1.0


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def _reference_seconds() -> float:
    sigmoid = engine.get("sigmoid")
    values = np.array([-2.0, 0.5, 3.0, -1.0, 5.0])
    for _ in range(200):
        sigmoid(values)
    return _median_seconds(lambda: sigmoid(values), 2000)


def _wrong_answer(question: Question) -> str:
    if question.answer_shape == "choice":
        return str((int(question.expected) + 1) % len(question.options) + 1)
    return ", ".join("0.123" for _ in question.expected_vector)


def _measure(template_id: str, seeds: int) -> tuple[float, float, float]:
    generate_times, correct_times, wrong_times = [], [], []
    for seed in range(seeds):
        start = time.perf_counter()
        question = generate(template_id, seed)
        generate_times.append(time.perf_counter() - start)
        right, wrong = question.expected_text, _wrong_answer(question)
        correct_times.append(_median_seconds(functools.partial(question.grade, right), 5))
        wrong_times.append(_median_seconds(functools.partial(question.grade, wrong), 5))
    return (
        statistics.median(generate_times),
        statistics.median(correct_times),
        statistics.median(wrong_times),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=300, help="questions per template")
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    args = parser.parse_args()
    if args.quick:
        args.seeds = 3
    for template_id in template_ids():
        generate(template_id, -1)
    reference = _reference_seconds()
    print(f"reference: one engine call (sigmoid, 5 values) = {reference * 1e6:.1f} µs")
    print(
        f"{'template':28} {'generate':>10} {'grade ok':>10} {'grade bad':>10} "
        f"{'total':>10} {'x engine':>9}"
    )
    worst = 0.0
    for template_id in template_ids():
        made, right, wrong = _measure(template_id, args.seeds)
        total = made + right
        worst = max(worst, total)
        print(
            f"{template_id:28} {made * 1e6:8.0f}µs {right * 1e6:8.0f}µs {wrong * 1e6:8.0f}µs "
            f"{total * 1e6:8.0f}µs {total / reference:8.0f}x"
        )
    verdict = "under" if worst * 1e3 < TARGET_MS else "OVER"
    print(f"slowest generate + grade: {worst * 1e3:.2f} ms ({verdict} the {TARGET_MS:g} ms target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
