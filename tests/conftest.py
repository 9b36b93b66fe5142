"""Settings for the whole suite: in CI (the `CI` variable set), hypothesis runs derandomized, so
a run can be repeated exactly and a red build is never a lucky draw."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
