"""CI (`.ci/run` sets CI=true) runs the property tests derandomized; a local run explores."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

CONFTEST = Path(__file__).resolve().parent / "conftest.py"
PROBE = (
    f"import runpy; runpy.run_path({str(CONFTEST)!r}); from hypothesis import settings;"
    " print(settings.default.derandomize)"
)


@pytest.mark.parametrize(("ci", "derandomized"), [("true", "True"), (None, "False")])
def test_the_ci_variable_selects_the_derandomized_profile(
    ci: str | None, derandomized: str
) -> None:
    env = {name: value for name, value in os.environ.items() if name != "CI"}
    if ci is not None:
        env["CI"] = ci
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == derandomized
