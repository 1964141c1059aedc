#!/usr/bin/env python3
"""The URL contract: every public URL of the site, which must keep resolving.

Readers cite and link to pages, headings and paragraphs (`social-impacts/#social-12`),
so once published a URL stays. url-contract.txt lists them all: every page, and on
every page but print_page/ the IDs of its headings and of its paragraphs, list items
and quotations (not footnote IDs, nor those of the "as published" readings, the
"Cite this" box or Material's internals). tests/test_url_contract.py fails when a
listed URL stops resolving in the built site, unless a mkdocs-redirects redirect
keeps it (the anchor is then looked for on the page redirected to).

  scripts/url_contract.py               print the URLs of a fresh build
  scripts/url_contract.py --update      rewrite url-contract.txt (after adding pages or IDs)
  scripts/url_contract.py --check       exit 1, saying what broke, if a URL no longer resolves
  ... --site DIR                        use an existing build instead of building one

The home page is written `./` (`./#abstract-1`), since a line starting with `#` is a comment.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT / "url-contract.txt"

try:
    from qarabagh_edition.url_contract import broken_urls, read_contract, site_urls, write_contract
except ImportError:  # run with a Python outside the project's .venv: rerun inside it
    _venv_python = ROOT / ".venv" / "bin" / "python"
    if _venv_python.exists() and Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        os.execv(str(_venv_python), [str(_venv_python), __file__, *sys.argv[1:]])
    raise


def build_site(site_dir: Path, project: Path = ROOT) -> None:
    environment = dict(os.environ)
    result = subprocess.run(
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
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("error: `properdocs build --strict` failed; fix the build first")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--update", action="store_true", help=f"rewrite {CONTRACT.name} from the build")
    action.add_argument(
        "--check",
        action="store_true",
        help="exit 1 listing every contract URL that no longer resolves, or every public URL missing from the contract",
    )
    parser.add_argument(
        "--site",
        type=Path,
        metavar="DIR",
        help="an existing build to read (default: build with `properdocs build --strict` into a temporary folder)",
    )
    parser.add_argument(
        "--contract",
        type=Path,
        default=CONTRACT,
        metavar="FILE",
        help=f"the contract file (default: {CONTRACT.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="url-contract-") as temporary:
        if args.site is not None:
            site_dir = args.site.resolve()
            if not (site_dir / "index.html").is_file():
                parser.error(f"{args.site} is not a built site (no index.html)")
        else:
            site_dir = Path(temporary) / "site"
            build_site(site_dir)
        urls = site_urls(site_dir)

        if args.update:
            write_contract(urls, args.contract)
            print(f"Wrote {len(urls)} URLs to {args.contract}")
            return 0
        if args.check:
            contract = read_contract(args.contract)
            broken = broken_urls(contract, site_dir)
            unlisted = sorted(set(urls) - set(contract))
            for message in broken:
                print(message)
            if unlisted:
                print(
                    f"{len(unlisted)} public URLs are not in {args.contract.name}; run "
                    f"scripts/url_contract.py --update to add them:"
                )
                print("".join(f"  {url}\n" for url in unlisted), end="")
            if broken or unlisted:
                if broken:
                    print(f"{len(broken)} of {len(contract)} contract URLs no longer resolve.")
                return 1
            print(f"All {len(contract)} contract URLs resolve.")
            return 0
        print("\n".join(urls))
        return 0


if __name__ == "__main__":
    sys.exit(main())
