"""The project's text files are UTF-8, without a byte order mark or invisible controls:
each problem is `file:line` before anything else reads the file
(qarabagh_edition.rules.source_text, the first check of overrides/hooks/edition.py)."""

from __future__ import annotations

from qarabagh_edition.rules.source_text import check_file, check_sources


def test_the_projects_text_is_clean(tmp_path):
    from conftest import ROOT

    assert check_sources(ROOT) == []


def test_a_file_in_another_encoding_names_its_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_bytes("# Title\n\nCaf\u00e9 society.\n".encode("latin-1"))
    assert check_file(page, "docs/page.md") == ["docs/page.md:3: not UTF-8 (byte 0xe9): save the file as UTF-8"]


def test_a_byte_order_mark_is_named_as_such(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("\ufeff# Conclusion { #conclusion }\n", encoding="utf-8")
    assert check_file(page, "docs/conclusion.md") == [
        "docs/conclusion.md:1: the file starts with a byte order mark (save it as UTF-8 without BOM)"
    ]


def test_invisible_controls_are_refused_and_a_persian_joiner_is_kept_where_it_belongs(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Line one.\nsecret \u202emovements and Ilchi\u200bbek\n", encoding="utf-8")
    problems = check_file(page, "docs/political-implications.md", english=True)
    assert problems == [
        "docs/political-implications.md:2: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) at column 8: it "
        "changes how the text reads or is matched (delete it)",
        "docs/political-implications.md:2: invisible character U+200B (ZERO WIDTH SPACE) at column 28: it "
        "changes how the text reads or is matched (delete it)",
    ]
    name = tmp_path / "glossary.yml"
    name.write_text("native: محمود احمدی\u200cنژاد\n", encoding="utf-8")
    assert check_file(name, "data/glossary.yml") == []  # the non-joiner belongs to the Persian spelling
    assert check_file(name, "docs/x.md", english=True) != []  # but not to the English of docs/


def test_the_build_stops_on_a_file_it_cannot_read(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    glossary.write_bytes(glossary.read_bytes().replace(b"President of Iran", b"Pr\xe9sident of Iran", 1))
    result = build_copy(project_copy)
    assert result.returncode != 0
    number = glossary.read_bytes().split(b"Pr\xe9sident")[0].count(b"\n") + 1
    assert f"data/glossary.yml:{number}: not UTF-8 (byte 0xe9): save the file as UTF-8" in result.output, result.output
    assert "Traceback" not in result.output
