"""mypy is part of the suite: every package, the TUI included, type-checks clean ([tool.mypy])."""

import hashlib
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cache_dir() -> Path:
    """Outside the tree and kept between runs (a cold mypy run takes tens of seconds), one per
    checkout so two checkouts never share a cache."""
    key = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"quizapp-mypy-{key}"


def test_mypy_is_clean() -> None:
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


def test_mypy_checks_every_part_of_the_app() -> None:
    """A package left out of [tool.mypy], or one whose errors are ignored, is not checked at all."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    checked = set(config["packages"]) | set(config["modules"])
    parts = {
        f"quizapp.{path.stem}"
        for path in (ROOT / "quizapp").iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem not in ("__init__", "__main__"))
    }
    assert parts - checked == set()
    ignored = [
        module
        for override in config.get("overrides", [])
        if override.get("ignore_errors")
        for module in override["module"]
    ]
    assert not [module for module in ignored if module.startswith("quizapp")]
