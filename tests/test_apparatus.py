"""The apparatus of the corrected reading: every change has a class and a reason, the
changes account for every difference from the published text, numbers and dates are
kept, every paragraph has a review status; readers see the classes, conjectures where
they stand, and the Corrections page groups and counts them."""

import copy
import functools
import json
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from helpers import content, line_of, soup
from test_lint import lint

from qarabagh_edition.apparatus import CHANGE_KINDS, PLURALS, PROGRESS_LINE, check_block, progress_line, supplied_words
from qarabagh_edition.markdown.change_marks import CITATION, words_pattern
from qarabagh_edition.printed_citations import load_citations, uncorrected_reading
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.rules.apparatus_checks import apparatus_of

LAYER = load_layer(ROOT)
PAGES, _ = load_pages(ROOT)
APPARATUS, PROBLEMS = apparatus_of(PAGES, LAYER, load_citations(ROOT, LAYER))
PAGE_OF = {b.id: page for page, blocks in PAGES.items() for b in blocks}

BASE = "The origins of Turkish nationalism in Iran dates back to 1925. Mr Salehi visited Qarabagh in May 2012."


def check(notes, reading, base=BASE):
    numbered = [(kind, text, 10 + n) for n, (kind, text) in enumerate(notes)]
    return check_block("docs/x.md", 20, "x-1", numbered, base, reading)


def test_changes_applied_in_order_give_the_reading():
    apparatus, problems = check(
        [
            ("reviewed", "yes"),
            ("emendation", "dates back → date back | agreement with 'origins'"),
            ("conjecture", "Mr Salehi visited → Mr Salehi is said to have visited | the editors' reading"),
            ("normalisation", "Qarabagh → Karabakh | the glossary's standard spelling"),
            ("query", "in May 2012 | the month is uncertain"),
        ],
        "The origins of Turkish nationalism in Iran date back to 1925. Mr Salehi is said to have visited "
        "Karabakh in May 2012.",
    )
    assert problems == []
    assert [c.kind for c in apparatus.changes] == ["emendation", "conjecture", "normalisation"]
    assert apparatus.reviewed is True and apparatus.queries[0].question == "the month is uncertain"
    # Where each change stands in the reading, for marking it there.
    conjecture = apparatus.changes[1]
    reading = (
        "The origins of Turkish nationalism in Iran date back to 1925. Mr Salehi is said to have visited "
        "Karabakh in May 2012."
    )
    assert reading[conjecture.start : conjecture.end] == "Mr Salehi is said to have visited"


BAD = {
    "a change the apparatus does not record": (
        [("reviewed", "no")],
        "The origins of Turkish nationalism in Iran date back to 1925. Mr Salehi visited Qarabagh in May 2012.",
        "docs/x.md:20: paragraph 'x-1' differs from its published text where its apparatus says nothing",
    ),
    "no reason": (
        [("reviewed", "no"), ("emendation", "dates back → date back")],
        BASE,
        "docs/x.md:11: this emendation gives no reason",
    ),
    "a reason left to fill in": (
        [("reviewed", "no"), ("emendation", "dates back → date back | REASON")],
        BASE,
        "docs/x.md:11: this emendation gives no reason",
    ),
    "no arrow": (
        [("reviewed", "no"), ("emendation", "dates back, date back | agreement")],
        BASE,
        "docs/x.md:11: this emendation has no '→'",
    ),
    "words not as published": (
        [("reviewed", "no"), ("emendation", "date back → dates back | agreement")],
        BASE,
        "docs/x.md:11: the emendation 'date back' → 'dates back' does not match the published words",
    ),
    "out of order": (
        [
            ("reviewed", "no"),
            ("normalisation", "Qarabagh → Karabakh | spelling"),
            ("emendation", "dates back → date back | agreement"),
        ],
        BASE.replace("dates", "date").replace("Qarabagh", "Karabakh"),
        "docs/x.md:12: the emendation 'dates back' → 'date back' does not match the published words after "
        "the previous change",
    ),
    "a number changed": (
        [("reviewed", "no"), ("emendation", "in May 2012 → in May 2013 | typo")],
        BASE.replace("2012", "2013"),
        "must keep every number and date of its published text: missing 2012; added 2013",
    ),
    "a month dropped": (
        [("reviewed", "no"), ("emendation", "in May 2012 → in 2012 | style")],
        BASE.replace("May ", ""),
        "missing May",
    ),
    "no review status": ([], BASE, "docs/x.md:20: paragraph 'x-1' has no review status"),
    "two review statuses": ([("reviewed", "yes"), ("reviewed", "no")], BASE, "has two review statuses"),
    "a review status that is neither": ([("reviewed", "maybe")], BASE, "the review status is 'maybe'"),
    "an unclassed correction note": (
        [("reviewed", "no"), ("correction", "fixed the grammar")],
        BASE,
        "docs/x.md:11: a 'correction:' note no longer says what kind of change it is",
    ),
    "a query about words not in the paragraph": (
        [("reviewed", "no"), ("query", "Persepolis | what is meant?")],
        BASE,
        "the query's words 'Persepolis' are not in the paragraph",
    ),
    "a change that changes nothing": (
        [("reviewed", "no"), ("emendation", "dates back → dates back | none")],
        BASE,
        "this emendation changes nothing",
    ),
}


