"""`quizapp code list` and `quizapp code check`: exit 0 all pass, 1 some fail, 2 bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.cli import main

NAIVE_SOFTMAX = """\
import numpy as np
def softmax(x):
    e = np.exp(x)
    print("\\x1b[31m")
    return e / e.sum(axis=-1, keepdims=True)
"""


def _run(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(tmp_path / "data"), "code", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_json_gives_id_title_function_and_signature(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, tmp_path, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    assert len(rows) >= 12
    assert set(rows[0]) == {"id", "title", "function", "signature"}
    softmax = next(row for row in rows if row["id"] == "code-softmax")
    assert softmax["function"] == "softmax"
    assert softmax["signature"].startswith("softmax(")


def test_list_prints_one_line_per_exercise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, tmp_path, "list")
    assert code == 0
    assert any(line.startswith("code-softmax ") for line in out.splitlines())


def test_check_passing_file_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    solution = tmp_path / "relu.py"
    solution.write_text("import numpy as np\ndef relu(x):\n    return np.maximum(x, 0)\n")
    code, out, _ = _run(capsys, tmp_path, "check", "code-relu", str(solution))
    assert code == 0
    assert out.startswith("code-relu: 6/6 cases passed (solved)")


def test_check_failing_file_exits_1_naming_the_case(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    solution = tmp_path / "softmax.py"
    solution.write_text(NAIVE_SOFTMAX)
    code, out, _ = _run(capsys, tmp_path, "check", "code-softmax", str(solution))
    assert code == 1
    assert out.startswith("code-softmax: 6/7 cases passed (43%: not stable)")
    assert (
        "✗ large logits [1000, 1001]: RuntimeWarning: overflow encountered in exp (line 3)" in out
    )
    assert "\x1b" not in out


def test_check_json_lists_every_case(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    solution = tmp_path / "softmax.py"
    solution.write_text(NAIVE_SOFTMAX)
    code, out, _ = _run(capsys, tmp_path, "check", "code-softmax", str(solution), "--json")
    report = json.loads(out)
    assert code == 1
    assert report["exercise"] == "code-softmax"
    assert report["passed"] == report["total"] - 1
    failed = [case for case in report["cases"] if not case["passed"]]
    assert [case["name"] for case in failed] == ["large logits [1000, 1001]"]


@pytest.mark.parametrize(
    ("exercise", "file_text", "message"),
    [
        ("code-nope", "x = 1\n", "unknown exercise 'code-nope'"),
        ("code-relu", None, "cannot read"),
        ("code-relu", b"\xff\xfe", "is not UTF-8 text"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    exercise: str,
    file_text: str | bytes | None,
    message: str,
) -> None:
    solution = tmp_path / "solution.py"
    if isinstance(file_text, bytes):
        solution.write_bytes(file_text)
    elif file_text is not None:
        solution.write_text(file_text)
    code, _, err = _run(capsys, tmp_path, "check", exercise, str(solution))
    assert code == 2
    assert message in err
    assert "Traceback" not in err
