"""What arrived, as a flat series of input files: paths, folders, glob patterns, archives, uploads.

    for item in iter_inputs(["incoming/", "batch.zip", "wire/*.xml"], max_file_bytes=..., ...):
        if isinstance(item, ReadProblem): report it
        else: with item.open() as stream: read it (see readers.read_input)

Design for memory: files on disk are opened when read (a 30 MB JSON Lines dump is streamed by its
reader). Archive members are unpacked one at a time, counted as they come: up to SPOOL_BYTES in
memory, larger ones into an unnamed temporary file in `tmp_dir` (tempfile.TemporaryFile: no name on
disk, so nothing is left behind even when the process is killed), which the reader then streams; a
member's file is closed, and gone, as soon as the next input is asked for. Archives inside archives
are opened from there too, never whole in memory; they share their top-level archive's budget, so
every level counts toward max_archive_bytes. A zip whose members declare more than the budget in
total is refused before anything in it is read.

Refused, each with a one-line reason: missing paths, symbolic links (never followed), devices,
pipes and sockets, files over max_file_bytes, archive members whose path is absolute or climbs out
with "..", links inside archives, and archives that expand past max_archive_bytes in total, nested
archives included (declared sizes are checked first, then the bytes really read are counted: headers
can lie); an archive that does is stopped there, with one problem for the top-level archive.
Hidden files and __MACOSX folders inside folders and archives are skipped silently.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import re
import stat
import tarfile
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from .records import ReadError, ReadProblem

DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
MAX_ARCHIVE_DEPTH = 3  # an archive inside an archive inside an archive, and no deeper
CHUNK = 64 * 1024
UNREADABLE_ZIP = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, ValueError)
SPOOL_BYTES = 1024 * 1024  # an archive member up to this size stays in memory, a larger one goes to disk
TEMPORARY_PREFIX = "archive-import-"

ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
GZIP_SUFFIX = ".gz"  # a single gzipped file ("dump.jsonl.gz"); .warc.gz is read as it is
NOT_ARCHIVES = (".warc.gz",)


@dataclass
class InputFile:
    """One file to read: on disk (`path`), already in memory (`data`: uploads, small archive
    members) or in an unnamed temporary file (`file`: a large archive member, readable until the
    next input is asked for).

    `name` is for people: "incoming/story.xml", "batch.zip!2024/story.xml".
    """

    name: str
    size: int
    path: str | None = None
    data: bytes | None = None
    file: BinaryIO | None = None

    def open(self) -> BinaryIO:
        if self.data is not None:
            return io.BytesIO(self.data)
        if self.file is not None:
            if self.file.closed:
                raise ReadError("archive member no longer available (read it before asking for the next input)")
            stream = os.fdopen(os.dup(self.file.fileno()), "rb")  # its own file object, same open file
            stream.seek(0)
            return stream
        assert self.path is not None
        return open_regular_file(self.path)

    def read_bytes(self) -> bytes:
        with self.open() as stream:
            return stream.read()


@dataclass
class Limits:
    max_file_bytes: int
    max_archive_bytes: int
    tmp_dir: str | None = None  # where large archive members are unpacked (None: the system's)


class Budget:
    """Bytes one top-level archive may still expand to (nested archives share it)."""

    def __init__(self, total: int):
        self.total = total
        self.left = total


class TooBig(Exception):
    pass


class ArchiveTooBig(Exception):
    """The top-level archive, nested archives included, unpacks past its budget: stop it all."""


def iter_inputs(
    paths: list[str],
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES,
    tmp_dir: str | None = None,
) -> Iterator[InputFile | ReadProblem]:
    """Every file named by `paths` (files, folders searched recursively in name order, glob
    patterns, archives), or the problem that stops it from being read."""
    limits = Limits(max_file_bytes, max_archive_bytes, tmp_dir)
    for path in paths:
        if not os.path.lexists(path) and glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield problem(path, "no file matches this pattern")
            for match in matches:
                yield from walk(match, match, limits)
        else:
            yield from walk(path, path, limits)


def iter_uploads(
    uploads: list[tuple[str, bytes]],
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES,
    tmp_dir: str | None = None,
) -> Iterator[InputFile | ReadProblem]:
    """Files sent through the admin upload page, as (file name, bytes); archives are opened."""
    limits = Limits(max_file_bytes, max_archive_bytes, tmp_dir)
    for given_name, data in uploads:
        # The browser's name is for display only; keep its last part.
        name = given_name.replace("\\", "/").rsplit("/", 1)[-1] or "upload"
        yield from one_file(name, len(data), lambda data=data: io.BytesIO(data), limits, data=data)


def walk(path: str, display: str, limits: Limits) -> Iterator[InputFile | ReadProblem]:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        yield problem(display, "no such file or folder")
        return
    except OSError as error:
        yield problem(display, f"cannot be read ({error.strerror})")
        return
    if stat.S_ISLNK(info.st_mode):
        yield problem(display, "refused: symbolic link (links are not followed)")
    elif stat.S_ISDIR(info.st_mode):
        try:
            entries = sorted(os.scandir(path), key=lambda entry: entry.name)
        except OSError as error:
            yield problem(display, f"folder cannot be read ({error.strerror})")
            return
        for entry in entries:
            if not is_skipped(entry.name):
                yield from walk(entry.path, os.path.join(display, entry.name), limits)
    elif stat.S_ISREG(info.st_mode):
        yield from one_file(display, info.st_size, lambda: open_regular_file(path), limits, path=path)
    else:
        yield problem(display, "refused: not a regular file (device, pipe or socket)")


def one_file(name, size, opener, limits: Limits, *, path=None, data=None) -> Iterator[InputFile | ReadProblem]:
    """A file on disk or an upload: an archive to open, or one input."""
    kind = archive_kind(name)
    if kind:
        if size > limits.max_archive_bytes:
            yield problem(name, f"refused: archive of {size:,} bytes is over the limit of {limits.max_archive_bytes:,}")
            return
        try:
            with opener() as stream:
                yield from expand(kind, stream, name, limits, Budget(limits.max_archive_bytes), depth=1)
        except ReadError as error:
            yield problem(name, error.reason)
        except ArchiveTooBig as error:
            yield problem(name, str(error))
    elif size > limits.max_file_bytes:
        yield problem(name, f"refused: {size:,} bytes is over the file size limit of {limits.max_file_bytes:,}")
    else:
        yield InputFile(name=name, size=size, path=path, data=data)


# Archives ---------------------------------------------------------------------------------------


def archive_kind(name: str) -> str:
    lower = name.lower()
    if lower.endswith(NOT_ARCHIVES):
        return ""
    if lower.endswith(ZIP_SUFFIXES):
        return "zip"
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    if lower.endswith(GZIP_SUFFIX):
        return "gzip"
    return ""


def expand(kind: str, stream: BinaryIO, name: str, limits: Limits, budget: Budget, depth: int):
    if kind == "zip":
        yield from zip_members(stream, name, limits, budget, depth)
    elif kind == "tar":
        yield from tar_members(stream, name, limits, budget, depth)
    else:
        yield from gzip_member(stream, name, limits, budget, depth)


def member_input(name: str, member: InputFile, limits: Limits, budget: Budget, depth: int):
    """A member read from an archive: an archive itself (opened, up to a depth, sharing the
    top-level budget), or an input."""
    kind = archive_kind(name)
    if kind and depth < MAX_ARCHIVE_DEPTH:
        try:
            with member.open() as stream:
                yield from expand(kind, stream, name, limits, budget, depth + 1)
        except ReadError as error:
            yield problem(name, error.reason)
    else:
        yield member


@contextmanager
def unpacked(name: str, source: BinaryIO, limit: int, tmp_dir: str | None):
    """The member `source` as an InputFile, counted as it is read (TooBig past `limit` bytes,
    whatever its headers said): in memory up to SPOOL_BYTES, else in an unnamed temporary file,
    closed (and so removed) when the block ends, whatever happens."""
    chunks, total, spill = [], 0, None
    try:
        while chunk := source.read(CHUNK):
            total += len(chunk)
            if total > limit:
                raise TooBig
            if spill is None and total > SPOOL_BYTES:
                if tmp_dir:
                    os.makedirs(tmp_dir, exist_ok=True)
                spill = tempfile.TemporaryFile(dir=tmp_dir, prefix=TEMPORARY_PREFIX)
                spill.writelines(chunks)
                chunks = []
            if spill is not None:
                spill.write(chunk)
            else:
                chunks.append(chunk)
        if spill is None:
            yield InputFile(name=name, size=total, data=b"".join(chunks))
        else:
            spill.flush()
            yield InputFile(name=name, size=total, file=spill)
    finally:
        if spill is not None:
            spill.close()


def zip_members(stream: BinaryIO, name: str, limits: Limits, budget: Budget, depth: int):
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ReadError(f"corrupt or not a zip archive ({error})") from None
    with archive:
        # The whole tree's declared size before a byte of it is read (at every level: a zip inside
        # a tar is checked when it is reached).
        declared = declared_size(archive, limits, depth, budget.left)
        if declared > budget.left:
            inner = "" if depth == 1 else f"{name.split('!', 1)[1]}: "
            why = f"{inner}its members, archives inside it included, declare {declared:,} bytes or more"
            raise ArchiveTooBig(too_big_reason(budget, why, nothing_read=depth == 1))
        for info in archive.infolist():
            member = f"{name}!{info.filename}"
            if info.is_dir() or is_skipped_path(info.filename):
                continue
            refusal = unsafe_member(info.filename) or zip_refusal(info, limits)
            if refusal:
                yield problem(member, refusal)
                continue
            if info.file_size > budget.left:
                raise ArchiveTooBig(too_big_reason(budget))
            try:
                with (
                    archive.open(info) as source,
                    unpacked(member, source, min(limits.max_file_bytes, budget.left), limits.tmp_dir) as item,
                ):
                    budget.left -= item.size
                    yield from member_input(member, item, limits, budget, depth)
            except TooBig:
                if budget.left < limits.max_file_bytes:
                    raise ArchiveTooBig(too_big_reason(budget)) from None
                yield problem(member, "refused: expands past its declared size and the limits (zip bomb?)")
                return
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as error:
                yield problem(member, f"corrupt archive member ({error})")
                continue


def declared_size(archive: zipfile.ZipFile, limits: Limits, depth: int, budget: int) -> int:
    """What a zip's members say they unpack to, zips inside it included (each unpacked, bounded,
    to read its directory): a nested zip bomb is refused before anything in it is imported. Stops
    counting once past `budget`; members that cannot be read are counted by their own size (the
    reading proper reports them)."""
    total = 0
    for info in archive.infolist():
        if info.is_dir() or is_skipped_path(info.filename) or unsafe_member(info.filename) or zip_refusal(info, limits):
            continue  # not unpacked: refused on its own
        total += info.file_size
        if total > budget:
            return total
        if archive_kind(info.filename) == "zip" and depth < MAX_ARCHIVE_DEPTH:
            try:
                with (
                    archive.open(info) as source,
                    unpacked(
                        info.filename,
                        source,
                        min(limits.max_file_bytes, budget - total + info.file_size),
                        limits.tmp_dir,
                    ) as item,
                    item.open() as stream,
                    zipfile.ZipFile(stream) as inner,
                ):
                    total += declared_size(inner, limits, depth + 1, budget - total)
            except (TooBig, ReadError, *UNREADABLE_ZIP):
                pass
        if total > budget:
            return total
    return total


def zip_refusal(info: zipfile.ZipInfo, limits: Limits) -> str:
    if stat.S_ISLNK(info.external_attr >> 16):
        return "refused: symbolic link inside the archive"
    if info.flag_bits & 0x1:
        return "refused: encrypted archive member"
    if info.file_size > limits.max_file_bytes:
        size, limit = info.file_size, limits.max_file_bytes
        return f"refused: {size:,} bytes unpacked is over the file size limit of {limit:,}"
    return ""


def tar_members(stream: BinaryIO, name: str, limits: Limits, budget: Budget, depth: int):
    count = 0
    try:
        # "r|*": a stream, one member after another, any compression; nothing is extracted to disk
        with tarfile.open(fileobj=stream, mode="r|*") as archive:
            for info in archive:
                count += 1
                member = f"{name}!{info.name}"
                if info.isdir() or is_skipped_path(info.name):
                    continue
                if info.size > budget.left:  # skipping it would still unpack it
                    raise ArchiveTooBig(too_big_reason(budget))
                refusal = unsafe_member(info.name) or tar_refusal(info, limits)
                if refusal:
                    yield problem(member, refusal)
                    budget.left -= info.size
                    continue
                source = archive.extractfile(info) or io.BytesIO()
                with unpacked(member, source, min(limits.max_file_bytes, budget.left), limits.tmp_dir) as item:
                    budget.left -= item.size
                    yield from member_input(member, item, limits, budget, depth)
    except TooBig:
        yield problem(name, "refused: a member expands past its declared size and the limits")
    except (tarfile.TarError, zlib.error, OSError, EOFError) as error:
        where = f" after {count} member(s)" if count else ""
        raise ReadError(f"corrupt or not a tar archive{where} ({error or type(error).__name__})") from None


def tar_refusal(info: tarfile.TarInfo, limits: Limits) -> str:
    if info.issym() or info.islnk():
        return "refused: link inside the archive"
    if not info.isfile():
        return "refused: not a regular file (device, pipe or socket) inside the archive"
    if info.size > limits.max_file_bytes:
        return f"refused: {info.size:,} bytes is over the file size limit of {limits.max_file_bytes:,}"
    return ""


def gzip_member(stream: BinaryIO, name: str, limits: Limits, budget: Budget, depth: int):
    inner = f"{name}!{name[: -len(GZIP_SUFFIX)].rsplit('/', 1)[-1]}"
    limit = min(limits.max_file_bytes, budget.left)
    try:
        with unpacked(inner, gzip.GzipFile(fileobj=stream), limit, limits.tmp_dir) as item:
            budget.left -= item.size
            yield from member_input(inner, item, limits, budget, depth)
    except TooBig:
        if budget.left < limits.max_file_bytes:
            raise ArchiveTooBig(too_big_reason(budget)) from None
        yield problem(name, f"refused: unpacks to more than the file size limit of {limits.max_file_bytes:,} bytes")
    except (OSError, EOFError, zlib.error) as error:
        raise ReadError(f"corrupt or not a gzip file ({error})") from None


def too_big_reason(budget: Budget, why: str = "", *, nothing_read: bool = False) -> str:
    reason = f"refused: unpacks to more than the archive limit of {budget.total:,} bytes"
    if not why:
        return reason + " (stopped there)"
    return reason + f" ({why}): " + ("nothing of it imported" if nothing_read else "stopped there")


# Small helpers ----------------------------------------------------------------------------------


def read_bounded(source: BinaryIO, limit: int) -> bytes:
    """All of `source`, counting as it goes: TooBig past `limit` bytes, whatever headers said."""
    chunks, total = [], 0
    while chunk := source.read(CHUNK):
        total += len(chunk)
        if total > limit:
            raise TooBig
        chunks.append(chunk)
    return b"".join(chunks)


def open_regular_file(path: str) -> BinaryIO:
    """Open for reading without following a symbolic link or blocking on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise ReadError(f"cannot be opened ({error.strerror})") from None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise ReadError("refused: not a regular file")
    return os.fdopen(descriptor, "rb")


