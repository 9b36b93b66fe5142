"""Settings for the whole suite: hypothesis has no deadline (a slow example on a loaded machine is
not a failure: no test asserts a time), and in CI (the `CI` variable set) it runs derandomized, so
a run can be repeated exactly and a red build is never a lucky draw."""

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from quizapp.content.cache import CACHE_ENV

settings.register_profile("suite", deadline=None)
settings.register_profile(
    "ci", settings.get_profile("suite"), derandomize=True, database=None, print_blob=True
)
settings.load_profile("ci" if os.environ.get("CI") else "suite")


@pytest.fixture(autouse=True, scope="session")
def _test_deck_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The deck cache of every test, and of the processes tests start, is a temporary folder:
    never the user's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("deck-cache")))
        yield
