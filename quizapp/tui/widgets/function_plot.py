"""A plot of an activation and its derivative over a range the user can change."""

from __future__ import annotations

from textual_plotext import PlotextPlot

from quizapp.engine.curves import check_range, sample_curve, zoom_range

DEFAULT_RANGE = (-5.0, 5.0)


class FunctionPlot(PlotextPlot):
    DEFAULT_CSS = """
    FunctionPlot { height: 14; min-height: 10; }
    """

    def __init__(self, activation: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.activation = activation
        self.low, self.high = DEFAULT_RANGE

    def on_mount(self) -> None:
        self.draw()

    def set_range(self, low: float, high: float) -> None:
        """Raises ValueError (from the engine) for a range that cannot be drawn."""
        check_range(low, high)
        self.low, self.high = low, high
        self.draw()

    def zoom(self, factor: float) -> None:
        self.set_range(*zoom_range(self.low, self.high, factor))

    def draw(self) -> None:
        curve = sample_curve(self.activation, self.low, self.high)
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.plot(curve.x.tolist(), curve.y.tolist(), label="f(x)", marker="braille")
        plt.plot(curve.x.tolist(), curve.dy.tolist(), label="f'(x)", marker="braille")
        plt.title(f"{curve.label} on [{self.low:g}, {self.high:g}]")
        self.refresh()
