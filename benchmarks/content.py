"""How fast decks load: a synthetic 10,000-card deck and the bundled cheatsheet.

Run: python benchmarks/content.py [--cards N] [--repeat R]

The reference is PyYAML's C safe loader reading the same files into plain Python objects, measured
in the same run: the ratio is the price of line tracking, validation and building the cards. The
same deck is then loaded from the deck cache (what every start after the first does), and the
bundled deck in a fresh interpreter with and without a warm cache.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from quizapp.content import load_deck, load_decks, load_library
from quizapp.content.cache import CACHE_ENV, DeckCache

CARDS_PER_FILE = 500
KINDS = ("definition", "formula", "interview", "choice", "numeric")
ACTIVATIONS = ("relu", "sigmoid", "tanh", "elu", "gelu")


def card_yaml(index: int) -> str:
    """One card of a kind chosen round-robin, with text of realistic length."""
    kind = KINDS[index % len(KINDS)]
    head = (
        f"  - kind: {kind}\n    id: synthetic-{index}\n    tags: [synthetic, batch-{index % 7}]\n"
    )
    text = f"Synthetic card {index} is a sentence long enough to look like a real definition."
    if kind == "definition":
        return head + f"    term: Term {index}\n    meaning: {text}\n    reverse: false\n"
    if kind == "formula":
        return head + f"    name: Function {index}\n    formula: f(x) = x·σ(x) + {index}\n"
    if kind == "interview":
        return head + (
            f"    question: Question {index}?\n    answer: {text}\n"
            "    key_points:\n      - first point\n      - second point\n      - third point\n"
        )
    if kind == "choice":
        return head + (
            f"    question: Which option is right for {index}?\n"
            "    options: [Alpha, Beta, Gamma, Delta]\n    answer: Gamma\n"
        )
    activation = ACTIVATIONS[index % len(ACTIVATIONS)]
    return head + (
        f"    title: Numeric drill {index}\n    template: activation-vector\n"
        f"    activation: {activation}\n    params: {{length: 5, decimals: 3}}\n"
    )


def write_synthetic_deck(folder: Path, cards: int) -> list[Path]:
    files = []
    for start in range(0, cards, CARDS_PER_FILE):
        path = folder / f"part-{start // CARDS_PER_FILE:04d}.yaml"
        body = "".join(card_yaml(i) for i in range(start, min(start + CARDS_PER_FILE, cards)))
        path.write_text("cards:\n" + body, encoding="utf-8")
        os.utime(path, (time.time() - 60, time.time() - 60))  # old enough for the deck cache
        files.append(path)
    return files


def best_of(repeat: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def plain_yaml(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def cold_start_seconds(cache: Path) -> float:
    """Bundled load in a fresh interpreter, imports included (what the app pays at start-up),
    through the deck cache in `cache` as the app loads it."""
    probe = (
        "import time; start = time.perf_counter(); "
        "from quizapp.workspace import load_content; load_content(None); "
        "print(time.perf_counter() - start)"
    )
    env = {**os.environ, CACHE_ENV: str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    return float(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    args = parser.parse_args()
    if args.quick:
        args.cards, args.repeat = 200, 1

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "synthetic"
        folder.mkdir()
        files = write_synthetic_deck(folder, args.cards)
        size = sum(path.stat().st_size for path in files)
        deck = load_deck(folder)
        assert len(deck.cards) == args.cards
        loaded = best_of(args.repeat, lambda: load_deck(folder))
        reference = best_of(args.repeat, lambda: plain_yaml(files))
        cache = DeckCache(Path(name) / "cache")
        load_decks([folder], cache=cache)
        cached = best_of(args.repeat, lambda: load_decks([folder], cache=cache))

        load_library(None)
        bundled = best_of(args.repeat, lambda: load_library(None))
        bundled_cards = len(load_library(None).cards)
        runs = 1 if args.quick else 3
        # The first probe with an empty cache fills it; with several runs the best is warm.
        cold = min(cold_start_seconds(Path(name) / f"empty-{run}") for run in range(runs))
        warm = min(cold_start_seconds(Path(name) / "warm") for _ in range(runs + 1))
    per_thousand = loaded / args.cards * 1000

    print(f"synthetic deck: {args.cards:,} cards in {len(files)} files ({size / 1024:.0f} KiB)")
    print(f"  load_deck           {loaded * 1000:8.1f} ms", end="")
    print(f"  ({per_thousand * 1000:.1f} ms per 1,000 cards)")
    print(f"  yaml.CSafeLoader    {reference * 1000:8.1f} ms  (reference: parse only)")
    print(f"  ratio               {loaded / reference:8.1f} x")
    print(f"  from the deck cache {cached * 1000:8.1f} ms  ({cached / reference:.2f} x reference)")
    print(f"bundled deck: {bundled_cards} cards")
    print(f"  load_library warm   {bundled * 1000:8.1f} ms")
    print(f"  cold, with imports  {cold * 1000:8.1f} ms  (empty deck cache)")
    print(f"  cold, cache warm    {warm * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
