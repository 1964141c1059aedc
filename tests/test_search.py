"""Search forgives spelling: diacritics, case and apostrophes do not matter, a word of five
letters or more may be one letter off, and authors the paper garbles are found under their
real names. The results still show the site's own spelling, highlighted.

The folding lives in overrides/assets/javascripts/workers/search-fold.js, a wrapper around
Material's search worker (overrides/main.html points Material at it)."""

import json
import re
import shutil
import subprocess
import zipfile
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from helpers import content, follow_without_reload, soup

WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "search-fold.js"


def search(page, query: str) -> list[dict]:
    """Type a query into Material's search box; the results as shown, every section opened.
    The query goes in at once, so no results for a part of it (which "Esenbo" would find
    without any folding) can be mistaken for the results for the whole."""
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # Material searches on keyup
    # Until the index is built the box says "Initializing search"; then "N matching documents".
    page.wait_for_function(
        "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=30000
    )
    more = page.locator(".md-search-result__more summary")
    for i in range(more.count()):
        more.nth(i).click()
    return page.eval_on_selector_all(
        ".md-search-result__list a",
        """links => links.map(a => ({
        href: a.href, text: a.innerText, marks: [...a.querySelectorAll("mark")].map(m => m.textContent)}))""",
    )


def where(result: dict) -> str:
    """'glossary/#varliq' from a result's address, without host and ?h= highlight terms."""
    url = urlparse(result["href"])
    return re.sub(r"^/", "", url.path) + (f"#{url.fragment}" if url.fragment else "")


def marked(results: list[dict]) -> set[str]:
    """The highlighted words, without the punctuation the site's tokens keep ("Esenboğa.")."""
    return {re.sub(r"^\W+|\W+$", "", mark) for result in results for mark in result["marks"]}


# (typed, a result that must be among those found, a word the results must show highlighted)
CASES = [
    # The site writes Esenboğa; readers type it in ASCII. (One letter off: found even
    # without folding, by the one-letter-off matching; the cases below need the folding.)
    ("Esenboga", "glossary/#esenboga-airport", "Esenboğa"),
    # ı (dotless i) and ə (schwa) have no decomposition: folded by the explicit table.
    ("ELCIBEY", "glossary/#elchibey", "Elçibəy"),
    # Turkish spelling of the Azerbaijani Varlıq: one letter off (k for q).
    ("varlik", "glossary/#varliq", "Varlıq"),
    # The Azerbaijani form, with its ğ, finds the paper's own ASCII spelling.
    ("Qarabağ", "roots-of-the-crisis/", "Qarabagh"),
    # The paper prints "Branda Schiffer"; the glossary (bib/paper.bib's note) knows the author.
    ("Shaffer", "social-impacts/#actors-in-this-section", "Shaffer"),
]


@pytest.mark.browser
@pytest.mark.parametrize("query, expected, shown", CASES)
def test_search_forgives_spelling_and_shows_the_sites_own(page, server, query, expected, shown):
    page.goto(server + "introduction/", wait_until="networkidle")
    results = search(page, query)
    found = [where(r) for r in results]
    assert expected in found, (query, found)
    # Contained, not equal: the glossary's "Other forms: … Elçibəy<br>In the paper as" is
    # one token in Material's index, highlighted as "ElçibəyIn".
    assert any(shown in word for word in marked(results)), (query, marked(results))


@pytest.mark.browser
def test_a_garbled_author_is_found_with_the_spelling_the_paper_prints(page, server):
    page.goto(server + "introduction/", wait_until="networkidle")
    results = search(page, "Brenda Shaffer")
    assert "glossary/#shaffer" in [where(r) for r in results]
    section = next(r for r in results if where(r) == "social-impacts/#actors-in-this-section")
    assert "Brenda Shaffer (printed “Branda Schiffer”)" in section["text"]


