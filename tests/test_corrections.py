"""Corrected translations: two readings, visible corrections, provenance, the log."""

import functools
import json
import posixpath
import re
import subprocess
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from helpers import content, follow_without_reload, soup

from qarabagh_edition.printed_citations import is_corrected, load_citations
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.rules.apparatus_checks import apparatus_of

LAYER = load_layer(ROOT)
CITATIONS = load_citations(ROOT, LAYER)
PAGES, _ = load_pages(ROOT)
CORRECTED = {b.id: (page, b) for page, blocks in PAGES.items() for b in blocks if is_corrected(b, LAYER, CITATIONS)}
APPARATUS, _ = apparatus_of(PAGES, LAYER, CITATIONS)


@functools.lru_cache(maxsize=None)
def page_soup(site, path: str):
    """A built page, parsed once for the tests that walk every paragraph."""
    return soup(site, path)


def url_of(page: str) -> str:
    return page.removesuffix(".md").removesuffix("index")


@functools.lru_cache(maxsize=None)
def changes_of(site, page: str) -> dict:
    """What the markers of a reading page open: as-published/changes/<page>.json."""
    return json.loads((site / "as-published" / "changes" / f"{page.removesuffix('.md')}.json").read_text())


def opened(site, ident: str) -> BeautifulSoup:
    """The published wording and the changes a paragraph's marker opens, as HTML, laid out
    as readings.js lays them out."""
    page = CORRECTED[ident][0]
    entry = changes_of(site, page)[ident]
    return BeautifulSoup(
        f'<p class="published-reading__text">{entry["published"]}</p>'
        f'<p class="published-reading__diff">Changes: {entry["changes"]}</p>'
        f'<ul class="published-reading__why">{entry["apparatus"]}</ul>'
        f'<p class="published-reading__revised">{entry["revised"]}</p>',
        "html.parser",
    )


def test_every_corrected_paragraph_records_each_change_with_a_rationale():
    assert len(CORRECTED) >= 60  # the second pass made the whole paper readable
    for ident, (page, block) in CORRECTED.items():
        changes = APPARATUS[ident].changes
        assert changes, f"{block.where}: no apparatus"
        assert all(len(change.reason) > 3 for change in changes), f"{block.where}: a change without a reason"


def test_first_pass_standardises_names_and_fixes_clear_slips():
    political = {b.id: b.text for b in PAGES["political-implications.md"]}
    assert "Elchibey" in political["political-2"] and "Ilchibe" not in political["political-2"]
    assert "shut down 22 religious schools" in political["political-5"]
    roots = {b.id: b.text for b in PAGES["roots-of-the-crisis.md"]}
    assert "appered" not in roots["roots-1"] and "1988" in roots["roots-1"]
    # The published layer keeps the printed forms.
    assert "Ilchibe (Ellichi Bei)" in LAYER["political-2"].text and "appered" in LAYER["roots-1"].text


def test_check_mark_list_is_a_proper_numbered_list(site):
    items = content(site, "political-implications/").select("ol > li[id^=political-]")
    assert [li["id"] for li in items] == ["political-7", "political-8", "political-9", "political-10"]
    first = items[0].get_text()
    assert first.startswith("Promoting") and "✓" not in first
    # The printed check marks and numbers are the record's: on its page, and behind the marker.
    record = soup(site, "as-published/political-implications/").find(id="political-7")
    assert record.get_text().startswith("✓ 1. Promoting")
    assert opened(site, "political-7").select_one(".published-reading__text").get_text().startswith("✓ 1. Promoting")


def test_unclear_sentences_get_editorial_queries_not_guesses(site):
    queries = [(page, b) for page, blocks in PAGES.items() for b in blocks if b.notes_of("query")]
    assert len(queries) >= 8
    for page, block in queries:
        note = page_soup(site, url_of(page)).find(id=block.id).find_next("aside", class_="editorial-query")
        # Named for assistive technology; the style sheet draws the same label.
        assert note is not None and note["role"] == "note" and note["aria-label"] == "Editorial query"


