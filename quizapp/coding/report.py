"""A check report as plain lines and as JSON, for the shell and the app alike.

Everything here may come from the user's code (messages, printed output) or a user deck
(titles), so control characters are replaced before the text reaches a terminal.
"""

from __future__ import annotations

from typing import Any

from quizapp.coding.check import CheckReport
from quizapp.safe_text import control_pattern
from quizapp.wording import percent

_CONTROL = control_pattern()
_OUTPUT_LINES = 40


def visible(text: str) -> str:
    """Text with control characters (escape sequences among them) shown as '�'."""
    return _CONTROL.sub("\ufffd", text)


def summary(report: CheckReport) -> str:
    """E.g. `6/7 cases passed (43%: not stable)`: why the score is not the share (the failed
    stability case says it halved the score)."""
    total = len(report.cases)
    verdict = "solved" if report.solved else percent(report.score)
    unstable = ": not stable" if report.unstable and report.passed else ""
    return f"{report.passed}/{total} cases passed ({verdict}{unstable})"


def report_lines(report: CheckReport) -> list[str]:
    """The problem (if any), one line per case with details under failed ones, then output."""
    lines = []
    if report.problem:
        lines.append(visible(report.problem))
    for case in report.cases:
        if case.passed:
            lines.append(f"  ✓ {case.name}")
            continue
        lines.append(f"  ✗ {case.name}: {visible(case.reason)}")
        lines.extend(f"      {visible(detail)}" for detail in case.details)
    if report.output:
        printed = report.output.splitlines()
        lines.append("printed:")
        lines.extend(f"  {visible(line)}" for line in printed[:_OUTPUT_LINES])
        if len(printed) > _OUTPUT_LINES:
            lines.append(f"  … {len(printed) - _OUTPUT_LINES} more lines")
    return lines


def report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "exercise": report.exercise_id,
        "passed": report.passed,
        "total": len(report.cases),
        "score": report.score,
        "solved": report.solved,
        "problem": report.problem,
        "cases": [
            {
                "name": case.name,
                "passed": case.passed,
                "reason": case.reason,
                "details": list(case.details),
            }
            for case in report.cases
        ],
        "output": report.output,
    }
