"""`quizapp stats`: study statistics as a readable table, or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

from quizapp.commands import CommandError
from quizapp.commands._opening import opened_workspace
from quizapp.wording import percent, plural

if TYPE_CHECKING:
    from quizapp.study.clock import Clock, StudyCalendar
    from quizapp.study.mock import MockTrend
    from quizapp.study.mock.topic_trend import TopicScoreTable
    from quizapp.study.stats import Accuracy, Retention, Stats

RECENT_DAYS_SHOWN = 14
BAR_WIDTH = 30


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="show study statistics (reviews, retention, forecast, accuracy, predicted recall)",
        description="Show study statistics from the review history in the data dir.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--interview-date",
        type=parse_day,
        metavar="YYYY-MM-DD",
        help="predict recall per topic on this day (default: the interview_date setting or today)",
    )
    parser.set_defaults(run=run)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    from quizapp.study import compute_stats
    from quizapp.study.mock import mock_trend
    from quizapp.study.mock.topic_trend import topic_scores, topic_scores_json, topic_table

    with opened_workspace(args, for_reading=True) as workspace:
        try:
            stats = compute_stats(
                workspace.store, workspace.cards, workspace.clock, until=args.interview_date
            )
        except ValueError as error:
            raise CommandError(str(error), 2) from error
        trend = mock_trend(workspace.store)
        by_topic = topic_scores(workspace.store)
        day_note = _study_day_note(workspace.store.calendar(), workspace.clock, stats.today)
    if args.json:
        mock = {**trend.to_dict(), "score_by_topic": topic_scores_json(by_topic)}
        print(json.dumps({**stats.to_dict(), "mock_interviews": mock}, indent=2))
    else:
        print(render(stats, day_note))
        print("", trend.summary_line(), *_mock_scores(trend), sep="\n")
        print(*_topic_lines(topic_table(by_topic)), sep="\n")
    return 0


def _study_day_note(calendar: StudyCalendar, clock: Clock, day: date) -> str:
    """Between midnight and the rollover hour the figures are still the study day's that began
    yesterday: said, so that "for 2026-12-01" read on 2 December is not taken for a wrong date."""
    from quizapp.study.clock import calendar_date

    now, zone = clock.now(), clock.zone
    if calendar_date(now, zone) == day:
        return ""
    end = calendar.end_of(day).astimezone(zone)
    return f" (the study day, until {end:%H:%M} on {end.date().isoformat()})"


def render(stats: Stats, day_note: str = "") -> str:
    """The table for people: the same figures as `--json`, the long lists shortened; `day_note`
    follows the date."""
    from quizapp.study.custom_study import recall_on_the_day
    from quizapp.study.stats import counted_answers

    cards = stats.cards
    lines = [
        f"Study statistics for {stats.today.isoformat()}{day_note}",
        "",
        f"Cards      {cards.total} total: {cards.new} new, {cards.learning} learning, "
        f"{cards.review} review, {cards.relearning} relearning",
        f"           {cards.suspended} suspended, {cards.buried} buried, {cards.leeches} leeches, "
        f"{cards.orphans} orphaned (see `quizapp orphans`)",
        f"Activity   {plural(stats.reviews_today, 'review')} today"
        f" ({stats.practice_today} practice/cram"
        f" apart); streak {plural(stats.streak, 'day')} "
        f"(longest {plural(stats.longest_streak, 'day')})",
        f"Retention  {_retention(stats.true_retention)}",
        f"           last 30 days: {_retention(stats.true_retention_recent)}",
        "",
        f"Reviews per day (last {RECENT_DAYS_SHOWN} active days)",
    ]
    recent = stats.days[-RECENT_DAYS_SHOWN:]
    if not recent:
        lines.append("  no reviews yet")
    for day in recent:
        lines.append(
            f"  {day.day.isoformat()}  {day.scheduled:>5} scheduled  {day.cram:>4} cram  "
            f"{day.practice:>4} practice  {day.minutes:>6.1f} min"
        )
    lines += ["", "Due in the next 30 days"]
    peak = max((upcoming.due for upcoming in stats.forecast), default=0)
    for upcoming in stats.forecast:
        bar = "#" * (round(BAR_WIDTH * upcoming.due / peak) if peak else 0)
        lines.append(f"  {upcoming.day.strftime('%a %Y-%m-%d')}  {upcoming.due:>6}  {bar}")
    lines += ["", f"Accuracy: {counted_answers()}"]
    lines += ["", "Accuracy by activation function", *_accuracy(stats.accuracy_by_activation)]
    lines += ["", "Accuracy by question family", *_accuracy(stats.accuracy_by_family)]
    lines += ["", "Leeches (failed again and again)"]
    lines += [f"  {leech.card_id}  {leech.lapses} lapses  {leech.front}" for leech in stats.leeches]
    if not stats.leeches:
        lines.append("  none")
    if on_the_day := recall_on_the_day(stats):
        lines += ["", on_the_day]
    if stats.interview_notice:
        lines += ["", stats.interview_notice]
    lines += ["", f"Predicted recall {stats.recall_when} by topic"]
    width = max((len(topic.topic) for topic in stats.recall), default=5)
    for topic in stats.recall:
        studied = "-" if topic.studied is None else percent(topic.studied)
        lines.append(
            f"  {topic.topic:<{width}}  {percent(topic.expected):>4} over {topic.cards:>4} cards"
            f"  {studied:>4} over {topic.studied_cards:>4} studied"
        )
    return "\n".join(line.rstrip() for line in lines)


def _mock_scores(trend: MockTrend) -> list[str]:
    return [
        f"  #{summary.id:<4} {summary.day.isoformat()}  {percent(summary.score or 0):>4}"
        f"  ({plural(summary.planned, 'question')};"
        f" `quizapp mock-report {summary.id}` for the report)"
        for summary in trend.finished[-RECENT_DAYS_SHOWN:]
    ]


def _topic_lines(table: TopicScoreTable) -> list[str]:
    """Score per topic in the latest finished interviews, one column each, oldest first."""
    if not table.rows:
        return []
    width = max(len(topic) for topic, _ in table.rows)
    titles = "".join(f"  {title:>12}" for title in table.column_titles)
    lines = ["", "Mock score per topic", f"  {'':<{width}}{titles}"]
    for topic, scores in table.rows:
        cells = "".join(
            f"  {'-' if score is None else f'{percent(score)}':>12}" for score in scores
        )
        lines.append(f"  {topic:<{width}}{cells}")
    return lines


def _retention(retention: Retention) -> str:
    if retention.rate is None:
        return "no mature reviews yet"
    return f"{percent(retention.rate, 1)} of {retention.reviews} mature reviews passed"


def _accuracy(rows: tuple[Accuracy, ...]) -> list[str]:
    if not rows:
        return ["  no graded answers yet"]
    width = max(len(row.name) for row in rows)
    return [
        f"  {row.name:<{width}}  {percent(row.rate):>4}  ({row.correct}/{row.attempts})"
        for row in rows
    ]
