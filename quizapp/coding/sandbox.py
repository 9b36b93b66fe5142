"""Running a user's code in a child process, with time, memory and output limits.

The child (`child.py`) is a separate Python process started with the same interpreter in
isolated mode (`-I`), in a temporary folder, with a minimal environment: no argument or variable
names the study database. It imports numpy once and forks a fresh process per run, so a run
costs a fork rather than an interpreter start. What comes back is a `RawRun`: the files the run
wrote, how it ended, and what it printed (capped); judging them is `check.py`'s job.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

CHILD_SCRIPT = Path(__file__).with_name("child.py")
DEFAULT_TIMEOUT = 5.0
DEFAULT_MEMORY = 1 << 30
DEFAULT_OUTPUT_CAP = 64 * 1024
_FILE_LIMIT = 8 << 20
_POLL = 0.02
_START_TIMEOUT = 30.0


class SandboxError(RuntimeError):
    """The sandbox itself could not run (no fork on this system, the child failed to start)."""


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    memory: int = DEFAULT_MEMORY
    output: int = DEFAULT_OUTPUT_CAP


@dataclass(frozen=True)
class RawRun:
    """What a run left behind. `records[i]` is case i's record and arrays (missing if it never
    finished); `load` is set when the module could not be loaded."""

    records: dict[int, tuple[dict[str, Any], dict[str, np.ndarray]]]
    load: dict[str, Any] | None
    output: str
    timed_out: bool = False
    flooded: bool = False
    exit_code: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Job:
    """The user's code, the function to call, and each case's arguments."""

    code: str
    function: str
    cases: list[dict[str, Any]]
    inputs: Mapping[str, np.ndarray] = field(default_factory=dict)


def child_environment(home: str) -> dict[str, str]:
    """No inherited variables (QUIZAPP_DATA_DIR among them); HOME points into the scratch
    folder, so ~ in the user's code never reaches the real home; one BLAS thread."""
    env = {"HOME": home, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    return env


class Sandbox:
    """A warm child process that runs jobs one at a time; `close()` ends it."""

    def __init__(self, limits: Limits | None = None) -> None:
        if not hasattr(os, "fork"):
            raise SandboxError("checking code needs a system with fork (Linux or macOS)")
        self.limits = limits or Limits()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._home = tempfile.mkdtemp(prefix="quizapp-code-")
        self._buffer = b""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the child now (it takes an interpreter start and a numpy import)."""
        with self._lock:
            self._ensure_started()

    def close(self) -> None:
        with self._lock:
            self._stop()
            shutil.rmtree(self._home, ignore_errors=True)

    def _stop(self) -> None:
        """End the child at once: between runs it holds nothing worth a clean exit, which would
        cost an interpreter's shutdown (numpy's included) on every `quizapp code check`."""
        process, self._process = self._process, None
        self._buffer = b""
        if process is None:
            return
        if process.stdin:
            process.stdin.close()
        process.kill()
        process.wait()
        if process.stdout:
            process.stdout.close()

    def _ensure_started(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        self._process = subprocess.Popen(
            [sys.executable, "-I", str(CHILD_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=self._home,
            env=child_environment(self._home),
            close_fds=True,
        )
        return self._process

    def _read_message(
        self,
        process: subprocess.Popen[bytes],
        deadline: float,
        give_up: Callable[[], bool] = lambda: False,
    ) -> Any:
        """The child's next JSON line; None at the deadline, when `give_up()` says so (asked
        while waiting), or if the child ended."""
        assert process.stdout is not None
        fd = process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], min(remaining, _POLL))
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    return None
                self._buffer += chunk
            elif give_up():
                return None
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def run(self, job: Job) -> RawRun:
        """Run the job in a fresh forked process; never raises for anything the code does."""
        with self._lock:
            folder = Path(tempfile.mkdtemp(prefix="run-", dir=self._home))
            try:
                return self._run_in(folder, job)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

    def _run_in(self, folder: Path, job: Job) -> RawRun:
        (folder / "out").mkdir()
        (folder / "solution.py").write_text(job.code, encoding="utf-8")
        job_data = {"function": job.function, "cases": job.cases}
        (folder / "job.json").write_text(json.dumps(job_data), encoding="utf-8")
        import numpy as np  # here, so `start()` can launch the child before numpy is loaded

        # numpy's stub types every keyword as if it could be `allow_pickle`: these are array names.
        np.savez(folder / "inputs.npz", **job.inputs)  # type: ignore[arg-type]
        process = self._ensure_started()
        request = {
            "folder": str(folder),
            "memory": self.limits.memory,
            "files": _FILE_LIMIT,
            "cpu": math.ceil(self.limits.timeout) + 2,
        }
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps(request).encode() + b"\n")
            process.stdin.flush()
        except OSError as error:
            self._stop()
            raise SandboxError(f"the code runner stopped: {error}") from None
        started = self._read_message(process, time.monotonic() + _START_TIMEOUT)
        if started is None:
            self._stop()
            raise SandboxError("the code runner did not start")
        pid = int(started["pid"])
        began = time.monotonic()
        output_file = folder / "output.txt"

        def flooded() -> bool:
            try:
                return output_file.stat().st_size > self.limits.output
            except OSError:
                return False

        ended = self._read_message(process, began + self.limits.timeout, flooded)
        seconds = time.monotonic() - began
        timed_out = ended is None and not flooded()
        if ended is None:
            _kill_group(pid)
            ended = self._read_message(process, time.monotonic() + _START_TIMEOUT)
            if ended is None:
                self._stop()
        return RawRun(
            records=_records(folder / "out"),
            load=_read_json(folder / "out" / "load.json"),
            output=_read_output(output_file, self.limits.output),
            timed_out=timed_out,
            flooded=flooded(),
            exit_code=int(ended["status"]) if ended else -int(signal.SIGKILL),
            seconds=seconds,
        )


def _kill_group(pid: int) -> None:
    """The run's process and anything it started (it leads its own session)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _read_arrays(path: Path) -> dict[str, np.ndarray] | None:
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in archive.files}
    except (OSError, ValueError, EOFError):
        return None


def _records(out: Path) -> dict[int, tuple[dict[str, Any], dict[str, np.ndarray]]]:
    records = {}
    for path in out.glob("*.json"):
        if not path.stem.isdigit():
            continue
        record = _read_json(path)
        arrays = _read_arrays(path.with_suffix(".npz"))
        if record is not None and arrays is not None:
            records[int(path.stem)] = (record, arrays)
    return records


def _read_output(path: Path, cap: int) -> str:
    try:
        with path.open("rb") as file:
            data = file.read(cap)
    except OSError:
        return ""
    return data.decode("utf-8", errors="replace")
