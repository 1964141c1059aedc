"""Editorial facts after the paper say as of when and on what sources (issue 24), and the
glossary's spellings are the paper's own, not common words (issue 23, honest data).

Each defect is planted in a copy of the project: the build stops, and scripts/lint
reports it, with `file:line: what is wrong (how to fix)`."""

import pytest
from conftest import ROOT
from helpers import content, line_of
from test_data_errors import fails_with, replace

from qarabagh_edition.actors import load_glossary
from qarabagh_edition.timeline import load_timeline

HOW = (
    "(add 'as_of: YYYY-MM-DD' (the day it was last checked) and 'sources:', a list of "
    "{publisher: ..., title: ..., date: YYYY-MM-DD, url: ...}; or leave the statement out)"
)


@pytest.mark.parametrize(
    "file, old, new, ident, year, written",
    [
        # A glossary entry, and an event of the paper's own part of the timeline: no part is exempt.
        (
            "glossary.yml",
            "    President of Iran 2005–2013.\n",
            "    President of Iran 2005–2013. Arrested in 2027.\n",
            "ahmadinejad",
            "2027",
            "2027",
        ),
        (
            "timeline.yml",
            "      suppressed in September 1920. The paper counts",
            "      suppressed in September 1920, remembered in 2019. The paper counts",
            "khiabani-uprising",
            "2019",
            "2019",
        ),
        # A year in other digits is a year too; and a date after the paper in the paper's own events.
        (
            "glossary.yml",
            "    President of Iran 2005–2013.\n",
            "    President of Iran 2005–2013. Arrested in ٢٠٢٤.\n",
            "ahmadinejad",
            "2024",
            "٢٠٢٤",
        ),
        ("timeline.yml", '    date: "1920"\n', '    date: "2020"\n', "khiabani-uprising", "2020", 'date: "2020"'),
    ],
)
def test_a_later_fact_without_date_and_source(project_copy, build_copy, file, old, new, ident, year, written):
    path = project_copy / "data" / file
    replace(path, old, new)
    line = line_of(path, written)
    fails_with(
        build_copy,
        project_copy,
        f"data/{file}:{line}: '{ident}' speaks of {year}, after the paper's publication in 2018, "
        f"but has no as_of and sources {HOW}",
    )


@pytest.mark.parametrize(
    "old, new, lacking",
    [
        (
            '    - publisher: "Dawn"\n      title: "Former president Mamnoon Hussain passes away in Karachi at 80"\n',
            '    - title: "Former president Mamnoon Hussain passes away in Karachi at 80"\n',
            "publisher",
        ),
        (
            '      title: "Former president Mamnoon Hussain passes away in Karachi at 80"\n      date: 2021-07-14\n',
            "",
            "title, date",
        ),
    ],
)
def test_a_source_without_publisher_title_or_date(project_copy, build_copy, old, new, lacking):
    glossary = project_copy / "data" / "glossary.yml"
    replace(glossary, old, new)
    line = line_of(glossary, "Mamnoon Hussain passes away in Karachi" if "title" in new else 'publisher: "Dawn"')
    fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: 'mamnoon-hussain': the source lacks {lacking} (every source names its "
        "publisher, title and date, and its url where there is one)",
    )


def test_a_source_url_that_is_no_web_address(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    bad = 'javascript:alert(1)//"'
    replace(glossary, "      url: https://www.dawn.com/", f"      url: '{bad}'\n      x: https://www.dawn.com/")
    line = line_of(glossary, 'publisher: "Dawn"')
    output = fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: 'mamnoon-hussain': the source's url '{bad}' is not a web address "
        "the page can link (write it whole, from http:// or https://, with no spaces, quotes or "
        "brackets)",
    )
    assert f"data/glossary.yml:{line}: 'mamnoon-hussain': a source has no 'x'" in output


