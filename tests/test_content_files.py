"""What the content folders may hold (qarabagh_edition.rules.content_files, .limits,
.page_urls): each hostile file, planted in a copy of the project, stops the strict build
and scripts/lint alike with `file:line: what is wrong (how to fix)`, never a traceback,
and nothing is published."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib

from conftest import ROOT

LINT = [sys.executable, str(ROOT / "scripts" / "lint_content.py")]


def refused(project, build_copy, *expected: str) -> None:
    built = build_copy(project)
    linted = subprocess.run(LINT + ["--root", str(project)], capture_output=True, text=True)
    linted.output = linted.stdout + linted.stderr
    for name, result in (("build", built), ("lint", linted)):
        assert result.returncode != 0, f"{name} passed:\n{result.output}"
        assert "Traceback" not in result.output, f"{name}:\n{result.output}"
        for problem in expected:
            assert problem in result.output, f"{name} lacks {problem!r}:\n{result.output}"
    assert not (project.parent / "site-of-copy" / "index.html").exists()


def png_header(width: int, height: int) -> bytes:
    """A PNG's signature and IHDR chunk: enough for a reader of headers."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + chunk


SVG_BEACON = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://example.invalid/beacon"/></svg>'
LINK = "a symbolic link"


def test_symbolic_links_are_refused_and_a_linked_folder_is_not_walked(project_copy, build_copy):
    docs = project_copy / "docs"
    (project_copy / ".git").mkdir()
    (project_copy / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    (docs / "hostname.png").symlink_to("/etc/hostname")
    (docs / "git-config.png").symlink_to("../.git/config")
    assets = project_copy / "site-assets"
    (assets / "javascripts").mkdir(parents=True)
    (assets / "javascripts" / "edition.js").write_text("alert(document.cookie)\n")
    (assets / "page.html").write_text("<script>alert(1)</script>\n")
    (docs / "assets").symlink_to("../site-assets", target_is_directory=True)
    (project_copy / "data" / "x.yml").symlink_to(ROOT / "mkdocs.yml")
    refused(
        project_copy,
        build_copy,
        f"docs/hostname.png:1: {LINK}",
        f"docs/git-config.png:1: {LINK}",
        f"docs/assets:1: {LINK} (a folder",
        f"data/x.yml:1: {LINK}",
    )


def test_a_symbolic_link_tracked_elsewhere_is_refused_unless_allowed(project_copy):
    subprocess.run(["git", "init", "-q", str(project_copy)], check=True)
    (project_copy / "overrides" / "main-link.html").symlink_to("main.html")
    subprocess.run(["git", "-C", str(project_copy), "add", "overrides/main-link.html"], check=True)
    linted = subprocess.run(LINT + ["--root", str(project_copy)], capture_output=True, text=True)
    assert linted.returncode != 0
    assert "overrides/main-link.html:1: a symbolic link is tracked by git" in linted.stdout, linted.stdout


def test_files_are_judged_by_what_they_are(project_copy, build_copy):
    docs = project_copy / "docs"
    (docs / "beacon.png").write_bytes(SVG_BEACON)
    (docs / "huge.png").write_bytes(png_header(13_000, 13_000) + bytes(200_000))
    (docs / "drawing.svg").write_bytes(SVG_BEACON)
    (docs / "page.html").write_text("<p>hello</p>\n")
    (docs / "picture.md").write_bytes(png_header(10, 10))
    (project_copy / "data" / "notes.txt").write_text("notes\n")
    (project_copy / "published" / "extra").mkdir()
    refused(
        project_copy,
        build_copy,
        "docs/beacon.png:1: docs/ holds Markdown pages (.md) only",
        "docs/huge.png:1: docs/ holds",
        "docs/drawing.svg:1: docs/ holds",
        "docs/page.html:1: docs/ holds",
        "docs/picture.md:1: a '.md' file holds binary data, not text",
        "data/notes.txt:1: data/ holds YAML",
        "published/extra:1: published/ holds files only",
    )


def test_names_are_lower_case_letters_digits_hyphens_and_dots(project_copy, build_copy):
    docs = project_copy / "docs"
    for name in ("Intro.md", "my page.md", ".hidden.md", 'a"b.md', "résumé.md", "-x.md"):
        (docs / name).write_text("# A page { #a-page }\n")
    (docs / "Sub").mkdir()
    (project_copy / "data" / "Glossary_2.yml").write_text("entries: []\n")
    refused(
        project_copy,
        build_copy,
        "docs/Intro.md:1: the name 'Intro.md' is not allowed",
        "docs/my page.md:1: the name",
        "docs/.hidden.md:1: the name",
        'docs/a"b.md:1: the name',
        "docs/résumé.md:1: the name",
        "docs/-x.md:1: the name",
        "docs/Sub:1: the name",
        "data/Glossary_2.yml:1: the name",
    )


def test_two_pages_for_one_url_and_the_builds_own_names_are_refused(project_copy, build_copy):
    docs = project_copy / "docs"
    page = "# A page { #a-page }\n\nText.\n{: #a-page-1 .editorial }\n"
    for path in (
        "introduction/index.md",
        "sitemap.xml.md",
        "404.md",
        "search/index.md",
        "assets/x.md",
        "as-published/introduction/index.md",
        "downloads.md",
        "cite/index.md",
        "print_page.md",
    ):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(page)
    refused(
        project_copy,
        build_copy,
        "docs/introduction/index.md:1: this page has the same URL, /introduction/, as docs/introduction.md",
        "docs/sitemap.xml.md:1: the name 'sitemap.xml' is the build's own",
        "docs/404.md:1: the name '404'",
        "docs/search/index.md:1: the name 'search'",
        "docs/assets/x.md:1: the name 'assets'",
        "docs/as-published/introduction/index.md:1: the name 'as-published'",
        "docs/downloads.md:1: the name 'downloads'",
        "docs/cite/index.md:1: the name 'cite'",
        "docs/print_page.md:1: the name 'print_page.md' is not allowed",
    )


def test_sitemap_page_alone_stops_the_build_with_file_and_line(project_copy, build_copy):
    (project_copy / "docs" / "sitemap.xml.md").write_text("# Sitemap { #sitemap }\n")
    refused(project_copy, build_copy, "docs/sitemap.xml.md:1: the name 'sitemap.xml' is the build's own")


def test_every_path_the_build_writes_of_its_own_is_reserved(site):
    from qarabagh_edition.rules.page_urls import RESERVED, page_url

    pages = {page_url(p.relative_to(ROOT / "docs").as_posix()).split("/")[0] for p in (ROOT / "docs").rglob("*.md")}
    written = {p.name.removesuffix(".html") for p in site.iterdir() if not p.name.startswith(".")}
    assert written - pages - {""} - {"index"} == set(RESERVED), "list the build's own names in RESERVED"


def test_yaml_anchors_and_aliases_are_refused_before_anything_expands_them(project_copy, build_copy):
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    page = project_copy / "docs" / "timeline.md"
    text = page.read_text()
    page.write_text("---\n" + laughs + text.removeprefix("---\n"))
    glossary = project_copy / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text().replace("\n- id: ", "\n- <<: &entry {native: x}\n  id: ", 1))
    record = project_copy / "published" / "paper.yml"
    record.write_text(record.read_text() + "extra: &e 1\nagain: *e\n")
    line = 1 + glossary.read_text().split("\n").index("- <<: &entry {native: x}")
    refused(
        project_copy,
        build_copy,
        "docs/timeline.md:2: an anchor ('&a'): YAML anchors and aliases are not accepted",
        "docs/timeline.md:3: an alias ('*a')",
        f"data/glossary.yml:{line}: an anchor ('&entry')",
        "published/paper.yml:",
        "an alias ('*e')",
    )


