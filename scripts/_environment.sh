# Shared set-up for scripts/serve, scripts/test and scripts/benchmark (sourced, not run).
# Creates .venv with Python 3.11 and installs the pinned, hashed requirements.txt whenever
# it changes, so a fresh clone needs nothing but Python 3.11.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  echo "error: Python 3.11 is required (python3.11 or python3 on PATH)" >&2
  return 1
}

install_locks() {
  # Install the two locks into the venv of the Python given, with --require-hashes.
  # First a pinned, hashed pip from its own small lock (requirements-pip.txt), then the
  # main lock with that pip. Why not install the main lock with the pip `python3 -m venv`
  # brings: Debian 12's Python brings pip 23.0.1, python.org's 3.11.7 brings 23.2.1, and
  # in hash-checking mode those pips read a dependency's extra (weasyprint's
  # `fonttools[woff]>=…`) as a new, unpinned requirement and refuse the whole lock. Naming
  # the extras in the lock also passes today, but only until the next dependency with an
  # extra (or the next quirk of an old pip); with pip pinned, the main lock is resolved and
  # installed by the same pip that scripts/lock writes it with, whatever Python brought.
  # A hashed pip wheel installs with any pip since 8. Extra options (e.g. --dry-run) apply
  # to the main lock only; tests/test_setup.py runs this with Python's own bundled pip.
  local python="$1"; shift
  "$python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$ROOT/requirements-pip.txt"
  "$python" -m pip install --quiet --disable-pip-version-check --require-hashes "$@" -r "$ROOT/requirements.txt"
}

ensure_venv() {
  local stamp="$VENV/.requirements.sha256" wanted
  wanted="$(cat "$ROOT/requirements-pip.txt" "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -x "$VENV/bin/python" ]; then
    "$(find_python)" -m venv "$VENV"
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Installing the pinned Python packages into .venv ..." >&2
    # --require-hashes: a file whose sha256 is not the lock's stops the install (the lock
    # lists every file of each release, so any platform's wheel or the sdist will do).
    install_locks "$VENV/bin/python"
    # The edition's own package (src/qarabagh_edition), editable: the hooks, scripts and
    # tests import it; its dependencies are the pinned ones just installed. Apart, and
    # without hashes: a local folder has none (and --no-deps installs nothing else).
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT"
    echo "$wanted" > "$stamp"
  fi
}

ensure_node_modules() {
  # Third-party browser files the build and the tests take from npm (package-lock.json):
  # iframe-worker for the offline copy, axe-core and vnu-jar for the quality checks.
  local stamp="$ROOT/node_modules/.lock.sha256" wanted
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm (Node.js) is required for the offline copy and the quality checks" >&2
    return 1
  fi
  wanted="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Installing the pinned npm packages into node_modules ..." >&2
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$wanted" > "$stamp"
  fi
}

ensure_chromium() {
  # Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
  if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: chromium is missing; install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome" >&2
      return 1
    fi
  fi
  echo "Installing Debian's chromium for the browser tests ..." >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}
