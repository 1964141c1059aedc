"""The Python is linted and formatted by ruff, as pyproject.toml configures it (scripts/lint
runs the same two commands)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

RUFF = Path(sys.executable).parent / "ruff"
CODE = ["src", "overrides", "scripts", "tests"]


def test_ruff_finds_nothing_to_lint():
    result = subprocess.run([RUFF, "check", *CODE], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_would_format_nothing():
    result = subprocess.run([RUFF, "format", "--check", *CODE], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"run `.venv/bin/ruff format {' '.join(CODE)}`:\n{result.stdout}{result.stderr}"


def test_the_check_can_fail(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text("import os\nx=[1,2 ,3]\n")
    assert subprocess.run([RUFF, "check", "--config", str(ROOT / "pyproject.toml"), planted]).returncode != 0
    assert (
        subprocess.run([RUFF, "format", "--check", "--config", str(ROOT / "pyproject.toml"), planted]).returncode != 0
    )