@pytest.mark.parametrize("notes, reading, message", BAD.values(), ids=BAD.keys())
def test_each_kind_of_apparatus_mistake_is_reported_at_its_line(notes, reading, message):
    _, problems = check(notes, reading)
    assert any(message in p for p in problems), problems
    assert all(re.match(r"docs/x\.md:\d+: .*\(.+\)", p) for p in problems), problems


def test_a_conjecture_names_the_other_readings_it_weighed():
    """TEI's <app>: the reading chosen (<lem>) and the others weighed (<rdg>), shown with it."""
    from qarabagh_edition.pages.corrections import apparatus_items

    reading = BASE.replace("dates back", "date back")
    notes = [
        ("reviewed", "yes"),
        ("conjecture", "dates back → date back | agreement | other readings: is dated back; <b>goes</b> back"),
    ]
    apparatus, problems = check(notes, reading)
    assert problems == []
    [change] = apparatus.changes
    assert (change.reason, change.alternatives) == ("agreement", ("is dated back", "<b>goes</b> back"))
    shown = apparatus_items(apparatus)
    assert "Other readings weighed: <q>is dated back</q>; <q>&lt;b&gt;goes&lt;/b&gt; back</q>." in shown
    # Only a conjecture weighs readings, and it names at least one.
    for wrong in (
        "emendation: dates back → date back | agreement | other readings: x",
        "conjecture: dates back → date back | agreement | other readings: ",
    ):
        _, problems = check([("reviewed", "yes"), tuple(wrong.split(": ", 1))], reading)
        assert [p for p in problems if p.startswith("docs/x.md:11: other readings are for a conjecture")], problems


def test_the_edition_itself_has_a_complete_apparatus():
    assert PROBLEMS == []
    # Every body paragraph has a review status, and every change a class and a reason.
    assert all(a.reviewed is not None for a in APPARATUS.values())
    changes = [c for a in APPARATUS.values() for c in a.changes]
    assert changes and all(c.kind in CHANGE_KINDS and len(c.reason) > 3 for c in changes)


def test_lint_and_build_stop_on_an_unrecorded_change(project_copy, build_copy):
    page = project_copy / "docs" / "conclusion.md"
    text = page.read_text(encoding="utf-8")
    sentence = next(line for line in text.split("\n") if line and line[0].isupper() and len(line) > 60)
    page.write_text(text.replace(sentence, sentence.replace(" the ", " a ", 1), 1), encoding="utf-8")
    code, output = lint(project_copy)
    assert code == 1 and "differs from its published text where its apparatus says nothing" in output, output
    assert re.search(r"docs/conclusion\.md:\d+: paragraph 'conclusion-1'", output)
    result = build_copy(project_copy)
    assert (
        result.returncode != 0 and "differs from its published text where its apparatus says nothing" in result.output
    )


def test_contributing_states_the_progress_of_the_review():
    done = sum(1 for a in APPARATUS.values() if a.reviewed)
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert PROGRESS_LINE.search(text).group(0) == progress_line(done, len(APPARATUS))


# -- What readers see --------------------------------------------------------------------


