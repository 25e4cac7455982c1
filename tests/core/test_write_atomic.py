"""write_atomic without replacing: a batch of sheets never overwrites a file it did not
mean to, even one another program made after the batch looked."""

from __future__ import annotations

import os

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
