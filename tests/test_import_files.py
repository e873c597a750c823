"""Input files: folders, patterns, archives and uploads, and every way they are refused."""

from __future__ import annotations

import io
import os
import struct
import tarfile
import zipfile
from pathlib import Path

import pytest

from archive.importing.files import InputFile, TooBig, iter_inputs, iter_uploads, read_bounded
from archive.importing.readers import read_input
from archive.importing.records import RawDocument, ReadProblem

MB = 1024 * 1024
STORY = b" date 2024-01-02 \n\nTALKS OPEN\n\nGENEVA - Talks opened.\n"


def inputs(paths, **limits) -> list:
    limits.setdefault("max_file_bytes", MB)
    limits.setdefault("max_archive_bytes", 4 * MB)
    return list(iter_inputs([str(path) for path in paths], **limits))


def names(items) -> list[str]:
    return [item.name for item in items if isinstance(item, InputFile)]


def reasons(items) -> list[str]:
    return [item.reason for item in items if isinstance(item, ReadProblem)]


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def make_tar(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


# Files, folders, patterns -----------------------------------------------------------------------


def test_folders_are_walked_in_name_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(STORY)
    (tmp_path / "b" / "1.txt").write_bytes(STORY)
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / ".DS_Store").write_bytes(b"junk")
    (tmp_path / "__MACOSX").mkdir()
    (tmp_path / "__MACOSX" / "a.txt").write_bytes(b"junk")
    items = inputs([tmp_path])
    assert names(items) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "1.txt"),
        str(tmp_path / "b" / "2.txt"),
    ]
    assert reasons(items) == []


def test_glob_patterns_and_missing_paths(tmp_path):
    for name in ("x1.xml", "x2.xml", "y.txt"):
        (tmp_path / name).write_bytes(b"<nitf/>")
    items = inputs([tmp_path / "x*.xml", tmp_path / "nothing*.json", tmp_path / "missing.txt"])
    assert names(items) == [str(tmp_path / "x1.xml"), str(tmp_path / "x2.xml")]
    assert reasons(items) == [
        f"{tmp_path / 'nothing*.json'}: no file matches this pattern",
        f"{tmp_path / 'missing.txt'}: no such file or folder",
    ]


