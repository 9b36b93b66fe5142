"""The suite's own settings hold: conftest's promise of no hypothesis deadline was once only
written in its docstring, and a property test failed under load on the default 200 ms."""

from hypothesis import settings


def test_no_property_test_has_a_deadline() -> None:
    assert settings().deadline is None
