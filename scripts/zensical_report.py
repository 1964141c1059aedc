#!/usr/bin/env python3
"""Build the site with ProperDocs and with the newest Zensical that installs here, and
print what differs: files, pages, Python source published, citations, glossary links,
the generated pages and the article text. A report for issue 14, not a gate: it exits 0
whatever differs, and non-zero only when a build cannot be run at all.

Zensical reads mkdocs.yml but runs no MkDocs hooks or plugins. Where it stops on our
configuration, the report names the reason and tries again on a scratch copy, one
concession at a time, so that the rest can still be measured:
  1. the repository as it is;
  2. with the data our hooks put in `config.extra` (found by ProperDocs) written into
     the copy's mkdocs.yml, since our templates read it;
  3. also without our templates (overrides/*.html, `template:` lines): Material's own.
The first step that builds is compared with ProperDocs; each step that failed is a blocker.

Zensical is installed with `pip install --upgrade zensical` into .cache/zensical-venv,
never into .venv, beside the edition's package (for its Markdown extensions). Zensical has no --site-dir and wants site_dir inside the project, so it
always builds a scratch copy of the repository (its tracked and untracked, not ignored
files); the repository itself is left as it is, but for ProperDocs' usual .cache/.
"""
from __future__ import annotations

import argparse
import datetime
import difflib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL_VENV = ROOT / ".cache" / "zensical-venv"

# Pages our hooks write (the Markdown of most is only their introduction), and the hook.
GENERATED_PAGES = {
    "references/": "references_page.py",
    "glossary/": "glossary_pages.py",
    "timeline/": "glossary_pages.py",
    "corrections/": "two_readings.py",
    "instructors/": "instructors.py",
    "pack/": "syllabus_pack.py",
    "print_page/": "whole_paper.py",
}
# Below this share of ProperDocs' words a generated page is its introduction alone.
STUB_SHARE = 0.5

# A Pandoc citation left as written: [@key, ...] or [see @key].
RAW_CITATION = re.compile(r"\[[^\]\[]*?@[\w:.\-]+[^\]\[]*\]")
# The elements that carry the paper's permanent IDs (README, "Permanent IDs").
BLOCKS = ".//*[@id][self::p or self::li or self::blockquote or self::h1 or self::h2 or self::h3 or self::h4]"
# Material's and Zensical's own files, named (content hash) or placed differently by each:
# a difference there is the theme's, not something of ours left out.
THEME_FILE = re.compile(r"(^|/)lunr/|\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$|^search/|^sitemap\.xml\.gz$")
GLOSSARY_HREF = re.compile(r"(^|/)glossary/(index\.html)?(#|$)")

# Run in the scratch copy with the project's .venv: the config after every plugin's and
# hook's on_config, so that the values our hooks add to `extra` can be handed to Zensical.
EXTRA_FROM_HOOKS = """
import json, os, sys
from properdocs import replacement  # mkdocs.* imports (hooks, plugins) resolve to properdocs
from properdocs.config import load_config
config = load_config(config_file=os.path.abspath("mkdocs.yml"))
config = config.plugins.on_config(config)
json.dump(dict(config.extra), sys.stdout, default=str, ensure_ascii=False)
"""


# ---------------------------------------------------------------------------
# Comparison (no builds; tests/test_zensical_report.py runs these on small directories)
# ---------------------------------------------------------------------------

@dataclass
class PageFacts:
    words: list[str]
    raw_citations: int      # [@key] left as written in the article
    linked_citations: int   # citations rendered and linked (<span class="citation">)
    glossary_links: int     # links from the article to the glossary page
    blocks: dict[str, str] = field(default_factory=dict)  # text of each paragraph, heading... by its ID


@dataclass
class Comparison:
    only_properdocs: list[str]
    only_zensical: list[str]
    python_files: list[str]                 # *.py in Zensical's output
    pages: dict[str, tuple[PageFacts | None, PageFacts | None]]  # url -> (properdocs, zensical)
    generated: dict[str, str] = field(default_factory=dict)      # url -> present/stub/missing