@pytest.mark.browser
def test_search_forgives_spelling_after_instant_navigation(page, instant_server):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(instant_server + "introduction/", wait_until="networkidle")
    follow_without_reload(page, page.locator(".md-footer__link--next"), "/roots-of-the-crisis/")
    # Material closes search on each change of address, and the address still changes for
    # a moment after the new page shows (a search opened at once is closed again).
    page.wait_for_timeout(1500)
    # Two letters off (ç, ə): found by folding, not by the one-letter-off matching.
    results = search(page, "Elcibey")
    assert "glossary/#elchibey" in [where(r) for r in results]
    assert any("Elçibəy" in word for word in marked(results)), marked(results)
    assert hosts == {"127.0.0.1"}, hosts


@pytest.mark.browser
def test_offline_copy_search_forgives_spelling(browser, site, tmp_path):
    """The zip opened from disk: the worker runs in iframe-worker's iframe there."""
    with zipfile.ZipFile(site / "downloads" / "sarmadi-2018-qarabagh-crisis-offline.zip") as zipped:
        zipped.extractall(tmp_path)
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / "sarmadi-2018-qarabagh-crisis" / "introduction.html").as_uri())
    results = search(page, "Elcibey")
    assert any(
        urlparse(r["href"]).path.endswith("/glossary.html") and urlparse(r["href"]).fragment == "elchibey"
        for r in results
    ), [r["href"] for r in results]
    assert any("Elçibəy" in word for word in marked(results)), marked(results)
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests), requests
    assert errors == []
    context.close()


def test_materials_worker_is_started_through_ours(site):
    """overrides/main.html rewrites __config.search by text: if Material's template changes,
    this says so (rather than search quietly losing its folding)."""
    for path in ("", "social-impacts/"):
        page = soup(site, path)
        config = json.loads(page.select_one("script#__config").string)
        ours, _, material = config["search"].partition("?material=")
        base = site / path
        assert ours.endswith("workers/search-fold.min.js") and (base / ours).resolve().is_file(), config["search"]
        assert re.search(r"workers/search\.[0-9a-f]+\.min\.js$", material) and (base / material).resolve().is_file()


# -- The folding itself, run in Node (no browser) -----------------------------------------

FOLD_HARNESS = """
const listeners = [];
global.self = global;
global.postMessage = () => {};
global.addEventListener = (type, listener) => listeners.push(listener);
global.importScripts = () => {};
global.location = { href: "http://127.0.0.1/assets/javascripts/workers/search-fold.js?material=search.x.min.js" };
require(process.argv[2]);
const out = JSON.parse(process.argv[3]).map(query => {
  const message = { type: 2, data: query };  // QUERY, as Material's page sends it
  listeners.forEach(listener => listener({ data: message }));
  return message.data;
});
console.log(JSON.stringify(out));
"""


