#!/usr/bin/env python3
"""Print build-time figures for the site: the median full `properdocs build --strict`
and its ratio to the floor, a build of the same Markdown with no plugins or hooks.
The site is built with only Pandoc's results kept in .cache/ (target: 3x the floor) and
with nothing kept (a fresh clone; target 4x), alternately with the floor, run by run, so
that a noisy machine slows all three alike.

Two floors are measured, because "plain" can mean two things:
  * floor (same theme): this mkdocs.yml minus its plugins, hooks and our own Markdown
    extensions (qarabagh_edition.markdown) -- the cost of
    what this project adds on top of Material;
  * floor (mkdocs theme): the same Markdown with MkDocs' own theme and no extensions.
Machines are noisy, so each build runs --runs times and the median is reported.
This is a benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"pandoc": 3.0, "cold": 4.0}  # issue 25's budgets, as ratios to the floor (same theme)
PANDOC = ("citations", "cite-this")  # what .cache/ keeps of Pandoc's output


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping `!ENV` and `!!python/name` tags as plain values."""


_Loader.add_constructor(
    "!ENV", lambda loader, node: loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None
)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: loader.construct_scalar(node))


def timed_build(
    project: Path,
    config: Path,
    runs: int,
    strict: bool = True,
    keep: tuple | None = None,
    downloads: bool = False,
    engine: str = "properdocs",
) -> list[float]:
    """`runs` timed builds; with `keep`, .cache/ is emptied first of all but those folders."""
    times = []
    # The site alone: the downloads (PDF, offline zip) are timed separately.
    env = {**os.environ, **({} if downloads else {"EDITION_SKIP_DOWNLOADS": "1"})}
    for _ in range(runs):
        if keep is not None and (project / ".cache").is_dir():
            for kept in (project / ".cache").iterdir():
                if kept.name not in keep:
                    shutil.rmtree(kept, ignore_errors=True)
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            command = [sys.executable, "-m", engine, "build", "-q", "-f", str(config), "-d", out]
            result = subprocess.run(
                command + (["--strict"] if strict else []), cwd=project, env=env, capture_output=True, text=True
            )
            if result.returncode:
                sys.exit(f"build failed: {' '.join(command)}\n{result.stderr}")
            times.append(time.perf_counter() - start)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="builds per configuration (default 7)")
    args = parser.parse_args(argv)

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        same_theme = {k: v for k, v in config.items() if k not in ("plugins", "hooks")}
        same_theme["plugins"] = []
        # The edition's own Markdown extensions are what this project adds, like its hooks.
        same_theme["markdown_extensions"] = [
            e for e in config["markdown_extensions"] if not str(e).startswith("qarabagh_edition.")
        ]
        # The floors build a copy of the same Markdown, minus our landing-page template.
        docs = scratch / "docs"
        shutil.copytree(ROOT / "docs", docs)
        for page in docs.rglob("*.md"):
            page.write_text(
                "".join(
                    line
                    for line in page.read_text(encoding="utf-8").splitlines(True)
                    if not line.startswith("template:")
                ),
                encoding="utf-8",
            )
        same_theme["docs_dir"] = str(docs)
        same_theme["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
        same_theme.pop("extra_css", None)
        (scratch / "same-theme.yml").write_text(yaml.safe_dump(same_theme, allow_unicode=True))
        plain = {"site_name": "floor", "docs_dir": str(docs), "nav": config["nav"], "plugins": []}
        (scratch / "plain.yml").write_text(yaml.safe_dump(plain, allow_unicode=True))

        timed_build(ROOT, ROOT / "mkdocs.yml", 1)  # Pandoc's results in .cache/, and the disk warm
        cold, full, floor_theme = [], [], []
        for _ in range(args.runs):  # alternately
            full += timed_build(ROOT, ROOT / "mkdocs.yml", 1, keep=PANDOC)
            # Floors are not strict: without our hooks, nothing guarantees they are warning-free.
            floor_theme += timed_build(scratch, scratch / "same-theme.yml", 1, strict=False)
            cold += timed_build(ROOT, ROOT / "mkdocs.yml", 1, keep=())
        timed_build(ROOT, ROOT / "mkdocs.yml", 1)  # .cache/ back as a developer has it
        with_downloads = timed_build(ROOT, ROOT / "mkdocs.yml", max(1, args.runs // 2), downloads=True)
        # ProperDocs does not bundle MkDocs' own theme (a separate package): MkDocs builds this one.
        floor_plain = timed_build(scratch, scratch / "plain.yml", args.runs, strict=False, engine="mkdocs")

    median = statistics.median
    print(f"runs per configuration: {args.runs}")
    print(f"full strict build, cold (median):    {median(cold):6.2f} s  (nothing kept in .cache/: a fresh clone)")
    print(f"full strict build (median):          {median(full):6.2f} s  (only Pandoc's results kept in .cache/)")
    print(f"with downloads (PDF + offline zip):  {median(with_downloads):6.2f} s")
    print(f"floor, same theme, no plugins/hooks: {median(floor_theme):6.2f} s")
    print(f"floor, mkdocs theme, no extensions:  {median(floor_plain):6.2f} s")
    for name, value in (("", median(full)), (", cold", median(cold))):
        ratio, target = value / median(floor_theme), TARGETS["cold" if name else "pandoc"]
        verdict = "within" if ratio <= target else "OVER"
        print(
            f"ratio to floor (same theme){name}:{' ' * (9 - len(name))}{ratio:6.2f}x  ({verdict} the {target:.0f}x target)"
        )
    print(f"ratio to floor (mkdocs theme):       {median(full) / median(floor_plain):6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
