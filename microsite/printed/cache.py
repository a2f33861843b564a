"""The printed matter kept between builds: a sheet is drawn again only when what it is drawn from has changed.

Drawing is most of what a build adds to MkDocs' own work (about 30 ms a flyer,
and 0.15 s to load ReportLab, svglib and segno), yet most builds print the same
sheets as the build before. Each PDF is kept under the hash of everything it is
drawn from: the values the drawing function takes (it reads nothing else), the
bytes of the project's sign files, and the generator itself (its code, fonts and
catalogues, and the printing libraries' versions). A kept PDF is therefore the
one that would be drawn now (ReportLab's invariant mode makes drawing
deterministic; tests compare kept and fresh bytes). The folder is the
project's ``.cache/microsite/printed`` (:mod:`microsite.buildcache`).
Each shelf (one language at one address) keeps only what its last build used.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .. import buildcache

__all__ = ["PrintCache"]


class PrintCache:
    """PDFs (and verdicts on sign files) by the hash of their inputs; ``folder`` None keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def of_project(cls, root: Path) -> PrintCache:
        """Return the cache kept in the project at ``root`` (keeping nothing if its folder is a link)."""
        return cls(buildcache.cache_folder(root, "printed"))

    def key(self, *inputs: object) -> str:
        """Return the key of what is made from ``inputs`` (values whose repr says everything about them)."""
        return hashlib.sha256(f"{buildcache.generator_fingerprint()}\n{inputs!r}".encode()).hexdigest()

    def load(self, shelf: str, key: str) -> bytes | None:
        """Return the PDF kept under ``key``, or None (none kept, or not a whole PDF)."""
        folder = self._shelf(shelf)
        if folder is None or (folder / key).is_symlink():
            return None
        try:
            data = (folder / key).read_bytes()
        except OSError:
            return None
        return data if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") else None

    def store(self, shelf: str, key: str, data: bytes) -> None:
        """Keep ``data`` under ``key``; a folder that cannot be written only means drawing again next time."""
        folder = self._shelf(shelf)
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".new-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, folder / key)  # whole or not at all, even with two builds at once
        except OSError:
            pass

    def knows(self, shelf: str, key: str) -> bool:
        """Say whether ``key`` was marked on ``shelf`` (a verdict rather than a PDF)."""
        folder = self._shelf(shelf)
        return folder is not None and not (folder / key).is_symlink() and (folder / key).is_file()

    def mark(self, shelf: str, key: str) -> None:
        """Remember ``key`` on ``shelf``."""
        self.store(shelf, key, b"")

    def keep_only(self, shelf: str, keys: set[str]) -> None:
        """Remove from ``shelf`` what is not in ``keys``: what the last build did not use is not kept."""
        folder = self._shelf(shelf)
        if folder is None or not folder.is_dir():
            return
        for entry in folder.iterdir():
            if entry.name not in keys and not entry.name.startswith(".new-"):
                entry.unlink(missing_ok=True)

    def _shelf(self, shelf: str) -> Path | None:
        """Return the shelf's folder; None when nothing is kept, or it is a link (it could lead outside the
        repository: a build never makes one)."""
        if self.folder is None or (self.folder / shelf).is_symlink():
            return None
        return self.folder / shelf
