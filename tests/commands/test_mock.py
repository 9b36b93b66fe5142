"""`quizapp mock`: options checked before the app starts, then the app opens into the interview."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.cli import build_parser, main
from quizapp.commands import mock as mock_command
from quizapp.study import FakeClock, open_store
from quizapp.study.mock import MockOptions, plan_interview
from quizapp.study.mock.options import DEFAULT_QUESTIONS
from quizapp.tui.app import QuizApp
from quizapp.workspace import load_content


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[QuizApp]:
    """Record the app `quizapp mock` would run instead of taking over the terminal."""
    apps: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self, *args, **kwargs: apps.append(self))
    return apps


def test_options_reach_the_app(tmp_path: Path, launched: list[QuizApp]) -> None:
    argv = ["--data-dir", str(tmp_path), "mock", "--questions", "3", "--minutes", "2.5"]
    argv += ["--time-per-question", "40", "--topics", "softmax,relu", "sigmoid", "--seed", "9"]
    assert main([*argv, "--coding", "2"]) == 0
    [app] = launched
    assert app.data_dir == tmp_path
    assert app.start_mock == MockOptions(
        questions=3,
        minutes=2.5,
        time_per_question=40,
        topics=("softmax", "relu", "sigmoid"),
        seed=9,
        coding=2,
    )


def test_defaults_leave_the_plan_to_the_domain(tmp_path: Path, launched: list[QuizApp]) -> None:
    assert main(["--data-dir", str(tmp_path), "mock"]) == 0
    assert launched[0].start_mock == MockOptions()
    assert mock_command.DEFAULT_QUESTIONS == DEFAULT_QUESTIONS


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--questions", "0"], "the number of questions must be 1..40, not 0"),
        (["--time-per-question", "2"], "the time per question must be 5..3600 seconds"),
        (["--minutes", "-3"], "the session length must be more than 0"),
        (["--questions", "20", "--minutes", "1"], "leaves less than 5 seconds for each of 20"),
        (["--seed", "-5"], "the seed must be"),
        (["--questions", "3", "--coding", "4"], "the number of coding exercises must be 0..3"),
        (["--topics", "softmax", "no-such-thing"], "unknown topic no-such-thing; choose from:"),
        (
            ["--topics", "selu", "hard_swish"],
            "no interview, numeric or coding card is about selu, hard_swish (Practice drills its"
            " numeric questions: p on home); choose from: beyond-the-cheatsheet, coding,",
        ),
    ],
)
def test_bad_options_are_one_line_errors_and_the_app_never_starts(
    tmp_path: Path,
    launched: list[QuizApp],
    capsys: pytest.CaptureFixture,
    arguments: list[str],
    message: str,
) -> None:
    assert main(["--data-dir", str(tmp_path), "mock", *arguments]) == 2
    error = capsys.readouterr().err
    assert error.startswith("quizapp mock: error: ")
    assert message in error
    assert error.count("\n") == 1
    assert not launched
    assert not (tmp_path / "quizapp.sqlite3").exists()


@pytest.mark.parametrize("typed", ["leaky-relu", "Leaky_ReLU", "leaky_relu"])
def test_a_topic_is_read_with_hyphens_or_underscores_in_any_case(
    tmp_path: Path, launched: list[QuizApp], typed: str
) -> None:
    assert main(["--data-dir", str(tmp_path), "mock", "--topics", typed, "Relu-Family"]) == 0
    [app] = launched
    assert app.start_mock is not None
    assert app.start_mock.topics == ("leaky_relu", "relu-family")


def test_help_lists_every_option() -> None:
    help_text = build_parser()._subparsers._group_actions[0].choices["mock"].format_help()
    for option in ("--questions N", "--minutes M", "--time-per-question S", "--topics", "--seed K"):
        assert option in help_text


def test_a_non_number_is_refused_by_the_parser(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "--data-dir", str(tmp_path), "mock", "--questions", "x"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "invalid int value: 'x'" in result.stderr
    assert "Traceback" not in result.stderr


async def test_topics_are_checked_on_the_content_the_app_then_uses(
    tmp_path: Path, launched: list[QuizApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decks are read once: the topic check and the interview see the same cards."""
    from quizapp import workspace

    loads: list[Path | None] = []
    real_load = workspace.load_library

    def counted(data_dir: Path | None, *args: object, **kwargs: object) -> object:
        loads.append(data_dir)
        return real_load(data_dir, *args, **kwargs)

    monkeypatch.setattr(workspace, "load_library", counted)
    assert main(["--data-dir", str(tmp_path), "mock", "--topics", "relu"]) == 0
    [app] = launched
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.workspace is not None
    assert loads == [tmp_path]


def test_an_activation_interview_cards_discuss_is_a_topic(
    tmp_path: Path, launched: list[QuizApp]
) -> None:
    """SiLU has no numeric card, but two interview questions are about it (SwiGLU's gate, what
    backprop keeps): `--topics silu` asks them."""
    assert main(["--data-dir", str(tmp_path), "mock", "--topics", "SiLU"]) == 0
    [app] = launched
    assert app.start_mock is not None and app.start_mock.topics == ("silu",)
    cards = load_content(None).cards
    with open_store(tmp_path, FakeClock(datetime(2026, 3, 2, tzinfo=UTC))) as store:
        plan = plan_interview(store, cards, app.start_mock)
    assert sorted(question.card.id for question in plan.questions) == [
        "iq-activation-memory",
        "iq-glu-family",
    ]
    assert plan.notes == ("Only 2 questions match, so the interview has 2 instead of 6.",)
