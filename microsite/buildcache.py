"""What a build keeps for the next one, inside the project, and what makes it invalid: the generator itself.

Two things are kept, each under a key made of its inputs' content, so that a kept
result is always the one computing it now would give: the printed matter
(:mod:`microsite.printed.cache`) and each version of ``events.yaml`` git holds,
cut into entries (:mod:`microsite.history`). The folder is ignored by git,
deleting it is always safe, and CI keeps it between runs.
"""

from __future__ import annotations

import hashlib
import platform
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = ["CACHE_FOLDER", "cache_folder", "generator_fingerprint"]

CACHE_FOLDER = ".cache/microsite"
"""Where a project keeps what its builds reuse, relative to its root (in .gitignore)."""
_LIBRARIES = ("pyyaml", "reportlab", "svglib", "segno", "pillow", "lxml")
"""What reads the data and draws the sheets besides the generator's code: a new version may give other results."""


def cache_folder(root: Path, part: str) -> Path | None:
    """Return where the project at ``root`` keeps ``part`` ('printed', 'history').

    None when a folder on the way is a link or not a folder: a link could lead outside the repository,
    and nothing outside it is read or written, so nothing is kept then.
    """
    folder = root
    for name in (*Path(CACHE_FOLDER).parts, part):
        folder = folder / name
        if folder.is_symlink() or folder.exists() and not folder.is_dir():
            return None
    return folder


@lru_cache(maxsize=1)  # the generator does not change while a process runs
def generator_fingerprint() -> str:
    """Return a hash of the generator and its libraries: what, besides its inputs, decides a kept result."""
    digest = hashlib.sha256(platform.python_version().encode())
    for library in _LIBRARIES:
        try:
            digest.update(f"\n{library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"\n{library} -".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"\n{path.relative_to(package).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
