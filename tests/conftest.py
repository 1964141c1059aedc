"""Shared fixtures: one strict build of the site per test session, a local server
for it, a real Chromium driven by Playwright, and throw-away copies of the project
for bad-input tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What a build needs; everything else (tests, .git, .venv) is left out of copies.
PROJECT_PARTS = ["mkdocs.yml", "docs", "published", "overrides", "bib", "data"]


def run_build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "-f",
            str(project / "mkdocs.yml"),
            "--strict",
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once with `properdocs build --strict` into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    site_dir.joinpath(".build-log").write_text(result.stdout + result.stderr)
    return site_dir


# A published fork: its own site URL and repository (the downloads are tested on `site`).
FORK = {
    "SITE_URL": "https://edition.example.org/qarabagh/",
    "REPO_URL": "https://github.com/example-org/qarabagh",
    "EDITION_SKIP_DOWNLOADS": "1",
}


@pytest.fixture(scope="session")
def fork_site(tmp_path_factory) -> Path:
    """The site built once more, as a fork publishing it would (SITE_URL, REPO_URL set)."""
    site_dir = tmp_path_factory.mktemp("fork-site")
    result = run_build(ROOT, site_dir, env=FORK)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project, for breaking it on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, copy / part)
        elif source.exists():
            shutil.copy2(source, copy / part)
    if (ROOT / "node_modules").exists():  # npm's files, shared rather than copied
        (copy / "node_modules").symlink_to(ROOT / "node_modules")
    return copy


@pytest.fixture
def build_copy(tmp_path):
    """Build a (broken) project copy; returns the completed process with its output."""

    def build(project: Path) -> subprocess.CompletedProcess:
        # Broken copies are about the pages; the PDF and the offline zip are tested on the real site.
        result = run_build(project, tmp_path / "site-of-copy", env={"EDITION_SKIP_DOWNLOADS": "1"})
        result.output = result.stdout + result.stderr
        return result

    return build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site_dir: Path, port: int = 0, handler: type = _QuietHandler):
    """Serve a built site on 127.0.0.1 (any free port by default); yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(site) -> str:
    """The built site served on 127.0.0.1; yields its base URL."""
    yield from _serve(site)


@pytest.fixture(scope="session")
def instant_server(tmp_path_factory) -> str:
    """The site built for, and served at, one address: Material's instant navigation only
    takes over links to pages listed in sitemap.xml, which names the pages at site_url,
    port included. (On `server`, whose port is chosen at random, every link loads afresh.)"""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path_factory.mktemp("instant-site")
    result = run_build(ROOT, site_dir, env={"SITE_URL": base, "EDITION_SKIP_DOWNLOADS": "1"})
    assert result.returncode == 0, result.stderr
    yield from _serve(site_dir, port)


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Debian's chromium is not installed: run the tests with scripts/test, which installs it")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Flags from this machine's notes: no background connections to Google's hosts.
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    # Every test that drives Chromium is a browser test, whether or not it says so:
    # scripts/test runs the others on every core and these alone, where their timing holds.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
