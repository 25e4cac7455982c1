"""The import-linter contract really guards the layers: it passes as is and fails on Qt in core."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CORE_CONTRACT = "The core imports no Qt, no reportlab, no ui and no reports"


@pytest.fixture(scope="module")
def config(repo_root) -> dict:
    return tomllib.loads((repo_root / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture
def project_copy(tmp_path, repo_root, config) -> Path:
    """pyproject.toml and the packages, so a deliberate violation never touches the checkout.

    A root package that does not exist yet (ui/ or reports/ before it is written) is stubbed
    as an empty package: the contract under test is about the core.
    """
    shutil.copy2(repo_root / "pyproject.toml", tmp_path / "pyproject.toml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in config["tool"]["importlinter"]["root_packages"]:
        source = repo_root / package
        if source.is_dir():
            shutil.copytree(source, tmp_path / package, ignore=ignore)
        init = tmp_path / package / "__init__.py"
        if not init.exists():
            init.parent.mkdir(exist_ok=True)
            init.write_text('"""Stub for the layer test."""\n', encoding="utf-8")
    return tmp_path


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_contract_is_declared(config):
    """The layer rule lives in pyproject, where the test command runs it."""
    contracts = config["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if c["name"] == CORE_CONTRACT)
    assert core["type"] == "forbidden"
    assert core["source_modules"] == ["pcso_interview"]
    assert {"PySide6", "reportlab"} <= set(core["forbidden_modules"])


def test_unmodified_copy_passes(project_copy):
    """The core as written keeps to its layer."""
    assert LINT_IMPORTS.exists(), "import-linter is a test dependency"
    result = lint_imports(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert CORE_CONTRACT in result.stdout


@pytest.mark.parametrize("forbidden", ["PySide6", "reportlab"])
def test_core_importing_forbidden_module_fails(project_copy, forbidden):
    """A core module that imports Qt or reportlab breaks the build, by the contract's name."""
    (project_copy / "pcso_interview" / "_bad.py").write_text(
        f"import {forbidden}  # noqa: F401\n", encoding="utf-8"
    )
    result = lint_imports(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert CORE_CONTRACT in output
    assert "pcso_interview._bad" in output
    assert forbidden in output
