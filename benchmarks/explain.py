"""How well and how fast typed answers are checked against key points.

Run: python benchmarks/explain.py [--repeat R] [--quick]

Quality: precision and recall of "covered", for each hand-labelled set in tests/explain/ on its
own — labelled_answers.yaml (the older set the matcher was first tuned on), dev_answers.yaml (fresh
answers the matcher and cues were improved against), heldout_judgements.yaml and
heldout_judgements_2.yaml (each written by someone who never saw the matcher or the cues; held out
until issue 17's third round, which read their items and failures: they are dev sets now), and
heldout_judgements_3.yaml (written the same way during that round and held out until its end; the
fourth round read its items and failures: "dev 4 (was held-out 3)"), and heldout_judgements_4.yaml
(written the same way during the fourth round and held out until its end; the fifth round read its
items and failures: "dev 5 (was held-out 4)"), and heldout_judgements_5.yaml (written the same
way during the fifth round and held out until its end; the sixth round read its items and failures
and fits the decision on it: "dev 6 (was held-out 5)"), and heldout_judgements_6.yaml and
heldout_judgements_7.yaml (written the same way during the sixth round, by two engineers who never
saw the matcher, the cues or each other's set; first computed once, after the round's last
matcher change; the seventh round read their items and failures: "dev 7 (was held-out 6)" and
"dev 8 (was held-out 7)"), and heldout_judgements_8.yaml and heldout_judgements_9.yaml (written the
same way during the seventh round by two more engineers; first computed once, after the round's
last matcher change; the eighth round read their items and failures: "dev 9 (was held-out 8)"
and "dev 10 (was held-out 9)"), and heldout_judgements_10.yaml and heldout_judgements_11.yaml
(written the same way during the eighth round; first computed once, after its last matcher
change; the ninth round read their items and failures: "dev 11 (was held-out 10)" and "dev 12
(was held-out 11)"), and heldout_judgements_12.yaml and heldout_judgements_13.yaml (written the
same way during the ninth round; first computed once, after its last matcher change; the tenth
round read their items and failures: "dev 13 (was held-out 12)" and "dev 14 (was held-out 13)"),
and heldout_judgements_14.yaml and heldout_judgements_15.yaml (written the same way during the
tenth round; first computed once, after its last matcher change; the eleventh round read their
items and failures: "dev 15 (was held-out 14)" and "dev 16 (was held-out 15)"), and
heldout_judgements_16.yaml and heldout_judgements_17.yaml (written the same way during the
eleventh round; first computed once, after its last matcher change; the twelfth round read their
items and failures: "dev 17 (was held-out 16)" and "dev 18 (was held-out 17)"), and
heldout_judgements_18.yaml and heldout_judgements_19.yaml (written the same way during the
twelfth round; first computed once, after its last matcher change: "held-out 18" and "held-out
19") — each against
a naive reference measured in the same run (a point is covered when one of its cues appears
verbatim, lower-cased, in the answer). Speed: time to judge one answer of the labelled set, and
the same ratio against that naive reference.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from quizapp.content import bundled_content_dir, load_deck
from quizapp.explain import HasKeyPoints, PointResult, judge_answer
from quizapp.explain.cues import ALL_OF, ANY_OF, WRONG
from quizapp.explain.evaluation import LabelledAnswer, Scores, evaluate, read_labelled

SETS = Path(__file__).resolve().parent.parent / "tests" / "explain"
LABELLED = SETS / "labelled_answers.yaml"
SET_FILES = {
    "labelled (tuning)": LABELLED,
    "dev (fresh, tuned on)": SETS / "dev_answers.yaml",
    "dev 2 (was held-out)": SETS / "heldout_judgements.yaml",
    "dev 3 (was held-out 2)": SETS / "heldout_judgements_2.yaml",
    "dev 4 (was held-out 3)": SETS / "heldout_judgements_3.yaml",
    "dev 5 (was held-out 4)": SETS / "heldout_judgements_4.yaml",
    "dev 6 (was held-out 5)": SETS / "heldout_judgements_5.yaml",
    "dev 7 (was held-out 6)": SETS / "heldout_judgements_6.yaml",
    "dev 8 (was held-out 7)": SETS / "heldout_judgements_7.yaml",
    "dev 9 (was held-out 8)": SETS / "heldout_judgements_8.yaml",
    "dev 10 (was held-out 9)": SETS / "heldout_judgements_9.yaml",
    "dev 11 (was held-out 10)": SETS / "heldout_judgements_10.yaml",
    "dev 12 (was held-out 11)": SETS / "heldout_judgements_11.yaml",
    "dev 13 (was held-out 12)": SETS / "heldout_judgements_12.yaml",
    "dev 14 (was held-out 13)": SETS / "heldout_judgements_13.yaml",
    "dev 15 (was held-out 14)": SETS / "heldout_judgements_14.yaml",
    "dev 16 (was held-out 15)": SETS / "heldout_judgements_15.yaml",
    "dev 17 (was held-out 16)": SETS / "heldout_judgements_16.yaml",
    "dev 18 (was held-out 17)": SETS / "heldout_judgements_17.yaml",
    "held-out 18": SETS / "heldout_judgements_18.yaml",
    "held-out 19": SETS / "heldout_judgements_19.yaml",
}


def naive_judge(card: HasKeyPoints, answer: str) -> Sequence[PointResult]:
    """The reference: a cue must appear word for word, ignoring case only (contradiction cues
    are left out, a cue's parts joined by "&" each appear, in one of their ways joined by
    " | ")."""
    lowered = answer.lower()
    results = []
    for text, cues in zip(card.key_points, card.cues, strict=True):
        hit = next(
            (
                cue
                for cue in cues
                if not cue.lower().startswith(WRONG)
                and all(
                    any(way.strip() in lowered for way in part.split(ANY_OF))
                    for part in cue.lower().split(ALL_OF)
                )
            ),
            "",
        )
        results.append(PointResult(text, bool(hit), hit))
    return results


def seconds_per_answer(
    labelled: list[LabelledAnswer], cards: dict[str, HasKeyPoints], judge: object, repeat: int
) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for entry in labelled:
            judge(cards[entry.card], entry.answer)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best / len(labelled)


def line(name: str, scores: Scores) -> str:
    return (
        f"  {name:<24} precision {scores.precision:.3f}  recall {scores.recall:.3f}"
        f"  ({scores.false_positive} wrongly covered, {scores.false_negative} missed)"
    )


def report_quality(name: str, path: Path, cards: dict[str, HasKeyPoints]) -> Scores | None:
    """The set's figures for the matcher and the reference; the matcher's scores, or None when
    the set is not present."""
    if not path.exists():
        print(f"{name} set: {path.name} not present")
        return None
    labelled = read_labelled(path)
    matcher = evaluate(labelled, cards)
    print(f"{name} set: {matcher.judgements} judgements over {len(labelled)} answers")
    print(line("matcher", matcher))
    print(line("verbatim cues (ref.)", evaluate(labelled, cards, naive_judge)))
    return matcher


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timing runs (best is kept)")
    parser.add_argument("--quick", action="store_true", help="a tiny run that checks it works")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    cards: dict[str, HasKeyPoints] = {c.id: c for c in load_deck(bundled_content_dir()).cards}
    labelled = read_labelled(LABELLED)
    start = time.perf_counter()
    evaluate(labelled, cards)
    cold = time.perf_counter() - start
    measured = {name: report_quality(name, path, cards) for name, path in SET_FILES.items()}
    print("matcher, a set per line:")
    for name, scores in measured.items():
        if scores is not None:
            print(line(name, scores))
    warm = seconds_per_answer(labelled, cards, judge_answer, repeat)
    reference = seconds_per_answer(labelled, cards, naive_judge, repeat)
    answers = len(labelled)
    print(f"speed over the labelled set ({answers} answers):")
    print(f"  first pass, cold caches {cold / answers * 1000:8.2f} ms per answer")
    print(f"  matcher, warm           {warm * 1000:8.2f} ms per answer")
    print(f"  verbatim cues (ref.)    {reference * 1000:8.3f} ms per answer")
    print(f"  ratio                   {warm / reference:8.0f} x")


if __name__ == "__main__":
    main()