def list_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def page_url(path: str) -> str:
    """`glossary/index.html` -> `glossary/`, `index.html` -> `/`, `404.html` -> `404.html`."""
    if path == "index.html":
        return "/"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def group(paths: list[str], depth: int = 2) -> dict[str, int]:
    """Counts per folder, cut at `depth` levels (assets/javascripts/lunr/... -> assets/javascripts/)."""
    counts: dict[str, int] = {}
    for path in paths:
        parts = path.split("/")[:-1][:depth]
        key = "/".join(parts) + "/" if parts else "(top level)"
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def page_facts(path: Path) -> PageFacts:
    tree = lxml_html.fromstring(path.read_bytes())
    articles = tree.xpath("//article")
    article = articles[0] if articles else tree
    # The "¶" of each heading's permalink is chrome, not text.
    for link in article.xpath(".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        link.drop_tree()
    text = article.text_content()
    blocks = {element.get("id"): " ".join(element.text_content().split())
              for element in article.xpath(BLOCKS)}
    return PageFacts(
        blocks=blocks,
        words=text.split(),
        raw_citations=len(RAW_CITATION.findall(text)),
        linked_citations=len(article.xpath(".//*[contains(concat(' ', @class, ' '), ' citation ')]")),
        glossary_links=sum(1 for href in article.xpath(".//a/@href") if GLOSSARY_HREF.search(href)),
    )


def compare(properdocs: Path, zensical: Path) -> Comparison:
    ours, theirs = list_files(properdocs), list_files(zensical)
    pages = {}
    for path in sorted(p for p in ours | theirs if p.endswith(".html")):
        pages[page_url(path)] = (page_facts(properdocs / path) if path in ours else None,
                                 page_facts(zensical / path) if path in theirs else None)
    result = Comparison(only_properdocs=sorted(ours - theirs), only_zensical=sorted(theirs - ours),
                        python_files=sorted(p for p in theirs if p.endswith(".py")), pages=pages)
    for url in GENERATED_PAGES:
        ours_page, theirs_page = pages.get(url, (None, None))
        if ours_page is None:  # not made by this build either: nothing to miss
            continue
        if theirs_page is None:
            result.generated[url] = "missing"
        elif len(theirs_page.words) < STUB_SHARE * len(ours_page.words):
            result.generated[url] = "stub"
        else:
            result.generated[url] = "present"
    return result


def similarity(a: list[str], b: list[str]) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a != b else 1.0


def blockers(result: Comparison, failures: list[tuple[str, str]]) -> list[str]:
    found = [f"{step}: the build stops ({reason})" for step, reason in failures]
    not_generated = [url for url, state in result.generated.items() if state != "present"]
    if not_generated:
        found.append(f"hooks do not run: {len(not_generated)} of {len(result.generated)} generated "
                     f"pages missing or only their introduction ({', '.join(not_generated)})")
    raw = [url for url, (_, z) in result.pages.items() if z and z.raw_citations]
    if raw:
        found.append(f"citations unresolved in {len(raw)} pages "
                     f"({sum(result.pages[u][1].raw_citations for u in raw)} raw [@key] citations)")
    ours_links = sum(p.glossary_links for p, _ in result.pages.values() if p)
    theirs_links = sum(z.glossary_links for _, z in result.pages.values() if z)
    if theirs_links < ours_links:
        found.append(f"glossary links: {theirs_links} of ProperDocs' {ours_links}")
    if result.python_files:
        found.append(f"Python source published: {len(result.python_files)} files "
                     f"({', '.join(sorted(group(result.python_files)))})")
    missing_pages = [u for u, (p, z) in result.pages.items() if p and not z]
    if missing_pages:
        found.append(f"HTML pages missing: {len(missing_pages)} ({', '.join(missing_pages)})")
    missing_files = [p for p in result.only_properdocs if not p.endswith(".html") and not THEME_FILE.search(p)]
    if missing_files:
        found.append(f"files our build makes, missing: {len(missing_files)} ({', '.join(missing_files)})")
    same, differing = same_blocks(result)
    if differing:
        found.append(f"the text differs in {differing} of {same + differing} paragraphs and headings "
                     f"with a permanent ID")
    return found


def same_blocks(result: Comparison) -> tuple[int, int]:
    """Blocks (by ID) in both builds of a page with the same text, and with different text."""
    same = differing = 0
    for p, z in result.pages.values():
        if p and z:
            for key in p.blocks.keys() & z.blocks.keys():
                same += p.blocks[key] == z.blocks[key]
                differing += p.blocks[key] != z.blocks[key]
    return same, differing


def format_report(result: Comparison) -> str:
    out = []

    def files(title, paths):
        theme = sum(1 for path in paths if THEME_FILE.search(path))
        out.append(f"{title}: {len(paths)} ({theme} of them theme files: hashed bundles, lunr, search/, sitemap.xml.gz)")
        for folder, count in group(paths).items():
            out.append(f"  {folder:<40} {count:>4}")

    # Theme files are counted apart: Material and Zensical name and place them differently.
    files("files only in ProperDocs' output", result.only_properdocs)
    files("files only in Zensical's output", result.only_zensical)
    html_missing = [u for u, (p, z) in result.pages.items() if p and not z]
    html_extra = [u for u, (p, z) in result.pages.items() if z and not p]
    out.append(f"HTML pages missing in Zensical's output: {len(html_missing)}  {' '.join(html_missing)}".rstrip())
    out.append(f"HTML pages only in Zensical's output:    {len(html_extra)}  {' '.join(html_extra)}".rstrip())
    out.append(f"Python source (*.py) in Zensical's output: {len(result.python_files)}")
    both = {u: (p, z) for u, (p, z) in result.pages.items() if p and z}
    out.append("")
    out.append(f"{'page (both builds)':<40} {'words P/Z':>13} {'same':>5} "
               f"{'cites linked P/Z':>16} {'raw [@] Z':>9} {'glossary P/Z':>12}")
    differing = 0
    for url, (p, z) in both.items():
        ratio = similarity(p.words, z.words)
        differing += ratio < 1.0
        out.append(f"{url:<40} {len(p.words):>6}/{len(z.words):<6} {ratio:>5.0%} "
                   f"{p.linked_citations:>8}/{z.linked_citations:<7} {z.raw_citations:>9} "
                   f"{p.glossary_links:>6}/{z.glossary_links:<5}")
    totals = [sum(getattr(f, name) for f in facts) for name in ("linked_citations", "raw_citations", "glossary_links")
              for facts in ([p for p, _ in both.values()], [z for _, z in both.values()])]
    out.append(f"{'total':<40} {'':>13} {'':>5} {totals[0]:>8}/{totals[1]:<7} {totals[3]:>9} "
               f"{totals[4]:>6}/{totals[5]:<5}")
    out.append(f"pages whose article text differs: {differing} of {len(both)}")
    same, differ = same_blocks(result)
    out.append(f"paragraphs and headings with the same ID in both: {same + differ}, "
               f"same text {same}, different text {differ}")
    out.append("")
    out.append("generated pages in Zensical's output (hook that makes them):")
    for url, state in result.generated.items():
        out.append(f"  {url:<16} {state:<8} ({GENERATED_PAGES[url]})")
    return "\n".join(line.rstrip() for line in out)


# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------

def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def last_error(output: str) -> str:
    """The line that says why, out of a traceback or pip's chatter."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in reversed(lines):
        if line.startswith(("ERROR:", "Error:", "RuntimeError:")) or "Error:" in line[:40]:
            return line
    return lines[-1] if lines else "no output"


def install_zensical() -> str:
    python = ZENSICAL_VENV / "bin" / "python"
    if not python.exists():
        done = run([sys.executable, "-m", "venv", str(ZENSICAL_VENV)])
        if done.returncode:
            sys.exit(f"cannot create {ZENSICAL_VENV}: {last_error(done.stderr)}")
    done = run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                "--upgrade", "zensical"])
    if done.returncode:
        sys.exit(f"cannot install zensical: {last_error(done.stderr)}")
    # The edition's own Markdown extensions (qarabagh_edition.markdown), which mkdocs.yml
    # lists, with the one library they need that Zensical does not bring.
    done = run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "PyYAML"])
    done = done if done.returncode else run([str(python), "-m", "pip", "install", "--quiet",
                                             "--disable-pip-version-check", "--no-deps", "-e", str(ROOT)])
    if done.returncode:
        sys.exit(f"cannot install the edition's package beside zensical: {last_error(done.stderr)}")
    return run([str(python), "-c", "import importlib.metadata as m; print(m.version('zensical'))"]).stdout.strip()


def newest_listed() -> tuple[str, str]:
    """The newest version the index lists and, if it does not install here, why."""
    pip = [str(ZENSICAL_VENV / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
    listed = run(pip + ["index", "versions", "zensical"]).stdout
    match = re.match(r"zensical \(([^)]+)\)", listed.strip())
    if not match:
        return "", ""
    trial = run(pip + ["install", "--dry-run", "--quiet", f"zensical=={match[1]}"])
    return match[1], (last_error(trial.stderr) if trial.returncode else "")


def timed(command: list[str], cwd: Path, runs: int, env: dict, before=None) -> tuple[list[float], str]:
    """Build times, or ([], why) at the first failure."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        done = run(command, cwd=cwd, env=env)
        if done.returncode:
            return [], last_error(done.stderr + done.stdout)
        times.append(time.perf_counter() - start)
    return times, ""


def scratch_copy(target: Path) -> None:
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT)
    if listed.returncode:
        sys.exit(f"git ls-files failed: {listed.stderr}")
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():  # tracked files deleted in the worktree are listed too
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def with_extra(config_text: str, extra: dict) -> str:
    """mkdocs.yml with its top-level `extra:` block replaced by `extra` (JSON is YAML)."""
    lines = config_text.splitlines(True)
    start = next(i for i, line in enumerate(lines) if line.startswith("extra:"))
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"[A-Za-z_]+:", lines[i])), len(lines))
    lines[start:end] = ["extra: " + json.dumps(extra, ensure_ascii=False) + "\n"]
    return "".join(lines)


