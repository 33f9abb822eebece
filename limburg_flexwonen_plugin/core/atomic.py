"""Complete-or-absent files: write beside the target, then move into place.

A reader (or the user) either finds the previous file or the new, complete one, never a
half-written file, also when the run fails or is cancelled halfway. The temporary file
lives in a hidden folder in the target's own folder, so the final move is a rename on
the same file system (``os.replace``), and it keeps the target's file name, because
some writers derive a layer or table name from it.

    with atomic_output(path) as temporary:
        dataset = rasterio.open(temporary, "w", ...)   # any writer that wants a path

    with atomic_write(path, newline="") as handle:     # text (or "wb" for bytes)
        csv.writer(handle).writerows(rows)
"""
import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterator, Optional, Union

from .errors import InputError

PathLike = Union[str, "os.PathLike[str]"]
PARTIAL_SUFFIX = ".partial"


@contextlib.contextmanager
def atomic_output(target: PathLike) -> Iterator[Path]:
    """Yields a temporary path to write ``target`` to; moves it into place on success.

    On an exception (including a cancel) the temporary file is removed and ``target``
    is left as it was. Files the writer creates beside the temporary one (sidecars such
    as ``.aux.xml`` or a shapefile's ``.dbf``) are moved along, the main file last.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        workdir = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX, dir=folder))
    except OSError as error:
        raise _cannot_write(folder, error) from error
    temporary = workdir / target.name
    try:
        yield temporary
        if not temporary.exists():
            raise FileNotFoundError(f"nothing was written to {target.name}")
        for sidecar in sorted(workdir.iterdir()):
            if sidecar != temporary and sidecar.is_file():
                os.replace(sidecar, folder / sidecar.name)
        os.replace(temporary, target)
    except OSError as error:
        if error.errno in _FOLDER_PROBLEMS:
            raise _cannot_write(folder, error) from error
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# Problems of the folder or the disk, not of the data: told as such, naming the folder.
_FOLDER_PROBLEMS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS}


def _cannot_write(folder: Path, error: OSError) -> InputError:
    reason = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
              errno.EACCES: "no permission to write there", errno.EPERM: "no permission to write there",
              errno.EROFS: "the folder is read-only"}.get(error.errno, error.strerror or str(error))
    return InputError(f"cannot write in the folder '{folder}': {reason}; choose another folder "
                      f"or free space")


@contextlib.contextmanager
def atomic_write(target: PathLike, mode: str = "w", encoding: Optional[str] = "utf-8",
                 newline: Optional[str] = None):
    """Opens a temporary file for writing (text by default, ``mode="wb"`` for bytes)."""
    if mode not in ("w", "wb", "wt"):
        raise ValueError("atomic_write only writes new files: mode 'w', 'wt' or 'wb'")
    with atomic_output(target) as temporary:
        if "b" in mode:
            with open(temporary, mode) as handle:
                yield handle
        else:
            with open(temporary, mode, encoding=encoding, newline=newline) as handle:
                yield handle


def write_text(target: PathLike, text: str, encoding: str = "utf-8") -> Path:
    with atomic_write(target, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return Path(target)


def write_bytes(target: PathLike, data: bytes) -> Path:
    with atomic_write(target, "wb") as handle:
        handle.write(data)
    return Path(target)
