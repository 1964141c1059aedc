"""The URL contract (url-contract.txt): every public URL of the site keeps resolving.

Pages, headings and paragraph anchors, once published, are cited and linked to. A
renamed page needs a mkdocs-redirects redirect; an anchor never changes.
"""

from __future__ import annotations

import shutil

from conftest import ROOT

from qarabagh_edition.url_contract import broken_urls, read_contract, site_urls

CONTRACT = ROOT / "url-contract.txt"

HOW_TO_UPDATE = "run scripts/url_contract.py --update (and commit url-contract.txt)"


def contract() -> list[str]:
    urls = read_contract(CONTRACT)
    assert urls, f"{CONTRACT} lists no URLs: {HOW_TO_UPDATE}"
    return urls


def rename_conclusion(project) -> None:
    """docs/conclusion.md -> docs/concluding-remarks.md, with the nav following it."""
    (project / "docs" / "conclusion.md").rename(project / "docs" / "concluding-remarks.md")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "Conclusion: conclusion.md" in text
    config.write_text(text.replace("Conclusion: conclusion.md", "Conclusion: concluding-remarks.md"), encoding="utf-8")


def test_contract_covers_pages_headings_and_paragraphs():
    urls = contract()
    assert len(urls) == len(set(urls)), "url-contract.txt lists a URL twice"
    assert urls == sorted(urls), f"url-contract.txt is not sorted: {HOW_TO_UPDATE}"
    for expected in [
        "./",
        "social-impacts/",
        "social-impacts/#social-12",
        "conclusion/#conclusion-1",
        "roots-of-the-crisis/#roots-of-the-crisis",
        "print_page/",
    ]:
        assert expected in urls
    assert not any(url.startswith("print_page/#") for url in urls), "print_page/ anchors are copies"
    assert not any("#fn:" in url or "#fnref" in url for url in urls), "footnote IDs are not permanent"


def test_every_contract_url_resolves(site):
    broken = broken_urls(contract(), site)
    assert not broken, "URLs of the contract no longer resolve in the built site:\n" + "\n".join(broken)


def test_contract_lists_every_public_url(site):
    missing = sorted(set(site_urls(site)) - set(contract()))
    assert not missing, (
        f"{len(missing)} public URLs of the built site are not in url-contract.txt; "
        f"{HOW_TO_UPDATE}:\n" + "\n".join(missing)
    )


def test_renaming_a_page_without_redirect_breaks_its_urls(project_copy, build_copy, tmp_path):
    rename_conclusion(project_copy)
    result = build_copy(project_copy)
    assert result.returncode == 0, result.output
    broken = broken_urls(contract(), tmp_path / "site-of-copy")
    by_url = {message.split(": ", 1)[0]: message for message in broken}
    # The page and its record (the paper as published), which follows it.
    assert set(by_url) == {url for url in contract() if url.startswith(("conclusion/", "as-published/conclusion/"))}
    assert "conclusion/" in by_url and "conclusion/#conclusion-1" in by_url
    assert by_url["conclusion/"] == (
        "conclusion/: no page here any more. If the page was renamed, keep its old URL with a "
        "redirect in mkdocs.yml:\n"
        "  plugins:\n"
        "    - redirects:\n"
        "        redirect_maps:\n"
        "          'conclusion.md': 'concluding-remarks.md'"
    )
    assert "redirect for conclusion/" in by_url["conclusion/#conclusion-1"]
    # The record's page names the same redirect: the record follows its reading page.
    assert by_url["as-published/conclusion/"].endswith("'conclusion.md': 'concluding-remarks.md'")


def test_renaming_a_page_with_redirect_keeps_every_url(project_copy, build_copy, tmp_path):
    rename_conclusion(project_copy)
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text
    config.write_text(
        text.replace("redirect_maps: {}", "redirect_maps:\n        'conclusion.md': 'concluding-remarks.md'"),
        encoding="utf-8",
    )
    result = build_copy(project_copy)
    assert result.returncode == 0, result.output
    built = tmp_path / "site-of-copy"
    assert "Redirecting" in (built / "conclusion" / "index.html").read_text(encoding="utf-8")
    assert broken_urls(contract(), built) == []
    # The stub is an old URL, not a new public one; the new page is.
    assert "conclusion/" not in site_urls(built)
    assert "concluding-remarks/#conclusion-1" in site_urls(built)


def test_redirect_to_a_page_without_the_anchor_is_reported(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    stub = copy / "conclusion" / "index.html"
    stub.write_text(
        '<!doctype html><html><head><meta http-equiv="refresh" content="0; url=../introduction/">'
        "</head><body></body></html>",
        encoding="utf-8",
    )
    broken = broken_urls(["conclusion/", "conclusion/#conclusion-1"], copy)
    assert broken == [
        "conclusion/#conclusion-1: the page has no anchor '#conclusion-1' any more. Anchors are "
        "permanent: restore the ID {: #conclusion-1 } in docs/introduction.md"
    ]


def test_removing_a_paragraph_id_is_reported(site, tmp_path):
    # Removing {: #roots-1 } from the Markdown stops the build on its own (paragraph IDs
    # are checked against published/), so the anchor is removed from a copy of the HTML.
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "roots-of-the-crisis" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('id="roots-1"') == 1
    page.write_text(html.replace('id="roots-1"', ""), encoding="utf-8")
    assert broken_urls(contract(), copy) == [
        "roots-of-the-crisis/#roots-1: the page has no anchor '#roots-1' any more. Anchors are "
        "permanent: restore the ID {: #roots-1 } in docs/roots-of-the-crisis.md"
    ]
