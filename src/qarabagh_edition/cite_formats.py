"""BibTeX and RIS of what `cite_this.citation` cites, from the same data: the article by
its authors (the record), the edition by its editors, or a part of either."""

from __future__ import annotations

import re

from markupsafe import Markup

from qarabagh_edition.cite_this import EDITORIAL, PAPER_KEY, READING, RECORD, version_text


def _surname_first(name: str, paper: dict) -> str:
    # Iranian family names here have two words ("Noormohamadi Nazariian"): the
    # split is taken from the BibTeX entry, where it is written "Last, First".
    return paper["_surname_first"].get(name, name)


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
            "version": version_text(version),
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
            f"ET  - Corrected English edition, {version_text(version)}",
            f"PY  - {(version.get('date') or 'n.d.')[:4]}",
            f"UR  - {url}",
            f"N1  - {_based_on(role, cite)}",
            "LA  - en",
        ]
    # One field a line: a line break in the data would start a field of its own.
    lines = [f"TY  - {kind}"] + [re.sub(r"\s*[\r\n]+\s*", " ", line) for line in lines] + ["ER  - "]
    return "\r\n".join(lines) + "\r\n"  # RIS is specified with CRLF line ends
