"""Snapshots of the main screens at a fixed size, fake clock and fresh data dir."""

from __future__ import annotations

from helpers import wait_ready

SIZE = (100, 30)


def test_home_snapshot(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=wait_ready)


def test_review_answer_snapshot(snap_compare, make_app) -> None:
    async def reveal_first_card(pilot) -> None:
        await wait_ready(pilot)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=reveal_first_card)


def test_browse_function_plot_snapshot(snap_compare, make_app) -> None:
    async def open_relu(pilot) -> None:
        await wait_ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*["down"] * 13)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_relu)


def test_stats_snapshot(snap_compare, make_app) -> None:
    async def open_stats(pilot) -> None:
        await wait_ready(pilot)
        await pilot.press("s")
        await wait_ready(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_stats)
