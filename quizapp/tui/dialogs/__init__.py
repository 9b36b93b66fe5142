"""Modal dialogs over any screen: each styles itself (DEFAULT_CSS scoped to its own type)."""

from quizapp.tui.dialogs.ask import AskScreen
from quizapp.tui.dialogs.confirm import (
    ConfirmScreen,
    asked,
    confirm_then,
    reset_question,
    suspend_question,
)
from quizapp.tui.dialogs.keys import KeysScreen

__all__ = [
    "AskScreen",
    "ConfirmScreen",
    "KeysScreen",
    "asked",
    "confirm_then",
    "reset_question",
    "suspend_question",
]
