"""The coding benchmark runs (quick mode) and prints every row against its floor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "coding.py"


def test_quick_benchmark_prints_the_floor_and_both_checks() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[2].startswith("| `python -I -c pass` (floor) |") and rows[2].endswith(" 1.00x |")
    assert any(row.startswith("| check in the app") for row in rows)
    assert any(row.startswith("| sandbox check with a cold child") for row in rows)
    assert any(row.startswith("| `quizapp code check` end to end") for row in rows)