def test_file_size_line_length_and_nesting_have_limits(project_copy, build_copy):
    from qarabagh_edition.rules.limits import MAX_FILE_BYTES, MAX_LINE_CHARACTERS

    docs = project_copy / "docs"
    (docs / "big.md").write_text(("A line of text.\n" * (MAX_FILE_BYTES // 16 + 1)))
    (docs / "wide.md").write_text("# Wide { #wide }\n\n" + "word " * (MAX_LINE_CHARACTERS // 5 + 1) + "\n")
    (docs / "deep.md").write_text("# Deep { #deep }\n\n" + ">" * 5000 + " deep\n")
    (docs / "lists.md").write_text("# Lists { #lists }\n\n" + "".join("    " * i + "- item\n" for i in range(12)))
    refused(
        project_copy,
        build_copy,
        "docs/big.md:1: the file has",
        "docs/wide.md:3: the line has",
        "docs/deep.md:3: blockquotes and lists are nested 5000 deep",
        "docs/lists.md:11: blockquotes and lists are nested 9 deep",
    )


def test_the_limits_leave_the_edition_itself_room():
    from qarabagh_edition.rules.content_files import check_files, content_files
    from qarabagh_edition.rules.limits import MAX_FILE_BYTES, MAX_LINE_CHARACTERS

    files, problems = content_files(ROOT)
    assert problems == [] and check_files(ROOT) == []
    assert max(os.path.getsize(f) for f in files) * 4 < MAX_FILE_BYTES
    assert max(len(line) for f in files for line in f.read_text(encoding="utf-8").split("\n")) * 3 < MAX_LINE_CHARACTERS
