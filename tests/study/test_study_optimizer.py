"""The fit itself, on a history simulated from known parameters (needs the optimizer extra).

Without torch these tests skip, so the README's test command passes on a plain install; `.ci/run`
installs `quizapp[optimizer]` and runs them with QUIZAPP_REQUIRE_OPTIMIZER=1, where a missing
torch fails instead of skipping.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS
from fsrs_synthetic import FORGETFUL, START, store_history, synthetic_history

from quizapp.cli import main
from quizapp.study import FakeClock, open_store
from quizapp.study.fitting import evaluate, fit_parameters

pytestmark = pytest.mark.optimizer

if not os.environ.get("QUIZAPP_REQUIRE_OPTIMIZER"):
    pytest.importorskip("torch", reason="the optimizer extra: pip install 'quizapp[optimizer]'")

HISTORY = {"cards": 80, "days": 200}


@pytest.fixture(scope="module")
def history() -> list:
    return synthetic_history(FORGETFUL, **HISTORY)


@pytest.fixture(scope="module")
def fitted(history: list) -> tuple[float, ...]:
    return fit_parameters(history)


def test_the_fit_moves_towards_the_parameters_that_made_the_history(
    history: list, fitted: tuple[float, ...]
) -> None:
    default, true, fit = (
        evaluate(history, parameters) for parameters in (DEFAULT_PARAMETERS, FORGETFUL, fitted)
    )
    assert fit.log_loss < default.log_loss - 0.005
    assert fit.log_loss - true.log_loss < 0.6 * (default.log_loss - true.log_loss)
    assert fit.rmse < default.rmse
    assert fitted[0] < DEFAULT_PARAMETERS[0]


def _fill_until_today(data_dir: Path) -> None:
    start = datetime.now(UTC) - timedelta(days=HISTORY["days"])
    with open_store(data_dir, FakeClock(START)) as store:
        store_history(store, synthetic_history(FORGETFUL, **HISTORY, start=start))


def _settings_and_due(data_dir: Path) -> tuple[tuple[float, ...], list, dict[str, int]]:
    with open_store(data_dir, FakeClock(START)) as store:
        return (
            store.settings().fsrs_parameters,
            store.get_setting("fsrs_fitted_parameters"),
            dict(store.query("SELECT card_id, due FROM cards")),
        )


def test_optimize_yes_fits_stores_and_reschedules(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _fill_until_today(tmp_path)
    _, _, before = _settings_and_due(tmp_path)
    assert main(["--data-dir", str(tmp_path), "optimize", "--yes"]) == 0
    out = capsys.readouterr().out
    current = next(line for line in out.splitlines() if line.startswith("current"))
    fitted = next(line for line in out.splitlines() if line.startswith("fitted"))
    assert "log loss" in current and "RMSE" in current
    assert float(fitted.split()[3]) < float(current.split()[3])
    assert "due dates recomputed" in out
    parameters, stored, after = _settings_and_due(tmp_path)
    assert parameters == tuple(stored) and len(parameters) == len(DEFAULT_PARAMETERS)
    assert after != before


def test_optimize_asks_and_a_no_keeps_the_schedule(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill_until_today(tmp_path)
    _, _, before = _settings_and_due(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["--data-dir", str(tmp_path), "optimize"]) == 0
    out = capsys.readouterr().out
    assert "Schedule with the fitted parameters (due dates are recomputed)? [y/N]" in out
    assert "Kept the current parameters" in out
    parameters, stored, after = _settings_and_due(tmp_path)
    assert parameters == () and stored
    assert after == before
