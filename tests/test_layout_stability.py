"""Nothing on a page moves while it loads (no layout shift in the page's content): not when
the scripts add their controls, and not when the browser paints the page before its HTML
has all arrived, as it does on a slow connection."""

import re
import time
from pathlib import Path

import pytest
from conftest import _QuietHandler, _serve

WIDTHS = pytest.mark.parametrize("width, height", [(360, 740), (1280, 900)], ids=["phone", "desktop"])

# Every layout shift whose moving boxes are in the page's content, or have no element to name
# (text a style sheet generates, such as a ::before or ::after). Material's sidebars may move a
# hair as the table of contents follows the reading: not the text, and not ours.
RECORD_SHIFTS = """window.__shifts = [];
    new PerformanceObserver(list => { for (const shift of list.getEntries()) {
        if (shift.hadRecentInput) continue;
        const element = s => s.node && (s.node.nodeType === 1 ? s.node : s.node.parentElement);
        const content = shift.sources.filter(s => element(s)?.closest('.md-content'));
        if (content.length || !shift.sources.some(element)) window.__shifts.push([shift.value, shift.sources.map(s =>
            element(s) ? element(s).nodeName + '#' + (element(s).id || '') + '.' + (element(s).className || '')
                       : 'a box with no element (generated text?)')]);
    } }).observe({type: 'layout-shift', buffered: true});"""


def shifts_while_loading(browser, url: str, width: int, height: int, before: str = "") -> list:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.add_init_script(before + RECORD_SHIFTS)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    context.close()
    return shifts


@pytest.mark.browser
@WIDTHS
@pytest.mark.parametrize("path", ["", "introduction/", "social-impacts/", "as-published/social-impacts/", "glossary/"])
def test_nothing_on_the_page_moves_while_it_loads(browser, server, path, width, height):
    """What the scripts add (the section's pack button, the paragraph tools, the copy
    buttons) comes without moving the text."""
    shifts = shifts_while_loading(browser, server + path, width, height)
    assert shifts == [], shifts


# -- The HTML arriving in pieces -----------------------------------------------------------

PAUSE = 0.03  # seconds: long enough for the browser to paint what it has


def pause_points(html: bytes) -> list[int]:
    """Where to hold the page back: after every tag of the top of the content (from the
    content's start to the end of the first paragraph after the title), the part a reader
    sees first. Not inside the closed "Cite" box, which is not drawn until opened."""
    start = html.index(b'class="md-content"')
    end = html.index(b"</p>", html.index(b"</h1>", start))
    hidden = [match.span() for match in re.finditer(rb"</summary>.*?</details>", html[start:end], re.S)]
    points = []
    for match in re.finditer(rb">", html[start:end]):
        if not any(first < match.start() < last for first, last in hidden):
            points.append(start + match.end())
    return points


class _PausingHandler(_QuietHandler):
    """Sends a page's HTML in pieces, pausing after each tag of its first screen."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().do_GET()
        html = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(html)))
        self.end_headers()
        sent = 0
        for point in pause_points(html) + [len(html)]:
            self.wfile.write(html[sent:point])
            self.wfile.flush()
            sent = point
            time.sleep(PAUSE)


@pytest.fixture(scope="module")
def pausing_server(site):
    yield from _serve(site, handler=_PausingHandler)


def test_the_pauses_fall_in_the_top_of_the_content_and_not_in_the_closed_cite_box(site):
    html = (site / "social-impacts" / "index.html").read_bytes()
    points = pause_points(html)
    assert len(points) >= 10
    assert all(
        html.index(b'class="md-content"') < point <= html.index(b'class="reading-time"') + 200 for point in points
    )
    details = html.index(b'<details class="cite-this"')
    assert not [
        point for point in points if html.index(b"</summary>", details) < point < html.index(b"</details>", details)
    ]


@pytest.mark.browser
@WIDTHS
@pytest.mark.parametrize("path", ["", "social-impacts/", "as-published/social-impacts/", "glossary/"])
def test_nothing_painted_moves_when_the_rest_of_the_html_arrives(browser, pausing_server, path, width, height):
    """On a slow connection the browser paints what has arrived: an item centred in its row
    moves down when a taller sibling comes, a box at a line's end jumps to the next line when
    its text comes, a separator after the last item so far is pushed along by the next. Each
    page's HTML is sent here in pieces, with a pause after every tag of its first screen."""
    shifts = shifts_while_loading(browser, pausing_server + path, width, height)
    assert shifts == [], shifts


@pytest.mark.browser
@WIDTHS
def test_nothing_painted_moves_with_the_changes_shown(browser, pausing_server, width, height):
    """A reader who chose "Show changes" gets the marks and their key from the first paint
    (main.html reads the choice before the page is drawn), so nothing moves for them either."""
    remembered = "try { localStorage.setItem('qarabagh-edition.changes', 'shown'); } catch (e) {}\n"
    shifts = shifts_while_loading(browser, pausing_server + "social-impacts/", width, height, remembered)
    assert shifts == [], shifts
