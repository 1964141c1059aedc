"""Site-wide settings: strict build without warnings, URLs from the environment, no web fonts."""

from helpers import html_pages, soup


def test_strict_build_has_no_warnings(site):
    log = (site / ".build-log").read_text()
    assert "WARNING" not in log, log


def test_no_page_loads_anything_from_another_host(site):
    for path in html_pages(site):
        page = path.parent.relative_to(site).as_posix()
        document = soup(site, page)
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for element in document.find_all(tag):
                url = element.get(attribute) or ""
                if tag == "link" and element.get("rel") and set(element["rel"]) & {"canonical", "alternate"}:
                    continue
                assert not url.startswith(("http:", "https:", "//")), f"{page}: {tag} {url}"
        assert "fonts.googleapis" not in str(document) and "fonts.gstatic" not in str(document)


def test_site_url_and_repo_url_come_from_the_environment(fork_site):
    html = (fork_site / "introduction" / "index.html").read_text()
    assert '<link rel="canonical" href="https://edition.example.org/qarabagh/introduction/">' in html
    assert 'href="https://github.com/example-org/qarabagh"' in html


def test_theme_offers_light_dark_toggle_that_follows_the_os(site):
    document = soup(site, "introduction/")
    toggles = document.select("form[data-md-component=palette] input[name=__palette]")
    assert len(toggles) == 3
    assert toggles[0]["data-md-color-media"] == "(prefers-color-scheme)"


def test_scripts_build_says_so_when_site_url_is_not_set(tmp_path):
    """Without SITE_URL every copied link, citation and the PDF name 127.0.0.1 (issue 27):
    scripts/build says so on its first lines, before the build; with SITE_URL it says nothing."""
    import os
    import subprocess

    from conftest import ROOT

    def run(**env):
        base = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
        return subprocess.run(
            [str(ROOT / "scripts" / "build"), "-q", "--site-dir", str(tmp_path / "site")],
            capture_output=True,
            text=True,
            env={**base, "EDITION_SKIP_DOWNLOADS": "1", **env},
        )

    bare = run()
    assert bare.returncode == 0, bare.stderr
    assert "WARNING: SITE_URL is not set" in bare.stderr and "127.0.0.1:8000" in bare.stderr
    published = run(SITE_URL="https://edition.example.org/qarabagh/")
    assert published.returncode == 0 and "SITE_URL is not set" not in published.stderr
