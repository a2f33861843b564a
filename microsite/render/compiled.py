"""Templates compiled by an earlier build, kept so that a build compiles only the ones that changed.

Compiling a template (Jinja's parser and code generator, then Python's
compiler) is the same work on every build while its source is the same: about
35 ms for our dozen core templates, and 15 ms per language for the theme
overrides (``overrides/main.html`` alone 9 ms). Jinja reuses a kept file only
when the template's source and Jinja's version are the ones it was made from;
what else shapes the compiled code (the environment's syntax and whitespace
options, its extensions, whether this template is autoescaped) is in the
file's key, so a changed option compiles afresh. Where the folder cannot be
read or written the templates are compiled on every build, as without it.
"""

from __future__ import annotations

import os
from hashlib import sha1
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

__all__ = ["CompiledTemplates"]


class CompiledTemplates(FileSystemBytecodeCache):
    """Keep compiled templates in ``folder``; with ``only_under``, only the templates that live in that folder.

    ``only_under`` is for an environment we share with a theme (MkDocs'): our overrides are kept, the
    theme's own templates are compiled as they would be without us.
    """

    def __init__(self, folder: Path, *, only_under: Path | None = None) -> None:
        super().__init__(str(folder), "%s.jinja2")
        self.only_under = only_under.resolve() if only_under is not None else None

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        if not self._kept(filename):
            return Bucket(environment, "", "")  # compiled as without a cache, and never written
        shape = f"{self.get_cache_key(name, filename)}\n{_shape(environment, name)}"
        bucket = Bucket(environment, sha1(shape.encode("utf-8")).hexdigest(), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.key:
            self.dump_bytecode(bucket)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            if not Path(self._get_cache_filename(bucket)).is_symlink():  # a link could lead out of the repository
                super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged (Jinja unpickles its checksum): compiled here
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # not writable: compiled again next time

    def _kept(self, filename: str | None) -> bool:
        if self.only_under is None:
            return True
        return filename is not None and Path(filename).resolve().is_relative_to(self.only_under)


def _shape(environment: Environment, name: str) -> str:
    """Return what, besides the source, decides the code a template compiles to in ``environment``."""
    autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
    finalize = environment.finalize
    return repr((
        environment.block_start_string, environment.block_end_string, environment.variable_start_string,
        environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
        environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
        environment.optimized, environment.is_async, bool(autoescape), sorted(environment.extensions),
        None if finalize is None else f"{finalize.__module__}.{finalize.__qualname__}",
        f"{environment.code_generator_class.__module__}.{environment.code_generator_class.__qualname__}",
    ))