def test_corrections_page_groups_and_counts_every_change_by_class(site):
    page = content(site, "corrections/")
    done = sum(1 for a in APPARATUS.values() if a.reviewed)
    assert f"{done} of {len(APPARATUS)} paragraphs reviewed" in page.get_text(" ")
    for kind, anchor in (
        ("normalisation", "normalisations"),
        ("emendation", "emendations"),
        ("conjecture", "conjectures"),
        ("supplied", "supplied"),
    ):
        count = sum(len(a.of(kind)) for a in APPARATUS.values())
        heading = page.find(id=anchor)
        assert heading.get_text().startswith(f"{PLURALS[kind]} ({count})"), heading.get_text()
        listed = heading.find_next("ul").select("li") if count else []
        assert len(listed) == count
    queries = sum(len(a.queries) for a in APPARATUS.values())
    assert page.find(id="queries").get_text().startswith(f"Queries ({queries})")


def test_each_change_is_shown_beside_its_paragraph_with_its_class_and_reason(site):
    # What the paragraph's marker opens (the page's changes, fetched when asked for).
    read = functools.lru_cache(maxsize=None)(
        lambda page: json.loads((site / "as-published" / "changes" / f"{page.removesuffix('.md')}.json").read_text())
    )
    for ident, apparatus in APPARATUS.items():
        if not apparatus.changes:
            continue
        entry = read(PAGE_OF[ident])[ident]
        entries = BeautifulSoup(entry["apparatus"], "html.parser").select(".apparatus-entry")
        kinds = [c.kind for c in apparatus.changes] + ["query"] * len(apparatus.queries)
        assert [e["class"][1].removeprefix("apparatus-entry--") for e in entries] == kinds
        for entry, change in zip(entries, apparatus.changes):
            assert entry.select_one(".apparatus-class").get_text() == change.kind.capitalize()
            assert " ".join(change.reason.split()) in " ".join(entry.get_text().split())


def _page(ident: str) -> str:
    return PAGE_OF[ident].removesuffix(".md").removesuffix("index")


def _marked(paragraph, number: int) -> str:
    return "".join(m.get_text() for m in paragraph.select(f'.change[data-change="{number}"]'))


def test_every_change_is_marked_where_it_stands_with_its_class(site):
    """Each change of each paragraph's apparatus wraps its own words in the reading, with
    its class, in the apparatus's order; none on the record's pages, which are as printed."""
    read = functools.lru_cache(maxsize=None)(lambda path: soup(site, path))  # each page parsed once
    changed = [(ident, a) for ident, a in APPARATUS.items() if a.changes]
    assert sum(len(a.changes) for _, a in changed) > 500
    for ident, apparatus in changed:
        paragraph = read(_page(ident)).find(id=ident)
        marks = paragraph.select(".change")
        numbers = [int(m["data-change"]) for m in marks]
        assert numbers == sorted(numbers), f"{ident}: the marks stand out of the apparatus's order {numbers}"
        assert set(numbers) == set(range(1, len(apparatus.changes) + 1)), f"{ident}: marked {sorted(set(numbers))}"
        for number, change in enumerate(apparatus.changes, start=1):
            own = paragraph.select(f'.change[data-change="{number}"]')
            kinds = ["change", f"change--{change.kind}"] + ([] if change.new else ["change--deletion"])
            assert all(m["class"] == kinds for m in own), (ident, number, [m["class"] for m in own])
            # The marked words are the change's reading (a citation as the page shows it); of
            # supplied words, only those the editors add.
            words = supplied_words(change) if change.kind == "supplied" else change.new
            assert words_pattern(words).fullmatch(_marked(paragraph, number).strip()), (
                f"{ident} change {number} marks '{_marked(paragraph, number)}', not '{change.new}'"
            )
        # Each mark stands at its change's own place: the marks turned back into the printed
        # words give the published text (citations, made links, left out on both sides).
        assert _marks_undone(paragraph, apparatus) == _words(
            CITATION.sub("", uncorrected_reading(LAYER[ident], CITED))
        ), f"{ident}: a mark stands away from its change's place"
    for page in {_page(ident) for ident, _ in changed}:
        assert not read(f"as-published/{page}").select(".change, .conjecture-mark"), page


