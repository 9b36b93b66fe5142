"""Hostile code: every way a submission can misbehave ends in a one-line report, within limits,
and leaves the study database and the app's own state alone."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np
import pytest

from quizapp.coding.check import check
from quizapp.coding.sandbox import Sandbox
from quizapp.content import Card
from quizapp.study import SystemClock, open_store


def _relu(exercises: dict[str, Card]) -> Card:
    return exercises["code-relu"]


def test_infinite_loop_times_out_within_the_limit_plus_one_second(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    began = time.monotonic()
    report = check(_relu(exercises), "def relu(x):\n    while True:\n        pass\n", sandbox)
    assert time.monotonic() - began < sandbox.limits.timeout + 1.0
    assert report.problem == "timed out after 2 s (stopped)"
    assert report.cases[0].reason == "timed out after 2 s (stopped)"
    assert {case.reason for case in report.cases[1:]} == {"not run"}


def test_the_sandbox_still_works_after_a_timeout(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    check(_relu(exercises), "def relu(x):\n    while True:\n        pass\n", sandbox)
    assert check(
        _relu(exercises), "import numpy as np\nrelu = lambda x: np.maximum(x, 0)\n", sandbox
    ).solved


ONE_LINERS = [
    pytest.param(
        "def relu(x):\n    return bytearray(10 ** 11)\n",
        "ran out of memory (the limit is 1024 MiB)",
        id="memory bomb",
    ),
    pytest.param(
        "import sys\ndef relu(x):\n    sys.exit(3)\n",
        "called sys.exit(3); return the result instead",
        id="sys.exit",
    ),
    pytest.param(
        "def relu(x):\n    return float(input())\n",
        "read from standard input; the tests give your function no input",
        id="stdin",
    ),
]


@pytest.mark.parametrize(("code", "reason"), ONE_LINERS)
def test_misbehaving_function_is_reported_in_one_line(
    code: str, reason: str, exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    report = check(_relu(exercises), code, sandbox)
    assert report.problem is None
    assert {case.reason for case in report.cases} == {reason}


def test_exception_trace_is_trimmed_to_the_users_lines(
    exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    code = (
        "import numpy as np\ndef helper(x):\n    return np.maximum(x, 0) + y\n"
        "def relu(x):\n    return helper(x)\n"
    )
    case = check(_relu(exercises), code, sandbox).cases[0]
    assert case.reason == "raised NameError: name 'y' is not defined"
    assert case.details[1:] == (
        "  line 5, in relu: return helper(x)",
        "  line 3, in helper: return np.maximum(x, 0) + y",
    )


LOAD_PROBLEMS = [
    pytest.param(
        "def relu(x)\n    return x\n", "SyntaxError at line 1, column 12: expected ':'", id="syntax"
    ),
    pytest.param(
        "import no_such_module\n",
        "loading your code imports 'no_such_module', which is not available: only numpy and the "
        "standard library are (line 1, in <module>: import no_such_module)",
        id="missing import",
    ),
    pytest.param(
        "def rectify(x):\n    return x\n", "no function named 'relu' in your code", id="no function"
    ),
]


@pytest.mark.parametrize(("code", "problem"), LOAD_PROBLEMS)
def test_code_that_cannot_load_is_reported_in_one_line(
    code: str, problem: str, exercises: dict[str, Card], sandbox: Sandbox
) -> None:
    report = check(_relu(exercises), code, sandbox)
    assert report.problem == problem
    assert report.passed == 0


def test_output_flood_is_capped_and_stopped(exercises: dict[str, Card], sandbox: Sandbox) -> None:
    began = time.monotonic()
    report = check(
        _relu(exercises), "def relu(x):\n    while True:\n        print('x' * 10000)\n", sandbox
    )
    assert time.monotonic() - began < sandbox.limits.timeout
    assert report.problem == "printed more than 64 KiB of output (stopped)"
    assert len(report.output) <= 64 * 1024


def test_printed_output_is_kept(exercises: dict[str, Card], sandbox: Sandbox) -> None:
    report = check(
        _relu(exercises),
        "import numpy as np\ndef relu(x):\n    print('shape', x.shape)\n"
        "    return np.maximum(x, 0)\n",
        sandbox,
    )
    assert report.solved
    assert "shape (8,)" in report.output


def test_exiting_the_process_is_reported(exercises: dict[str, Card], sandbox: Sandbox) -> None:
    report = check(_relu(exercises), "import os\ndef relu(x):\n    os._exit(4)\n", sandbox)
    assert report.problem == "your code ended the test process (exit code 4)"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


HOSTILE = """\
import os, sys, glob
import numpy as np
print("ENV", dict(os.environ))
print("ARGV", sys.argv, "CWD", os.getcwd())
for found in glob.glob(os.path.expanduser("~/**/*.sqlite3"), recursive=True):
    open(found, "wb").write(b"gone")
np.seterr(all="raise")
sys.path.insert(0, "/nowhere")
def relu(x):
    return np.maximum(x, 0)
"""


def test_the_child_cannot_reach_the_study_database_or_the_apps_state(
    exercises: dict[str, Card], sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(data_dir))
    store = open_store(data_dir, SystemClock())
    database = store.path
    store.close()
    before = _digest(database)
    errors_before = np.geterr()
    path_before = list(__import__("sys").path)
    with Sandbox() as fresh:
        report = check(_relu(exercises), HOSTILE, fresh)
    assert report.solved
    assert str(data_dir) not in report.output
    assert "QUIZAPP" not in report.output
    assert _digest(database) == before
    assert np.geterr() == errors_before
    assert __import__("sys").path == path_before
