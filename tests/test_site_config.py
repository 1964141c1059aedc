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
