"""Every benchmark still runs: its quick mode, in a fresh interpreter, as `python benchmarks/X.py`.

Figures are not checked (speed is measured, not asserted); a benchmark that crashes or no longer
matches the code it measures fails here instead of rotting until someone needs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(
    path
    for path in BENCHMARKS.glob("*.py")
    if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")
)


def test_every_benchmark_is_found() -> None:
    assert {"startup.py", "study.py", "engine.py"} <= {script.name for script in SCRIPTS}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.stem)
def test_benchmark_quick_mode_runs(script: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip(), f"{script.name} printed no figures"


def test_startup_reports_the_childs_own_peak_not_the_benchmark_process_size() -> None:
    """A child forked from a big process can have that process's resident size in ru_maxrss; the
    start-up benchmark builds or holds the 100,000-card collection before it launches the app."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from startup import own_peak_mib
    finally:
        sys.path.remove(str(BENCHMARKS))
    ballast = bytearray(300 * 1024 * 1024)
    ballast[::4096] = b"x" * len(ballast[::4096])
    cat = shutil.which("cat")
    assert cat is not None
    child = subprocess.Popen([cat], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while Path(f"/proc/{child.pid}/exe").resolve() != Path(cat).resolve():
            assert time.monotonic() < deadline, "cat never started"
            time.sleep(0.01)
        peak = own_peak_mib(child.pid)
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait()
    del ballast
    assert peak is not None
    assert peak < 100