def unsafe_member(member: str) -> str:
    path = member.replace("\\", "/")
    if path.startswith("/") or re.match(r"[A-Za-z]:", path):
        return "refused: absolute path inside the archive"
    if ".." in path.split("/"):
        return "refused: path climbs out of the archive (..)"
    return ""


def is_skipped(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def is_skipped_path(member: str) -> bool:
    return any(is_skipped(part) for part in member.replace("\\", "/").split("/") if part not in ("", ".", ".."))


def problem(location: str, reason: str) -> ReadProblem:
    return ReadProblem(location, f"{location}: {reason}")


def remove_stale_temporary_files(folder: str | None, older_than_seconds: float = 6 * 3600) -> int:
    """Remove what killed imports and uploads left in `folder` (the import's and the uploads'
    temporary folder): named temporary files of ours (TEMPORARY_PREFIX; ours are unnamed where the
    system allows it) and Django's upload files ("tmp….upload…"), not touched for
    `older_than_seconds` (a file being written now is newer). Returns how many were removed."""
    if not folder or not os.path.isdir(folder):
        return 0
    removed, now = 0, time.time()
    for entry in os.scandir(folder):
        ours = entry.name.startswith(TEMPORARY_PREFIX) or (entry.name.startswith("tmp") and ".upload" in entry.name)
        try:
            if ours and entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > older_than_seconds:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass  # gone already, or not ours to remove
    return removed