def test_each_corrected_paragraph_has_a_marker_linking_to_the_record_and_opening_the_changes(site):
    for ident, (page, block) in CORRECTED.items():
        document = page_soup(site, url_of(page))
        paragraph = document.find(id=ident)
        assert paragraph.get("data-reading") == "corrected"
        marker = document.select_one(f'a.corrected-marker[data-for="{ident}"]')
        assert marker is not None, ident
        assert marker.get_text(" ", strip=True).startswith("Corrected")
        # Without JavaScript, a link to the same paragraph on the record's page, which exists.
        record_url = "as-published/" + (f"{url_of(page)}/" if url_of(page) else "")
        assert marker["href"].endswith(f"{record_url}#{ident}"), marker["href"]
        assert page_soup(site, record_url).find(id=ident) is not None
        opens = opened(site, ident)
        assert opens.select_one(".published-reading__diff").select("del, ins"), ident
        why = " ".join(opens.select_one(".published-reading__why").get_text().split())
        assert all(" ".join(c.reason.split()) in why for c in APPARATUS[ident].changes), ident
    # An uncorrected paragraph has no marker, and nothing to open.
    page, plain = next(
        (p, b)
        for p, blocks in PAGES.items()
        for b in blocks
        if b.kind != "heading" and b.id in LAYER and b.id not in CORRECTED
    )
    document = page_soup(site, url_of(page))
    assert document.find(id=plain.id).get("data-reading") is None
    assert document.select_one(f'[data-for="{plain.id}"]') is None
    assert plain.id not in changes_of(site, page)


def test_every_marker_finds_its_changes_from_its_pages_template(site):
    """readings.js opens a marker from the changes JSON of the record page it links to, as
    the page's #edition-changes (written by the template, out of content's reach) lists
    them: on every page with markers, the whole paper's included, each marker's is there,
    and it holds the marker's paragraph."""
    checked = 0
    for path in sorted(site.rglob("index.html")):
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        markers = document.select("a.corrected-marker")
        if not markers:
            continue
        listed = json.loads(document.select_one("head script#edition-changes").string)
        here = path.parent.relative_to(site).as_posix()
        for marker in markers:
            assert not marker.has_attr("data-changes")
            target = posixpath.normpath(posixpath.join(here, marker["href"].split("#")[0])) + "/"
            changes = json.loads((site / listed[target.removeprefix("./")]).read_text(encoding="utf-8"))
            assert marker["data-for"] in changes, (path, marker["data-for"])
            checked += 1
    assert checked == 2 * len(CORRECTED)  # each on its reading page and on the whole paper


@pytest.mark.browser
def test_markers_of_two_pages_open_in_place_on_the_whole_paper(page, server):
    # The whole paper holds every page's markers: each opens its own page's changes.
    page.goto(server + "print_page/", wait_until="networkidle")
    for ident, words in (("roots-1", "appered"), ("political-5", None)):
        page.locator(f'a.corrected-marker[data-for="{ident}"]').click()
        panel = page.locator(f"#published-{ident}")
        panel.wait_for(state="visible", timeout=5000)
        assert words is None or words in panel.locator(".published-reading__text").text_content()  # folded
    assert page.url.startswith(server + "print_page/")  # opened in place, not gone to the record


def test_every_corrected_page_says_in_one_line_that_it_is_the_editors_reading(site):
    """As the record's pages say they are verbatim: before the title, quietly."""
    from helpers import SECTIONS

    for url_path in [path for path, _ in SECTIONS] + ["print_page/"]:
        line = content(site, url_path).select_one(".reading-banner")
        assert line is not None, url_path
        assert line.get_text(" ", strip=True) == "Corrected reading by the editors, not the printed text.", url_path
        assert line.find_next("h1") is not None and line["role"] == "note"
    for url_path in ["", "as-published/social-impacts/", "glossary/", "corrections/"]:
        assert content(site, url_path).select_one(".reading-banner") is None, url_path


def test_reading_pages_carry_one_reading(site):
    # The published wording of a corrected paragraph is not in its reading page: it is on
    # the record's page, and in the changes the marker fetches when asked.
    for ident, (page, block) in CORRECTED.items():
        html = (site / url_of(page) / "index.html").read_text(encoding="utf-8")
        published = changes_of(site, page)[ident]["published"]
        text = BeautifulSoup(published, "html.parser").get_text()
        assert "published-reading__text" not in html
        if len(text) > 80:  # a short paragraph (a heading-like line) may repeat words of the reading
            assert text not in BeautifulSoup(html, "html.parser").get_text(), ident


