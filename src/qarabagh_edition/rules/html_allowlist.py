"""What a contributor's Markdown may render to: each page of `docs/`, and the Markdown of
the data and the record, judged by the allowlist (qarabagh_edition.rules.allowlist).

The check looks at what each page *renders to* with Python-Markdown and the site's own
Markdown extensions (attr_list, md_in_html, footnotes, ...), not at its source text, so
no spelling of a dangerous thing escapes it: an `on…=` attribute given through attr_list,
an event attribute on the second line of a tag, a `javascript:` URL written with
character references, a form, a `<base>` or a `<meta>` refresh, an image from another
host. The edition's own transforms add their markup later; what they make, from the data
too, is judged once more when the page is built (qarabagh_edition.rules.built_pages,
with this allowlist widened by their markup).
"""

from __future__ import annotations

import html
from pathlib import Path

import markdown
import tinyhtml5

from qarabagh_edition import front_matter
from qarabagh_edition.rules import front_matter_keys, plain_text, reserved, source_text
from qarabagh_edition.rules.allowlist_judgement import removed_by_sanitizer
from qarabagh_edition.rules.allowlist_messages import describe, source_line

# The edition's own transforms (qarabagh_edition.markdown): their markup is ours, not the
# page's, and out of the allowlist's scope like the hooks' (they also need the project's data).
OWN_EXTENSIONS = "qarabagh_edition."


def page_markdown(extensions: list, extension_configs: dict) -> markdown.Markdown:
    """The one Python-Markdown a run of the checks renders every page and field with (reset
    between documents, as Python-Markdown documents): the site's extensions, but not the
    edition's own and without toc's permalinks, whose class (`headerlink`) is toc's, not
    the page's. A page giving it (`[words](#x){: .headerlink }`) would have words that
    Material shows only on hover and that the rules skip as the permalink's."""
    extensions = [e for e in extensions if not str(e).startswith(OWN_EXTENSIONS)]
    configs = {**extension_configs, "toc": {**(extension_configs.get("toc") or {}), "permalink": False}}
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


def render(md: markdown.Markdown, source: str) -> str:
    """The page as `md` (page_markdown) renders it, before any of the edition's transforms."""
    md.reset()  # nothing of the last document (footnotes, IDs, abbreviations) carries over
    return md.convert(_without_front_matter(source))


def _without_front_matter(source: str) -> str:
    # Blank lines in place of the front matter (read as MkDocs reads it) keep the lines of the page.
    taken = front_matter.read(source).lines
    lines = source.split("\n")
    return "\n" * taken + "\n".join(lines[taken:]) if taken else source


def check_page(source: str, shown: str, md: markdown.Markdown) -> list[str]:
    """`file:line: what is not allowed (how to fix)` for one page of docs/: its front
    matter, what it renders to, and in that the names and titles that are the edition's."""
    problems = front_matter_keys.problems(source, shown) + _rendered_problems(source, shown, md)
    return sorted(set(problems), key=lambda p: (int(p.split(":")[1]), p))


def _rendered_problems(source: str, shown: str, md: markdown.Markdown) -> list[str]:
    """What `source` renders to, judged: the allowlist, headings as plain text, the edition's names."""
    rendered = render(md, source)
    problems = [f"{shown}:{source_line(source, item)}: {describe(item)}" for item in removed_by_sanitizer(rendered)]
    tree = tinyhtml5.parse(f"<!doctype html><html><head></head><body>{rendered}</body></html>")
    return (
        problems
        + plain_text.heading_problems(tree, source, shown)
        + reserved.page_problems(tree, source, shown)
        + _invisible_problems(tree, source, shown)
    )


def _invisible_problems(tree, source: str, shown: str) -> list[str]:
    """The invisible characters source_text forbids, once character references are decoded:
    `&#x202E;` reverses what a reader sees and `&#8203;` splits a name for the spelling
    rules as surely as the characters themselves."""
    english = shown.startswith("docs/")
    shown_text = [
        piece
        for element in tree.iter()
        for piece in (
            (element.text if isinstance(element.tag, str) else None),
            element.tail,
            *(element.attrib.values() if isinstance(element.tag, str) else ()),
        )
        if piece
    ]
    problems = []
    for character in dict.fromkeys(source_text.invisible_in("".join(shown_text), english)):
        line = next(
            (number for number, text in enumerate(source.split("\n"), start=1) if character in html.unescape(text)), 1
        )
        problems.append(
            f"{shown}:{line}: a character reference to the invisible character "
            f"{source_text.describe(character)}: it changes how the text reads or is matched (delete it)"
        )
    return problems


def check_field(text: str, shown: str, line: int, md: markdown.Markdown) -> list[str]:
    """`file:line: what is not allowed (how to fix)` for Markdown a contributor writes in
    the data (a glossary entry's description, a timeline event's): it is pasted into a
    generated page, so it may be exactly what a page of docs/ may be. Judged here, alone,
    because the built page is judged by the wider allowlist of the edition's own markup
    (its reading markers, tooltips, notes), which is the edition's, not the data's.
    Reported at the entry's line."""
    return [f"{shown}:{line}:{problem.split(':', 2)[2]}" for problem in _rendered_problems(text, shown, md)]


def check_pages(root: Path, docs_dir: str, md: markdown.Markdown) -> list[str]:
    """Every page of docs/ checked against the allowlist."""
    problems: list[str] = []
    for path in sorted((root / docs_dir).rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        problems += check_page(source, path.relative_to(root).as_posix(), md)
    return problems + other_files(root, docs_dir)


def published_texts(root: Path, md: markdown.Markdown) -> list[str]:
    """The as-published layer judged as pages are: its paragraphs, headings and front
    (published/*.yml) become the record's pages and the changes panels' Markdown, and a
    transcription fix (scripts/freeze) is a contribution like any other. (The bibliographic
    record, paper.yml, and the plain transcript are printed as text, not as Markdown.) The
    build logs these and goes on, so that the built pages' gate reports its own too."""
    from qarabagh_edition.errors import ContentError
    from qarabagh_edition.published_layer import load_layer
    from qarabagh_edition.rules.frozen import frozen_texts

    try:
        headings = {entry.id for entry in load_layer(root).values() if entry.kind == "heading"}
        texts = frozen_texts(root)
    except ContentError:
        return []  # the layer cannot be read: check_frozen says why
    return [
        problem
        for key, (text, shown, line) in texts.items()
        if key != "transcript" and not key.startswith("paper:")
        for problem in check_field(f"# {text}" if key in headings else text, shown, line, md)
    ]


# Besides pages, docs/ may hold the images pages show. Anything else would be published as
# it is, outside every check: an HTML or SVG file runs its own scripts, and a file at a
# theme asset's path (assets/...) would replace the edition's own script or style sheet.
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}


def other_files(root: Path, docs_dir: str) -> list[str]:
    """`file: what is wrong (how to fix)` for every file of docs/ that is not a page or an image."""
    problems = []
    for path in sorted((root / docs_dir).rglob("*")):
        if not path.is_file() or path.suffix == ".md":
            continue
        shown = path.relative_to(root).as_posix()
        inside = path.relative_to(root / docs_dir).as_posix()
        if inside.startswith("assets/"):
            problems.append(
                f"{shown}:1: docs/assets/ is the theme's: a file here would replace the edition's "
                "own (remove it; the edition's scripts and styles are in overrides/assets/)"
            )
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            problems.append(
                f"{shown}:1: only pages (.md) and images ({', '.join(sorted(IMAGE_SUFFIXES))}) belong "
                "in docs/: this file would be published as it is, unchecked (remove it)"
            )
    return problems
