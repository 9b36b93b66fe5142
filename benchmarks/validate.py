"""`quizapp validate` on a synthetic 100,000-card deck (a fifth of it numeric cards).

Run: python benchmarks/validate.py [--cards N] [--quick]

Times the whole command in a fresh interpreter, with its peak memory, against loading the same
deck in a fresh interpreter (the reference, in the same run: what validate costs beyond loading).
Then, in this process, the numeric check as it is (each distinct template, activation and params
generated once) against generating one question per numeric card, as it used to (timed on a sample
of SAMPLE cards and scaled to all of them: at full size it would take minutes).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from support.timing import timed

from content import write_synthetic_deck
from quizapp.commands.validate import numeric_problems
from quizapp.content import load_deck
from quizapp.questions import generate

SAMPLE = 200


def child(arguments: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one fresh interpreter."""
    probe = (
        "import resource, subprocess, sys, json, time; start = time.perf_counter(); "
        f"code = subprocess.run({[sys.executable, *arguments]!r}, capture_output=True).returncode; "
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
        "print(json.dumps([time.perf_counter() - start, peak, code]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    seconds, peak_kib, code = json.loads(result.stdout)
    if code != 0:
        raise SystemExit(f"{arguments} failed with exit status {code}")
    return seconds, peak_kib / 1024


def per_card(cards: list) -> None:
    """The reference for the numeric check: one generated question per numeric card."""
    for card in cards:
        with contextlib.suppress(ValueError, TypeError):
            generate(card.template, 0, activation=card.activation, params=dict(card.params))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    args = parser.parse_args()
    if args.quick:
        args.cards = 500

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "synthetic"
        folder.mkdir()
        write_synthetic_deck(folder, args.cards)
        validate_seconds, validate_mib = child(["-m", "quizapp", "validate", str(folder)])
        load_probe = (
            "from pathlib import Path; from quizapp.content import load_deck; "
            f"load_deck(Path({str(folder)!r}))"
        )
        load_seconds, load_mib = child(["-c", load_probe])
        deck = load_deck(folder)
    numeric = [card for card in deck.cards if card.template is not None]
    checked = timed(lambda: numeric_problems(deck, generate))
    sample = numeric[:SAMPLE]
    generated = timed(lambda: per_card(sample)) * len(numeric) / len(sample)

    print(f"synthetic deck: {args.cards:,} cards, {len(numeric):,} numeric")
    print(f"  quizapp validate          {validate_seconds:8.2f} s   peak {validate_mib:6.0f} MiB")
    print(f"  load_deck (reference)     {load_seconds:8.2f} s   peak {load_mib:6.0f} MiB")
    print(f"  ratio                     {validate_seconds / load_seconds:8.2f} x")
    print(f"  numeric check, per pair   {checked * 1000:8.1f} ms")
    scaled = f"(as before; scaled from {len(sample)})"
    print(f"  one question per card     {generated * 1000:8.1f} ms  {scaled}")


if __name__ == "__main__":
    main()
