"""A plan for this user: `build_plan` weighted by what their study history says they miss, or
the stored interview a seed replays."""

from __future__ import annotations

from collections.abc import Sequence

from quizapp.study.mock.options import MockOptions
from quizapp.study.mock.plan import MockPlan, MockQuestionFactory, build_plan
from quizapp.study.mock.replay import replayed_plan
from quizapp.study.mock.topics import MockCard, eligible
from quizapp.study.mock.weakness import card_weakness
from quizapp.study.store import StudyStore


def plan_interview(
    store: StudyStore,
    cards: Sequence[MockCard],
    options: MockOptions,
    *,
    generate: MockQuestionFactory | None = None,
) -> MockPlan:
    weakness = card_weakness(store, eligible(cards))
    replay = replayed_plan(store, cards, options, weakness, generate)
    if replay is not None:
        return replay
    return build_plan(cards, options, weakness=weakness, generate=generate)
