"""mypy is part of the suite: the packages below the TUI type-check clean ([tool.mypy])."""

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cache_dir() -> Path:
    """Outside the tree and kept between runs (a cold mypy run takes tens of seconds), one per
    checkout so two checkouts never share a cache."""
    key = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"quizapp-mypy-{key}"


def test_mypy_is_clean_on_the_domain_packages() -> None:
    """Through this interpreter, so it runs whether or not the venv is activated."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(_cache_dir()),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
