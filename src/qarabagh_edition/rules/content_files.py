"""What the content folders may hold: which files, under which names, of which kind.

Checked first of all, before anything reads a file, by the build (overrides/hooks/
content_files.py) and by scripts/lint alike:
- no symbolic link, to a file or to a folder: a link publishes whatever it points at
  (the build machine's /etc/hostname, the job's .git/config) and a linked folder can
  replace the edition's own scripts. A linked folder is refused itself, never walked.
  Elsewhere in the repository, a tracked link must be listed in ALLOWED_SYMLINKS.
- names of lower-case letters, digits, `-` and `.`, starting and ending with a letter
  or digit: no hidden files (which the engine treats apart), no spaces or quotes to
  break out of a URL or an attribute, no names that differ only in case.
- each folder holds the kinds of file it holds today (KINDS), judged by the bytes too:
  a text file holds no NUL byte (an image or archive renamed .md, .yml). docs/ holds
  pages only: no image, SVG or HTML; the site's images are the edition's own, in
  overrides/assets/, which is code and reviewed as code.
Because of these, walking the folders here (os.walk, links not followed, sorted) sees
exactly the files MkDocs sees: MkDocs leaves out hidden files and follows links, and
neither can be present.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

# Folder -> the suffixes of the files it may hold (what `git ls-files` shows today), and
# whether it may have folders of its own.
KINDS = {
    "docs": ({".md"}, True),
    "data": ({".yml"}, False),
    "bib": ({".bib", ".yml"}, False),
    "published": ({".yml", ".txt"}, False),
}
WHAT = {".md": "Markdown pages", ".yml": "YAML data", ".bib": "BibTeX", ".txt": "plain text"}

# Tracked symbolic links outside the content folders that are wanted (path -> why). None.
ALLOWED_SYMLINKS: dict[str, str] = {}

NAME = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")


def content_files(root: Path) -> tuple[list[Path], list[str]]:
    """(every file of the content folders, problems): a file with a problem is not listed."""
    files, problems = [], []
    for folder, (suffixes, subfolders) in KINDS.items():
        top = root / folder
        if top.is_symlink():
            problems.append(_link(root, top))
            continue
        for directory, folders, names in os.walk(top):  # links are not followed
            here = Path(directory)
            for name in sorted(folders):
                path = here / name
                if path.is_symlink():
                    problems.append(_link(root, path))
                elif not subfolders:
                    problems.append(
                        f"{_shown(root, path)}:1: {folder}/ holds files only, not folders "
                        f"(move its files into {folder}/ itself)"
                    )
                elif not NAME.fullmatch(name):
                    problems.append(_bad_name(root, path))
                else:
                    continue
                folders.remove(name)  # refused: not walked
            folders.sort()
            for name in sorted(names):
                path = here / name
                problem = (
                    _link(root, path)
                    if path.is_symlink()
                    else _bad_name(root, path)
                    if not NAME.fullmatch(name)
                    else _bad_kind(root, path, folder, suffixes)
                )
                if problem:
                    problems.append(problem)
                else:
                    files.append(path)
    return files, problems + tracked_links(root)


def tracked_links(root: Path) -> list[str]:
    """Symbolic links git tracks anywhere in the repository, unless allowed. (A copy of
    the project without git has no tracked files; its content folders are walked above.)"""
    if not (root / ".git").exists():
        return []
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "--stage", "-z"], capture_output=True)
    problems = []
    for entry in listed.stdout.decode("utf-8", "replace").split("\0"):
        mode, _, rest = entry.partition(" ")
        path = rest.partition("\t")[2]
        if mode == "120000" and path not in ALLOWED_SYMLINKS:
            problems.append(
                f"{path}:1: a symbolic link is tracked by git (replace it by the file itself, or list it "
                "with its reason in ALLOWED_SYMLINKS, src/qarabagh_edition/rules/content_files.py)"
            )
    return problems


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _link(root: Path, path: Path) -> str:
    what = "folder" if path.is_dir() else "file"
    return (
        f"{_shown(root, path)}:1: a symbolic link (a {what} that points elsewhere): content folders hold "
        "files themselves, never links, which would publish what they point at (replace the link by the "
        "file, or delete it)"
    )


def _bad_name(root: Path, path: Path) -> str:
    return (
        f"{_shown(root, path)}:1: the name '{path.name}' is not allowed: names are lower-case letters, digits, "
        "'-' and '.', starting and ending with a letter or digit (rename it, e.g. "
        f"'{_suggested(path.name)}'; a page's name is its URL)"
    )


def _suggested(name: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9.]", "-", name.lower())).strip("-.") or "page.md"


def _bad_kind(root: Path, path: Path, folder: str, suffixes: set[str]) -> str | None:
    held = ", ".join(f"{WHAT[s]} ({s})" for s in sorted(suffixes))
    if path.suffix not in suffixes:
        return (
            f"{_shown(root, path)}:1: {folder}/ holds {held} only, not '{path.suffix or path.name}' files "
            "(delete it; images and scripts are the edition's own, in overrides/, changed by the maintainers)"
        )
    if not path.is_file():
        return f"{_shown(root, path)}:1: not a regular file (delete it)"
    with path.open("rb") as opened:
        start = opened.read(8192)
    if b"\0" in start:
        return (
            f"{_shown(root, path)}:1: a '{path.suffix}' file holds binary data, not text "
            f"({folder}/ holds {held} only: save it as UTF-8 text)"
        )
    return None


def check_files(root: Path, docs_dir: str = "docs") -> list[str]:
    """Everything about the content's files, before any of them is read as text: what
    they are (above), their limits (rules.limits) and their pages' URLs (rules.page_urls)."""
    from qarabagh_edition.rules.limits import check_limits
    from qarabagh_edition.rules.page_urls import check_urls

    files, problems = content_files(root)
    pages = [p.relative_to(root / docs_dir).as_posix() for p in files if p.is_relative_to(root / docs_dir)]
    return problems + check_limits(root, files) + check_urls(pages, docs_dir)
