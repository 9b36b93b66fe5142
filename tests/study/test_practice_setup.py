"""The remembered drill setup: a round trip, and any stored JSON read without raising."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from quizapp.study.practice_setup import (
    PracticeSetup,
    remember_practice_setup,
    remembered_practice_setup,
)


class Settings:
    """Stores values as the study database does: as JSON text."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get_setting(self, key: str, default: Any = None) -> Any:
        return json.loads(self.values[key]) if key in self.values else default

    def set_setting(self, key: str, value: Any) -> None:
        self.values[key] = json.dumps(value)


def test_a_setup_round_trips_and_forgets_names_no_longer_known() -> None:
    store = Settings()
    remember_practice_setup(store, PracticeSetup(("relu", "gone"), ("f1",), 0, True))
    assert remembered_practice_setup(store, {"relu", "tanh"}, {"f1"}) == PracticeSetup(
        ("relu",), ("f1",), 0, True
    )
    assert remembered_practice_setup(store, {"tanh"}, {"f1"}) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(
    json_values,
    st.dictionaries(
        st.sampled_from(["activations", "families", "count", "scheduled"]), json_values
    ),
)
def test_any_stored_value_is_a_setup_or_none(value: object, fields: dict[str, object]) -> None:
    for stored in (value, fields):
        store = Settings()
        store.set_setting("practice_setup", stored)
        setup = remembered_practice_setup(store, {"relu"}, {"f1"})
        assert setup is None or (setup.activations == ("relu",) and setup.families == ("f1",))