def test_every_query_marks_its_words_and_names_its_question(site):
    read = functools.lru_cache(maxsize=None)(lambda path: soup(site, path))  # each page parsed once
    queries = [(ident, n, q) for ident, a in APPARATUS.items() for n, q in enumerate(a.queries, 1)]
    assert len(queries) > 20
    on_record = 0
    for ident, number, query in queries:
        page = read(_page(ident))
        paragraph = copy.copy(page.find(id=ident))
        for mark in paragraph.select("a.conjecture-mark"):  # a conjecture's "conj." may stand among the words
            mark.decompose()
        marks = paragraph.select(f'.queried[data-query="query-{ident}-{number}"]')
        assert words_pattern(query.words).fullmatch("".join(m.get_text() for m in marks).strip()), (ident, number)
        note = page.find(id=f"query-{ident}-{number}")
        assert note.name == "aside" and " ".join(query.question.split()) in " ".join(note.get_text().split())
        # And on the record's page: the question under the paragraph, and the words asked
        # about marked where they are the printed words too.
        record = read(f"as-published/{_page(ident)}")
        note = record.find(id=f"query-{ident}-{number}")
        assert note.name == "aside" and " ".join(query.question.split()) in " ".join(note.get_text().split())
        printed = record.find(id=ident)
        marks = printed.select(f'.queried[data-query="query-{ident}-{number}"]')
        if words_pattern(query.words).search(printed.get_text()):
            assert words_pattern(query.words).fullmatch("".join(m.get_text() for m in marks).strip()), (ident, number)
            on_record += 1
        else:
            assert not marks
    assert on_record > 15


CITED = load_citations(ROOT, LAYER)


def _words(text: str) -> str:
    return re.sub(r"\s+([.,;:])", r"\1", " ".join(text.replace("*", "").replace("–", "--").split()))


def _marks_undone(paragraph, apparatus) -> str:
    paragraph = copy.copy(paragraph)
    for added in paragraph.select("span.citation, a.conjecture-mark, .reading-marker, .paragraph-tools"):
        added.decompose()
    done = set()
    for mark in paragraph.select(".change"):
        number = int(mark["data-change"])
        change = apparatus.changes[number - 1]
        printed = "" if number in done or change.kind == "supplied" else CITATION.sub("", change.old)
        mark.replace_with(printed)
        done.add(number)
    return _words(paragraph.get_text())


def test_a_conjecture_is_marked_with_the_published_words_one_step_away(site):
    conjectures = [(ident, n, c) for ident, a in APPARATUS.items() for n, c in enumerate(a.changes, 1)]
    conjectures = [(ident, n, c) for ident, n, c in conjectures if c.kind == "conjecture"]
    assert conjectures, "the reading has conjectures"
    read = functools.lru_cache(maxsize=None)(lambda path: soup(site, path))  # each page parsed once
    for ident, number, change in conjectures:
        paragraph = read(_page(ident)).find(id=ident)
        mark = paragraph.select_one(f'a.conjecture-mark[data-change="{number}"]')
        assert mark is not None and f"As published: “{change.old}”" in mark["data-tooltip"], ident
        assert not mark.has_attr("title"), "Material would set up a tooltip for each title at load"
        # Without JavaScript the mark leads to the paragraph's entry on the Corrections
        # page, which gives the editors' reason.
        here = _page(ident)
        target, anchor = urljoin("/" + here + ("/" if here else ""), mark["href"]).split("#")
        assert target == "/corrections/" and anchor == f"correction-{ident}", mark["href"]
        entry = read("corrections/").find(id=anchor)
        why = copy.copy(entry.find_next("ul", class_="correction-why"))
        for named in why.select("a[href*='#']"):  # a paragraph the reason names, written "Conclusion ¶ 1"
            if named["href"].split("#")[1] in APPARATUS:
                named.replace_with(named["href"].split("#")[1])
        assert " ".join(change.reason.split()) in " ".join(why.get_text().split()), ident
    # No note repeats under the paragraph what the marker's panel and the Corrections page give.
    assert not read(_page(conjectures[0][0])).select("aside.editorial-conjecture")


