"""When the app crashes: the full traceback goes to a file, the terminal gets one line."""

from __future__ import annotations

import tempfile
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class CrashReport:
    error: BaseException
    traceback_file: Path | None

    def summary_line(self) -> str:
        """`quizapp: crashed: KeyError: 'x' (full traceback in /path/crash-….txt)`."""
        cause = " ".join(f"{type(self.error).__name__}: {self.error}".split())
        where = (
            f"full traceback in {self.traceback_file}"
            if self.traceback_file is not None
            else "no traceback file could be written"
        )
        return f"quizapp: crashed: {cause} ({where})"


def report_crash(error: BaseException, data_dir: Path) -> CrashReport:
    """Write the traceback into the data dir, else the temp dir (the crash may be the data dir's
    fault), and say where it went."""
    text = "".join(traceback.format_exception(error))
    name = f"crash-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}.txt"
    for folder in (data_dir, Path(tempfile.gettempdir())):
        path = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError:
            continue
        return CrashReport(error, path)
    return CrashReport(error, None)
