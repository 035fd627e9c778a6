"""The secret key of an install that sets none: made once, kept in a file, read by every process."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from django.core.management.utils import get_random_secret_key


def stored_secret_key(path: Path) -> str:
    """Return the key kept in `path`, creating it first if there is none.

    Workers that start together may all find the file missing; each writes a candidate to a
    private temporary file and links it into place, which only the first can do, so all of them
    end up reading the same key.
    """
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, candidate = tempfile.mkstemp(dir=path.parent, prefix=".secret_key-")
    try:
        with os.fdopen(descriptor, "w") as f:  # mkstemp's file is readable by its owner only
            f.write(get_random_secret_key())
        with contextlib.suppress(FileExistsError):  # another process was first: its key it is
            os.link(candidate, path)
    finally:
        os.unlink(candidate)
    return _read(path)


def _read(path: Path) -> str:
    key = path.read_text().strip()
    if not key:
        raise ValueError(f"{path} is empty: delete it to have a new key made")
    return key
