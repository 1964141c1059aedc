"""What a page's front matter may say: an allowlist of keys, each with its values.

Front matter changes what a page *is*, not only what it says: `template` picks the file
the page is made with (`template: hooks/downloads.py` published a hook's source),
`record` gives an editorial page the article's Google Scholar tags, `search` takes a page
out of the search index, Material's keys hide its navigation or give it icons. So a
contributor may set only the keys below, with these values; the few settings the edition
gives its own pages are fixed here, page by page, and no other page may take them.
Values are plain text (qarabagh_edition.rules.plain_text): templates print them into
<title>, the header and <meta> attributes.
"""

from __future__ import annotations

from qarabagh_edition import front_matter
from qarabagh_edition.rules.plain_text import how, markup_in

TEXT = "text"  # any plain text (one line of it)
CONTRIBUTOR_KEYS = {
    "title": TEXT,  # the page's title in <title>, the header and the navigation
    "description": TEXT,  # its <meta name="description">
    "editorial": {True},  # a page of the editors, not of the paper: says so at its top
}
# Set by the edition on its own pages: exactly these, there only.
EDITION_SETTINGS = {
    "docs/index.md": {"template": "paper-home.html"},
}


def problems(source: str, shown: str) -> list[str]:
    """`file:line: what is wrong (how to fix)` for a page's front matter."""
    found = front_matter.read(source)
    fixed = EDITION_SETTINGS.get(shown, {})
    allowed = ", ".join(f"{key}: true" if values == {True} else key for key, values in CONTRIBUTOR_KEYS.items())
    result = []
    for key, value in found.data.items():
        line = found.key_lines.get(key, 1)
        key = str(key)
        if key in fixed:
            if value != fixed[key]:
                result.append(
                    f"{shown}:{line}: '{key}' is the edition's setting for this page: it must stay "
                    f"'{fixed[key]}' (put it back)"
                )
            continue
        values = CONTRIBUTOR_KEYS.get(key)
        if values is None:
            whose = (
                "is set by the edition itself"
                if key in {"template", "record", "search", "hide", "status"}
                or any(key in settings for settings in EDITION_SETTINGS.values())
                else "is not one a page may set"
            )
            result.append(
                f"{shown}:{line}: the front matter key '{key}' {whose} (remove it; a page's front matter "
                f"may give only {allowed})"
            )
        elif values is TEXT:
            if not isinstance(value, str) or not value.strip():
                result.append(f"{shown}:{line}: '{key}' must be a line of text (write {key}: Some words)")
            elif markup_in(value):
                character = markup_in(value)
                result.append(
                    f"{shown}:{line}: the front matter value of '{key}' contains {character!r} (written "
                    "or as a character reference): front matter is plain text, printed in the page's "
                    f"header and metadata ({how(character)})"
                )
        elif value not in values or not isinstance(value, bool) and True in values:
            result.append(
                f"{shown}:{line}: '{key}' may only be {' or '.join(str(v).lower() for v in values)} "
                f"(write {key}: true, or remove the line)"
            )
    for key, value in fixed.items():
        if key not in found.data:
            result.append(f"{shown}:1: this page's front matter must say '{key}: {value}' (put it back)")
    return result