@pytest.mark.parametrize(
    "typed, searched",
    [
        # Single letters: each folded (no one-letter-off matching under five letters).
        ("ı ə ş ç ö ü ğ İ Ə Ş Ç Ö Ü Ğ", "i e s c o u g i e s c o u g"),
        ("ł ø đ ß æ œ é ñ", "l o d ss ae oe e n"),
        ("Esenboğa", "esenboga esenboga~1"),
        ("ELÇİBƏY", "elcibey elcibey~1"),
        ("Qal'eh Qalʼeh Qal’eh", "qaleh qaleh~1 qaleh qaleh~1 qaleh qaleh~1"),
        ("Iran Bakı", "iran baki"),
        # lunr's query syntax is passed on as typed, only folded.
        ("+Varlıq -Şuşa", "+varliq -susa"),
        ("title:Esenboğa", "title:esenboga"),
    ],
)
def test_folding(typed, searched, tmp_path):
    # Node comes with npm, which scripts/test requires for the quality checks.
    assert shutil.which("node"), "Node.js is missing: run the tests with scripts/test"
    harness = tmp_path / "harness.js"
    harness.write_text(FOLD_HARNESS)
    result = subprocess.run(
        ["node", str(harness), str(WORKER), json.dumps([typed])], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [searched]


RESULTS_HARNESS = """
global.self = global;
const sent = [];
global.postMessage = message => sent.push(message);
global.addEventListener = () => {};
global.importScripts = () => {};
global.location = { href: "http://127.0.0.1/assets/javascripts/workers/search-fold.js?material=search.x.min.js" };
require(process.argv[2]);
self.postMessage({ type: 3, data: { items: JSON.parse(process.argv[3]) } });  // RESULT, as Material sends it
console.log(JSON.stringify(sent[0].data.items));
"""


def test_a_word_found_one_letter_off_is_not_called_missing(tmp_path):
    # Material's worker marks "elcibey" missing where lunr found "Elchibey" one letter off
    # (its check is "a matched word begins with it"); ours reads the highlighted words.
    page = {"location": "glossary/", "title": "Glossary", "text": "", "terms": {}}
    found = {
        "location": "glossary/#elchibey",
        "title": "Abulfaz <mark>Elchibey</mark>",
        "text": "<p>Other forms: <mark>Əbülfəz</mark></p>",
        "terms": {"elcibey": False, "ebulfez": True, "baku": False},
    }
    harness = tmp_path / "harness.js"
    harness.write_text(RESULTS_HARNESS)
    result = subprocess.run(
        ["node", str(harness), str(WORKER), json.dumps([[page, found]])], capture_output=True, text=True, check=True
    )
    [[page, found]] = json.loads(result.stdout)
    assert found["terms"] == {"elcibey": True, "ebulfez": True, "baku": False}
    # The page, listed for its sections, gets the words they found (Material wrote `?h=`).
    assert page["terms"] == {"elcibey": True, "ebulfez": True, "baku": False}


def test_the_index_holds_each_text_once_not_the_corrections_diffs(site):
    # The Corrections page's full diffs repeat both readings of every corrected paragraph,
    # which the reading and the record's pages hold: they are left out of the index.
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = [d for d in docs if d["location"].startswith("corrections/#correction-")]
    assert entries, "each corrected paragraph's heading is still found"
    assert all(len(d["text"]) < 300 for d in entries), max(entries, key=lambda d: len(d["text"]))["location"]
    # The record's pages are in the index, and named as such.
    assert any(d["location"] == "as-published/social-impacts/" and d["title"].endswith("(as published)") for d in docs)


def test_search_results_name_editorial_headings_without_their_badge(site):
    # The badge after an editorial heading ("Editorial heading") is for the page; in the
    # index the heading is its own words, and its text is still found.
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    badged = {
        heading["id"]
        for page in ("social-impacts", "references")
        for heading in soup(site, page).select("h2.editorial, h3.editorial")
    }
    assert badged, "the site still has editorial headings"
    entries = {
        d["location"].split("#")[-1]: d for d in docs if d["location"].split("#")[-1] in badged and "#" in d["location"]
    }
    assert badged <= set(entries), badged - set(entries)
    assert not [d["title"] for d in entries.values() if "Editorial" in d["title"]]
    assert entries["actors-in-this-section"]["title"] == "Actors in this section"


# -- Search by paragraph (qarabagh_edition.search_entries) ---------------------------------


def _words(html: str) -> str:
    return " ".join(BeautifulSoup(html, "lxml").get_text().split())


def test_every_paragraph_is_a_result_that_opens_it_in_either_reading(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    pages = [d["location"] for d in docs if d["title"].endswith(("(corrected reading)", "(as published)"))]
    assert len(pages) >= 16, pages  # both readings of every section
    checked = 0
    for path in pages:
        article = content(site, path)
        for paragraph in article.select("[data-paragraph][id]"):
            entry = by_location.get(f"{path}#{paragraph['id']}")
            assert entry, f"{path}#{paragraph['id']} is not a result of its own"
            assert entry["title"] == f"¶ {paragraph['data-paragraph']}"
            for mark in paragraph.select("[data-search-exclude]"):
                mark.decompose()
            assert _words(entry["text"]) == " ".join(paragraph.get_text().split()), entry["location"]
            checked += 1
        # Each paragraph's words are in its own entry only, not also in its heading's.
        heading_texts = " ".join(
            d["text"] for d in docs if d["location"].startswith(f"{path}#") and d["title"].startswith("¶") is False
        )
        first = article.select_one("[data-paragraph][id]")
        if first is not None:
            assert " ".join(first.get_text().split())[:80] not in _words(heading_texts), path
    assert checked > 150, checked  # every paragraph of the paper, twice
    # The marks beside the words are not words of the text: no "onconj." or "Corrected ·".
    assert not [d["location"] for d in docs if re.search(r"\wconj\.|Corrected ·", d["text"])]


@pytest.mark.browser
def test_a_search_result_opens_the_paragraph_it_found(page, server):
    page.goto(server + "introduction/", wait_until="networkidle")
    # "Elcibey" finds "Elchibey" one letter off: not also called missing, and a page's own
    # result highlights what its paragraphs found (not an empty ?h=).
    results = search(page, "Elcibey")
    assert "political-implications/#political-16" in [where(r) for r in results]
    terms = page.locator(".md-search-result__terms")
    assert terms.count() == 0, terms.first.inner_text()
    assert all(urlparse(r["href"]).query != "h=" for r in results), [r["href"] for r in results]
    page.goto(server + "introduction/", wait_until="networkidle")
    results = search(page, "Tabriz protests 1993")
    assert "social-impacts/#social-14" in [where(r) for r in results], [where(r) for r in results]
    page.locator(".md-search-result__list a").filter(has_text=re.compile("")).evaluate_all(
        """links => links.find(a => new URL(a.href).pathname === "/social-impacts/" && a.hash === "#social-14").click()"""
    )
    page.wait_for_url(re.compile(r"/social-impacts/.*#social-14$"))
    page.wait_for_timeout(300)
    box = page.locator("#social-14").bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"], box


def test_search_entries_keep_text_as_text():
    """A contributor's words reach Material's results as text: its results are markup."""
    from lxml import html as lxml_html

    from qarabagh_edition.search_entries import page_entries

    root = lxml_html.fragment_fromstring(
        '<h2 id="h">A &lt;b&gt; heading<a class="headerlink" href="#h">¶</a></h2>'
        '<p data-paragraph="1" id="x-1">Words &lt;img src=x onerror=alert(1)&gt; and'
        '<a data-search-exclude="" class="conjecture-mark">conj.</a> more</p>'
        '<aside id="query-x-1-1" aria-label="Editorial &lt;query&gt;">Which &amp; what?</aside><ul><li>a list</li></ul>',
        create_parent="div",
    )
    preface, entries = page_entries("p/", root)
    assert entries == [
        {"location": "p/#h", "title": "A &lt;b&gt; heading", "text": "<ul><li>a list</li></ul>"},
        {"location": "p/#x-1", "title": "¶ 1", "text": "<p>Words &lt;img src=x onerror=alert(1)&gt; and more</p>"},
        {"location": "p/#query-x-1-1", "title": "Editorial &lt;query&gt;", "text": "Which &amp; what?"},
    ]
    assert preface == ""


@pytest.mark.browser
def test_the_index_is_fetched_on_first_use_not_at_load(page, server):
    """A reader who never searches does not pay for the index (half of a first visit):
    main.html holds Material's request until search is first used."""
    asked = []
    page.on("request", lambda request: asked.append(urlparse(request.url).path))
    page.goto(server + "social-impacts/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [path for path in asked if path.endswith("search_index.json")], asked
    # First use: the shortcut opens search, and the index comes and answers.
    results = search(page, "Elcibey")
    assert [path for path in asked if path.endswith("search/search_index.json")] == ["/search/search_index.json"]
    assert "glossary/#elchibey" in [where(r) for r in results]
    # From a search result (?h=), the page's words are highlighted from the index at once.
    page.goto(server + "glossary/?h=elchibey#elchibey", wait_until="networkidle")
    page.locator("article mark").first.wait_for(timeout=10000)


@pytest.mark.browser
def test_on_a_phone_tapping_search_fetches_the_index_and_it_answers(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(urlparse(request.url).path))
    page.goto(server + "introduction/", wait_until="networkidle")
    assert not [path for path in asked if path.endswith("search_index.json")]
    page.locator("label.md-header__button[for='__search']").tap()
    box = page.locator("input.md-search__input")
    box.fill("Varlik")
    box.press("End")
    page.wait_for_function(
        "() => /matching document/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=30000
    )
    assert "/search/search_index.json" in asked
    context.close()