def test_the_notes_reach_readers_once_not_as_leftover_comments(site):
    for page in PAGES:
        html = (site / url_of(page) / "index.html").read_text(encoding="utf-8")
        assert not re.search(
            r"<!--\s*(\[[^\]]*\]\s*)?(correction|query|normalisation|emendation|conjecture|"
            r"reviewed)\s*:",
            html,
            re.I,
        ), page
    # The rationale is still shown, in what the marker opens.
    why = opened(site, "social-1").select_one(".published-reading__why")
    assert " ".join(APPARATUS["social-1"].changes[0].reason.split()) in " ".join(why.get_text().split())


def test_word_diff_shows_exactly_the_changed_words(site):
    diff = opened(site, "political-5").select_one(".published-reading__diff")
    deleted = [d.get_text() for d in diff.select("del")]
    inserted = [i.get_text() for i in diff.select("ins")]
    assert "shutdown" in deleted and "shut down" in " ".join(inserted)
    published, reading = LAYER["political-5"].text.split(), PAGES["political-implications.md"]
    reading = next(b for b in reading if b.id == "political-5").text
    assert all(word in published for d in deleted for word in d.split())
    assert all(word in reading for i in inserted for word in i.split())


def test_changes_beside_a_paragraph_are_the_changes_in_context_not_the_paragraph_again(site):
    log = content(site, "corrections/")
    shorter = 0
    for ident, (page, block) in CORRECTED.items():
        details = opened(site, ident)
        beside = details.select_one(".published-reading__diff")
        whole = log.find(id=f"correction-{ident}").find_next(class_="correction-diff")
        # The same changes as the full diff on the Corrections page, in the same order.
        assert [(t.name, t.get_text()) for t in beside.select("del, ins")] == [
            (t.name, t.get_text()) for t in whole.select("del, ins")
        ], ident
        words = beside.get_text(" ", strip=True).removeprefix("Changes:").split()
        assert len(words) <= len(whole.get_text(" ", strip=True).split()) + 1, ident
        published_words = len(details.select_one(".published-reading__text").get_text().split())
        if len(words) < published_words / 2:
            shorter += 1
    # A paragraph with a few changes shows them, not the paragraph again (most paragraphs of
    # this paper needed many).
    assert shorter >= 1
    # Context: at most four words either side, and "…" where words are left out.
    diff = opened(site, "social-1").select_one(".published-reading__diff")
    assert "…" in diff.get_text(" ", strip=True)