def without_templates(copy: Path) -> None:
    for template in (copy / "overrides").rglob("*.html"):
        template.unlink()
    for page in (copy / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text("".join(line for line in text.splitlines(True) if not line.startswith("template:")),
                        encoding="utf-8")


def build_zensical(copy: Path, runs: int, env: dict) -> tuple[list[float], list[tuple[str, str]], str]:
    """Times of the first step that builds, the steps that failed with why, and that step's name."""
    zensical = str(ZENSICAL_VENV / "bin" / "zensical")
    config = copy / "mkdocs.yml"
    failures = []

    def clear():
        shutil.rmtree(copy / "site", ignore_errors=True)

    def hook_extra():
        done = run([str(ROOT / ".venv" / "bin" / "python"), "-c", EXTRA_FROM_HOOKS], cwd=copy, env=env)
        if done.returncode:
            sys.exit(f"cannot read the hooks' config values with ProperDocs: {last_error(done.stderr)}")
        config.write_text(with_extra(config.read_text(encoding="utf-8"), json.loads(done.stdout)), encoding="utf-8")

    steps = [("as is", None),
             ("with the hooks' config.extra", hook_extra),
             ("also without our templates", lambda: without_templates(copy))]
    for name, concession in steps:
        if concession:
            concession()
        # --clean: Zensical keeps a cache; every timed build starts without it, as a fresh clone would.
        times, why = timed([zensical, "build", "--clean", "-f", str(config)], copy, runs, env, before=clear)
        if times:
            return times, failures, name
        failures.append((name, why))
    return [], failures, ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="builds per engine; the median is printed (default 1)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep both outputs in DIR/properdocs and DIR/zensical for a closer look")
    args = parser.parse_args(argv)

    print(f"date: {datetime.date.today().isoformat()}")
    version = install_zensical()
    print(f"zensical: {version} (pip install --upgrade zensical, in {ZENSICAL_VENV.relative_to(ROOT)})")
    newest, why = newest_listed()
    if newest and newest != version:
        print(f"  newest on the index: {newest}, which does not install here: {why or 'no reason given'}")

    env = {**os.environ, "EDITION_SKIP_DOWNLOADS": "1"}
    with tempfile.TemporaryDirectory(prefix="zensical-report-") as scratch:
        scratch = Path(scratch)
        properdocs_site, copy = scratch / "properdocs", scratch / "copy"
        times_p, why = timed([str(ROOT / ".venv" / "bin" / "python"), "-m", "properdocs", "build", "--strict",
                              "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(properdocs_site)], ROOT, args.runs, env)
        if not times_p:
            print(f"ProperDocs build failed: {why}", file=sys.stderr)
            return 1
        copy.mkdir()
        scratch_copy(copy)
        times_z, failures, step = build_zensical(copy, args.runs, env)
        print(f"ProperDocs build (strict, no downloads), median of {args.runs}: {statistics.median(times_p):.2f} s")
        for name, reason in failures:
            print(f"Zensical build, {name}: fails: {reason}")
        if not times_z:
            print("Zensical builds nothing: there is no output to compare.", file=sys.stderr)
            return 1
        print(f"Zensical build, {step} (--clean), median of {args.runs}: {statistics.median(times_z):.2f} s")
        print(f"compared: ProperDocs' output with Zensical's, {step}")
        print()
        result = compare(properdocs_site, copy / "site")
        print(format_report(result))
        print()
        print("Blockers:")
        for line in blockers(result, failures):
            print(f"  - {line}")
        if args.keep:
            for name, site in (("properdocs", properdocs_site), ("zensical", copy / "site")):
                shutil.rmtree(args.keep / name, ignore_errors=True)
                shutil.copytree(site, args.keep / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
