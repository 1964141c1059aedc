"""Mentions that point to the right actor: data/mentions.yml says, beside the text, which
actor an ambiguous mention in a given paragraph names (the bare "Azerbaijan" of 1937 is
Iranian Azerbaijan); the links in the text and the Glossary's lists follow it."""

import re

import pytest
from conftest import ROOT
from helpers import SECTIONS, content
from test_lint import lint

from qarabagh_edition.actors import load_glossary
from qarabagh_edition.mentions import Matcher, load_mentions
from qarabagh_edition.published_layer import load_pages

ACTORS = load_glossary(ROOT)
PAGES, _ = load_pages(ROOT)
TEXTS = {b.id: b.text for blocks in PAGES.values() for b in blocks if b.id}
RECORDS, PROBLEMS = load_mentions(ROOT, ACTORS, TEXTS)


def test_the_records_match_the_text_and_the_glossary():
    assert PROBLEMS == []
    assert sum(len(r) for r in RECORDS.values()) >= 10


def test_a_record_decides_which_actor_a_mention_names():
    matcher = Matcher(ACTORS, RECORDS)
    text = TEXTS["social-9"]
    by_default = {text[s:e]: a.id for s, e, a in matcher.mentions(text) if text[s:e] == "Azerbaijan"}
    assert by_default == {"Azerbaijan": "republic-of-azerbaijan"}
    found = [(text[s:e], a.id) for s, e, a in matcher.mentions(text, "social-9")]
    assert found[0] == ("Azerbaijan", "iranian-azerbaijan")  # "In 1937, Azerbaijan was divided"


def test_the_text_and_the_glossary_follow_the_records(site):
    paragraph = content(site, "social-impacts/").find(id="social-8")
    links = {a.get_text(): a["href"] for a in paragraph.select("a.glossary-term")}
    assert links["Azerbaijan"].endswith("#iranian-azerbaijan"), links
    glossary = content(site, "glossary/")

    def mentioned_in(entry: str) -> set[str]:
        heading = glossary.find(id=entry)
        where = heading.find_next(class_="glossary-mentions")
        return {a["href"].split("#")[1] for a in where.select("a")} if where else set()

    assert "social-8" in mentioned_in("iranian-azerbaijan")
    assert "social-8" not in mentioned_in("republic-of-azerbaijan")


BAD = {
    "an unknown actor": (
        "  actor: iranian-azerbaijn\n",
        "is not listed in data/glossary.yml. Check your spelling (did you mean 'iranian-azerbaijan'?)",
    ),
    "words not in the paragraph": ("  actor: iranian-azerbaijan\n", "occurs 0 time(s) in social-9"),
    "an unknown paragraph": ("  actor: iranian-azerbaijan\n", "paragraph 'social-999' does not exist"),
}


@pytest.mark.parametrize("kind", BAD)
def test_a_wrong_record_is_reported_with_its_line(project_copy, kind):
    actor, message = BAD[kind]
    record = {
        "an unknown actor": "- paragraph: social-9\n  words: Azerbaijan\n",
        "words not in the paragraph": "- paragraph: social-9\n  words: Atlantis\n",
        "an unknown paragraph": "- paragraph: social-999\n  words: Azerbaijan\n",
    }[kind]
    path = project_copy / "data" / "mentions.yml"
    text = path.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    path.write_text(text + "\n" + record + actor + "  why: a test\n", encoding="utf-8")
    code, output = lint(project_copy)
    assert code == 1 and f"data/mentions.yml:{line}: " in output and message in output, output


def _owner(paragraph, link) -> bool:
    """The link belongs to this paragraph, not to a block of its own inside it (a list in a
    list item keeps its own first mentions)."""
    return link.find_parent(["p", "li"], id=True) is paragraph


def test_the_links_and_the_lists_agree_on_every_paragraph(site):
    """What a reader is told a paragraph mentions is what its links show: for every paragraph
    of every reading page, the actors linked in it are the actors the Glossary's "Mentioned
    in" lists give it; a section's "Actors in this section" names the actors linked in the
    section, and the instructors' page names only actors its section links."""
    listed: dict[str, set[str]] = {}  # paragraph -> the actors whose "Mentioned in" names it
    for where in content(site, "glossary/").select(".glossary-mentions"):
        actor = where.find_previous("h3")["id"]
        for link in where.select("a"):
            listed.setdefault(link["href"].split("#")[1], set()).add(actor)
    by_name = sorted(((a.name, a.id) for a in ACTORS.values()), key=lambda n: -len(n[0]))
    main_actors = {
        row.find("a")["href"].strip("./").split("#")[0]: {
            a["href"].split("#")[1] for a in row.find_all("td")[4].select("a")
        }
        for row in content(site, "instructors/").select("table tbody tr")
    }
    disagree, paragraphs = [], 0
    for path in [""] + [p for p, _ in SECTIONS]:
        article, on_page = content(site, path), set()
        for paragraph in article.select("p[id], li[id]"):
            if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*-\d+", paragraph["id"]):
                continue
            paragraphs += 1
            linked = {a["href"].split("#")[1] for a in paragraph.select("a.glossary-term") if _owner(paragraph, a)}
            if linked != listed.get(paragraph["id"], set()):
                disagree.append(
                    f"{paragraph['id']}: linked but not listed {sorted(linked - listed.get(paragraph['id'], set()))}, "
                    f"listed but not linked {sorted(listed.get(paragraph['id'], set()) - linked)}"
                )
            on_page |= linked
        section = article.select_one(".actors-in-section")
        if path and section is not None:
            named = {
                next(ident for name, ident in by_name if item.strip().startswith(name))
                for item in section.get_text().split(" ·")
            }
            if named != on_page:
                disagree.append(
                    f"{path}: Actors in this section {sorted(named - on_page)} not linked, "
                    f"linked {sorted(on_page - named)} not in Actors in this section"
                )
        if path.rstrip("/") in main_actors and not main_actors[path.rstrip("/")] <= on_page:
            disagree.append(
                f"{path}: the instructors' page names {sorted(main_actors[path.rstrip('/')] - on_page)}, "
                "which the section does not link"
            )
    assert paragraphs >= 80, paragraphs  # every numbered paragraph of the paper
    assert not disagree, "\n".join(disagree)
