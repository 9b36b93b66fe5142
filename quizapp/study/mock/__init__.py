"""Timed mock interviews: plan, clock-driven runner, scoring, report and storage. No textual here.

plan = plan_interview(store, cards, MockOptions(questions=4, seed=7))
interview = MockInterview(plan, store)          # the store's clock, or an injected one
interview.start(); interview.draft = "0.5"; interview.tick()   # a timeout submits the draft
report = interview.report()
"""

from quizapp.study.mock.answers import MockAnswer, Outcome
from quizapp.study.mock.options import MockOptions, MockOptionsError, parse_options
from quizapp.study.mock.plan import MockPlan, MockPlanError, PlannedQuestion, build_plan
from quizapp.study.mock.planning import plan_interview
from quizapp.study.mock.report import MockReport, TopicResult, clock_text
from quizapp.study.mock.runner import WARNING_TIME, MockInterview, MockStateError, Phase
from quizapp.study.mock.topics import MockCard, available_topics
from quizapp.study.mock.trend import MockTrend, mock_trend
from quizapp.study.mock.weakness import card_weakness
from quizapp.study.store.interviews import (
    interviews,
    latest_finished,
    send_to_review,
)
from quizapp.study.store.records import InterviewSummary, SentToReview

__all__ = [
    "WARNING_TIME",
    "InterviewSummary",
    "MockAnswer",
    "MockCard",
    "MockInterview",
    "MockOptions",
    "MockOptionsError",
    "MockPlan",
    "MockPlanError",
    "MockReport",
    "MockStateError",
    "MockTrend",
    "Outcome",
    "Phase",
    "PlannedQuestion",
    "SentToReview",
    "TopicResult",
    "available_topics",
    "build_plan",
    "card_weakness",
    "clock_text",
    "interviews",
    "latest_finished",
    "mock_trend",
    "parse_options",
    "plan_interview",
    "send_to_review",
]
