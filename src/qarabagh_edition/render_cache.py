"""Pages rendered by an earlier build, kept in .cache/render/ and used again.

Rendering the Markdown (Python-Markdown, its extensions and ours) is most of a build's
time, and an engine renders every page on every build, `serve`'s rebuild after a
one-word edit included. A page's render is kept under a key that changes whenever
anything the render reads changes:

* the page's Markdown as every plugin and hook has left it, its URL and its path;
* the site's files (links are resolved against their URLs) and the settings the
  render reads (Markdown extensions and their options, link validation, URL style);
* what our extensions read (qarabagh_edition.markdown): data/, published/ and bib/,
  whole. (The glossary extension also reads the pages in docs/, but only to check
  data/mentions.yml against them, a check the glossary_checks hook makes on every
  build; the links it writes come from data/ and published/.)
* the edition's code (this package, the hooks) and the versions of the packages
  that render (a new Python-Markdown may write other HTML).

What is kept is all a render leaves on the page: its HTML, table of contents, title,
anchor IDs, links to other pages' anchors (checked after every page is built, so a
broken anchor is still reported), and the messages it logged, which are logged again
when the render is used, so that `--strict` still fails on them. Entries are written
whole (a temporary file, then renamed), so builds running at once never read half
of one; deleting .cache/ only makes the next build slower.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from markdown.extensions.toc import nest_toc_tokens

from qarabagh_edition.file_memo import remembered

FOLDER = Path(".cache") / "render"  # pages/, parts/, search/ (overrides/hooks/search_cache.py), generated/
DATA = ("data", "published", "bib")  # what our Markdown extensions read, besides the page
HOOKS = Path("overrides") / "hooks"
PACKAGES = ("markdown", "pymdown-extensions", "properdocs", "mkdocs", "mkdocs-material", "lxml")
PACKAGE = Path(__file__).resolve().parent  # the edition's code, wherever it is installed from
FORMAT = 1  # of the kept entries; bump when what is kept changes
KEEP_DAYS = 7  # an entry no build has used for this long is deleted
T = TypeVar("T")
OFF = "EDITION_RENDER_CACHE"  # set to "off" to render every page (what the cache is compared with)


def enabled() -> bool:
    return os.environ.get(OFF, "").lower() not in ("off", "0", "no", "false")


def _digest(*parts: str | bytes) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def _describe(value) -> str:
    """A setting that is not JSON (a function for slugs, say), named by where it is defined;
    anything else by its repr, which, if it holds an address, only means no render is reused."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return repr(value)


def settings_text(settings: dict) -> str:
    return json.dumps(settings, sort_keys=True, default=_describe, ensure_ascii=False)


_contents_memo: dict[tuple, dict] = {}  # per list of files: the digest of their newest state


def contents_digest(paths: Iterable[Path], root: Path) -> str:
    """The files' paths (relative to root) and contents, as one digest; read again only when
    one of them changes (serve rebuilds in one process)."""
    paths = sorted(p for p in paths if p.is_file())

    def compute() -> str:
        return _digest(*(part for p in paths for part in (p.relative_to(root).as_posix(), p.read_bytes())))
    names = tuple(map(str, paths))
    return remembered(_contents_memo.setdefault((str(root), names), {}), (), paths, compute)


def data_digest(root: Path) -> str:
    return contents_digest((p for folder in DATA for p in (root / folder).rglob("*")), root)


def code_digest(root: Path) -> str:
    package = contents_digest(PACKAGE.rglob("*.py"), PACKAGE.parent)
    return _digest(package, contents_digest((root / HOOKS).glob("*.py"), root))


_versions: dict[str, str] = {}


def versions() -> str:
    """The versions of Python and of the packages that render."""
    if not _versions:
        _versions["python"] = sys.version
        for name in PACKAGES:
            try:
                _versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                _versions[name] = ""
    return json.dumps(_versions, sort_keys=True)


def site_key(root: Path, settings: dict, files: Iterable[tuple[str, str, str]]) -> str:
    """What every page's render shares: settings (JSON-able, or named by _describe), the
    site's files as (path, URL, inclusion), our data, our code, the renderers' versions."""
    return _digest(str(FORMAT), settings_text(settings), json.dumps(sorted(files), ensure_ascii=False),
                   data_digest(root), code_digest(root), versions())


def page_key(site: str, src_uri: str, url: str, markdown: str) -> str:
    return _digest(site, src_uri, url, markdown)


def key(*parts: str) -> str:
    """A key for other kept results (a page's search entries, say): a digest of `parts`,
    which must name everything the result depends on."""
    return _digest(str(FORMAT), versions(), *parts)


