"""Checking a user's code against an exercise: run it in the sandbox, judge each case here.

The child only returns what the function gave back; expected values are computed and compared
in this process, so the user's code never sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from quizapp.coding.cases import STABILITY_CASES, Case, GivenFunction, cases_for
from quizapp.coding.compare import constant_factor, mismatch, show_array
from quizapp.coding.sandbox import Job, RawRun, Sandbox

if TYPE_CHECKING:
    from quizapp.content.model import Card


UNSTABLE_NOTE = "not stable, the point of this exercise: the score is halved"

Failure = Literal["overflow", "wrong", "form"]
"""How a case failed: `overflow` (a RuntimeWarning, an OverflowError, or inf/nan where a finite
value was expected), `wrong` (the result is not the expected one: values, shape, an exception,
nothing returned, not run), or `form` (right values, but the dtype was not kept or an input was
changed in place)."""


@dataclass(frozen=True)
class CaseResult:
    """One case's verdict; `reason` is one line, `details` the input/expected/got/traceback."""

    name: str
    passed: bool
    reason: str = ""
    details: tuple[str, ...] = ()
    failure: Failure = "wrong"
    unstable: bool = False
    """A stability case failed for instability (see `_noting_stability`): the score is halved."""

    @property
    def stability(self) -> bool:
        """A case where a naive formula overflows: the point of the exercise (`STABILITY_CASES`)."""
        return self.name in STABILITY_CASES


@dataclass(frozen=True)
class CheckReport:
    """A run's verdict: per-case results, a one-line `problem` for the run as a whole (syntax
    error, timeout, output flood…), and what the code printed (capped)."""

    exercise_id: str
    cases: tuple[CaseResult, ...]
    problem: str | None = None
    output: str = ""
    seconds: float = 0.0

    @property
    def passed(self) -> int:
        return sum(case.passed for case in self.cases)

    @property
    def unstable(self) -> bool:
        """A stability case failed for instability: the code would be rejected whatever else it
        gets right."""
        return any(case.unstable for case in self.cases)

    @property
    def score(self) -> float:
        """The share of cases passed, 0..1, halved when a stability case failed for instability."""
        if not self.cases:
            return 0.0
        share = self.passed / len(self.cases)
        return share / 2 if self.unstable else share

    @property
    def solved(self) -> bool:
        return bool(self.cases) and self.passed == len(self.cases)

    @property
    def correct(self) -> bool:
        """As a review grade: right only when every case passes."""
        return self.solved

    @property
    def feedback(self) -> tuple[str, ...]:
        """One line per failed case (with the run's problem first), as a review log keeps it."""
        head = (self.problem,) if self.problem else ()
        failed = tuple(f"{case.name}: {case.reason}" for case in self.cases if not case.passed)
        return (f"{self.passed}/{len(self.cases)} cases passed", *head, *failed)


def _job(card: Card, code: str, cases: list[Case]) -> Job:
    assert card.exercise is not None
    inputs: dict[str, np.ndarray] = {}
    layout = []
    for index, case in enumerate(cases):
        args = []
        for position, arg in enumerate(case.args):
            key = f"c{index}a{position}"
            if isinstance(arg, GivenFunction):
                inputs[key] = arg.weights
                args.append({"function": arg.name, "array": key})
            else:
                inputs[key] = arg
                args.append({"array": key})
        layout.append({"args": args, "kwargs": dict(case.kwargs), "outputs": len(case.expected)})
    return Job(code, card.exercise.function, layout, inputs)


def _error_reason(error: dict[str, Any], limit_bytes: int) -> str:
    kind = error.get("type", "Exception")
    message = error.get("message", "")
    if error.get("stdin"):
        return "read from standard input; the tests give your function no input"
    if kind == "SystemExit":
        return f"called sys.exit({message}); return the result instead"
    if kind == "MemoryError":
        return f"ran out of memory (the limit is {limit_bytes >> 20} MiB)"
    if kind == "ModuleNotFoundError":
        module = error.get("module") or message
        return (
            f"imports {module!r}, which is not available: only numpy and the standard library are"
        )
    return f"raised {kind}: {message}" if message else f"raised {kind}"


_OVERFLOW_ERRORS = frozenset({"OverflowError", "ZeroDivisionError", "FloatingPointError"})


def _factor_note(case: Case, expected: np.ndarray, got: np.ndarray) -> str:
    """` — off by a factor of k` when every value is k× the expected one, with the likely cause
    when k is the batch size the outputs are means over."""
    factor = constant_factor(expected, got)
    if factor is None:
        return ""
    if factor == -1 or np.isclose(factor, -1.0):
        return " — off by a factor of −1: the sign is flipped"
    if case.batch is not None and np.isclose(factor, case.batch):
        return (
            f" — off by a factor of {case.batch} = N, the batch size: missing the mean over"
            " the batch?"
        )
    return f" — off by a factor of {factor:.4g}"


def _failure(expected: np.ndarray, got: np.ndarray) -> Failure:
    """Whether a mismatch is an overflow, a wrong result, or only the dtype (see `Failure`)."""
    if got.shape == expected.shape and got.dtype.kind in "biufc":
        overflowed = ~np.isfinite(got) & np.isfinite(expected)
        if overflowed.any():
            return "overflow"
        if expected.ndim and mismatch(expected, got.astype(expected.dtype)) is None:
            return "form"
    return "wrong"


def _inputs(case: Case) -> list[str]:
    shown = []
    for arg in case.args:
        if isinstance(arg, GivenFunction):
            shown.append(f"f = {arg.name} with w = {show_array(arg.weights)}")
        else:
            shown.append(show_array(arg))
    kwargs = ", ".join(f"{name}={value!r}" for name, value in case.kwargs.items())
    return [f"input: {'; '.join(shown)}{'; ' + kwargs if kwargs else ''}"]


