"""One rule for conceptual answers nobody has assessed yet (nothing heard, nothing ticked): left
out of the weakest topics until ticked, in the report on screen, in `quizapp mock-report` (read
back from the database), in the score per topic and in the weak-area weights; and an answer with
nothing typed is not counted as answered (walk #10)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockInterview, MockOptions, build_plan
from quizapp.study.mock.archive import load_interview
from quizapp.study.mock.topic_trend import topic_scores
from quizapp.study.store.interviews import card_scores, interviews
from quizapp.workspace import load_content


def _interview(data_dir: Path, clock: FakeClock, store) -> MockInterview:
    """Two conceptual questions on different cards: the first answered in words the matcher
    hears, the second left empty until its clock ran out."""
    cards = [card for card in load_content(data_dir).cards if card.kind == "interview"]
    for seed in range(50):
        plan = build_plan(cards, MockOptions(2, seed=seed, coding=0))
        first, second = plan.questions
        if first.card.id != second.card.id and not set(first.topics) & set(second.topics):
            break
    interview = MockInterview(plan, store, clock)
    interview.start()
    clock.advance(seconds=30)
    interview.submit(first.card.key_points[0])
    clock.advance(interview.current.budget + timedelta(seconds=1))
    interview.tick()
    assert interview.is_over
    return interview


def _weakest(results) -> list[tuple[str, float]]:
    return [(result.topic, round(result.score, 6)) for result in results]


def test_an_unassessed_answer_is_left_out_everywhere_until_ticked(tmp_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    with open_store(tmp_path, clock) as store:
        interview = _interview(tmp_path, clock, store)
        first, second = interview.report().answers
        assert first.covered and second.awaiting_ticks
        on_screen = _weakest(interview.report().weakest)
        assert not set(second.planned.topics) & {topic for topic, _ in on_screen}

        stored = load_interview(store, interview.interview_id)
        assert _weakest(stored.weakest) == on_screen
        assert stored.answered == 1
        assert [summary.answered for summary in interviews(store)] == [1]
        scored_topics = {score.topic for score in topic_scores(store)}
        assert scored_topics == set(first.planned.topics)
        assert set(card_scores(store)) == {first.planned.card.id}

        interview.assess(1, [])  # the learner looked and ticked nothing: now it counts, at 0%
        on_screen = _weakest(interview.report().weakest)
        assert on_screen[0][0] in second.planned.topics and on_screen[0][1] == 0.0
        assert _weakest(load_interview(store, interview.interview_id).weakest) == on_screen
        assert {score.topic for score in topic_scores(store)} == scored_topics | set(
            second.planned.topics
        )
        assert card_scores(store)[second.planned.card.id] == 0.0
