"""The sandbox's child process: runs a user's function on inputs and writes back what it returned.

Started as `python -I child.py` in an empty temporary folder. It imports numpy once, then reads
job folders, one per line, from stdin; for each it forks a fresh process that limits itself
(address space, file size), runs the job there and exits, so every run starts from the same
clean state and a crash or a leak ends with it. It imports nothing from quizapp: the user's code
sees only numpy and the standard library, and never the expected values, which stay in the app.

A job folder holds `solution.py`, `job.json` (function name, per-case argument layout) and
`inputs.npz`; the forked process writes `out/N.npz` and then `out/N.json` for each case N
(`out/load.json` when the module cannot be loaded), and all it prints goes to `output.txt`.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np

SOLUTION = "solution.py"
_NUMERIC_KINDS = "biuf"


class StdinUnavailable(OSError):
    """Raised on any read of stdin: the tests give the function no input."""


class _NoStdin:
    def _refuse(self, *args: object) -> str:
        raise StdinUnavailable("read from standard input")

    read = readline = readlines = _refuse

    def __iter__(self) -> _NoStdin:
        self._refuse()
        return self


def _given_function(name: str, weights: np.ndarray) -> Any:
    """The scalar functions a gradient-check exercise differentiates (the app knows their
    gradients from the engine)."""
    if name == "weighted-tanh":
        return lambda x: float(np.sum(weights * np.tanh(x)))
    if name == "weighted-softplus":
        return lambda x: float(np.sum(weights * np.log1p(np.exp(x))))
    raise ValueError(f"unknown given function {name!r}")


def _argument(spec: dict[str, Any], inputs: Any) -> Any:
    if "function" in spec:
        return _given_function(spec["function"], inputs[spec["array"]].copy())
    return inputs[spec["array"]].copy()


def _user_frames(error: BaseException, code_lines: list[str]) -> list[str]:
    """The traceback reduced to the user's own lines: `line N, in name: source`."""
    import traceback  # only once the code raised: the child starts without it

    frames = []
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename != SOLUTION or frame.lineno is None:
            continue
        source = code_lines[frame.lineno - 1].strip() if frame.lineno <= len(code_lines) else ""
        frames.append(f"line {frame.lineno}, in {frame.name}: {source}")
    return frames


def _error(error: BaseException, code_lines: list[str]) -> dict[str, Any]:
    name = getattr(error, "name", None) if isinstance(error, ImportError) else None
    return {
        "type": type(error).__name__,
        "message": str(error)[:2000],
        "module": name,
        "trace": _user_frames(error, code_lines),
        "stdin": isinstance(error, StdinUnavailable),
    }


def _write(out: Path, stem: str, record: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    # numpy's stub types every keyword as if it could be `allow_pickle`: these are array names.
    np.savez(out / f"{stem}.npz", **arrays)  # type: ignore[arg-type]
    (out / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")


def _outputs(result: Any, count: int) -> tuple[dict[str, np.ndarray], str | None]:
    """The returned value as arrays, or what is wrong with it."""
    values = result if count > 1 else (result,)
    if count > 1 and (not isinstance(result, tuple | list) or len(result) != count):
        return {}, f"returned {type(result).__name__}, expected a tuple of {count} values"
    arrays = {}
    for index, value in enumerate(values):
        try:
            array = np.asarray(value)
        except Exception:  # anything the user returned is reported, not raised
            array = np.asarray(None)
        if array.dtype.kind not in _NUMERIC_KINDS:
            return {}, f"returned {type(value).__name__}, not a number or an array of numbers"
        arrays[f"o{index}"] = array
    return arrays, None


def _run_case(function: Any, case: dict[str, Any], inputs: Any, code_lines: list[str]) -> tuple:
    args = [_argument(spec, inputs) for spec in case["args"]]
    record: dict[str, Any] = {"warnings": []}
    arrays: dict[str, np.ndarray] = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = function(*args, **case["kwargs"])
        except BaseException as error:  # sys.exit and the like are results too
            record["error"] = _error(error, code_lines)
            result = None
    for warning in caught:
        line = warning.lineno if warning.filename == SOLUTION else None
        record["warnings"].append(
            {"category": warning.category.__name__, "message": str(warning.message), "line": line}
        )
    if "error" not in record:
        arrays, problem = _outputs(result, case["outputs"])
        if problem:
            record["returned"] = problem
    for index, arg in enumerate(args):
        if isinstance(arg, np.ndarray):
            arrays[f"a{index}"] = arg
    return record, arrays


def _load(code: str, function_name: str, out: Path) -> Any:
    code_lines = code.splitlines()
    try:
        compiled = compile(code, SOLUTION, "exec")
    except SyntaxError as error:
        record = {"syntax": {"line": error.lineno, "column": error.offset, "message": error.msg}}
        _write(out, "load", record, {})
        return None
    namespace: dict[str, Any] = {"__name__": "solution", "__file__": SOLUTION}
    try:
        exec(compiled, namespace)  # this process exists to run the user's code
    except BaseException as error:
        _write(out, "load", {"error": _error(error, code_lines)}, {})
        return None
    function = namespace.get(function_name)
    if not callable(function):
        _write(out, "load", {"missing": function_name}, {})
        return None
    return function


def run_job(folder: Path, memory_bytes: int, file_bytes: int, cpu_seconds: int) -> None:
    """Run one job in this process (already forked, with its own session)."""
    os.chdir(folder)
    with Path("output.txt").open("wb") as output:
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
    with Path(os.devnull).open("rb") as null:
        os.dup2(null.fileno(), 0)
    sys.stdin = _NoStdin()
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    sys.stderr = sys.stdout
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    # A backstop if the app dies before it can kill a runaway run.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    job = json.loads(Path("job.json").read_text(encoding="utf-8"))
    code = Path(SOLUTION).read_text(encoding="utf-8")
    out = Path("out")
    function = _load(code, job["function"], out)
    if function is None:
        return
    code_lines = code.splitlines()
    with np.load("inputs.npz", allow_pickle=False) as inputs:
        for index, case in enumerate(job["cases"]):
            record, arrays = _run_case(function, case, inputs, code_lines)
            sys.stdout.flush()
            _write(out, str(index), record, arrays)


def _serve() -> None:
    """Read `{"folder", "memory", "files", "cpu"}` lines; fork one process per job; report its pid
    and then how it ended, one JSON line each."""
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.setsid()
                run_job(
                    Path(request["folder"]), request["memory"], request["files"], request["cpu"]
                )
            except BaseException:  # the app reports the missing results
                code = 70
            finally:
                os._exit(code)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"status": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    _serve()
