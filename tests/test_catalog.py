"""The written-out name lists stay equal to what the engine and the question generator register."""

from __future__ import annotations

from quizapp import catalog, engine
from quizapp.questions import template_ids
from quizapp.questions.generator import RENAMED


def test_the_activation_lists_match_the_engine() -> None:
    assert list(catalog.ACTIVATIONS) == engine.names()
    assert list(catalog.GATED_UNITS) == engine.gated_names()


def test_the_template_lists_match_the_generator() -> None:
    assert catalog.template_ids() == template_ids()
    assert dict(catalog.RENAMED_TEMPLATES) == RENAMED


def test_a_renamed_family_is_known_but_not_listed() -> None:
    [(old, new)] = catalog.RENAMED_TEMPLATES.items()
    assert old in catalog.template_ids()
    assert old not in list(catalog.template_ids())
    assert new in list(catalog.template_ids())
