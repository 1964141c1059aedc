"""Quality gates checked with independent tools: accessibility (axe-core), keyboard use,
links and anchors (linkchecker), HTML validity (Nu Html Checker), privacy and mobile
layout on every page."""
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def public_pages(site: Path) -> list[str]:
    """Every page of the site (no redirect stubs), as URL paths."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("assets/", "search/", "downloads/")):
            continue
        html = path.read_text(encoding="utf-8", errors="replace")
        if 'http-equiv="refresh"' in html and len(html) < 2000:
            continue  # a redirect stub
        pages.append(relative.removesuffix("index.html"))
    return pages


@pytest.fixture(scope="module")
def pages(site):
    found = public_pages(site)
    assert len(found) >= 15
    return found


# -- Accessibility -------------------------------------------------------------------------

def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as it is now: "rule (how many): first element"."""
    assert AXE.exists(), "node_modules/axe-core is missing: run scripts/test"
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
        .violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '))""")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", [(360, 740), (1280, 900)], ids=["phone", "desktop"])
def test_axe_finds_no_violations(browser, server, pages, scheme, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for path in pages:
        page.goto(server + path, wait_until="networkidle")
        problems += [f"{path or '/'}: {v}" for v in axe_violations(page)]
    context.close()
    assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_our_overlays_open(browser, server, scheme):
    # What only appears on use: an actor's tooltip, the cite box, a corrected paragraph's marker.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(server + "political-implications/", wait_until="networkidle")
    page.locator("details.cite-this > summary").click()
    page.locator('details.published-reading[data-for="political-5"] > summary').click()
    page.locator("#political-2 a.glossary-term").first.focus()
    page.locator("#glossary-tooltip").wait_for(state="visible", timeout=5000)
    violations = axe_violations(page)
    context.close()
    assert violations == [], "\n".join(violations)


@pytest.mark.browser
def test_keyboard_reaches_and_operates_what_we_added(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "roots-of-the-crisis/", wait_until="networkidle")
    reached = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("""() => { const e = document.activeElement;
            return e.closest('.reading-switch') ? 'reading switch'
                 : e.matches('details.cite-this > summary') ? 'cite box'
                 : e.matches('.paragraph-link') ? 'paragraph link'
                 : e.matches('.paragraph-cite') ? 'paragraph cite'
                 : e.closest('span.citation') ? 'citation'
                 : e.matches('a.glossary-term') ? 'glossary term'
                 : e.matches('details.published-reading > summary') ? 'published reading' : 'other' }"""))
    assert reached >= {"reading switch", "cite box", "paragraph link", "paragraph cite", "citation",
                       "glossary term", "published reading"}, reached
    # Operate them with the keyboard alone.
    page.locator("#roots-1 span.citation a").focus()
    page.locator(".md-tooltip2--active, .md-tooltip--active").first.wait_for(timeout=5000)
    page.locator("details.cite-this > summary").focus()
    page.keyboard.press("Enter")
    assert page.locator("details.cite-this").get_attribute("open") is not None
    page.locator("#cite-paper-apa .cite-copy").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()").startswith("Sarmadi, H.")
    page.locator(".reading-switch input[value=corrected]").focus()
    page.keyboard.press("ArrowRight")  # radio group: arrows move and select
    assert page.locator(".reading-switch input[value=published]").is_checked()
    assert "appered" in page.locator("#roots-1 .reading-text").inner_text()
    page.locator('details.published-reading[data-for="roots-1"] > summary').focus()
    page.keyboard.press("Enter")
    assert page.locator('details.published-reading[data-for="roots-1"]').get_attribute("open") is not None
    context.close()


# -- Links ----------------------------------------------------------------------------------

def test_linkchecker_finds_no_broken_internal_links_or_anchors(site):
    # Run as root, linkchecker drops to user "nobody": give it a readable copy of the site.
    import os
    import shutil
    import tempfile

    readable = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    shutil.copytree(site, readable / "site")
    for folder, _, files in os.walk(readable):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    site = readable / "site"
    result = subprocess.run(
        [str(Path(ROOT / ".venv" / "bin" / "linkchecker")) if (ROOT / ".venv" / "bin" / "linkchecker").exists()
         else "linkchecker", "--config", str(ROOT / "tests" / "linkcheckerrc"), "--no-status", "-o", "text",
         "--no-warnings", str(site / "index.html")],
        capture_output=True, text=True, timeout=900)
    summary = re.search(r"(\d+) links? in (\d+) URLs checked\. .*?(\d+) errors? found", result.stdout, re.S)
    assert summary, result.stdout[-2000:] + result.stderr[-2000:]
    assert int(summary.group(2)) > 500, "linkchecker did not walk the site"
    shutil.rmtree(readable, ignore_errors=True)
    assert summary.group(3) == "0", result.stdout[-4000:]


# -- HTML validity --------------------------------------------------------------------------

def test_nu_html_checker_finds_no_errors_in_our_markup(site):
    assert VNU.exists(), "node_modules/vnu-jar is missing: run scripts/test"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                             str(site)], capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    allowed = yaml.safe_load((ROOT / "tests" / "vnu-allowlist.yml").read_text(encoding="utf-8"))
    used = set()
    unexplained = []
    for message in messages:
        where = message.get("url", "").split(str(site) + "/")[-1]
        match = next((i for i, rule in enumerate(allowed) if re.search(re.escape(rule["message"]), message["message"])
                      and ("only_in" not in rule or where == rule["only_in"])), None)
        if match is None:
            unexplained.append(f"{where}:{message.get('lastLine')}: {message['message']}")
        else:
            used.add(match)
    assert unexplained == []
    stale = [rule["message"] for i, rule in enumerate(allowed) if i not in used]
    assert stale == [], "allow-list entries that match nothing any more: remove them"


# -- Privacy and mobile ---------------------------------------------------------------------

@pytest.mark.browser
def test_every_page_and_feature_requests_only_the_site(browser, server, pages):
    context = browser.new_context()
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    for path in pages:
        page.goto(server + path, wait_until="networkidle")
    # Features: search, tooltips, the reading switch, the cite box.
    page.goto(server + "political-implications/", wait_until="networkidle")
    page.locator("#political-2 a.glossary-term").first.hover()
    page.locator("#political-2 span.citation a").first.hover()
    page.get_by_label("As published").check()
    page.locator("details.cite-this > summary").click()
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Tabriz", delay=10)
    page.locator(".md-search-result__list a").first.wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    context.close()
    assert hosts == {"127.0.0.1"}, hosts


@pytest.mark.browser
def test_no_horizontal_scrolling_at_360_pixels(browser, server, pages):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    wide = []
    for path in pages:
        page.goto(server + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide.append(f"{path or '/'}: {width}px")
    context.close()
    assert wide == []