def test_provenance_comes_from_git(site):
    revised = opened(site, "political-5").select_one(".published-reading__revised")
    dirty = (
        subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "docs/political-implications.md"], cwd=ROOT).returncode
        != 0
    )
    if dirty:
        assert "Not yet committed" in revised.get_text()
        return
    time = revised.find("time")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", time["datetime"])
    short = revised.find("code").get_text()
    block = CORRECTED["political-5"][1]
    log = subprocess.run(
        ["git", "log", "--format=%h %cs", "-L", f"{block.line},{block.end_line}:docs/political-implications.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    newest = log.split("\n")[0].split()
    assert short.startswith(newest[0][:7]) and time["datetime"] == newest[1]


def test_each_change_says_when_its_line_last_changed_and_in_which_commit(site):
    """Who changed what: each change of a paragraph names the commit that last changed its
    own line (git blame), in its panel and on the Corrections page."""
    ident = "social-15"
    path = "docs/" + CORRECTED[ident][0]
    blame = subprocess.run(["git", "blame", "--porcelain", "--", path], cwd=ROOT, capture_output=True, text=True).stdout
    commits = {}  # line -> commit, for committed lines
    for row in blame.split("\n"):
        parts = row.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and set(parts[0]) <= set("0123456789abcdef"):
            commits[int(parts[2])] = parts[0]
    shown = opened(site, ident).select(".published-reading__why li.apparatus-entry:not(.apparatus-entry--query)")
    listed = content(site, "corrections/").find(id=f"correction-{ident}").find_next(class_="correction-why")
    on_page = listed.select("li.apparatus-entry:not(.apparatus-entry--query)")
    changes = APPARATUS[ident].changes
    assert len(shown) == len(on_page) == len(changes) > 3
    for change, panel, row in zip(changes, shown, on_page):
        commit = commits.get(change.line, "0" * 40)
        for entry in (panel, row):
            revision = entry.select_one(".apparatus-revision")
            if commit == "0" * 40:  # a line not yet committed says nothing of a commit
                assert revision is None
            else:
                assert revision.find("code").get_text() == commit[:7], (change.line, entry)
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", revision.find("time")["datetime"])
    # Not all one commit: the lines of a paragraph changed at different times.
    assert len({commits.get(c.line) for c in changes}) > 1


def test_revision_links_to_the_repository_when_known(fork_site):
    changes = json.loads((fork_site / "as-published" / "changes" / "political-implications.json").read_text())
    revised = changes["political-5"]["revised"]
    if "Not yet committed" not in revised:
        assert re.search(r'href="https://github.com/example-org/qarabagh/commit/[0-9a-f]{40}"', revised)
    # Each change's own commit, linked too.
    apparatus = BeautifulSoup(changes["political-5"]["apparatus"], "html.parser")
    links = [a["href"] for a in apparatus.select(".apparatus-revision a")]
    assert links and all(re.fullmatch(r"https://github.com/example-org/qarabagh/commit/[0-9a-f]{40}", h) for h in links)
    # "Edit this page" on every page, to the page's Markdown on main.
    for page in ["", "introduction/", "social-impacts/", "glossary/"]:
        text = (fork_site / page / "index.html").read_text()
        assert re.search(r'href="https://github.com/example-org/qarabagh/edit/main/docs/[\w-]+\.md"', text), page
        # Material's repository widget would fetch api.github.com: it must not be mounted.
        assert 'data-md-component="source"' not in text


def test_cite_offers_the_corrected_edition_with_its_version(site):
    box = soup(site, "introduction/").select_one("details.cite-this")
    edition = box.select_one("#cite-edition-chicago").get_text(" ", strip=True)
    assert "Corrected English edition" in edition
    version = subprocess.run(["git", "log", "-1", "--format=%cs %h"], cwd=ROOT, capture_output=True, text=True)
    date, short = version.stdout.split()
    assert f"version of {date}, commit {short}" in edition
    assert box.select_one("#cite-paper-chicago") is not None  # the published article too


def paper_order(site) -> list[str]:
    """Every paragraph's ID in the order of the whole paper (the navigation's)."""
    return [p["id"] for p in content(site, "print_page/").select("[data-paragraph][id]")]


def test_corrections_page_lists_every_correction_in_the_papers_order(site):
    page, order = content(site, "corrections/"), paper_order(site)
    entries = page.select("h3[id^=correction-]")
    idents = [h["id"].removeprefix("correction-") for h in entries]
    assert set(idents) == set(CORRECTED)
    assert idents == sorted(idents, key=order.index), idents[:8]
    for heading in entries:
        meta = heading.find_next(class_="correction-meta")
        assert heading.find_next(class_="correction-diff").select("del, ins")
        assert heading.find_next(class_="correction-why").select("li.apparatus-entry")
        link = meta.find("a")["href"]
        assert link.split("#")[1] == heading["id"].removeprefix("correction-")
    # The lists by class, too: each list's paragraphs in the paper's order.
    for anchor in ("conjectures", "emendations", "normalisations", "queries"):
        items = page.find(id=anchor).find_next("ul").find_all("li", recursive=False)
        listed = [li.find("a")["href"].split("#")[1] for li in items]
        assert listed == sorted(listed, key=order.index), anchor
    assert page.select_one(".editorial-banner") is not None


def test_a_paragraph_named_in_a_reason_is_linked_by_its_section_and_number(site):
    page, order = content(site, "corrections/"), set(paper_order(site))
    # No paragraph ID left bare in a reason or a question, in the lists or beside a paragraph.
    bare = [
        item.get_text()[:120]
        for item in page.select("li")
        if any(word in order for word in re.findall(r"\b[a-z]+-\d+\b", item.get_text()))
    ]
    assert not bare, bare[:3]
    # introduction-1's reason for abstract-1 names "roots-1": linked as its section and number.
    named = [a for a in page.select("li a") if a.get_text() == "The roots of the crisis Qarabagh ¶ 1"]
    assert named and all(a["href"].endswith("roots-of-the-crisis/#roots-1") for a in named), named[:2]
    assert {a.find_parent("ul").get("class", [""])[0] for a in named} >= {"apparatus-list"}


# -- In a browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_the_corrections_page_filters_by_section_and_class_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    page = context.new_page()
    page.goto(server + "corrections/", wait_until="networkidle")
    whole = page.evaluate("document.documentElement.scrollHeight")
    page.select_option(".corrections-filter select[name=section]", "social-impacts")
    page.select_option(".corrections-filter select[name=class]", "conjecture")
    assert "section=social-impacts" in page.url and "class=conjecture" in page.url
    shown = page.evaluate(
        """() => [...document.querySelectorAll("article li")].filter(li => li.offsetParent)
          .map(li => [li.querySelector("a") && li.querySelector("a").href, li.className])"""
    )
    listed = [href for href, kind in shown if kind == ""]  # the list by class
    beside = [kind for href, kind in shown if kind]  # each paragraph's own list
    assert listed and all("/social-impacts/#social-" in href for href in listed), listed[:3]
    assert beside and set(beside) == {"apparatus-entry apparatus-entry--conjecture"}, set(beside)
    assert page.locator("#emendations").is_hidden() and page.locator("#correction-political-1").is_hidden()
    assert page.locator("#correction-social-15").is_visible()
    assert "changes and queries shown" in page.locator(".corrections-filter__status").inner_text()
    assert page.evaluate("document.documentElement.scrollHeight") < whole / 3
    # The address keeps the choice: opened again, the page is filtered the same way.
    page.reload(wait_until="networkidle")
    assert page.locator(".corrections-filter select[name=class]").input_value() == "conjecture"
    assert page.locator("#emendations").is_hidden()
    context.close()


@pytest.mark.browser
def test_reading_switch_keeps_the_paragraph_in_view_and_is_remembered(page, instant_server):
    page.goto(instant_server + "political-implications/#political-5", wait_until="networkidle")
    assert "Elchibey" in page.locator("#political-2").inner_text()
    # A click where the switch is on the screen (a locator's click would first scroll the
    # sticky row "into view", moving the page).
    box = page.locator(".reading-switch a", has_text="As published").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/as-published/political-implications/#political-5")
    paragraph = page.locator("#political-5")
    paragraph.wait_for()
    top = paragraph.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"], "the paragraph read before is in view"
    assert "Ilchibe (Ellichi Bei)" in page.locator("#political-2").inner_text()
    # The choice is remembered: the site's links now lead to the record's pages (from an
    # editorial page, which has one reading: a corrected page would give way to its record).
    page.goto(instant_server + "instructors/", wait_until="networkidle")
    follow_without_reload(page, page.locator("a.md-footer__link--prev"), "/as-published/references/")
    # Instant navigation may change the address before it has swapped the content in.
    page.locator(".record-banner").wait_for(state="visible", timeout=15000)
    # Editorial pages too: the Glossary's "Mentioned in" links lead to the record.
    page.goto(instant_server + "glossary/", wait_until="networkidle")
    mentioned = page.locator(".glossary-mentions a").first.get_attribute("href")
    assert "/as-published/" in mentioned, mentioned
    page.go_back(wait_until="networkidle")
    page.locator(".record-banner").wait_for(state="visible", timeout=15000)
    page.locator(".reading-switch a", has_text="Corrected").click()
    page.wait_for_url("**/references/**")
    assert "/as-published/" not in page.url
    page.goto(instant_server + "introduction/", wait_until="networkidle")
    next_link = page.locator("a.md-footer__link--next").get_attribute("href")
    assert "as-published" not in next_link, next_link


@pytest.mark.browser
def test_the_marker_opens_the_published_wording_and_the_change(page, server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "political-implications/", wait_until="networkidle")
    assert not [r for r in requests if r.endswith(".json") and "changes" in r], "loaded before it is asked for"
    marker = page.locator('a.corrected-marker[data-for="political-2"]')
    assert marker.get_attribute("aria-expanded") == "false"
    marker.click()
    panel = page.locator("#published-political-2")
    panel.wait_for()
    panel.locator("summary", has_text="as published").click()  # folded under the changes
    assert "Ilchibe (Ellichi Bei)" in panel.locator(".published-reading__text").inner_text()
    assert panel.locator(".published-reading__diff del").count() >= 1
    assert marker.get_attribute("aria-expanded") == "true"
    assert page.url.endswith("/political-implications/"), "stays on the reading page"
    marker.click()
    assert not panel.is_visible() and marker.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Tab")  # the disclosure answers the keyboard too
    marker.focus()
    page.keyboard.press("Enter")
    assert panel.is_visible()


@pytest.mark.browser
def test_the_changes_panel_is_short_leads_with_what_was_asked_for_and_closes_at_either_end(browser, server):
    """The longest panel (social-1) ran to 5,124 px on a phone, with no close at its end:
    the changes lead, the paragraph as published and the word-by-word change are folded,
    and a Close button at each end puts the reader back at the marker."""
    height = 740
    context = browser.new_context(viewport={"width": 360, "height": height})
    page = context.new_page()
    page.goto(server + "social-impacts/", wait_until="networkidle")
    marker = page.locator('a.corrected-marker[data-for="social-1"]')
    marker.click()
    panel = page.locator("#published-social-1")
    panel.wait_for()
    assert panel.bounding_box()["height"] < 4 * height
    assert panel.locator(".apparatus-entry").first.is_visible()
    diff = panel.locator(".published-reading__diff")
    assert not diff.is_visible() and not panel.locator(".published-reading__text").is_visible()
    closes = panel.locator(".published-reading__close")
    assert closes.count() == 2
    box = closes.first.bounding_box()
    assert 0 <= box["y"] < height, "the top Close button is in the window when the panel opens"
    panel.locator("summary", has_text="word by word").click()
    assert diff.is_visible() and diff.locator("del").count() >= 1
    closes.last.click()
    assert not panel.is_visible() and marker.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('a.corrected-marker[data-for=\"social-1\"]')")
    box = marker.bounding_box()
    assert 0 <= box["y"] < height, "back at the marker"
    context.close()


@pytest.mark.browser
def test_the_marker_opens_in_place_under_instant_navigation(page, instant_server):
    """Material's instant navigation follows the site's links itself: it took the marker's
    click (a link to the record) before the panel could open."""
    page.goto(instant_server + "introduction/", wait_until="networkidle")
    follow_without_reload(page, page.locator("a.md-footer__link--next"), "/roots-of-the-crisis/")
    marker = page.locator('a.corrected-marker[data-for="roots-1"]')
    marker.click()
    page.locator("#published-roots-1").wait_for(state="visible", timeout=5000)
    assert urlsplit(page.url).path == "/roots-of-the-crisis/", page.url
    assert page.evaluate("window.__samePageMark === true"), "the page was loaded again"
    assert marker.get_attribute("aria-expanded") == "true"


@pytest.mark.browser
def test_a_conjectures_mark_shows_its_change_under_instant_navigation(page, instant_server):
    """'conj.' is a link to the Corrections page (for readers without the script): under
    instant navigation Material's own listener followed it before the change could show."""
    page.goto(instant_server + "", wait_until="networkidle")
    follow_without_reload(page, page.locator("a.md-footer__link--next"), "/introduction/")
    mark = page.locator("a.conjecture-mark").first
    mark.scroll_into_view_if_needed()
    mark.click()
    page.wait_for_function("document.querySelector('#edition-tooltip .apparatus-class')", timeout=5000)
    assert urlsplit(page.url).path == "/introduction/", page.url
    assert page.evaluate("window.__samePageMark === true"), "the page was loaded again"


@pytest.mark.browser
def test_the_chosen_reading_holds_for_a_page_opened_directly(page, server):
    """After "As published", a corrected page opened directly (a bookmark, a link from
    another site) shows the record's page, at the same paragraph; after "Corrected", it
    stays. (That the corrected page is not drawn first is not tested here: on a local
    server the record comes before anything is drawn, with or without main.html hiding it.)"""
    page.goto(server + "introduction/", wait_until="networkidle")
    page.locator(".reading-switch a", has_text="As published").click()
    page.wait_for_url("**/as-published/introduction/**")
    page.goto(server + "political-implications/#political-5", wait_until="networkidle")
    assert urlsplit(page.url).path == "/as-published/political-implications/", page.url
    assert urlsplit(page.url).fragment == "political-5"
    page.locator(".record-banner").wait_for(state="visible")
    assert "Ilchibe (Ellichi Bei)" in page.locator("#political-2").inner_text()
    page.locator(".reading-switch a", has_text="Corrected").click()
    page.wait_for_url("**/political-implications/**")
    page.goto(server + "social-impacts/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/social-impacts/"
    assert page.locator(".record-banner").count() == 0


@pytest.mark.browser
def test_without_javascript_the_switch_and_the_marker_are_links_to_the_record(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "political-implications/")
    assert page.locator(".reading-switch").is_visible()
    assert "Elchibey" in page.locator("#political-2").inner_text()
    page.locator('a.corrected-marker[data-for="political-2"]').click()
    page.wait_for_url("**/as-published/political-implications/#political-2")
    assert "Ilchibe (Ellichi Bei)" in page.locator("#political-2").inner_text()
    page.locator(".reading-switch a", has_text="Corrected").click()
    page.wait_for_url("**/political-implications/")
    assert "/as-published/" not in page.url
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, reading, where",
    [
        ("Ilchibek", "as published", "as-published/political-implications/"),
        ("Elchibey", "corrected reading", "political-implications/"),
    ],
)
def test_search_finds_words_of_either_reading_and_names_it(page, server, query, reading, where):
    page.goto(server + "introduction/", wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__list a").first.wait_for(timeout=15000)
    results = page.eval_on_selector_all(
        ".md-search-result__list > li > a:first-child",
        "els => els.map(e => [e.href, e.querySelector('h1, h2') ? e.querySelector('h1, h2').innerText : ''])",
    )
    assert any(urlsplit(href).path.endswith("/" + where) and f"({reading})" in title for href, title in results), (
        results
    )


def test_the_edition_states_its_sources_and_method_and_the_home_page_links_them(site):
    """Issue 26: what the reading was made from (plainly: no Persian text was consulted), how
    classes are decided, that Persian words in reasons are inference, who the editors are,
    and how to propose a change."""
    section = soup(site, "corrections/").find(id="sources-and-method")
    assert section is not None and section.name == "h2"
    text = " ".join(el.get_text(" ", strip=True) for el in section.find_next_siblings("p")[:4])
    for said in (
        "made from the printed English alone",
        "No Persian text of the paper",
        "none was consulted",
        "the editors' inference",
        "A query leaves the printed words",
        "the contributors to its repository",
        "open a pull request",
    ):
        assert said in " ".join(text.split()), said
    home = soup(site, "").select_one(".paper-record")
    assert home.find("a", href=lambda h: h and h.endswith("corrections/#sources-and-method")) is not None


def test_a_conjectures_other_readings_are_shown_with_it(site):
    """TEI's <rdg>: the readings the editors weighed, beside the one they chose, in the
    paragraph's panel and on the Corrections page."""
    weighed = [(i, n, c) for i, a in APPARATUS.items() for n, c in enumerate(a.changes) if c.alternatives]
    assert len(weighed) >= 10, len(weighed)
    for ident, number, change in weighed:
        assert change.kind == "conjecture"
        panel = BeautifulSoup(changes_of(site, CORRECTED[ident][0])[ident]["apparatus"], "html.parser")
        entry = panel.select("li.apparatus-entry")[number]
        listed = content(site, "corrections/").find(id=f"correction-{ident}").find_next(class_="correction-why")
        row = listed.select("li.apparatus-entry")[number]
        for shown in (entry, row):
            other = shown.select_one(".apparatus-alternatives")
            assert other is not None and other.get_text().startswith("Other readings weighed:"), (ident, number)
            assert [" ".join(q.get_text().split()) for q in other.select("q")] == list(change.alternatives)
