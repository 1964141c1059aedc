"""The README's set-up works with the pip that `python3 -m venv` brings.

Debian 12's Python 3.11.2 brings pip 23.0.1 and python.org's 3.11.7 brings pip 23.2.1;
in hash-checking mode those pips refused the main lock (weasyprint's `fonttools[woff]`
read as a new, unpinned requirement). scripts/_environment.sh therefore installs a
pinned, hashed pip from requirements-pip.txt first. These tests run that same shell
function in a fresh venv made by `ensurepip` (never upgraded by hand), and resolve the
main lock with `--dry-run`: the same resolution and hash checks as an install, without
unpacking some 200 MB.

They need the package registry, as the set-up itself does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _fresh_venv(folder: Path) -> Path:
    """A venv with Python's own bundled pip (ensurepip), as `python3 -m venv` makes it."""
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    return folder / "bin" / "python"


def _pip_version(python: Path) -> str:
    out = subprocess.run([python, "-m", "pip", "--version"], capture_output=True, text=True, check=True)
    return out.stdout.split()[1]


def _install_locks(python: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
    """scripts/_environment.sh's install_locks, as scripts/build runs it, the main lock dry."""
    script = f'source "{root}/scripts/_environment.sh" && install_locks "$0" --dry-run'
    return subprocess.run(
        ["bash", "-c", script, str(python)],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_NO_INPUT": "1"},
        timeout=900,
    )


def _bundled_pip() -> str:
    import ensurepip

    return ensurepip.version()


def test_the_locks_install_with_the_pip_python_brings(tmp_path):
    python = _fresh_venv(tmp_path / "venv")
    assert _pip_version(python) == _bundled_pip(), "the venv must keep Python's own pip"
    result = _install_locks(python)
    assert result.returncode == 0, f"pip {_bundled_pip()} could not install the locks:\n{result.stderr[-3000:]}"
    # The pin of requirements-pip.txt is the pip that then resolved the main lock.
    pinned = next(
        line.split("==")[1].split()[0]
        for line in (ROOT / "requirements-pip.txt").read_text().splitlines()
        if line.startswith("pip==")
    )
    assert _pip_version(python) == pinned


@pytest.mark.parametrize("old_pip", ["23.0.1"])  # Debian 12 (bookworm)'s python3-venv
def test_the_locks_install_with_debians_pip(tmp_path, old_pip):
    python = _fresh_venv(tmp_path / "venv")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"pip=={old_pip}"],
        check=True,
        capture_output=True,
    )
    assert _pip_version(python) == old_pip
    result = _install_locks(python)
    assert result.returncode == 0, f"pip {old_pip} could not install the locks:\n{result.stderr[-3000:]}"


def test_scripts_lock_installs_its_pip_from_the_same_pin():
    lock_script = (ROOT / "scripts" / "lock").read_text()
    pin = next(line.split('"')[1] for line in lock_script.splitlines() if line.startswith("PIP_PIN="))
    assert pin in (ROOT / "requirements-pip.txt").read_text(), "scripts/lock and requirements-pip.txt disagree"
    assert sys.version_info[:2] == (3, 11)
