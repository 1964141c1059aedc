#!/usr/bin/env python3
"""Print what a reader's browser meets: Lighthouse scores, bytes transferred, the search
index, and how fast `properdocs serve` rebuilds after a one-paragraph edit.

* Per page (the landing page, every page of the paper in both readings, both whole-paper
  pages): elements once scripts have run, and the bytes of a first visit. Budgets: the
  longest reading page <= 1,100 elements and <= 90 KB compressed without the search index.
* Lighthouse 12.2.3 (installed from npm into .cache/lighthouse on first use) with
  Debian's chromium, on the same pages (or --lighthouse-pages): performance,
  accessibility, best practices and SEO. Targets: performance >= 0.99 on the landing and
  section pages in both readings, >= 0.95 on the whole-paper pages; others = 1.00.
  Lighthouse's mobile run simulates a slow phone on slow 4G from one page load, and its
  performance score moves by a few hundredths from run to run on a busy machine: each
  page is run --lighthouse-runs times and the medians are printed, with the metrics the
  score is made of (first and largest contentful paint, total blocking time, layout shift).
* Search: seconds from the first keystroke ("/") to the first results on Lighthouse's slow
  4G with a 4x slower processor; the index is fetched on first use (overrides/main.html).
* `properdocs serve` rebuild time after one paragraph is edited (median of --runs edits).

The site is built into a temporary folder and served on 127.0.0.1 with gzip. This is a
benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "12.2.3"
ENV = {**os.environ, "EDITION_SKIP_DOWNLOADS": "1"}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, as static hosts do."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSIBLE
            or not path.is_file()
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def longest_section(site: Path) -> str:
    sections = [p for p in site.glob("*/index.html") if p.parent.name not in ("print_page", "search", "assets")]
    return max(sections, key=lambda p: p.stat().st_size).parent.name + "/"


def chromium() -> str:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def reading_pages(site: Path) -> list[str]:
    """The landing page, every page of the paper in both readings, and both whole-paper
    pages: the pages the budgets are about (issue 15)."""
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    named = [
        d["location"]
        for d in config
        if "#" not in d["location"] and d["title"].endswith(("(corrected reading)", "(as published)"))
    ]
    return named + ["print_page/", "as-published/whole-paper/"]


def elements(base: str, path: str) -> int:
    """Elements of the page once its scripts have run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()
        page.goto(base + path, wait_until="networkidle")
        count = page.evaluate("document.getElementsByTagName('*').length")
        browser.close()
    return count


def transferred(base: str, path: str) -> tuple[int, int]:
    """Compressed bytes of a first visit (without, with the search index)."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()

        def record(response):
            try:
                sizes[response.url] = (
                    len(response.body())
                    if response.headers.get("content-encoding") != "gzip"
                    else int(response.headers.get("content-length", "0"))
                )
            except Exception:
                pass

        page.on("response", record)
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(1500)  # the search worker fetches its index after load
        browser.close()
    index = sum(size for url, size in sizes.items() if "search_index" in url)
    return sum(sizes.values()) - index, sum(sizes.values())


# Lighthouse's "slow 4G" (its mobile default): 150 ms round trip, 1.6 Mbit/s down,
# 750 kbit/s up, the processor slowed 4 times.
SLOW_4G = {"latency": 150, "downloadThroughput": 1638.4 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}


def first_results(base: str, path: str, query: str = "Karabakh", runs: int = 3) -> float:
    """Seconds from the first keystroke of search ("/", which opens it and asks for the
    index) to the first results, on slow 4G, after a first visit (median of `runs`)."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", {"offline": False, **SLOW_4G})
            session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(base + path, wait_until="networkidle")
            start = time.monotonic()
            page.keyboard.press("/")
            page.locator("input.md-search__input").fill(query)
            page.locator("input.md-search__input").press("End")
            page.wait_for_function(
                "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)",
                timeout=120000,
            )
            times.append(time.monotonic() - start)
            context.close()
        browser.close()
    return statistics.median(times)


METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}


def lighthouse(base: str, path: str) -> dict[str, float] | None:
    """One Lighthouse run: the four category scores and the performance metrics."""
    folder = ROOT / ".cache" / "lighthouse"
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                "npm",
                "i",
                "-E",
                f"lighthouse@{LIGHTHOUSE}",
                "--prefix",
                str(folder),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            print(f"  (lighthouse could not be installed: {result.stderr.strip()[:200]})")
            return None
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                str(binary),
                base + path,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                "--only-categories=performance,accessibility,best-practices,seo",
                f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                f"--user-data-dir={profile}",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": chromium()},
            timeout=600,
        )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(f"  (lighthouse failed: {result.stderr.strip()[-300:]})")
        return None
    figures = {name: category["score"] for name, category in report["categories"].items()}
    figures.update({short: report["audits"][audit]["numericValue"] for audit, short in METRICS.items()})
    return figures