@pytest.mark.parametrize("spellings", [["war", "occupation"], ["War"]])
def test_common_words_are_no_spellings(project_copy, build_copy, spellings):
    glossary = project_copy / "data" / "glossary.yml"
    replace(
        glossary,
        "  variants: [I. R.I, Iran, Islamic Republic, Islamic Republic of Iran]\n",
        f"  variants: [I. R.I, Iran, Islamic Republic, Islamic Republic of Iran, {', '.join(spellings)}]\n",
    )
    line = line_of(glossary, "- id: iran")
    output = fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: '{spellings[0]}' of 'iran' is made of common English words only, "
        "and every ordinary use of it would be linked to this entry (remove it; or, if the paper uses "
        f"it only as this name, list it under common_words: {{{spellings[0]}: why}})",
    )
    for spelling in spellings:
        assert f"data/glossary.yml:{line}: '{spelling}' of 'iran' is made of common English words" in output


def test_a_spelling_the_paper_never_printed(project_copy, build_copy):
    glossary = project_copy / "data" / "glossary.yml"
    replace(glossary, "  variants: [Mahmoud Ahmadinejad]\n", "  variants: [Mahmoud Ahmadinejad, Ahmadinezhad]\n")
    line = line_of(glossary, "- id: ahmadinejad")
    fails_with(
        build_copy,
        project_copy,
        f"data/glossary.yml:{line}: variant 'Ahmadinezhad' of 'ahmadinejad' occurs nowhere in the text as "
        "printed (published/), or only inside a longer spelling. Check your spelling (variants are the "
        "paper's own, case-sensitive, whole words)",
    )


def test_every_later_entry_is_dated_and_sourced_twice():
    """The data itself: what the rule asks, and two sources at least for each statement."""
    entries = list(load_glossary(ROOT).values()) + load_timeline(ROOT)
    dated = [e for e in entries if e.as_of]
    assert {
        "khamenei",
        "saudi-arabia",
        "karabakh",
        "khojaly",
        "washington-joint-declaration",
        "minsk-group-dissolved",
    } <= {e.id for e in dated}
    for entry in dated:
        assert len(entry.sources) >= 2, entry.id
        assert all(s.get("url", "").startswith(("https://", "http://")) for s in entry.sources), entry.id


def test_the_pages_say_as_of_when_and_on_what(site):
    """A reader sees the date and the sources under the entry, as editorial text, with links."""
    glossary = content(site, "glossary/")
    entry = glossary.find(id="khamenei")
    dating = next(p for p in entry.find_all_next("p") if "fact-dating" in p.get("class", []))
    assert "editorial" in dating["class"]
    text = " ".join(dating.get_text().split())
    assert text.startswith("As of 7 December 2026; sources: Caribbean E-Roundup (from Al Jazeera), “Iran's Supreme")
    assert [a["href"] for a in dating.find_all("a")][0] == (
        "https://caribbeanetroundup.com/irans-supreme-leader-ali-khamenei-killed-in-us-israeli-attacks-reports"
    )
    timeline = content(site, "timeline/")
    event = timeline.find(id="minsk-group-dissolved")
    dating = next(p for p in event.find_all_next("p") if "fact-dating" in p.get("class", []))
    assert "As of 7 December 2026; sources: Ministry of Foreign Affairs of the Republic of Armenia" in dating.get_text()
    washington = timeline.find(id="washington-joint-declaration")
    assert "foreign ministers initialled" in washington.find_next("p", class_=None).get_text()


def test_a_source_title_is_text_never_markup(project_copy, build_copy):
    """A title written as markup, Markdown or character references reaches the page as the
    same characters, and makes no element."""
    glossary = project_copy / "data" / "glossary.yml"
    hostile = "<img src=x onerror=alert(1)> [link](https://example.org) &lt;b&gt; *bold* {: .x }"
    replace(glossary, 'title: "Former president Mamnoon Hussain passes away in Karachi at 80"', f"title: '{hostile}'")
    result = build_copy(project_copy)
    assert result.returncode == 0, result.output
    page = content(project_copy.parent / "site-of-copy", "glossary/")
    dating = next(p for p in page.find(id="mamnoon-hussain").find_all_next("p") if "fact-dating" in p.get("class", []))
    assert hostile in dating.get_text()
    assert [a["href"] for a in dating.find_all("a")] == [
        "https://www.dawn.com/news/1635068/former-president-mamnoon-hussain-passes-away-in-karachi-at-80",
        "https://www.brecorder.com/news/40107185/former-president-mamnoon-hussain-passes-away-tributes-and-"
        "condolences-pour-in",
    ]
    assert not dating.find_all(["img", "b", "em", "strong"])