def _path(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.json"


def load(folder: Path, key: str) -> dict | None:
    """The entry kept under `key`, or None (none kept, or one that cannot be read)."""
    path = _path(folder, key)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    try:
        os.utime(path)  # used: kept for another KEEP_DAYS
    except OSError:
        pass
    return entry


def store(folder: Path, key: str, entry: dict) -> None:
    """Keep `entry` under `key`: written to a temporary file, then renamed over the old one."""
    path = _path(folder, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({**entry, "key": key}, out, ensure_ascii=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def kept(folder: Path, key: str, compute: Callable[[], T]) -> T:
    """compute()'s result (JSON-able), kept in `folder` under `key` (which must name
    everything the result depends on), or computed and kept there."""
    if not enabled():
        return compute()
    found = load(folder, key)
    if found is not None:
        return found["value"]
    value = compute()
    store(folder, key, {"value": value})
    return value


def prune(folder: Path, keep_days: float = KEEP_DAYS) -> int:
    """Delete the entries (in `folder`'s kinds: pages/, search/, ...) no build has used for
    `keep_days`; how many were deleted."""
    limit, deleted = time.time() - keep_days * 86400, 0
    for path in folder.glob("*/*/*.json"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                deleted += 1
        except OSError:
            pass  # deleted meanwhile by another build
    return deleted


def toc_tokens(toc) -> list[dict]:
    """A table of contents (items with title, id, level, children) as the tokens Python-Markdown's
    toc extension gives, from which an engine builds it again."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": toc_tokens(item.children)}
            for item in toc]


def entry(content: str, toc, title: str | None, anchors: Iterable[str], links: dict[str, dict[str, str]],
          log: list[list]) -> dict:
    """What a render left on a page, as JSON. `links`: path of the linked page -> {anchor: link}."""
    return {"content": content, "toc": toc_tokens(toc), "title": title, "anchors": sorted(anchors),
            "links": {src: dict(links[src]) for src in sorted(links)}, "log": log}


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[list] = []
        self.seen: list[logging.LogRecord] = []  # a message that reaches two of the loggers counts once

    def emit(self, record):
        if not any(record is seen for seen in self.seen):
            self.seen.append(record)
            self.records.append([record.name, record.levelno, record.getMessage()])


@contextmanager
def recorded_log(*loggers: str) -> Iterator[list[list]]:
    """The messages logged meanwhile (INFO and up) to the root logger and to `loggers`
    (those that do not hand their messages on to the root), as [name, level, message]."""
    recorder = _Recorder()
    targets = [logging.getLogger()] + [logging.getLogger(name) for name in loggers]
    for target in targets:
        target.addHandler(recorder)
    try:
        yield recorder.records
    finally:
        for target in targets:
            target.removeHandler(recorder)


def replay(log: Iterable[list]) -> None:
    """Log the messages of a kept render again, from the loggers that logged them."""
    for name, level, message in log:
        logging.getLogger(name).log(level, "%s", message)


# -- Pages rendered in parts -------------------------------------------------------------
# A long generated page made of independent sections (the Corrections page: a section per
# corrected paragraph) changes in one section when one paragraph is edited; rendered in
# parts, each kept on its own, only that part is rendered again (serve's rebuild after an
# edit). Only where that gives the same HTML as rendering the page whole: every heading has
# its own ID (none made from its words, which depends on the other headings) and nothing
# refers across parts (footnotes, reference links, abbreviations); no fenced code, whose
# lines could look like headings. The build's tests compare both ways (tests/test_render_cache.py).
IN_PARTS = {"corrections.md"}  # pages whose sections are independent (qarabagh_edition.pages.corrections)
_HEADING = re.compile(r"^#{1,6} ", re.M)
_OWN_ID = re.compile(r"^#{1,6} [^\n]*\{:?[^{}\n#]*+#[\w-]++[^{}\n]*+\}[ \t]*+$", re.M)  # possessive: no backtracking
_ACROSS = re.compile(r"\[\^|^ {0,3}\[[^\]\n]+\]:|^\*\[|^ {0,3}(```|~~~)", re.M)
_SECTION = re.compile(r"\n\n(?=#{2,3} )")  # a section starts at an h2 or h3 after a blank line
_GROUP = 8  # about this many h3 sections a part: a moved section changes two parts, not all
# Each part ends with this paragraph, rendered and then cut off: what stands before it is what
# the whole page has between the part's last block and the next part (a blank line after raw HTML).
_END = "qarabaghpartend"
_END_HTML = f"<p>{_END}</p>"


def parts(src_uri: str, markdown: str) -> list[str] | None:
    """The Markdown of a page in IN_PARTS as parts to render apart, or None (render it whole)."""
    if src_uri not in IN_PARTS or _ACROSS.search(markdown) or \
            len(_HEADING.findall(markdown)) != len(_OWN_ID.findall(markdown)):
        return None
    found: list[list[str]] = []
    for section in _SECTION.split(markdown):
        # A new part at an h2, and at an h3 picked by its words (not its place, which moves).
        starts = not found or section.startswith("## ") or \
            int(hashlib.sha256(section.split("\n", 1)[0].encode("utf-8")).hexdigest(), 16) % _GROUP == 0
        if starts:
            found.append([section])
        else:
            found[-1].append(section)
    return ["\n\n".join(part) + f"\n\n{_END}\n" for part in found]


def _flat(tokens: list[dict]) -> list[dict]:
    return [t for token in tokens for t in ({**token, "children": []}, *_flat(token["children"]))]


def joined(entries: list[dict]) -> dict | None:
    """The entry of a page from the entries of its parts (in order); None if a part did not
    end as parts() made it (render the page whole)."""
    if not all(part["content"].endswith(_END_HTML) for part in entries):
        return None
    links: dict[str, dict[str, str]] = {}
    for part in entries:
        for src, anchors in part["links"].items():
            links.setdefault(src, {}).update(anchors)
    return {"content": "".join(part["content"].removesuffix(_END_HTML) for part in entries).rstrip(),
            "toc": nest_toc_tokens(_flat([t for part in entries for t in part["toc"]])),
            "title": next((part["title"] for part in entries if part["title"] is not None), None),
            "anchors": sorted({a for part in entries for a in part["anchors"]}),
            "links": {src: links[src] for src in sorted(links)},
            "log": [record for part in entries for record in part["log"]]}
