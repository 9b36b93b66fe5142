"""Where the user's study data lives: `--data-dir`, then `QUIZAPP_DATA_DIR`, then platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "QUIZAPP_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the data directory, honouring the override order documented in the README."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("quizapp")
