"""scripts/zensical_report.py: its comparison, on two small outputs made by hand (no
Zensical is installed or run here; the script itself does that)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import zensical_report as report  # noqa: E402

PAGE = "<html><body><nav><a href='../glossary/'>Glossary</a></nav><article>{}</article></body></html>"

PROPERDOCS = {
    "index.html": PAGE.format("<h1 id='home'>Home<a class='headerlink' href='#home'>¶</a></h1>"),
    "roots/index.html": PAGE.format(
        "<p id='roots-1'>The <a class='glossary-term' href='../glossary/#karabakh'>Karabakh</a> conflict "
        "<span class='citation'><a href='#fn:vaezi2008'>(Vaezi 2008, 157–58)</a></span>.</p>"
        "<p id='roots-2'>The <a class='glossary-term' href='../glossary/index.html#iran'>Iran</a> stayed.</p>"),
    "glossary/index.html": PAGE.format("<h1 id='glossary'>Glossary</h1>" + "<p>entry words here</p>" * 10),
    "print_page/index.html": PAGE.format("<p>all</p>"),
    "cite/paper.bib": "@article{}",
    "assets/javascripts/bundle.a5f9d56c.min.js": "",
}
ZENSICAL = {
    "index.html": PAGE.format("<h1 id='home'>Home<a class='headerlink' href='#home'>¶</a></h1>"),
    "roots/index.html": PAGE.format(
        "<p id='roots-1'>The Karabakh conflict [@vaezi2008, pp. 157–158].</p>"
        "<p id='roots-2'>The Iran stayed.</p>"),
    "glossary/index.html": PAGE.format("<h1 id='glossary'>Glossary</h1><p>intro</p>"),
    "hooks/glossary_links.py": "def on_page_content(): ...",
    "assets/javascripts/bundle.77dd0ce9.min.js": "",
}


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def compared(tmp_path):
    return report.compare(write(tmp_path / "p", PROPERDOCS), write(tmp_path / "z", ZENSICAL))


def test_files_and_pages_only_in_one_output(tmp_path):
    result = compared(tmp_path)
    assert result.only_properdocs == ["assets/javascripts/bundle.a5f9d56c.min.js", "cite/paper.bib",
                                      "print_page/index.html"]
    assert result.only_zensical == ["assets/javascripts/bundle.77dd0ce9.min.js", "hooks/glossary_links.py"]
    assert result.python_files == ["hooks/glossary_links.py"]
    assert report.group(result.only_properdocs) == {"assets/javascripts/": 1, "cite/": 1, "print_page/": 1}
    assert result.pages["print_page/"][1] is None


def test_citations_and_glossary_links_are_counted_in_the_article_only(tmp_path):
    ours, theirs = compared(tmp_path).pages["roots/"]
    assert (ours.linked_citations, ours.raw_citations, ours.glossary_links) == (1, 0, 2)
    assert (theirs.linked_citations, theirs.raw_citations, theirs.glossary_links) == (0, 1, 0)


def test_generated_pages_and_paragraph_text(tmp_path):
    result = compared(tmp_path)
    assert result.generated["glossary/"] == "stub"
    assert result.generated["print_page/"] == "missing"
    # roots-1 differs (the citation), roots-2 and the heading (its ¶ left out) do not.
    assert report.same_blocks(result) == (3, 1)


def test_blockers_name_what_was_measured(tmp_path):
    text = "\n".join(report.blockers(compared(tmp_path), [("as is", "RuntimeError: undefined value")]))
    assert "as is: the build stops (RuntimeError: undefined value)" in text
    assert "citations unresolved in 1 pages (1 raw [@key] citations)" in text
    assert "glossary links: 0 of ProperDocs' 2" in text
    assert "Python source published: 1 files (hooks/)" in text
    assert "HTML pages missing: 1 (print_page/)" in text
    # Only files of ours count as missing; the theme's hashed bundles are named differently by each.
    assert "files our build makes, missing: 1 (cite/paper.bib)" in text
    report_text = report.format_report(compared(tmp_path))
    assert "pages whose article text differs: 2 of 3" in report_text


def test_the_same_output_has_no_blockers(tmp_path):
    same = write(tmp_path / "same", PROPERDOCS)
    result = report.compare(same, same)
    assert report.blockers(result, []) == []
    assert set(result.generated) == {"glossary/", "print_page/"}  # the pages this output has
