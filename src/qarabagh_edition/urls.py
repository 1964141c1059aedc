"""Relative URLs between the pages of the built site (site paths such as "social-impacts/")."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc or url.startswith("/"))


def resolve(url: str, from_path: str) -> tuple[str, str]:
    """A relative URL written on the page at `from_path`: (the site path it leads to, its
    #fragment without "#"). A link to "#x" leads to the page itself."""
    parts = urlsplit(url)
    if not parts.path:
        return from_path, parts.fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + from_path), parts.path)).lstrip("/")
    if target in ("", "."):
        return "", parts.fragment  # the home page
    if parts.path.endswith("/") and not target.endswith("/"):
        target += "/"
    return target, parts.fragment


def rebase(url: str, from_path: str, to_path: str) -> str:
    """A relative URL written on the page at `from_path`, as seen from `to_path`."""
    if is_external(url):
        return url
    if url.startswith("#"):
        target, fragment = from_path, url
    else:
        parts = urlsplit(url)
        target, _ = resolve(url, from_path)
        fragment = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
    relative = posixpath.relpath("/" + (target or "."), posixpath.dirname("/" + to_path) or "/")
    if relative == ".":
        relative = "./"
    elif target.endswith("/") or target == "":
        relative = relative.rstrip("/") + "/"
    return relative + fragment
