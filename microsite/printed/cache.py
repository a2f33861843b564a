"""The printed matter kept between builds: a sheet is drawn again only when what it is drawn from has changed.

Drawing is most of what a build adds to MkDocs' own work (about 30 ms a flyer,
and 0.15 s to load ReportLab, svglib and segno), yet most builds print the same
sheets as the build before. Each PDF is kept under the hash of everything it is
drawn from: the values the drawing function takes (it reads nothing else), the
bytes of the project's sign files, and the generator itself (its code, fonts and
catalogues, and the printing libraries' versions). A kept PDF is therefore the
one that would be drawn now (ReportLab's invariant mode makes drawing
deterministic; tests compare kept and fresh bytes). The folder is
:data:`CACHE_FOLDER` in the project, which git ignores; CI keeps it between runs.
Each shelf (one language at one address) keeps only what its last build used.
"""

from __future__ import annotations

import hashlib
import os
import platform
import tempfile
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = ["CACHE_FOLDER", "PrintCache", "generator_fingerprint"]

CACHE_FOLDER = ".cache/microsite/printed"
"""Where a project keeps its printed matter between builds, relative to its root (in .gitignore)."""
_LIBRARIES = ("reportlab", "svglib", "segno", "pillow", "lxml")
"""What draws the sheets besides the generator's code: a new version may draw other bytes."""


class PrintCache:
    """PDFs (and verdicts on sign files) by the hash of their inputs; ``folder`` None keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def of_project(cls, root: Path) -> PrintCache:
        """Return the cache kept in the project at ``root``."""
        return cls(root / CACHE_FOLDER)

    def key(self, *inputs: object) -> str:
        """Return the key of what is made from ``inputs`` (values whose repr says everything about them)."""
        return hashlib.sha256(f"{generator_fingerprint()}\n{inputs!r}".encode()).hexdigest()

    def load(self, shelf: str, key: str) -> bytes | None:
        """Return the PDF kept under ``key``, or None (none kept, or not a whole PDF)."""
        if self.folder is None:
            return None
        try:
            data = (self.folder / shelf / key).read_bytes()
        except OSError:
            return None
        return data if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") else None

    def store(self, shelf: str, key: str, data: bytes) -> None:
        """Keep ``data`` under ``key``; a folder that cannot be written only means drawing again next time."""
        if self.folder is None:
            return
        try:
            (self.folder / shelf).mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder / shelf, prefix=".new-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, self.folder / shelf / key)  # whole or not at all, even with two builds at once
        except OSError:
            pass

    def knows(self, shelf: str, key: str) -> bool:
        """Say whether ``key`` was marked on ``shelf`` (a verdict rather than a PDF)."""
        return self.folder is not None and (self.folder / shelf / key).is_file()

    def mark(self, shelf: str, key: str) -> None:
        """Remember ``key`` on ``shelf``."""
        self.store(shelf, key, b"")

    def keep_only(self, shelf: str, keys: set[str]) -> None:
        """Remove from ``shelf`` what is not in ``keys``: what the last build did not use is not kept."""
        if self.folder is None or not (self.folder / shelf).is_dir():
            return
        for entry in (self.folder / shelf).iterdir():
            if entry.name not in keys and not entry.name.startswith(".new-"):
                entry.unlink(missing_ok=True)


@lru_cache(maxsize=1)  # the generator does not change while a process runs
def generator_fingerprint() -> str:
    """Return a hash of what, besides its inputs, decides how a sheet is drawn: the generator and its libraries."""
    digest = hashlib.sha256(platform.python_version().encode())
    for library in _LIBRARIES:
        try:
            digest.update(f"\n{library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"\n{library} -".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\n{path.relative_to(package).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
