"""A typed explanation is judged off the event loop: the screen says it is checking at once and
keeps repainting, keys typed meanwhile act on the verdict once it is on show, in order, and a
judge that fails is reported while the key points stay open to tick by hand."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from helpers import burst, last_message, settle, shown, wait_ready
from test_tui_review import open_review
from textual.widgets import Input, SelectionList

import quizapp.explain
from quizapp.study import Rating

CARD = "iq-vanishing-gradient"
ANSWER = "Gradients shrink layer by layer, so early layers barely learn."


def gated_judge(
    monkeypatch: pytest.MonkeyPatch, gate: threading.Event, threads: list[threading.Thread]
) -> None:
    """The matcher, slowed until `gate` opens (at most 10 s, so a judge run on the event loop
    fails the test instead of hanging it), noting the thread it runs on."""
    real: Callable = quizapp.explain.heard_points

    def slow(card, text):
        threads.append(threading.current_thread())
        gate.wait(10)
        return real(card, text)

    monkeypatch.setattr(quizapp.explain, "heard_points", slow)


async def test_review_judges_off_the_loop_and_keys_typed_meanwhile_follow_in_order(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    threads: list[threading.Thread] = []
    gated_judge(monkeypatch, gate, threads)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        screen.query_one("#typed-answer", Input).value = ANSWER
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert shown(app, "#heard") == "Checking your answer…"
        assert screen.query_one("#heard").display
        # Untick the first suggested point, then accept the proposal: typed before the verdict.
        burst(app, "space", "enter")
        await pilot.pause()
        assert app.workspace.store.review_count() == 0
        gate.set()
        await settle(pilot)
        assert threads and threading.main_thread() not in threads
        reviews = app.workspace.store.reviews_of(CARD)
        assert [review.rating for review in reviews] == [Rating.Hard]


async def test_review_ticks_arrive_while_other_keys_wait(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    gated_judge(monkeypatch, gate, [])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        screen.query_one("#typed-answer", Input).value = ANSWER
        await pilot.press("tab", "enter")
        burst(app, "space")
        await pilot.pause()
        points = screen.query_one("#key-points", SelectionList)
        assert not points.display
        gate.set()
        await settle(pilot)
        assert sorted(points.selected) == [1]
        assert shown(app, "#heard").splitlines()[:2] == [
            "1. heard “Gradients shrink”",
            "2. heard “early layers”",
        ]
        assert screen.proposed == Rating.Hard


async def test_a_failing_judge_is_reported_and_the_user_ticks_by_hand(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(card, text):
        raise RuntimeError("the matcher broke")

    monkeypatch.setattr(quizapp.explain, "heard_points", broken)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        screen = await open_review(app, pilot, CARD)
        screen.query_one("#typed-answer", Input).value = ANSWER
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert last_message(app) == "the matcher broke"
        assert "could not be checked" in shown(app, "#heard")
        points = screen.query_one("#key-points", SelectionList)
        assert points.display and points.selected == []
        assert points.has_focus
        await pilot.press("space")
        await pilot.pause()
        assert points.selected == [0]
        assert screen.proposed == Rating.Hard
        await pilot.press("3")
        await settle(pilot)
        reviews = app.workspace.store.reviews_of(CARD)
        assert [review.rating for review in reviews] == [Rating.Good]