def lighthouse_medians(base: str, path: str, runs: int) -> str | None:
    results = [r for r in (lighthouse(base, path) for _ in range(runs)) if r]
    if not results:
        return None
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    performance = sorted(r["performance"] for r in results)
    scores = ", ".join(f"{name} {median[name]:.2f}" for name in results[0] if name not in METRICS.values())
    metrics = (
        f"FCP {median['FCP'] / 1000:.1f} s, LCP {median['LCP'] / 1000:.1f} s, "
        f"TBT {median['TBT']:.0f} ms, CLS {median['CLS']:.3f}"
    )
    spread = f"performance per run: {' '.join(f'{p:.2f}' for p in performance)}"
    return f"{scores}\n    ({metrics}; {spread})"


EDIT_VERBS = (
    "present",
    "current",
    "very",
    "same",
    "latest",
    "recent",
    "actual",
    "last",
    "final",
    "next",
    "other",
    "whole",
)


def serve_rebuild(runs: int) -> list[float]:
    """Seconds `properdocs serve` takes to rebuild after one paragraph is edited."""
    times = []
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", "site"))
        page = project / "docs" / "conclusion.md"
        import socket

        with socket.socket() as probe:  # a free port on this machine
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "properdocs",
                "serve",
                "-f",
                str(project / "mkdocs.yml"),
                "--livereload",
                "-a",
                f"127.0.0.1:{port}",
            ],
            cwd=project,
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        builds: list[float] = []
        serving = threading.Event()
        reader = threading.Thread(target=_watch, args=(process, builds, serving), daemon=True)
        reader.start()
        try:
            # Edits made before the watcher starts are missed: wait until it serves.
            _wait(lambda: len(builds) >= 1 and serving.is_set(), 120)
            time.sleep(1)
            for run in range(runs):
                seen = len(builds)
                text = page.read_text(encoding="utf-8")
                # A contributor's edit: a word of the reading and its apparatus line change
                # together (the build checks that they agree). Each edit new, so that no
                # run times a wording an earlier run has seen.
                if run + 1 >= len(EDIT_VERBS):
                    raise RuntimeError(f"at most {len(EDIT_VERBS) - 1} edits: --runs {len(EDIT_VERBS) - 1} or fewer")
                old, new = f"up to the {EDIT_VERBS[run]} day", f"up to the {EDIT_VERBS[run + 1]} day"
                if old not in text:
                    raise RuntimeError(f"docs/conclusion.md no longer has '{old}': pick another edit")
                page.write_text(text.replace(old, new), encoding="utf-8")
                # The watcher can still miss an edit on a busy machine: touch the file again.
                for _ in range(8):
                    try:
                        _wait(lambda: len(builds) > seen, 15)
                        break
                    except TimeoutError:
                        page.touch()
                else:
                    raise TimeoutError("properdocs serve did not rebuild after an edit")
                times.append(builds[-1])
        finally:
            process.terminate()
            process.wait(timeout=30)
    return times


def _watch(process, builds: list[float], serving: threading.Event) -> None:
    for line in process.stdout:
        if "Serving on" in line:
            serving.set()
        found = re.search(r"Documentation built in ([\d.]+) seconds", line)
        if found:
            builds.append(float(found.group(1)))


def _wait(condition, seconds: float) -> None:
    deadline = time.time() + seconds
    while not condition():
        if time.time() > deadline:
            raise TimeoutError("properdocs serve did not rebuild in time")
        time.sleep(0.1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="serve rebuilds to time (default 5)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (about 20 s a run)")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page (default 5)")
    parser.add_argument(
        "--lighthouse-pages",
        nargs="*",
        metavar="PATH",
        help="the pages to run Lighthouse on (default: every reading page, both readings, and both whole-paper pages)",
    )
    parser.add_argument("--no-serve", action="store_true", help="skip the serve-rebuild timing")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as out:
        site = Path(out) / "site"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "properdocs",
                "build",
                "-f",
                str(ROOT / "mkdocs.yml"),
                "--strict",
                "-q",
                "-d",
                str(site),
            ],
            cwd=ROOT,
            env=ENV,
            check=True,
        )
        server, base = serve(site)
        index = site / "search" / "search_index.json"
        print(
            f"search index: {index.stat().st_size / 1024:.1f} KB raw, "
            f"{len(gzip.compress(index.read_bytes(), 6)) / 1024:.1f} KB gzip"
        )
        print(
            "search, first keystroke to first results on slow 4G (the index fetched on first use): "
            f"{first_results(base, 'introduction/'):.2f} s"
        )
        budget = {"elements": 1100, "KB": 90.0}
        print(f"{'page':44} {'elements':>8} {'first visit, gzip, no index':>28}")
        for path in reading_pages(site):
            count = elements(base, path)
            without, _ = transferred(base, path)
            print(f"/{path:43} {count:8d} {without / 1024:23.1f} KB")
        print(f"(budgets for the longest reading page: <= {budget['elements']} elements, <= {budget['KB']:.0f} KB)")
        if not args.no_lighthouse:
            print(f"lighthouse, median of {args.lighthouse_runs} runs per page:")
            for path in args.lighthouse_pages or reading_pages(site):
                shown = lighthouse_medians(base, path, args.lighthouse_runs)
                if shown:
                    print(f"  /{path}: {shown}")
        server.shutdown()
    if args.no_serve:
        return 0
    rebuilds = serve_rebuild(args.runs)
    print(
        f"properdocs serve rebuild after a one-paragraph edit (median of {len(rebuilds)}): "
        f"{statistics.median(rebuilds):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