def _judge(
    case: Case, record: dict[str, Any], arrays: dict[str, np.ndarray], memory: int
) -> CaseResult:
    details = _inputs(case)
    error = record.get("error")
    if error:
        trace = [f"  {line}" for line in error.get("trace", [])]
        kind: Failure = "overflow" if error.get("type") in _OVERFLOW_ERRORS else "wrong"
        reason = _error_reason(error, memory)
        return CaseResult(case.name, False, reason, (*details, *trace), kind)
    if record.get("returned"):
        return CaseResult(case.name, False, record["returned"], tuple(details))
    for position, arg in enumerate(case.args):
        after = arrays.get(f"a{position}")
        if (
            isinstance(arg, np.ndarray)
            and after is not None
            and not np.array_equal(after, arg, equal_nan=True)
        ):
            return CaseResult(
                case.name,
                False,
                f"changed its input (argument {position + 1}) in place",
                tuple(details),
                "form",
            )
    wrong: tuple[str, ...] | None = None
    failure: Failure = "wrong"
    for index, expected in enumerate(case.expected):
        got = arrays.get(f"o{index}")
        if got is None:
            return CaseResult(case.name, False, "returned nothing", tuple(details))
        label = f"output {index + 1}" if len(case.expected) > 1 else ""
        differs = mismatch(np.asarray(expected), got, label)
        if differs:
            differs += _factor_note(case, np.asarray(expected), got)
            failure = _failure(np.asarray(expected), got)
            wrong = (differs, f"expected: {show_array(expected)}", f"got: {show_array(got)}")
            break
    runtime = [w for w in record.get("warnings", []) if w.get("category") == "RuntimeWarning"]
    if runtime:
        warning = runtime[0]
        line = f" (line {warning['line']})" if warning.get("line") else ""
        reason = f"RuntimeWarning: {warning.get('message', '')}{line}"
        return CaseResult(case.name, False, reason, (*details, *(wrong or ())), "overflow")
    if wrong:
        return CaseResult(case.name, False, wrong[0], (*details, *wrong[1:]), failure)
    return CaseResult(case.name, True)


def _load_problem(load: dict[str, Any], function: str, memory: int) -> str:
    if "syntax" in load:
        syntax = load["syntax"]
        where = f"line {syntax.get('line')}, column {syntax.get('column')}"
        return f"SyntaxError at {where}: {syntax.get('message')}"
    if "missing" in load:
        return f"no function named {function!r} in your code"
    error = load.get("error", {})
    trace = error.get("trace", [])
    where = f" ({trace[-1]})" if trace else ""
    return f"loading your code {_error_reason(error, memory)}{where}"


def _run_problem(raw: RawRun, timeout: float, cap: int) -> str | None:
    if raw.timed_out:
        return f"timed out after {timeout:g} s (stopped)"
    if raw.flooded:
        return f"printed more than {cap >> 10} KiB of output (stopped)"
    if raw.exit_code < 0:
        return f"the test process was killed by signal {-raw.exit_code}"
    if raw.exit_code > 0:
        return f"your code ended the test process (exit code {raw.exit_code})"
    return None


def _noting_stability(results: list[CaseResult]) -> tuple[CaseResult, ...]:
    """Marks the stability cases failed for instability, which halves the score, and has them
    say so (where there was a score to halve).

    Instability is an overflow (a RuntimeWarning, inf or nan), or a result wrong on the large
    inputs only, right on every moderate one. A result wrong on moderate inputs too is a wrong
    value (a missing mean is N× off on every input, large ones included), and a dtype not kept
    is a dtype: neither is blamed on stability.
    """
    moderate_right = not any(
        result.failure == "wrong"
        for result in results
        if not result.stability and not result.passed
    )
    marked = [
        replace(result, unstable=True)
        if result.stability
        and not result.passed
        and (result.failure == "overflow" or (result.failure == "wrong" and moderate_right))
        else result
        for result in results
    ]
    if not any(result.passed for result in marked):
        return tuple(marked)
    return tuple(
        replace(result, reason=f"{result.reason} — {UNSTABLE_NOTE}") if result.unstable else result
        for result in marked
    )


def judge(card: Card, cases: list[Case], raw: RawRun, sandbox: Sandbox) -> CheckReport:
    """Compare a run's outputs with the expected ones, case by case."""
    assert card.exercise is not None
    limits = sandbox.limits
    if raw.load is not None:
        load_problem = _load_problem(raw.load, card.exercise.function, limits.memory)
        not_run = tuple(CaseResult(case.name, False, "not run") for case in cases)
        return CheckReport(card.id, not_run, load_problem, raw.output, raw.seconds)
    problem = _run_problem(raw, limits.timeout, limits.output)
    results = []
    for index, case in enumerate(cases):
        if index in raw.records:
            record, arrays = raw.records[index]
            results.append(_judge(case, record, arrays, limits.memory))
        else:
            first_missing = index == len(raw.records)
            reason = (problem or "not run") if first_missing else "not run"
            results.append(CaseResult(case.name, False, reason, tuple(_inputs(case))))
    return CheckReport(card.id, _noting_stability(results), problem, raw.output, raw.seconds)


def check(card: Card, code: str, sandbox: Sandbox) -> CheckReport:
    """Run `code` against the exercise's hidden cases and judge every case."""
    cases = cases_for(card)
    raw = sandbox.run(_job(card, code, cases))
    return judge(card, cases, raw, sandbox)
