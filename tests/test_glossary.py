"""The glossary of actors and the timeline: data, pages, linking in the text, search."""

import json
import re

import pytest
from conftest import ROOT
from helpers import SECTIONS, content, follow_without_reload, line_of, soup

from qarabagh_edition.actors import TYPES, load_glossary
from qarabagh_edition.mentions import mention_records
from qarabagh_edition.published_layer import load_layer, load_pages
from qarabagh_edition.timeline import load_timeline

ACTORS = load_glossary(ROOT)


def section_after(heading):
    """The elements after a heading, up to the next heading of the same or a higher level."""
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3") and sibling.name <= heading.name:
            break
        yield sibling


def position(element) -> int:
    return len(element.find_all_previous())


def paper_paragraphs(site):
    for path, _ in [("", None)] + SECTIONS:
        article = content(site, path)
        for element in article.select("p[id], li[id]"):
            if re.fullmatch(r"[a-z]+(?:-[a-z]+)*-\d+", element["id"]):
                yield path, element


def test_every_entry_is_complete_and_typed():
    assert len(ACTORS) >= 60
    for actor in ACTORS.values():
        assert actor.type in TYPES and actor.variants and actor.description, actor.id
        assert len(re.findall(r"[.!?](?:\s|$)", actor.description)) <= 3, f"{actor.id}: one to three sentences"


def test_every_spelling_occurs_in_the_published_text():
    text = "\n".join(e.text for e in load_layer(ROOT).values())
    for actor in ACTORS.values():
        for variant in actor.variants:
            assert re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", text), (actor.id, variant)


def test_known_garbled_names_are_identified():
    owner = {v: a.id for a in ACTORS.values() for v in a.variants}
    assert {owner["Ilchibek"], owner["Ellichi Bei"], owner["Ilchibe"]} == {"elchibey"}
    assert ACTORS[owner["Leon Trotyroshin"]].name == "Levon Ter-Petrosyan"
    assert owner["Qarabagh"] == owner["Qarebagh"] == owner["Gharebaki"] == owner["Karabakh"]
    karabakh = ACTORS[owner["Qarabagh"]]
    assert "Artsakh" in (karabakh.native or "") + karabakh.description  # both parties' names
    assert "Qarabağ" in (karabakh.native or "")


def test_glossary_page_groups_by_type_alphabetically_with_anchors(site):
    page = content(site, "glossary/")
    groups = page.select("h2[id^=type-]")
    assert [g["id"].removeprefix("type-") for g in groups] == [
        t for t in TYPES if any(a.type == t for a in ACTORS.values())
    ]
    for group in groups:
        names = []
        for sibling in group.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "h3":
                names.append(sibling.get_text().replace("¶", "").strip())
                actor = ACTORS[sibling["id"]]
                assert actor.type == group["id"].removeprefix("type-")
        assert names == sorted(names, key=str.casefold)
    assert len(page.select("h3[id]")) == len(ACTORS)


def test_glossary_entries_show_spellings_description_and_mentions(site):
    page = content(site, "glossary/")
    entry = page.find(id="elchibey")
    forms = entry.find_next(class_="glossary-forms").get_text()
    for variant in ["Ilchibek", "Ellichi Bei", "Ilchibe"]:
        assert f"“{variant}”" in forms
    assert "1992" in entry.find_next(class_="glossary-description").get_text()


