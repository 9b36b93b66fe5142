"""The function plot's range: typed, zoomed and parsed, it never takes the app down."""

from __future__ import annotations

import math

import pytest
from helpers import last_message, wait_ready
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Input

from quizapp.engine.curves import (
    MIN_HALF_WIDTH,
    PLOT_LIMIT,
    check_range,
    parse_range,
    sample_curve,
    zoom_range,
)
from quizapp.tui.widgets.function_plot import FunctionPlot

plottable = st.floats(-PLOT_LIMIT, PLOT_LIMIT, allow_nan=False)


def ordered_range(pair: tuple[float, float]) -> tuple[float, float] | None:
    low, high = sorted(pair)
    return (low, high) if low < high else None


ranges = st.tuples(plottable, plottable).map(ordered_range).filter(lambda pair: pair is not None)


async def open_relu_plot(app, pilot) -> FunctionPlot:
    await wait_ready(pilot)
    await pilot.press("b")
    await pilot.pause()
    await app.screen.show_function("activation-functions", "relu")
    await pilot.pause()
    return app.screen.query_one("#browse-plot", FunctionPlot)


@pytest.mark.parametrize("typed", ["-1e308 1e308", "-2e6 0"])
async def test_a_range_too_wide_to_plot_is_refused_with_a_reason(make_app, typed: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        plot = await open_relu_plot(app, pilot)
        await pilot.press("g")
        app.screen.query_one("#browse-range", Input).value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert (plot.low, plot.high) == (-5, 5)
        message = last_message(app)
        assert "finite" in message or f"±{PLOT_LIMIT:g}" in message


async def test_the_range_box_is_in_view_where_it_is_typed_at_80x24(make_app) -> None:
    """Below a 14-line plot the box was under the fold at 80x24: typing changed nothing seen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        plot = await open_relu_plot(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.pause()
        box = app.screen.query_one("#browse-range", Input)
        pane = app.screen.query_one("#browse-pane")
        assert box.has_focus
        assert pane.region.contains_region(box.region)
        assert pane.region.overlaps(plot.region)
        await pilot.press("ctrl+u", *"-2 2", "enter")
        await pilot.pause()
        assert (plot.low, plot.high) == (-2, 2)


async def test_zooming_out_stops_at_the_plot_limit_and_keeps_drawing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        plot = await open_relu_plot(app, pilot)
        plot.set_range(-PLOT_LIMIT / 2, PLOT_LIMIT / 2)
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert (plot.low, plot.high) == (-PLOT_LIMIT, PLOT_LIMIT)
        plot.set_range(-0.01, 0.01)
        await pilot.press(*["plus"] * 6)
        await pilot.pause()
        assert plot.high - plot.low == pytest.approx(2 * MIN_HALF_WIDTH)


@pytest.mark.parametrize(
    ("low", "high"),
    [
        (-PLOT_LIMIT, PLOT_LIMIT),
        (PLOT_LIMIT - 1e-9, PLOT_LIMIT),
        (-PLOT_LIMIT, -PLOT_LIMIT + 1e-9),
        (-1e-300, 1e-300),
        (0.0, 5e-324),
    ],
)
async def test_extreme_accepted_ranges_draw(make_app, low: float, high: float) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        plot = await open_relu_plot(app, pilot)
        plot.set_range(low, high)
        await pilot.pause()
        assert plot.render() is not None


@settings(max_examples=60)
@given(ranges, st.floats(1e-3, 1e3))
def test_zooming_always_gives_a_plottable_range(pair: tuple[float, float], factor: float) -> None:
    low, high = zoom_range(*pair, factor)
    check_range(low, high)
    assert high - low >= min(2 * MIN_HALF_WIDTH, PLOT_LIMIT) * (1 - 1e-9)


@settings(max_examples=60)
@given(ranges, st.sampled_from(["relu", "sigmoid", "softmax", "selu", "softplus", "mish"]))
def test_every_accepted_range_samples_finite_curves(pair: tuple[float, float], name: str) -> None:
    curve = sample_curve(name, *pair)
    assert all(math.isfinite(value) for array in (curve.y, curve.dy) for value in array)


@settings(max_examples=60)
@given(ranges, st.sampled_from([" ", ", ", " , ", "  "]))
def test_a_typed_range_reads_back_exactly(pair: tuple[float, float], separator: str) -> None:
    low, high = pair
    assert parse_range(f"{low!r}{separator}{high!r}") == (low, high)


@pytest.mark.parametrize(
    "typed", ["", "5", "1 2 3", "a b", "5 -5", "1 1", "nan 1", "-inf 0", "1e999 2e999"]
)
def test_unreadable_or_empty_ranges_say_what_to_type(typed: str) -> None:
    with pytest.raises(ValueError, match=r"two (finite )?numbers"):
        parse_range(typed)
