"""The study modules the issue named (stats, content changes, mock weakness; mock storage moved
into the store package as `store/interviews.py`) ask the store and run no SQL of their own."""

from pathlib import Path

import quizapp.study as study

ROOT = Path(study.__file__).parent
ASKING_THE_STORE = ("stats.py", "content_changes.py", "mock/weakness.py")


def test_stats_changes_and_weakness_keep_no_sql() -> None:
    sql = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", ".query(", ".transaction(")
    offenders = [
        name
        for name in ASKING_THE_STORE
        if any(word in (ROOT / name).read_text(encoding="utf-8") for word in sql)
    ]
    assert offenders == []
    assert not (ROOT / "mock" / "storage.py").exists()
    assert (ROOT / "store" / "interviews.py").exists()
