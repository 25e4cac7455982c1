"""Where the app's files live: shipped data beside the code, user data per platformdirs."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "pcso-interview"
# The shipped data: data/ in a source checkout, pcso_interview/data in an installed wheel.
_SOURCE_DATA = Path(__file__).resolve().parent.parent / "data"
_INSTALLED_DATA = Path(__file__).resolve().parent / "data"
DATA_DIR = _SOURCE_DATA if (_SOURCE_DATA / "competencies.json").is_file() else _INSTALLED_DATA


def user_data_dir() -> Path:
    import platformdirs  # imported when first asked: it pulls in tempfile and shutil

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return user_data_dir() / "sessions.db"


def user_profiles_dir() -> Path:
    """Extra force files (*.json) dropped here are merged with the built-in profiles."""
    return user_data_dir() / "profiles"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"
