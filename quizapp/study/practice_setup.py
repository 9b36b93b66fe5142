"""The last drill setup, kept in the study database so Practice opens as the user left it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass

from quizapp.study.settings import SettingsStore

PRACTICE_SETUP_SETTING = "practice_setup"


@dataclass(frozen=True)
class PracticeSetup:
    activations: tuple[str, ...]
    families: tuple[str, ...]
    count: int
    scheduled: bool


def remember_practice_setup(store: SettingsStore, setup: PracticeSetup) -> None:
    store.set_setting(PRACTICE_SETUP_SETTING, asdict(setup))


def remembered_practice_setup(
    store: SettingsStore, activations: Collection[str], families: Collection[str]
) -> PracticeSetup | None:
    """The stored setup, or None when there is none or it is not one (the file is the user's to
    edit): names this version no longer knows are dropped, an empty choice is no choice."""
    stored = store.get_setting(PRACTICE_SETUP_SETTING)
    if not isinstance(stored, dict):
        return None
    chosen_activations = _known(stored.get("activations"), activations)
    chosen_families = _known(stored.get("families"), families)
    count, scheduled = stored.get("count"), stored.get("scheduled")
    if (
        not chosen_activations
        or not chosen_families
        or type(count) is not int
        or not 0 <= count <= 9999
        or type(scheduled) is not bool
    ):
        return None
    return PracticeSetup(chosen_activations, chosen_families, count, scheduled)


def _known(names: object, known: Collection[str]) -> tuple[str, ...]:
    if not isinstance(names, list):
        return ()
    return tuple(name for name in names if isinstance(name, str) and name in known)
