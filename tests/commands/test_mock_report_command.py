"""`quizapp mock-report`: a stored interview (finished or abandoned) as Markdown or JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.cli import main
from quizapp.content import Card
from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockInterview, MockOptions, build_plan
from quizapp.workspace import load_content

HOSTILE = "<script>x</script> *bold* [link](http://x.y) | ```\x1b[31m"


def _cards(data_dir: Path) -> list[Card]:
    return [card for card in load_content(data_dir).cards if card.kind in ("interview", "numeric")]


def _finished(data_dir: Path, clock: FakeClock) -> int:
    """Four questions: conceptual typed, numeric right, conceptual skipped, numeric over time."""
    with open_store(data_dir, clock) as store:
        interview = MockInterview(
            build_plan(_cards(data_dir), MockOptions(4, seed=5)), store, clock
        )
        interview.start()
        clock.advance(seconds=40)
        interview.submit(HOSTILE)
        clock.advance(seconds=20)
        interview.submit(interview.current.question.expected_text)
        clock.advance(seconds=5)
        interview.skip()
        interview.draft = "1, 2"
        clock.advance(interview.current.budget + timedelta(seconds=1))
        interview.tick()
        interview.assess(0, [0])
        assert interview.interview_id is not None
        return interview.interview_id


def _abandoned(data_dir: Path, clock: FakeClock) -> int:
    with open_store(data_dir, clock) as store:
        interview = MockInterview(
            build_plan(_cards(data_dir), MockOptions(4, seed=6)), store, clock
        )
        interview.start()
        clock.advance(seconds=30)
        interview.submit("a half answer")
        interview.abandon()
        assert interview.interview_id is not None
        return interview.interview_id


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


def report(data_dir: Path, *argv: str, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "mock-report", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_report_of_a_finished_interview(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    interview_id = _finished(tmp_path, clock)
    code, out, _ = report(tmp_path, str(interview_id), "--format", "json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "finished"
    assert data["answered"] == 3
    questions = data["questions"]
    assert [q["outcome"] for q in questions] == [
        "submitted",
        "submitted",
        "skipped",
        "question-time",
    ]
    first, second, _, fourth = questions
    assert first["response"] == HOSTILE
    assert first["key_points"][0]["covered"] is True
    assert not any(point["covered"] for point in first["key_points"][1:])
    assert first["model_answer"]
    assert first["score"] == pytest.approx(1 / len(first["key_points"]))
    assert second["correct"] is True and second["used_s"] == 20
    assert second["expected"] and second["solution"]
    assert fourth["used_s"] == fourth["budget_s"] and fourth["response"] == "1, 2"
    expected_score = (first["score"] + 1.0) / 4
    assert data["score"] == pytest.approx(expected_score)
    assert data["weakest_topics"]


def test_markdown_report_escapes_answers(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    _finished(tmp_path, clock)
    code, out, _ = report(tmp_path, "--last", capsys=capsys)
    assert code == 0
    assert out.startswith("# Mock interview 1, 2026-03-02 (finished)")
    assert "| 2 | numeric |" in out
    assert "0:20 / " in out
    assert "| time up |" in out
    assert "Worked solution:" in out and "Model answer:" in out
    assert "- [x] " in out and "- [ ] " in out
    fence_line = out.index("<script>")
    block_start = out.rindex("\n", 0, fence_line - 1)
    opening = out[block_start + 1 : fence_line - 1]
    assert opening == "````text"
    assert "\x1b" not in out
    closing = out.index("\n````\n", fence_line)
    assert "```\n" not in out[fence_line:closing]


def test_an_abandoned_interview_is_reported_too(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    _finished(tmp_path, clock)
    clock.advance(hours=1)
    abandoned = _abandoned(tmp_path, clock)
    code, out, _ = report(tmp_path, "--format", "json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["id"] == abandoned and data["status"] == "abandoned"
    assert [q["outcome"] for q in data["questions"]] == ["submitted", *["pending"] * 3]
    code, out, _ = report(tmp_path, str(abandoned), capsys=capsys)
    assert "(abandoned)" in out and "Not asked." in out


def test_the_report_goes_to_a_file(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    _finished(tmp_path, clock)
    output = tmp_path / "report.md"
    code, out, _ = report(tmp_path, "--output", str(output), capsys=capsys)
    assert code == 0 and out == ""
    assert output.read_text(encoding="utf-8").startswith("# Mock interview 1")


def test_no_interview_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, _, err = report(tmp_path, capsys=capsys)
    assert code == 1
    assert (
        err == "quizapp mock-report: error: no mock interview yet; see `quizapp stats`"
        " for the stored ones\n"
    )
    code, _, err = report(tmp_path, "7", capsys=capsys)
    assert code == 1 and "no interview 7" in err


def test_an_edited_numeric_card_shows_no_wrong_solution(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    interview_id = _finished(tmp_path, clock)
    with open_store(tmp_path, clock) as store, store.transaction() as connection:
        connection.execute("UPDATE mock_answers SET prompt = 'another question' WHERE position = 1")
    code, out, _ = report(tmp_path, str(interview_id), "--format", "json", capsys=capsys)
    assert code == 0
    second = json.loads(out)["questions"][1]
    assert second["solution"] == [] and second["expected"] is None
    assert "changed since" in second["note"]


def test_stats_show_the_score_per_topic_over_interviews(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    first = _finished(tmp_path, clock)
    clock.advance(days=1)
    _abandoned(tmp_path, clock)
    assert main(["--data-dir", str(tmp_path), "stats", "--json"]) == 0
    by_topic = json.loads(capsys.readouterr().out)["mock_interviews"]["score_by_topic"]
    _, out, _ = report(tmp_path, str(first), "--format", "json", capsys=capsys)
    questions = json.loads(out)["questions"]
    relu = [q["score"] for q in questions if "relu-family" in q["topics"]]
    assert by_topic["relu-family"] == [
        {
            "interview_id": first,
            "day": "2026-03-02",
            "questions": len(relu),
            "score": pytest.approx(sum(relu) / len(relu)),
        }
    ]
    assert main(["--data-dir", str(tmp_path), "stats"]) == 0
    text = capsys.readouterr().out
    table = text[text.index("Mock score per topic") :].splitlines()
    assert table[1].split() == [f"#{first}", "02", "Mar"]
    assert f"`quizapp mock-report {first}`" in text


def test_the_topic_table_keeps_the_latest_interviews() -> None:
    from datetime import date

    from quizapp.study.mock.topic_trend import TopicScore, topic_table

    scores = [
        TopicScore(number, date(2026, 1, number), topic, 1, number / 10)
        for number in range(1, 9)
        for topic in (("relu", "gelu") if number % 2 else ("relu",))
    ]
    table = topic_table(scores, columns=3)
    assert [number for number, _ in table.interviews] == [6, 7, 8]
    assert table.rows == (("gelu", (None, 0.7, None)), ("relu", (0.6, 0.7, 0.8)))
    assert table.column_titles == ["#6 06 Jan", "#7 07 Jan", "#8 08 Jan"]


def test_the_markdown_report_prints_the_whole_replay_command(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    with open_store(tmp_path, clock) as store:
        options = MockOptions(3, minutes=2.5, topics=("softmax", "relu"), seed=8)
        MockInterview(build_plan(_cards(tmp_path), options), store, clock).start()
    code, out, _ = report(tmp_path, "--last", capsys=capsys)
    assert code == 0
    command = "quizapp mock --questions 3 --minutes 2.5 --topics softmax relu --seed 8"
    assert f"- Replay these questions: `{command}`" in out


def test_a_one_question_interview_reads_in_the_singular(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture
) -> None:
    with open_store(tmp_path, clock) as store:
        interview = MockInterview(
            build_plan(_cards(tmp_path), MockOptions(1, seed=5)), store, clock
        )
        interview.start()
        interview.skip()
    code, out, _ = report(tmp_path, "--last", capsys=capsys)
    assert code == 0
    assert "- Score: **0%** over 1 question (0 answered;" in out