def test_mentions_are_generated_from_the_text(site):
    """For every actor whose spellings overlap no other entry's, the paragraphs linked
    under "Mentioned in" are exactly those whose text contains one of its spellings."""
    pages, _ = load_pages(ROOT)
    blocks = [(page, b) for page, bs in pages.items() for b in bs if b.kind != "heading"]
    all_variants = [v for a in ACTORS.values() for v in a.spellings]
    glossary = content(site, "glossary/")
    checked = 0
    records = [r for rs in mention_records(ROOT, ACTORS, pages).values() for r in rs]
    decided = {r.actor.id for r in records if r.actor} | {
        a.id for a in ACTORS.values() for r in records for v in a.spellings if r.words in v or v in r.words
    }
    for actor in ACTORS.values():
        if any(v != w and v in w for v in actor.spellings for w in all_variants):
            continue  # a longer spelling of another entry contains this one
        if actor.id in decided:
            continue  # data/mentions.yml decides some of its mentions (tests/test_mentions.py)
        expected = {
            b.id for _, b in blocks if any(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", b.text) for v in actor.spellings)
        }
        heading = glossary.find(id=actor.id)
        linked = {
            a["href"].split("#")[1]
            for element in section_after(heading)
            if "glossary-mentions" in (element.get("class") or [])
            for a in element.select("a")
        }
        assert linked == expected, actor.id
        checked += 1
    assert checked >= 40


def tooltip_data(site) -> dict:
    """The descriptions tooltips.js shows, as the site serves them."""
    text = (site / "assets" / "javascripts" / "glossary-data.js").read_text(encoding="utf-8")
    assert text.startswith("window.editionGlossary = ") and text.rstrip().endswith(";")
    return json.loads(text.strip()[len("window.editionGlossary = ") : -1])


def test_first_mention_in_each_paragraph_links_to_the_glossary_with_a_tooltip(site):
    pages, _ = load_pages(ROOT)
    decided_words = {p: {r.words for r in rs} for p, rs in mention_records(ROOT, ACTORS, pages).items()}
    tooltips = tooltip_data(site)
    assert tooltips == {actor.id: f"{actor.name}: {actor.description}" for actor in ACTORS.values()}
    linked_somewhere = 0
    for path, paragraph in paper_paragraphs(site):
        links = paragraph.select("a.glossary-term")
        targets = [a["href"].split("#")[1] for a in links]
        assert len(targets) == len(set(targets)), f"{paragraph['id']}: an actor linked twice"
        for link in links:
            actor = ACTORS[link["href"].split("#")[1]]
            # The description is shown from the shared data, not repeated in every link.
            assert "title" not in link.attrs and actor.id in tooltips
            assert link.get_text() in actor.spellings or link.get_text() in decided_words.get(paragraph["id"], ()), (
                paragraph["id"],
                link.get_text(),
            )
            assert link["href"].startswith("../glossary/" if path else "glossary/")
            linked_somewhere += 1
        assert all(a.find_parent("span", class_="citation") is None for a in links)
    assert linked_somewhere > 150


def test_first_mention_is_the_one_linked(site):
    paragraph = content(site, "political-implications/").find(id="political-2")
    iran = [a for a in paragraph.select("a.glossary-term") if a["href"].endswith("#iran")]
    assert len(iran) == 1
    # The link is on the paragraph's first "Iran".
    before = ""
    for node in paragraph.descendants:
        if node is iran[0]:
            break
        if isinstance(node, str):
            before += node
    assert not re.search(r"(?<!\w)Iran(?!\w)", before), before


def test_section_pages_list_their_actors_under_standard_names(site):
    actors = content(site, "social-impacts/").find(id="actors-in-this-section")
    listing = actors.find_next(class_="actors-in-section")
    text = listing.get_text()
    assert "Khojaly" in text and "Abulfaz Elchibey (printed “Ellichi Beag”)" in text
    assert "Artsakh" in text  # both parties' names for a place
    assert actors.select_one(".editorial-badge") is not None


def test_timeline_is_chronological_linked_and_marks_later_events_as_editorial(site):
    events = load_timeline(ROOT)
    dated = [e for e in events if not e.editorial]
    page = content(site, "timeline/")
    shown = [e for e in sorted(dated, key=lambda e: position(page.find(id=e.id)))]
    starts = [tuple(int(p) for p in e.date.split("/")[0].split("-")) for e in shown]
    assert starts == sorted(starts), "events are not in chronological order on the page"
    assert any(e.date.startswith("1918") for e in dated) and any(e.date.startswith("2012") for e in dated)
    titles = " ".join(e.title for e in dated)
    for expected in ["Shusha", "Tehran", "Azerbaijan People's Government", "ceasefire".capitalize()]:
        assert expected.lower() in titles.lower(), expected
    for event in dated:
        heading = page.find(id=event.id)
        assert heading is not None, event.id
        block = heading.find_next(class_="timeline-paragraphs")
        hrefs = [a["href"] for a in block.select("a")]
        assert {h.split("#")[1] for h in hrefs} == set(event.paragraphs), event.id
        for href in hrefs:
            target_page, anchor = href.split("#")
            assert soup(site, "timeline/" + target_page).find(id=anchor) is not None, href
    context = page.find(id="editorial-context")
    assert context.select_one(".editorial-badge") is not None
    assert "2018" in context.find_next(class_="admonition").get_text()
    later = [e for e in events if e.editorial]
    assert {e.date[:4] for e in later} >= {"2020", "2023"}
    for event in later:
        assert position(page.find(id=event.id)) > position(context)
    for event in dated:
        assert int(event.date.split("/")[-1][:4]) <= 2018


def test_editorial_pages_say_they_are_editorial(site):
    for path in ("glossary/", "timeline/"):
        banner = content(site, path).select_one(".editorial-banner")
        assert banner is not None and "not part of the published paper" in banner.get_text()


# -- Search: any spelling finds the glossary entry and the pages that mention the actor --


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, actor",
    [
        ("Karabakh", "karabakh"),
        ("Elchibey", "elchibey"),
        ("Ter-Petrosyan", "ter-petrosyan"),
        ("Shusha", "shusha"),
        ("Khojaly", "khojaly"),
        ("Nagorno-Karabakh", "karabakh"),
        ("Artsakh", "karabakh"),
    ],
)
def test_search_finds_an_actor_by_any_spelling(page, server, site, query, actor):
    pages, _ = load_pages(ROOT)
    mentioning = {
        p.removesuffix(".md") + "/"
        for p, blocks in pages.items()
        if p != "index.md"
        and any(re.search(rf"(?<!\w){re.escape(v)}(?!\w)", b.text) for b in blocks for v in ACTORS[actor].spellings)
    }
    assert mentioning
    page.goto(server + "introduction/", wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__list a").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)
    more = page.locator(".md-search-result__more summary")
    for i in range(more.count()):
        more.nth(i).click()
    hrefs = page.eval_on_selector_all(".md-search-result__list a", "els => els.map(e => e.href)")
    found = {re.sub(r"^https?://[^/]+/", "", h).split("?")[0].split("#")[0] for h in hrefs}
    assert "glossary/" in found, hrefs
    assert found & mentioning, (query, found, mentioning)


@pytest.mark.browser
def test_glossary_tooltip_on_hover_and_keyboard_focus(page, server):
    page.goto(server + "political-implications/", wait_until="networkidle")
    link = page.locator("#political-2 a.glossary-term[href$='#elchibey']")
    tooltip = page.locator("#edition-tooltip[role=tooltip]")
    link.hover()
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith("Abulfaz Elchibey: ")
    assert link.get_attribute("aria-describedby") == "edition-tooltip"
    # It sits next to the link, inside the window.
    box, anchor = tooltip.bounding_box(), link.bounding_box()
    assert abs(box["y"] - (anchor["y"] + anchor["height"])) < 20 or abs(box["y"] + box["height"] - anchor["y"]) < 20
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    # The pointer can move onto the tooltip without it closing (WCAG 1.4.13: hoverable).
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
    page.wait_for_timeout(400)
    assert tooltip.is_visible()
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=5000)
    assert link.get_attribute("aria-describedby") is None

    # Keyboard: focus shows it, Escape dismisses it, focus stays.
    another = page.locator("#political-2 a.glossary-term").first
    another.focus()
    tooltip.wait_for(state="visible", timeout=5000)
    actor = ACTORS[another.get_attribute("href").split("#")[1]]
    assert tooltip.inner_text() == f"{actor.name}: {actor.description}"
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5000)
    assert page.evaluate("document.activeElement.classList.contains('glossary-term')")
    link.focus()
    tooltip.wait_for(state="visible", timeout=5000)
    assert "President of Azerbaijan" in tooltip.inner_text()