def test_symlinks_are_refused_not_followed(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(STORY)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(target)
    (folder / "linked-folder").symlink_to(tmp_path)
    items = inputs([folder])
    assert names(items) == []
    assert reasons(items) == [
        f"{folder / 'link.txt'}: refused: symbolic link (links are not followed)",
        f"{folder / 'linked-folder'}: refused: symbolic link (links are not followed)",
    ]


def test_oversized_files_are_refused(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"x" * 2000)
    [problem] = inputs([big], max_file_bytes=1000)
    assert problem.reason == f"{big}: refused: 2,000 bytes is over the file size limit of 1,000"


def test_devices_and_pipes_are_refused(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    items = inputs([fifo, "/dev/null"])
    assert reasons(items) == [
        f"{fifo}: refused: not a regular file (device, pipe or socket)",
        "/dev/null: refused: not a regular file (device, pipe or socket)",
    ]


def test_disk_files_are_streamed_to_the_readers(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"title": "A", "body": "One."}\n{"title": "B", "body": "Two."}\n')
    [item] = inputs([dump])
    assert item.data is None and item.size == dump.stat().st_size  # opened only when read
    results = list(read_input(item))
    assert [result.location for result in results] == [f"{dump}:1", f"{dump}:2"]


def test_a_file_swapped_for_a_symlink_after_listing_is_not_followed(tmp_path):
    story = tmp_path / "story.txt"
    story.write_bytes(STORY)
    [item] = inputs([story])
    story.unlink()
    story.symlink_to("/etc/hostname")
    [problem] = list(read_input(item))
    assert isinstance(problem, ReadProblem) and "cannot be opened" in problem.reason


# Archives ---------------------------------------------------------------------------------------


def test_zip_members_are_read_one_by_one_with_archive_names(tmp_path):
    batch = make_zip(
        tmp_path / "batch.zip",
        {
            "2024/story.txt": STORY,
            "2024/.hidden.txt": b"x",
            "__MACOSX/2024/._story.txt": b"x",
            "b.txt": STORY,
        },
    )
    items = inputs([batch])
    assert names(items) == [f"{batch}!2024/story.txt", f"{batch}!b.txt"]
    assert items[0].data == STORY
    [document] = list(read_input(items[0]))
    assert isinstance(document, RawDocument) and document.location == f"{batch}!2024/story.txt"


def test_zip_members_escaping_the_archive_are_refused(tmp_path):
    batch = make_zip(tmp_path / "evil.zip", {"../evil.txt": b"x", "/etc/passwd": b"x", "ok.txt": STORY})
    items = inputs([batch])
    assert names(items) == [f"{batch}!ok.txt"]
    assert reasons(items) == [
        f"{batch}!../evil.txt: refused: path climbs out of the archive (..)",
        f"{batch}!/etc/passwd: refused: absolute path inside the archive",
    ]


def test_zip_bomb_is_refused_by_its_declared_size(tmp_path):
    bomb = make_zip(tmp_path / "bomb.zip", {"zeros.txt": bytes(16 * MB)})
    assert bomb.stat().st_size < 100_000
    [problem] = inputs([bomb], max_file_bytes=MB)
    assert (
        problem.reason
        == f"{bomb}!zeros.txt: refused: 16,777,216 bytes unpacked is over the file size limit of 1,048,576"
    )


def test_zip_with_lying_headers_is_not_trusted(tmp_path):
    data = bytearray(make_zip(tmp_path / "lie.zip", {"zeros.txt": bytes(4 * MB)}).read_bytes())
    # Claim 100 bytes unpacked in both the local header and the central directory.
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 100)
    struct.pack_into("<I", data, central + 24, 100)
    (tmp_path / "lie.zip").write_bytes(bytes(data))
    [problem] = inputs([tmp_path / "lie.zip"], max_file_bytes=1000)
    assert isinstance(problem, ReadProblem) and problem.reason.startswith(f"{tmp_path / 'lie.zip'}!zeros.txt: ")


def test_reading_counts_bytes_whatever_the_headers_say():
    assert read_bounded(io.BytesIO(b"x" * 100), 100) == b"x" * 100
    with pytest.raises(TooBig):
        read_bounded(io.BytesIO(b"x" * 101), 100)


def test_archives_declaring_more_than_the_limit_are_refused_before_anything_is_read(tmp_path):
    batch = make_zip(tmp_path / "many.zip", {f"{n}.txt": bytes(400_000) for n in range(5)})
    items = inputs([batch], max_file_bytes=MB, max_archive_bytes=MB)
    assert names(items) == []
    assert reasons(items) == [
        f"{batch}: refused: unpacks to more than the archive limit of 1,048,576 bytes (its members, archives "
        "inside it included, declare 1,200,000 bytes or more): nothing of it imported"
    ]


def test_tar_archives_stop_when_their_total_passes_the_limit(tmp_path):
    batch = make_tar(tmp_path / "many.tar.gz", {f"{n}.txt": STORY + bytes(400_000) for n in range(5)})
    items = inputs([batch], max_file_bytes=MB, max_archive_bytes=MB)
    assert names(items) == [f"{batch}!0.txt", f"{batch}!1.txt"]
    assert reasons(items) == [
        f"{batch}: refused: unpacks to more than the archive limit of 1,048,576 bytes (stopped there)"
    ]


def test_corrupt_archives_are_one_problem(tmp_path):
    good = make_zip(tmp_path / "good.zip", {"a.txt": STORY}).read_bytes()
    (tmp_path / "cut.zip").write_bytes(good[: len(good) // 2])
    (tmp_path / "cut.tar.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = inputs([tmp_path / "cut.zip", tmp_path / "cut.tar.gz"])
    assert names(items) == []
    assert reasons(items)[0].startswith(f"{tmp_path / 'cut.zip'}: corrupt or not a zip archive")
    assert reasons(items)[1].startswith(f"{tmp_path / 'cut.tar.gz'}: corrupt or not a tar archive")


def test_tar_gz_members_and_nested_zip(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("inner.txt", STORY)
    batch = make_tar(tmp_path / "batch.tar.gz", {"day/a.txt": STORY, "day/inner.zip": inner.getvalue()})
    items = inputs([batch])
    assert names(items) == [f"{batch}!day/a.txt", f"{batch}!day/inner.zip!inner.txt"]


def test_tar_with_absolute_paths_links_and_oversized_members(tmp_path):
    path = tmp_path / "bad.tar"
    with tarfile.open(path, "w") as archive:
        for name, data in {
            "/etc/cron.d/evil": b"x",
            "../up.txt": b"x",
            "big.txt": bytes(2000),
            "ok.txt": STORY,
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    items = inputs([path], max_file_bytes=1000)
    assert names(items) == [f"{path}!ok.txt"]
    assert reasons(items) == [
        f"{path}!/etc/cron.d/evil: refused: absolute path inside the archive",
        f"{path}!../up.txt: refused: path climbs out of the archive (..)",
        f"{path}!big.txt: refused: 2,000 bytes is over the file size limit of 1,000",
        f"{path}!link.txt: refused: link inside the archive",
    ]


def test_gzipped_single_file(tmp_path):
    import gzip

    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"title": "A", "body": "B"}\n'))
    [item] = inputs([path])
    assert item.name == f"{path}!dump.jsonl"
    [document] = list(read_input(item))
    assert document.format == "jsonl"
    [problem] = inputs([path], max_file_bytes=10)
    assert "unpacks to more than the file size limit" in problem.reason


def test_warc_gz_is_a_file_not_an_archive(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"\x1f\x8b whatever")
    assert names(inputs([path])) == [str(path)]


# Uploads ----------------------------------------------------------------------------------------


def test_uploads_open_archives_the_same_way(tmp_path):
    batch = make_zip(tmp_path / "up.zip", {"a.txt": STORY, "../evil.txt": b"x"}).read_bytes()
    items = list(
        iter_uploads(
            [("C:\\Users\\me\\story.txt", STORY), ("up.zip", batch), ("huge.txt", bytes(2000))],
            max_file_bytes=1000,
            max_archive_bytes=MB,
        )
    )
    assert names(items) == ["story.txt", "up.zip!a.txt"]
    assert reasons(items) == [
        "up.zip!../evil.txt: refused: path climbs out of the archive (..)",
        "huge.txt: refused: 2,000 bytes is over the file size limit of 1,000",
    ]
    [document] = list(read_input(items[0]))
    assert document.title == "TALKS OPEN"
