"""The whole paper is on the site, one page per section, in the paper's order."""

from helpers import SECTIONS, content, soup


def heading_text(element) -> str:
    for link in element.select("a.headerlink"):
        link.decompose()
    return element.get_text(" ", strip=True)


def test_every_section_has_its_page_under_the_published_heading(site):
    for url_path, published_heading in SECTIONS:
        headings = content(site, url_path).find_all("h1")
        assert len(headings) == 1, f"{url_path}: expected one h1, found {len(headings)}"
        assert heading_text(headings[0]).casefold() == published_heading.casefold(), url_path


def test_sections_follow_the_papers_order_in_previous_next_footer(site):
    visited, url_path = [], ""
    for _ in range(len(SECTIONS) + 2):
        nxt = soup(site, url_path).select_one("a.md-footer__link--next")
        if nxt is None:
            break
        url_path = (site / url_path / nxt["href"]).resolve().relative_to(site.resolve()).as_posix() + "/"
        visited.append(url_path)
    assert visited[: len(SECTIONS)] == [path for path, _ in SECTIONS]


def test_the_record_goes_from_section_to_section_like_the_reading(site):
    """The record's pages (as-published/) are outside the navigation: their Previous/Next
    links go along the record, in the paper's order, and back again."""
    record = ["as-published/"] + [f"as-published/{path}" for path, _ in SECTIONS]

    def followed(url_path: str, direction: str) -> str | None:
        link = soup(site, url_path).select_one(f"a.md-footer__link--{direction}")
        return (site / url_path / link["href"]).resolve().relative_to(site.resolve()).as_posix() + "/" if link else None

    for before, after in zip(record, record[1:]):
        assert followed(before, "next") == after, before
        assert followed(after, "prev") == before, after
    # Past the last section, as the reading does: to the editorial pages that follow it.
    assert followed(record[-1], "next") == followed(SECTIONS[-1][0], "next")


def test_sidebar_navigation_lists_sections_in_order(site):
    nav_titles = [
        a.get_text(" ", strip=True)
        for a in soup(site, "introduction/").select("nav.md-nav--primary a.md-nav__link[href]")
    ]
    positions = [next(i for i, t in enumerate(nav_titles) if t.casefold() == h.casefold()) for _, h in SECTIONS]
    assert positions == sorted(positions), nav_titles


def test_page_urls_are_plain_slugs_without_numeric_prefixes(site):
    for url_path, _ in SECTIONS:
        slug = url_path.strip("/")
        assert slug.replace("-", "").isalpha() and slug == slug.lower(), slug


def test_editorial_headings_are_visibly_marked(site):
    article = content(site, "social-impacts/")
    editorial = article.select("h2.editorial")
    assert len(editorial) >= 3
    for heading in editorial:
        badge = heading.select_one(".editorial-badge")
        assert badge is not None and "Editorial" in badge.get_text(), heading
    # Authors' own headings carry no badge.
    assert article.find("h1").select_one(".editorial-badge") is None


def test_editorial_headings_show_their_badge_in_the_table_of_contents_too(site):
    from helpers import soup

    page = soup(site, "social-impacts/")
    editorial = [h["id"] for h in page.select("article h2.editorial")]
    assert len(editorial) >= 6
    contents = page.select_one("nav.md-nav--secondary")
    for ident in editorial:
        entry = contents.select_one(f'a[href="#{ident}"]')
        assert entry is not None and entry.select_one(".editorial-badge"), ident
    # An authors' heading has none.
    authors = [a for a in contents.select("a") if a["href"] == "#social-impacts"]
    assert all(a.select_one(".editorial-badge") is None for a in authors)