def _entry_words(tooltip) -> str:
    return " ".join(tooltip.inner_text().split())


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280], ids=["phone", "desktop"])
def test_a_conjecture_shows_its_own_change_in_view_on_hover_and_on_tap(browser, server, width):
    ident, number, change = next(
        (i, n, c) for i, a in APPARATUS.items() for n, c in enumerate(a.changes, 1) if c.kind == "conjecture"
    )
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=width < 400)
    page = context.new_page()
    page.goto(server + _page(ident), wait_until="networkidle")
    mark = page.locator(f'#{ident} a.conjecture-mark[data-change="{number}"]')
    mark.scroll_into_view_if_needed()
    tooltip = page.locator("#edition-tooltip")
    if width > 400:
        mark.hover()
        tooltip.wait_for(state="visible", timeout=5000)
        assert "As published" in tooltip.inner_text()
    # A click or tap shows the conjecture's own change (class, printed words, reason) in view,
    # not the panel under the paragraph, and the page stays where it was.
    before = page.evaluate("window.scrollY")
    mark.tap() if width < 400 else mark.click()
    page.wait_for_function("document.querySelector('#edition-tooltip .apparatus-class')", timeout=5000)
    words = _entry_words(tooltip)
    assert words.lower().startswith("conjecture") and " ".join(change.reason.split()) in words, words
    assert " ".join(change.old.split()) in words
    box = tooltip.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740, box
    assert page.evaluate("window.scrollY") == before and "corrections" not in page.url
    assert not page.locator(f"#published-{ident}").count()
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=2000)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280], ids=["phone", "desktop"])
def test_show_changes_marks_every_change_and_is_remembered(browser, server, width):
    ident, apparatus = next((i, a) for i, a in APPARATUS.items() if len(a.of("emendation")) and _page(i))
    number = next(n for n, c in enumerate(apparatus.changes, 1) if c.kind == "emendation")
    change = apparatus.changes[number - 1]
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=width < 400)
    page = context.new_page()
    page.goto(server + _page(ident), wait_until="networkidle")
    mark = page.locator(f'#{ident} .change[data-change="{number}"]').first
    underline = "el => getComputedStyle(el).textDecorationLine"
    assert mark.evaluate(underline) == "none", "changes are marked before the reader asks"
    control = page.get_by_role("checkbox", name="Show changes")
    control.check()
    assert mark.evaluate(underline) == "underline"
    assert mark.evaluate("el => getComputedStyle(el).textDecorationStyle") == "solid"  # an emendation's line
    # Focus shows the change: its class, the printed words and the reason.
    mark.focus()
    tooltip = page.locator("#edition-tooltip")
    page.wait_for_function("document.querySelector('#edition-tooltip .apparatus-class')", timeout=5000)
    words = _entry_words(tooltip)
    assert words.lower().startswith("emendation") and " ".join(change.old.split()) in words, words
    assert " ".join(change.reason.split()) in words
    page.keyboard.press("Escape")
    # The next page opens with the changes shown, and the box ticked.
    other = next(i for i, a in APPARATUS.items() if a.changes and _page(i) != _page(ident))
    page.goto(server + _page(other), wait_until="networkidle")
    assert page.get_by_role("checkbox", name="Show changes").is_checked()
    assert page.locator(f"#{other} .change").first.evaluate(underline) == "underline"
    page.get_by_role("checkbox", name="Show changes").uncheck()
    assert (
        page.locator(f"#{other} .change--emendation, #{other} .change--normalisation").first.evaluate(underline)
        == "none"
    )
    page.reload(wait_until="networkidle")
    assert not page.get_by_role("checkbox", name="Show changes").is_checked()
    context.close()


@pytest.mark.browser
def test_a_queried_word_shows_its_question_on_focus_with_the_changes_shown(page, server):
    ident, query = next((i, a.queries[0]) for i, a in APPARATUS.items() if a.queries)
    page.goto(server + _page(ident), wait_until="networkidle")
    mark = page.locator(f'#{ident} .queried[data-query="query-{ident}-1"]').first
    assert mark.evaluate("el => getComputedStyle(el).textDecorationLine") == "none"
    page.get_by_role("checkbox", name="Show changes").check()
    assert mark.evaluate("el => getComputedStyle(el).textDecorationStyle") == "wavy"
    page.mouse.move(0, 0)  # the pointer left where it clicked: over a change, it would show that change
    mark.focus()
    tooltip = page.locator("#edition-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "Query" in tooltip.inner_text() and " ".join(query.question.split()) in " ".join(
        tooltip.inner_text().split()
    )