@pytest.mark.browser
def test_glossary_tooltip_works_from_disk_and_after_instant_navigation(browser, site, instant_server):
    # Opened from disk (the offline copy): the descriptions load without a server.
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / "social-impacts" / "index.html").as_uri())
    link = page.locator("#social-1 a.glossary-term[href$='#armenia']")
    link.hover()
    tooltip = page.locator("#edition-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().startswith("Armenia: ")
    # Served, after moving to another section without a full page load.
    page.goto(instant_server + "introduction/", wait_until="networkidle")
    follow_without_reload(page, page.locator(".md-footer__link--next"), "/roots-of-the-crisis/")
    page.locator("#roots-1 a.glossary-term").first.focus()
    tooltip.wait_for(state="visible", timeout=5000)
    assert ": " in tooltip.inner_text()
    assert errors == []
    context.close()


# -- Bad input ---------------------------------------------------------------------------


def test_variant_claimed_by_two_entries_fails(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    text = glossary.read_text()
    text = text.replace("  variants: [Ankara]", "  variants: [Ankara, Tehran]", 1)
    glossary.write_text(text)
    result = build_copy(project_copy)
    assert result.returncode != 0
    assert re.search(
        r"data/glossary\.yml:\d+: variant 'Tehran' of '\w+' is already claimed by '[\w-]+' \(line \d+\)", result.output
    ), result.output


def test_entry_never_mentioned_fails(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    glossary.write_text(
        glossary.read_text() + "\n- id: zz-nowhere\n  name: Atlantis\n  type: place\n"
        "  variants: [Atlantis]\n  description: Not in the paper.\n"
    )
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(glossary, "- id: zz-nowhere")
    assert f"data/glossary.yml:{line}: entry 'zz-nowhere' is never mentioned in the text" in result.output


def test_reference_to_unknown_entry_fails(project_copy, build_copy):
    timeline = project_copy / "data" / "timeline.yml"
    text = timeline.read_text()
    first = re.search(r"actors: \[([\w-]+)", text)
    timeline.write_text(text[: first.start(1)] + "elchibay" + text[first.end(1) :])
    result = build_copy(project_copy)
    assert result.returncode != 0
    line = line_of(timeline, "elchibay")
    event_line = max(n for n, text in enumerate(timeline.read_text().split("\n")[:line], 1) if "- id:" in text)
    assert (
        f"data/timeline.yml:{event_line}: event" in result.output
        and "'elchibay' is not listed in data/glossary.yml. Check your spelling (did you mean 'elchibey'?)"
        in result.output
    ), result.output
