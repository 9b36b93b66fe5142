"""Plain (non-TUI) subcommands; each module here exposes `register(subparsers)`."""

from __future__ import annotations


def command_modules() -> list[str]:
    """Each public module here is one subcommand, so adding a command edits no shared list;
    modules named `_...` are helpers the commands share. pkgutil is imported here: starting the
    app (which imports this package for `CommandError`) lists no command."""
    import pkgutil

    return sorted(
        module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_")
    )


class CommandError(Exception):
    """A failure the user caused: printed as one line, never as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code
