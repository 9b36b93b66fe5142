"""`quizapp export --format csv`: every review, in order, readable by any CSV reader."""

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import load_library
from quizapp.study import (
    DATABASE_NAME,
    DatabaseUnavailableError,
    FakeClock,
    Rating,
    ReviewRecord,
    ReviewSession,
    StudyStore,
    open_store,
)


def _study(data_dir: Path) -> list:
    cards = load_library(data_dir).cards
    numeric = next(card for card in cards if card.template is not None)
    clock = FakeClock(datetime.now(UTC) - timedelta(hours=3))
    with open_store(data_dir, clock) as store:
        session = ReviewSession(store, [cards[0], numeric])
        recorded = []
        for rating in (Rating.Again, Rating.Good):
            item = session.next()
            if item.question is not None:
                session.submit(item, item.question.expected_text)
                recorded.append(session.record(item, rating))
            else:
                recorded.append(session.record(item, rating))
            clock.advance(seconds=20)
        return [entry.review for entry in recorded]


def test_csv_to_stdout_has_every_review(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    reviews = _study(tmp_path)
    assert main(["--data-dir", str(tmp_path), "export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["id"] for row in rows] == [str(review.id) for review in reviews]
    assert [row["card_id"] for row in rows] == [review.card_id for review in reviews]
    assert [row["rating"] for row in rows] == ["Again", "Good"]
    skill = next(row for row in rows if row["template"])
    recorded = next(review for review in reviews if review.template)
    assert skill["seed"] == str(recorded.seed)
    assert skill["correct"] == "1"
    assert skill["response"] == recorded.response
    assert rows[0]["reviewed_at"] == reviews[0].reviewed_at.isoformat()


def test_csv_to_a_file(tmp_path: Path) -> None:
    reviews = _study(tmp_path)
    target = tmp_path / "log.csv"
    assert main(["--data-dir", str(tmp_path), "export", "--output", str(target)]) == 0
    with target.open(newline="", encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == len(reviews)
    assert not list(tmp_path.glob("*.partial"))


def test_unwritable_output_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    target = tmp_path / "missing-dir" / "log.csv"
    assert main(["--data-dir", str(tmp_path), "export", "--output", str(target)]) == 1
    error = capsys.readouterr().err
    assert str(target) in error and error.count("\n") == 1


def test_a_database_failure_midway_leaves_no_partial_file_and_keeps_the_old_export(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _study(tmp_path)
    target = tmp_path / "log.csv"
    target.write_text("yesterday's export\n", encoding="utf-8")

    def failing(store: StudyStore, batch: int = 5000) -> Iterator[ReviewRecord]:
        yield from list(original(store, batch))[:1]
        raise DatabaseUnavailableError("cannot use study database: disk I/O error", store.path)

    original = StudyStore.iter_reviews
    monkeypatch.setattr(StudyStore, "iter_reviews", failing)
    assert main(["--data-dir", str(tmp_path), "export", "--output", str(target)]) == 1
    assert capsys.readouterr().err == (
        "quizapp export: error: cannot use study database: disk I/O error\n"
    )
    assert target.read_text(encoding="utf-8") == "yesterday's export\n"
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("name", [DATABASE_NAME, f"{DATABASE_NAME}-wal"])
def test_refuses_to_write_over_the_study_database(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    reviews = _study(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", ".", "export", "--output", f"../{tmp_path.name}/{name}"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("quizapp export: error: ") and "study database" in error
    with open_store(tmp_path, FakeClock(datetime.now(UTC))) as store:
        assert store.review_count() == len(reviews)
