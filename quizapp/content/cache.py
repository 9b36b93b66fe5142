"""The deck cache: each deck's parts as checked the last time its files were read, so an unchanged
deck loads without parsing or validating YAML (nor importing yaml and pydantic).

One file per deck under the user's cache dir (`$QUIZAPP_CACHE_DIR` overrides it), named after the
deck's resolved path: a JSON line holding the key and the SHA-256 of the rest, then the parts and
each card's content hash as JSON (`codec.py`; JSON only describes data, so reading it can run
nothing). The key: the deck's resolved path and each file's
resolved path, size, mtime and inode, the app version, the shape of the content classes and the
names a deck may refer to. A change to any of a deck's files changes its key, so that deck alone
is read again. An entry is used only when its key matches, its body has the digest the header
names and it decodes completely to the expected shapes (a content hash is 64 hex digits, one per
card); a corrupt, truncated or foreign file is ignored and replaced. Entries are
written whole (a finished temporary file renamed over the old one). A deck written in the last
two seconds is not cached: a second edit within the file system's timestamp granularity could
keep its size and mtime.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from quizapp import __version__
from quizapp.content.assembly import DeckParts
from quizapp.content.codec import ShapeError, decode, encode, shape
from quizapp.content.model import keep_content_hashes

CACHE_ENV = "QUIZAPP_CACHE_DIR"
FORMAT = 2
SETTLED_NS = 2_000_000_000
"""A file modified less than this long ago may still change within its mtime's granularity."""
_HEADER_LIMIT = 1 << 20
_HEX_DIGITS = b"0123456789abcdef"
_DIGEST_LENGTH = 64
_FILE_INDEX = attrgetter("file")
_CARD = attrgetter("card")


@dataclass(frozen=True)
class DeckCache:
    folder: Path

    def read(self, deck: Path, files: Sequence[Path], names: Sequence[str]) -> DeckParts | None:
        """The deck's cached parts, or None (no entry, another key, or an unusable entry).
        `names`: the activation and template names the deck was checked against."""
        key = _key(deck, files, names)
        if key is None:
            return None
        try:
            with self.entry(deck).open("rb") as stream:
                header = json.loads(stream.readline(_HEADER_LIMIT))
                body = stream.read()
            if header != [key.value, hashlib.sha256(body).hexdigest()]:
                return None
            parts_data, hashes_data = json.loads(body)
            parts: DeckParts = decode(DeckParts, parts_data)
            hashes = _content_hashes(hashes_data, len(parts.cards))
        except (OSError, ValueError, TypeError, RecursionError):
            return None
        indexes = list(map(_FILE_INDEX, parts.cards))
        if indexes and not 0 <= min(indexes) <= max(indexes) < len(files):
            return None
        keep_content_hashes(list(map(_CARD, parts.cards)), hashes)
        return parts

    def write(
        self, deck: Path, files: Sequence[Path], names: Sequence[str], parts: DeckParts
    ) -> None:
        """Keep the parts of a deck that loaded without problems; a cache that cannot be written
        only costs the next start its speed."""
        key = _key(deck, files, names)
        if key is None or time.time_ns() - key.newest_ns < SETTLED_NS:
            return
        hashes = [placed.card.content_hash() for placed in parts.cards]
        body = json.dumps(
            [encode(DeckParts, parts), hashes], ensure_ascii=False, separators=(",", ":")
        ).encode()
        header = [key.value, hashlib.sha256(body).hexdigest()]
        temporary: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
                stream.write(body)
            Path(temporary).replace(self.entry(deck))
        except OSError:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)

    def entry(self, deck: Path) -> Path:
        digest = hashlib.sha256(str(deck.resolve()).encode("utf-8", "surrogateescape"))
        return self.folder / f"{digest.hexdigest()[:40]}.json"


def _content_hashes(data: object, count: int) -> list[str]:
    """One SHA-256 hex digest per card, or `ShapeError`."""
    hashes = decode(tuple[str, ...], data)
    lengths = set(map(len, hashes))
    joined = "".join(hashes)
    hexadecimal = joined.isascii() and not joined.encode().translate(None, _HEX_DIGITS)
    if len(hashes) != count or lengths - {_DIGEST_LENGTH} or not hexadecimal:
        raise ShapeError("expected one content hash per card")
    return list(hashes)


def default_cache() -> DeckCache:
    """`$QUIZAPP_CACHE_DIR` when set, else the platform's cache dir for quizapp."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return DeckCache(Path(override))
    import platformdirs

    return DeckCache(platformdirs.user_cache_path("quizapp") / "decks")


@dataclass(frozen=True)
class _Key:
    value: dict[str, object]
    """What must be unchanged for an entry to hold, as JSON values."""
    newest_ns: int
    """The latest modification time among the deck's files."""


def _key(deck: Path, files: Sequence[Path], names: Sequence[str]) -> _Key | None:
    """None when a file cannot be looked at."""
    try:
        stats = [(file.resolve(), file.stat()) for file in files]
        resolved = deck.resolve()
    except (OSError, RuntimeError):
        return None
    value = {
        "format": FORMAT,
        "version": __version__,
        "shape": _shape_digest(),
        "names": list(names),
        "deck": _text(resolved),
        "files": [
            [_text(path), stat.st_size, stat.st_mtime_ns, stat.st_ino] for path, stat in stats
        ],
    }
    return _Key(value, max((stat.st_mtime_ns for _path, stat in stats), default=0))


def _text(path: Path) -> str:
    """The path as JSON can hold it (a file name that is not UTF-8 keeps its bytes escaped)."""
    return os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@functools.cache
def _shape_digest() -> str:
    """Once per process: the content classes do not change while it runs."""
    return hashlib.sha256(shape(DeckParts).encode()).hexdigest()
