"""A real process killed with SIGKILL mid-session loses no answer it reported as recorded, and
no card it reported as answered keeps its question on show (the answer and forgetting the
question are one commit).

The session's clock stands still: with the real clock, a slow machine (150 answers took over a
minute under load) brought a card answered Again back after its one-minute step, and the card on
show when killed was then one already answered, keeping its question as it should; the test
failed on its own assumption that every answer is a card's first."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from study_fakes import START

from quizapp.study import DATABASE_NAME, FakeClock, open_store

SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from pathlib import Path

    from fsrs import Rating

    from quizapp.study import FakeClock, ReviewSession, open_store

    class Card:
        kind, deck, section, back = "choice", "crash", "crash", "answer"
        options, answer_index = ("yes", "no", "maybe"), 0
        key_points = ()
        activation = template = None
        params = {}

        def __init__(self, index):
            self.id = f"crash-{index:04d}"
            self.front = f"question {index}"

        def content_hash(self):
            return self.front

    store = open_store(Path(sys.argv[1]), FakeClock(datetime.fromisoformat(sys.argv[2])))
    store.set_setting("new_per_day", 500)
    session = ReviewSession(store, [Card(index) for index in range(10000)])
    ratings = [Rating.Good, Rating.Again, Rating.Hard, Rating.Easy]
    count = 0
    while True:
        item = session.next()
        session.keep_question()
        recorded = session.record(item, ratings[count % 4])
        print(recorded.review.id, item.card.id, int(recorded.review.rating), flush=True)
        count += 1
    """
)


def test_sigkill_mid_session_keeps_every_reported_answer(tmp_path: Path) -> None:
    script = tmp_path / "drive.py"
    script.write_text(SCRIPT)
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), START.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported = []
    try:
        while len(reported) < 150:
            line = process.stdout.readline()
            assert line, process.stderr.read()
            reported.append(line.split())
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    with sqlite3.connect(data_dir / DATABASE_NAME) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {
            str(row[0]): (row[1], str(row[2]))
            for row in raw.execute("SELECT id, card_id, rating FROM reviews")
        }
        kept = {row[0] for row in raw.execute("SELECT card_id FROM shown_questions")}
    assert len(kept) <= 1, "only the card on show when killed may keep its question"
    assert not kept & {card_id for _review_id, card_id, _rating in reported}
    for review_id, card_id, rating in reported:
        assert stored[review_id] == (card_id, rating)
    assert len(stored) >= len(reported)

    with open_store(data_dir, FakeClock(START)) as store:
        assert store.review_count() == len(stored)
        last_id, last_card, _ = reported[-1]
        assert store.card_state(last_card).reps == 1
        assert store.reviews_of(last_card)[0].id == int(last_id)


UNDO_SCRIPT = textwrap.dedent(
    """
    import os
    import signal
    import sys
    from pathlib import Path

    from fsrs import Rating

    from quizapp.study import ReviewSession, SystemClock, open_store

    class Card:
        kind, deck, section, back = "choice", "crash", "crash", "answer"
        options, answer_index = ("yes", "no", "maybe"), 0
        key_points = ()
        activation = template = None
        params = {}
        id, front = "crash-undo", "question"

        def content_hash(self):
            return self.front

    store = open_store(Path(sys.argv[1]), SystemClock())
    session = ReviewSession(store, [Card()])
    item = session.next()
    session.keep_question()
    session.record(item, Rating.Good)
    print(item.seed, flush=True)
    committed = False

    def kill_after_the_first_commit(statement):
        global committed
        if committed:
            os.kill(os.getpid(), signal.SIGKILL)
        committed = statement == "COMMIT"

    store._connection.set_trace_callback(kill_after_the_first_commit)
    session.undo()
    print("undo returned", flush=True)
    """
)


def test_sigkill_right_after_an_undo_commits_keeps_its_question(tmp_path: Path) -> None:
    """Killed as soon as the undo's first commit is done: the answer is undone and the
    question it was given to is kept (one commit), never undone with the question lost."""
    script = tmp_path / "undo.py"
    script.write_text(UNDO_SCRIPT)
    data_dir = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, str(script), str(data_dir)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    [seed] = done.stdout.split()
    with sqlite3.connect(data_dir / DATABASE_NAME) as raw:
        assert raw.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
        kept = raw.execute("SELECT card_id, seed FROM shown_questions").fetchall()
    assert kept == [("crash-undo", int(seed))]
