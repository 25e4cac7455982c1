"""write_atomic without replacing: a batch of sheets never overwrites a file it did not
mean to, even one another program made after the batch looked."""

from __future__ import annotations

import os
import threading

import pytest

from pcso_interview.files import write_atomic


def no_links(*_args, **_kwargs):
    raise PermissionError(1, "Operation not permitted")  # as vfat answers link()


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard links", "FAT: none"])
def test_a_new_file_is_written_whole_and_owner_only(tmp_path, monkeypatch, hard_links):
    if not hard_links:
        monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "sheet.pdf"
    write_atomic(target, b"%PDF-new", replace=False)
    assert target.read_bytes() == b"%PDF-new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]  # no temporary left


@pytest.mark.parametrize("hard_links", [True, False], ids=["hard links", "FAT: none"])
def test_an_existing_file_is_never_replaced(tmp_path, monkeypatch, hard_links):
    """Where the file system has no hard links (a USB stick), checked just before the
    rename instead."""
    if not hard_links:
        monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"another candidate's sheet")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"%PDF-new", replace=False)
    assert target.read_bytes() == b"another candidate's sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
    write_atomic(target, b"%PDF-new")  # replacing, as ever, when asked to
    assert target.read_bytes() == b"%PDF-new"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_under_the_name_is_not_read(tmp_path):
    """Whether the file is a database is read from its first bytes: a named pipe under the
    chosen name (nothing writing to it) must not hold the export for ever."""
    target = tmp_path / "export.json"
    os.mkfifo(target)
    writing = threading.Thread(target=write_atomic, args=(target, b"{}"), daemon=True)
    writing.start()
    writing.join(5)
    if writing.is_alive():  # a writer lets the waiting reader go, then the test fails
        os.close(os.open(target, os.O_WRONLY | os.O_NONBLOCK))
        writing.join(5)
        pytest.fail("write_atomic waited for something to write to the pipe")
    assert target.read_bytes() == b"{}"
