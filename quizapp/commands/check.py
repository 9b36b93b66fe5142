"""`quizapp check`: which key points of an interview card a typed answer covers, and why."""

from __future__ import annotations

import argparse
import json

from quizapp.commands import CommandError

EPILOG = """\
examples:
  quizapp check iq-vanishing-gradient --answer "gradients shrink layer by layer; sigmoid saturates"
  quizapp check iq-dying-relu --answer "$(cat my-answer.txt)" --json
exit status: 0 when the answer was judged, 2 for an unknown card or a card without key points
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a typed answer against an interview card's key points",
        description=(
            "Judge an explanation as an interviewer listening for the key points would: each key"
            " point of the card is covered or not, with the words of the answer that showed it."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("card", metavar="CARD_ID", help="the card's id, e.g. iq-dying-relu")
    parser.add_argument("--answer", required=True, metavar="TEXT", help="your answer")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.commands._opening import load_content
    from quizapp.explain import judge_answer

    library = load_content(args)
    try:
        card = library.card(args.card)
    except KeyError:
        raise CommandError(f"no card with id {args.card!r}", 2) from None
    if not card.key_points:
        raise CommandError(f"card {args.card!r} has no key points to check", 2)
    results = judge_answer(card, args.answer)
    covered = sum(result.covered for result in results)
    if args.json:
        points = [{"text": r.text, "covered": r.covered, "evidence": r.evidence} for r in results]
        report = {"card": card.id, "key_points": points, "covered": covered, "total": len(points)}
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{card.id}: {covered} of {len(results)} key points covered")
    for result in results:
        mark = "✓" if result.covered else "✗"
        print(f"  {mark} {result.text}")
        if result.covered:
            print(f"      heard: “{result.evidence}”")
    return 0