@pytest.mark.browser
def test_on_the_record_a_queried_word_is_marked_and_asks_its_question_on_focus(page, server):
    # The record carries no other marks: its queries are shown without "Show changes".
    ident, number, query = next(
        (i, n, q)
        for i, a in APPARATUS.items()
        for n, q in enumerate(a.queries, 1)
        if words_pattern(q.words).search(LAYER[i].text)
    )
    page.goto(server + "as-published/" + _page(ident), wait_until="networkidle")
    mark = page.locator(f'#{ident} .queried[data-query="query-{ident}-{number}"]').first
    assert mark.evaluate("el => getComputedStyle(el).textDecorationStyle") == "wavy"
    page.mouse.move(0, 0)
    mark.focus()
    tooltip = page.locator("#edition-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert " ".join(query.question.split()) in " ".join(tooltip.inner_text().split())


@pytest.mark.browser
def test_show_changes_works_without_javascript(browser, server):
    ident = next(i for i, a in APPARATUS.items() if a.of("emendation"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + _page(ident))
    mark = page.locator(f"#{ident} .change--emendation").first
    assert mark.evaluate("el => getComputedStyle(el).textDecorationLine") == "none"
    page.get_by_role("checkbox", name="Show changes").check()
    assert mark.evaluate("el => getComputedStyle(el).textDecorationLine") == "underline"
    context.close()


def test_line_numbers_in_messages_are_the_notes_lines(project_copy):
    page = project_copy / "docs" / "political-implications.md"
    text = page.read_text(encoding="utf-8")
    status = re.search(r"<!-- (?:\[political-\d+\] )?reviewed: (yes|no) -->", text).group(0)
    page.write_text(text.replace(status, status.replace("reviewed:", "emendation:"), 1), encoding="utf-8")
    code, output = lint(project_copy)
    assert code == 1
    assert f"docs/political-implications.md:{line_of(page, status.replace('reviewed:', 'emendation:'))}:" in output


def test_a_deletion_is_a_change_with_nothing_after_the_arrow():
    base = "Mr Salehi visited Qarabagh, indeed, in May 2012."
    apparatus, problems = check(
        [("reviewed", "yes"), ("emendation", ", indeed → | a filler the sentence does not need")],
        base.replace(", indeed", ""),
        base=base,
    )
    assert not problems, problems
    assert (apparatus.changes[0].old, apparatus.changes[0].new) == (", indeed", "")


def test_supplied_words_are_their_own_class_and_only_add():
    base = "He wrote to Demirel to help the people of Karabakh."
    reading = "He wrote to Demirel asking him to help the people of Karabakh."
    apparatus, problems = check(
        [("reviewed", "yes"), ("supplied", "to help → asking him to help | a verb is missing")], reading, base=base
    )
    assert not problems, problems
    assert supplied_words(apparatus.changes[0]) == "asking him"
    # A supplied line that changes printed words is refused, with where and how.
    _, problems = check(
        [("reviewed", "yes"), ("supplied", "to help → asking him to aid | a verb is missing")],
        reading.replace("to help", "to aid"),
        base=base,
    )
    assert any(p.startswith("docs/x.md:11: a supplied line keeps the printed words") for p in problems), problems
    # The examples the issue names are supplied words of their own.
    for ident, words in (("introduction-2", "this emphasis,"), ("social-16", "asking him")):
        assert words in [supplied_words(c) for c in APPARATUS[ident].of("supplied")], ident


def test_a_number_written_as_a_word_is_kept_like_any_number():
    base = "The government closed two religious schools in 2001."
    _, problems = check(
        [("reviewed", "no"), ("emendation", "two → three | typo")], base.replace("two", "three"), base=base
    )
    assert any("must keep every number and date of its published text: missing 2; added 3" in p for p in problems), (
        problems
    )
    # Written in figures instead, the number is the same.
    _, problems = check(
        [("reviewed", "no"), ("emendation", "two religious → 2 religious | figures")],
        base.replace("two", "2"),
        base=base,
    )
    assert problems == [], problems


# -- Changes fine enough to audit (rules/apparatus_granularity) ----------------------------


def _change(kind, old, new, line=7):
    from qarabagh_edition.apparatus import Change

    return Change(kind, old, new, "why", line)


LONG = "one two three four five six seven eight nine ten eleven twelve thirteen"


@pytest.mark.parametrize(
    "change, message",
    [
        # More than a dozen printed words: an emendation or a normalisation is split; a conjecture may be long.
        (_change("emendation", LONG, LONG.upper()), "docs/x.md:7: this emendation replaces 13 printed words"),
        (_change("normalisation", LONG, LONG.title()), "docs/x.md:7: this normalisation replaces 13 printed words"),
        (_change("conjecture", LONG, LONG.upper()), None),
        (_change("emendation", LONG.rsplit(" ", 1)[0], "twelve words"), None),
        # Over a sentence's end, on either side (a line may end a sentence).
        (_change("emendation", "the area and the", "the area. The"), "runs over a sentence's end in its reading"),
        (_change("conjecture", "owned. There is", "owned, and there is"), "runs over a sentence's end in its printed"),
        (_change("emendation", "the area and", "the area."), None),
        (_change("emendation", "Mr. Heyat said", "Mr. Heyat says"), None),
        (_change("emendation", "the U.S. President", "the U.S. President's"), None),
        # A spelling the apparatus normalises elsewhere, changed inside another line.
        (_change("emendation", "the Qarabagh war was", "the Karabakh war, which was"), "also writes 'Qarabagh' as"),
        (_change("conjecture", "of Qarabagh war", "of the Karabakh war"), "a normalisation (give the spelling"),
        # Not where the name's own words change with it: lines never overlap.
        (_change("conjecture", "Qarabagh Arts", "Karabakh, the arts"), None),
        (_change("emendation", "(the Qarabagh", "(Karabakh"), None),
        # A deleted sentence is written with the word before it: the line ends no sentence of its own.
        (_change("emendation", "basin. Iran has created.", "basin."), None),
        (_change("emendation", "the Qarabagh war was", "the Qarabagh war, which was"), None),
    ],
)
def test_a_change_line_is_fine_enough_to_audit(change, message):
    from qarabagh_edition.rules.apparatus_granularity import granularity_problems

    spelling = _change("normalisation", "Qarabagh", "Karabakh", line=3)
    problems = granularity_problems([("docs/x.md", [spelling]), ("docs/x.md", [change])])
    if message is None:
        assert problems == []
    else:
        assert len(problems) == 1 and message in problems[0], problems
        assert problems[0].startswith("docs/x.md:7: ") and problems[0].endswith(")")


def test_lint_stops_on_a_long_emendation_at_its_line(project_copy):
    # A contributor calls a long conjecture (a rewrite the rule allows) an emendation.
    for page in sorted((project_copy / "docs").glob("*.md")):
        lines = page.read_text(encoding="utf-8").split("\n")
        long = [
            i
            for i, line in enumerate(lines)
            if line.startswith("<!-- conjecture: ") and len(line.split(" | ")[0].split(" → ")[0].split()) > 14
        ]
        if long:
            break
    assert long, "the edition has a conjecture of more than a dozen printed words"
    lines[long[0]] = lines[long[0]].replace("<!-- conjecture: ", "<!-- emendation: ", 1)
    page.write_text("\n".join(lines), encoding="utf-8")
    code, output = lint(project_copy)
    where = f"docs/{page.name}:{long[0] + 1}: this emendation replaces"
    assert code == 1 and where in output, output[-2000:]


def test_a_normalisation_writes_a_name_as_the_glossary_gives_it(project_copy):
    # A "normalisation" that writes a name the glossary does not give (here the aid
    # committee the glossary keeps as "Qarabagh Committee") is refused at its line.
    page = project_copy / "docs" / "social-impacts.md"
    text = page.read_text(encoding="utf-8")
    assert "to establish a Qarabagh Committee for" in text
    lines = text.replace("to establish a Qarabagh Committee for", "to establish a Karabakh Committee for").split("\n")
    at = next(i for i, line in enumerate(lines) if "to establish a Karabakh Committee for" in line)
    start = max(i for i in range(at) if not lines[i].startswith("<!--") and lines[i].strip() == "") + 1
    lines.insert(
        start, "<!-- normalisation: Qarabagh Committee → Karabakh Committee | the glossary's standard spelling -->"
    )
    page.write_text("\n".join(lines), encoding="utf-8")
    code, output = lint(project_copy)
    assert code == 1 and f"docs/social-impacts.md:{start + 1}: this normalisation writes 'Karabakh Committee'" in output
