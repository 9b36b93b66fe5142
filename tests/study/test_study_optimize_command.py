"""`quizapp optimize` and desired retention: refusals, resetting, due dates recomputed.

The fit itself needs torch: see tests/study/test_study_optimizer.py (marker `optimizer`)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pytest
from fsrs_synthetic import FORGETFUL, START, store_history, synthetic_history

from quizapp.cli import main
from quizapp.study import FakeClock, StudySettings, open_store


def _fill(data_dir: Path, cards: int, days: int) -> None:
    """A history ending today, as the commands read the real clock."""
    start = datetime.now(UTC) - timedelta(days=days)
    with open_store(data_dir, FakeClock(START)) as store:
        store_history(store, synthetic_history(FORGETFUL, cards=cards, days=days, start=start))


def _due(data_dir: Path) -> dict[str, int]:
    with open_store(data_dir, FakeClock(START)) as store:
        return dict(store.query("SELECT card_id, due FROM cards"))


def test_too_few_reviews_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _fill(tmp_path, cards=5, days=60)
    assert main(["--data-dir", str(tmp_path), "optimize", "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quizapp optimize: error: only ")
    assert "fitting needs at least 512" in err


def test_without_the_extra_the_message_says_how_to_get_it(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(tmp_path, cards=80, days=200)
    monkeypatch.setitem(sys.modules, "fsrs.optimizer", None)
    if "Optimizer" in vars(fsrs):
        monkeypatch.delattr(fsrs, "Optimizer")
    assert main(["--data-dir", str(tmp_path), "optimize", "--yes"]) == 1
    err = capsys.readouterr().err
    assert "pip install 'quizapp[optimizer]'" in err
    with open_store(tmp_path, FakeClock(START)) as store:
        assert store.settings().fsrs_parameters == ()


def test_reset_goes_back_to_the_defaults_and_reschedules(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _fill(tmp_path, cards=20, days=100)
    with open_store(tmp_path, FakeClock(START)) as store:
        StudySettings(fsrs_parameters=FORGETFUL).save(store)
        assert store.settings().scheduler().parameters == FORGETFUL
    before = _due(tmp_path)
    assert main(["--data-dir", str(tmp_path), "optimize", "--reset"]) == 0
    assert "Scheduling with FSRS's default parameters" in capsys.readouterr().out
    with open_store(tmp_path, FakeClock(START)) as store:
        assert store.settings().fsrs_parameters == ()
    assert _due(tmp_path) == before


def test_changing_desired_retention_recomputes_due_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    _fill(tmp_path, cards=20, days=100)
    before = _due(tmp_path)
    assert main(["--data-dir", str(tmp_path), "settings", "desired_retention=0.95"]) == 0
    out = capsys.readouterr().out
    after = _due(tmp_path)
    moved = sum(after[card] != before[card] for card in before)
    assert moved > 0
    assert f"due dates recomputed, {moved} card{'' if moved == 1 else 's'} moved" in out
    assert all(after[card] <= before[card] for card in before)
    assert main(["--data-dir", str(tmp_path), "settings", "new_per_day=10"]) == 0
    assert "recomputed" not in capsys.readouterr().out
    assert _due(tmp_path) == after


def test_stored_parameters_out_of_bounds_fall_back_to_the_defaults(tmp_path: Path) -> None:
    with open_store(tmp_path, FakeClock(START)) as store:
        store.set_setting("fsrs_parameters", [1.0, 2.0])
        assert store.settings().fsrs_parameters == ()
        store.set_setting("fsrs_parameters", list(FORGETFUL))
        assert store.settings().scheduler().parameters == FORGETFUL
