"""`verify` recognises a sheet by its bytes, not only by its name: a download or a mail
client may have dropped or changed the ".pdf", and the sheet must still be checked as a sheet,
not read as a session file ("not UTF-8 text")."""

from __future__ import annotations

import pytest

from tests.cli_support import cli
from tests.reports.sheet_support import open_store, scored, sign

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.mark.parametrize("name", ["sheet", "sheet.pdf.download", "Sheet.PDF"])
def test_a_sheet_saved_under_another_name_is_verified_as_a_sheet(capsys, tmp_path, name):
    path = tmp_path / "sessions.db"
    store = open_store(path)
    session_id = scored(store, ref="C-0100", day="2025-11-23")
    sign(store, session_id)
    store.close()
    status, stdout, _ = cli(capsys, "--db", path, "pdf", session_id, "-o", tmp_path / "out")
    assert status == 0
    written = tmp_path / "out" / "2025-11-23_C-0100_v1.pdf"
    renamed = written.rename(tmp_path / name)
    status, stdout, stderr = cli(capsys, "--db", path, "verify", renamed)
    assert (status, stderr) == (0, "")
    assert stdout.startswith(f"MATCH {renamed}")
