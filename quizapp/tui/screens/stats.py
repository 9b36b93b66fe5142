"""Stats: activity and forecast plots, retention, accuracy per function and family, leeches."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker
from textual_plotext import PlotextPlot

from quizapp.tui.screens.base import QuizScreen
from quizapp.tui.widgets.screen_header import ScreenHeader
from quizapp.wording import percent, plural

if TYPE_CHECKING:
    from quizapp.study import Stats
    from quizapp.study.mock import MockTrend
    from quizapp.study.mock.topic_trend import TopicScoreTable

ACTIVITY_DAYS = 30


def _percent(rate: float | None) -> str:
    return "—" if rate is None else percent(rate)


class StatsScreen(QuizScreen):
    TITLE = "Stats"

    BINDINGS = [Binding("r", "reload", "Refresh", id="stats.reload")]

    summary = getters.query_one("#stats-summary", Static)

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="stats-scroll"):
            yield Static("Computing your statistics…", id="stats-summary", markup=False)
            yield PlotextPlot(id="stats-activity", classes="stats-plot")
            yield PlotextPlot(id="stats-forecast", classes="stats-plot")
            yield Static("", id="stats-mock-summary", classes="browse-title", markup=False)
            yield PlotextPlot(id="stats-mock", classes="stats-plot")
            yield Static("Mock score per topic, latest interviews", classes="browse-title")
            yield DataTable(id="stats-mock-topics", cursor_type="row")
            yield Static("Accuracy per activation function", classes="browse-title")
            yield Static("", id="stats-accuracy-counted", markup=False)
            yield DataTable(id="stats-by-activation", cursor_type="row")
            yield Static("Accuracy per question family", classes="browse-title")
            yield DataTable(id="stats-by-family", cursor_type="row")
            yield Static("Predicted recall per topic", classes="browse-title")
            yield DataTable(id="stats-recall", cursor_type="row")
            yield Static("Leeches (cards failed again and again)", classes="browse-title")
            yield DataTable(id="stats-leeches", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stats-scroll", VerticalScroll).focus()
        self.action_reload()

    def action_reload(self) -> None:
        self.load_stats()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        description="Computing your statistics",
    )
    def load_stats(self) -> None:
        from quizapp.study import compute_stats
        from quizapp.study.mock import mock_trend
        from quizapp.study.mock.topic_trend import topic_scores, topic_table

        workspace = self.workspace
        stats = compute_stats(workspace.store, workspace.cards, workspace.clock)
        trend = mock_trend(workspace.store)
        by_topic = topic_table(topic_scores(workspace.store))
        self.app.call_from_thread(self.show_stats, stats)
        self.app.call_from_thread(self.show_mock_trend, trend)
        self.app.call_from_thread(self.show_topic_scores, by_topic)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        self.summary.update(f"Cannot compute your statistics:\n{reason}\n\nPress r to try again.")

    def show_stats(self, stats: Stats) -> None:
        from quizapp.study.custom_study import recall_on_the_day
        from quizapp.study.stats import counted_answers

        cards = stats.cards
        retention = stats.true_retention
        recent = stats.true_retention_recent
        self.summary.update(
            "\n".join(
                [
                    f"Today: {plural(stats.reviews_today, 'review')}"
                    f" · {stats.practice_today} practice/cram"
                    f" · streak {plural(stats.streak, 'day')}"
                    f" (longest {plural(stats.longest_streak, 'day')})",
                    f"Cards: {cards.total} · new {cards.new} · learning"
                    f" {cards.learning + cards.relearning} · review {cards.review} · suspended"
                    f" {cards.suspended} · buried {cards.buried} · leeches {cards.leeches}",
                    f"True retention (mature cards): {_percent(retention.rate)} of"
                    f" {retention.reviews} reviews · last 30 days {_percent(recent.rate)}"
                    f" of {recent.reviews}",
                    *([on_the_day] if (on_the_day := recall_on_the_day(stats)) else []),
                    *([stats.interview_notice] if stats.interview_notice else []),
                ]
            )
        )
        self.query_one("#stats-accuracy-counted", Static).update(f"Counted: {counted_answers()}.")
        self._plot_activity(stats)
        self._plot_forecast(stats)
        self._fill(
            "#stats-by-activation",
            ("activation", "attempts", "correct", "accuracy"),
            [
                (a.name, str(a.attempts), str(a.correct), _percent(a.rate))
                for a in stats.accuracy_by_activation
            ],
        )
        self._fill(
            "#stats-by-family",
            ("question family", "attempts", "correct", "accuracy"),
            [
                (a.name, str(a.attempts), str(a.correct), _percent(a.rate))
                for a in stats.accuracy_by_family
            ],
        )
        self._fill(
            "#stats-recall",
            ("topic", "cards", "studied", f"recall {stats.recall_when}", "studied only"),
            [
                (
                    r.topic,
                    str(r.cards),
                    str(r.studied_cards),
                    _percent(r.expected),
                    _percent(r.studied),
                )
                for r in stats.recall
            ],
        )
        self._fill(
            "#stats-leeches",
            ("card", "lapses", "front"),
            [(leech.card_id, str(leech.lapses), leech.front) for leech in stats.leeches],
        )

    def show_mock_trend(self, trend: MockTrend) -> None:
        """Score per finished mock interview, oldest first, dated on the axis."""
        self.query_one("#stats-mock-summary", Static).update(trend.summary_line())
        plot = self.query_one("#stats-mock", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        positions = list(range(1, len(trend.finished) + 1))
        if positions:
            plt.plot(positions, [round(score * 100) for score in trend.scores], marker="braille")
            ticks = _ticks(positions, last=True)
            labels = [trend.finished[i - 1].day.strftime("%d %b") for i in ticks]
            plt.xticks([float(tick) for tick in ticks], labels)
        plt.ylim(0, 100)
        plt.title("Mock interview score (%), oldest first")
        plot.refresh()

    def show_topic_scores(self, table: TopicScoreTable) -> None:
        self._fill(
            "#stats-mock-topics",
            ("topic", *table.column_titles),
            [(topic, *map(_percent, scores)) for topic, scores in table.rows],
        )

    def _fill(self, selector: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        table = self.query_one(selector, DataTable)
        table.clear(columns=True)
        table.add_columns(*columns)
        if not rows:
            table.add_row(*(Text("none yet" if i == 0 else "") for i in range(len(columns))))
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))

    def _plot_activity(self, stats: Stats) -> None:
        by_day = {activity.day: activity for activity in stats.days}
        days = [stats.today - timedelta(days=back) for back in range(ACTIVITY_DAYS - 1, -1, -1)]
        counts = [
            activity.scheduled + activity.cram + activity.practice
            if (activity := by_day.get(day)) is not None
            else 0
            for day in days
        ]
        title = f"Answers per day, last {ACTIVITY_DAYS} days"
        self._bars("#stats-activity", days, counts, title, last=True)

    def _plot_forecast(self, stats: Stats) -> None:
        self._bars(
            "#stats-forecast",
            [day.day for day in stats.forecast],
            [day.due for day in stats.forecast],
            "Cards due, next 30 days",
        )

    def _bars(
        self, selector: str, days: list[date], values: list[int], title: str, *, last: bool = False
    ) -> None:
        """Bars at numeric positions with explicit date ticks: plotext orders string labels by
        hash, which would make the axis differ from run to run. Counts start at 0 (with no
        data plotext would centre the axis on 0 and show negative counts) and are ticked in whole
        numbers (plotext's own ticks read 1.7 or 8.3 answers). `last`: the ticks count back
        from the last day (today, on a chart of the past) so that it has its date."""
        plot = self.query_one(selector, PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        positions = list(range(len(days)))
        plt.bar(positions, values)
        top = max(values, default=0) or 1
        plt.ylim(0, top)
        counts = range(0, top + 1, -(-top // 5))
        plt.yticks(list(counts), [str(count) for count in counts])
        ticks = _ticks(positions, last=last)
        plt.xticks([float(tick) for tick in ticks], [days[i].strftime("%d %b") for i in ticks])
        plt.title(title)
        plot.refresh()


def _ticks(positions: list[int], *, last: bool) -> list[int]:
    """About six evenly spaced positions to date, from the first one, or back from the last."""
    step = max(1, len(positions) // 6)
    return positions[::-step][::-1] if last else positions[::step]
