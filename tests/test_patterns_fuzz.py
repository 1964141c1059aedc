"""No regular expression of the edition backtracks catastrophically on what a
contributor writes: every compiled pattern at module level in src/qarabagh_edition and
overrides/hooks is timed on long adversarial inputs (runs of each character that patterns
care about, after the prefixes that bring a pattern to its ambiguous part). A pattern
with two parts that can match the same characters (`\\s*x?\\s*`, `.*?\\s*$`) takes
seconds to hours here; a sound one, a millisecond."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

from conftest import ROOT

LENGTH = 20_000
# Seconds for one search of 20,000 characters (or half the time for 40,000, where a search
# takes long enough to measure: a pattern that backtracks takes four times as long on
# twice the input, and more). Generous: a sound pattern takes about a millisecond, the
# slowest 0.15 s; the ones this test found took 0.5 to 50 s (HEADING: hours).
BOUND = 0.4
TOTAL = 300  # seconds for all: a pattern still running then is named

# In a child process, so that a pattern that runs for hours is stopped, and named.
CHILD = r"""
import importlib, json, pkgutil, re, sys, time
from pathlib import Path
root, length = Path(sys.argv[1]), int(sys.argv[2])
sys.path.insert(0, str(root / "overrides" / "hooks"))
import qarabagh_edition
names = [m.name for m in pkgutil.walk_packages(qarabagh_edition.__path__, "qarabagh_edition.")]
names += sorted(p.stem for p in (root / "overrides" / "hooks").glob("*.py"))
seen = set()


def timed(pattern, text):
    if isinstance(pattern.pattern, bytes):
        text = text.encode("utf-8")
    began = time.perf_counter()
    pattern.search(text)  # from every position: the worst case of match, findall, sub
    return time.perf_counter() - began


fillers = [" ", "\t", "\n", "\u00a0", "a", "1", "#", "{", "}", "[", "]", "(", ")", "<", ">", "-", ":", ".", "*",
           "_", '"', "'", "|", "=", "!", "@", ",", ";", "/", "\\", "&", "a ", "- ", "{:", "{: #", "<!--", "--", "# ",
           "\n ", " \n", "> ", "\n\n", "<a ", "</", "^{", "[@", "](", "\u200c"]
prefixes = ["", "# a", "## a", "<!-- emendation: a", "<!-- [a-1] query: ", "[", "[@a", "{: ", "{: #a", "---\n",
            "<h2>", "<h2 class=\"editorial\">", "> ", "- ", "1. ", "@article{a,", "a: ", "<p>", "<a href=\""]
for name in names:
    try:
        module = importlib.import_module(name)
    except Exception:
        continue  # a module that cannot be imported alone is tested by its own tests
    for attribute, pattern in sorted(vars(module).items()):
        if not isinstance(pattern, re.Pattern):
            continue
        if pattern in seen:
            continue  # imported from another module: timed there
        seen.add(pattern)
        print(json.dumps({"start": f"{name}.{attribute}"}), flush=True)
        slowest = 0.0
        for prefix in prefixes:
            for filler in fillers:
                text = prefix + filler * (length // len(filler)) + "\x00"
                seconds = timed(pattern, text)
                if seconds > 0.02:  # long enough to measure: does twice the input take twice the time?
                    seconds = max(seconds, timed(pattern, prefix + filler * (2 * length // len(filler)) + "\x00") / 2)
                slowest = max(slowest, seconds)
        print(json.dumps({"done": f"{name}.{attribute}", "seconds": slowest}), flush=True)
"""


def test_no_pattern_backtracks_catastrophically():
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(LENGTH)], stdout=subprocess.PIPE, text=True)
    started, slow = None, []
    watchdog = threading.Timer(TOTAL, child.kill)
    watchdog.start()
    try:
        for line in child.stdout:
            report = json.loads(line)
            if "start" in report:
                started = report["start"]
                continue
            started = None
            if report["seconds"] > BOUND:
                slow.append(f"{report['done']}: {report['seconds']:.1f} s")
    finally:
        watchdog.cancel()
        child.kill()
    assert child.wait() in (0, -9)
    assert not slow, "patterns that backtrack: " + ", ".join(slow)
    assert started is None, f"{started} did not finish"
