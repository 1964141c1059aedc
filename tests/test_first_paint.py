"""The first paint waits for the text: a page is not drawn with its header alone and its
first paragraph a moment later (qarabagh_edition.pages.first_paint)."""
from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest

from qarabagh_edition.pages.first_paint import first_paint_anchor


def test_the_anchor_is_the_first_paragraph_with_an_id():
    content = ('<h1 id="social-impacts">Social impacts</h1><p class="reading-time">12 min</p>'
               '<h2 id="social-ethnic">Ethnic diversity</h2><p data-x="1" id="social-1">Text</p><p id="social-2">')
    assert first_paint_anchor(content) == "social-1"


def test_without_paragraph_ids_the_anchor_is_the_title_and_otherwise_none():
    assert first_paint_anchor('<h1 id="glossary">Glossary</h1><p>Entries</p>') == "glossary"
    assert first_paint_anchor("<p>No IDs at all</p>") is None


def test_a_paragraph_far_down_does_not_hold_the_first_paint():
    content = '<h1 id="timeline">Timeline</h1>' + "<p>An event.</p>" * 3000 + '<p id="late">Late</p>'
    assert first_paint_anchor(content) == "timeline"


class SlowTextHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site; one page arrives in two parts, the second a second later, cut just
    before its first paragraph (as a slow phone network might deliver a long section)."""
    slow_path = "/social-impacts/"
    cut_before = 'id="social-1"'

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path != self.slow_path:
            return super().do_GET()
        html = (self.directory_path / "social-impacts" / "index.html").read_bytes()
        cut = html.rindex(b"<p", 0, html.index(self.cut_before.encode()))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(html)))
        self.end_headers()
        self.wfile.write(html[:cut])
        self.wfile.flush()
        time.sleep(1.0)
        self.wfile.write(html[cut:])


@pytest.fixture
def slow_text_server(site):
    handler = type("Handler", (SlowTextHandler,), {"directory_path": site})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.browser
def test_the_first_paint_has_the_title_and_the_first_paragraph(browser, slow_text_server):
    context = browser.new_context(viewport={"width": 412, "height": 823})
    page = context.new_page()
    page.add_init_script("""window.__paints = {};
        new PerformanceObserver(list => { for (const entry of list.getEntries())
            window.__paints[entry.name] = entry.startTime; }).observe({type: 'paint', buffered: true});
        new PerformanceObserver(list => { for (const entry of list.getEntries())
            if (entry.element && entry.element.id) window.__paints['#' + entry.element.id] = entry.startTime;
        }).observe({type: 'largest-contentful-paint', buffered: true});""")
    page.goto(slow_text_server + SlowTextHandler.slow_path, wait_until="load")
    page.wait_for_timeout(300)
    paints = page.evaluate("window.__paints")
    context.close()
    first, paragraph = paints["first-contentful-paint"], paints.get("#social-1")
    assert paragraph is not None, paints
    # Drawn in the same frame, not a second apart.
    assert paragraph - first < 200, f"the first paint at {first:.0f} ms, the first paragraph at {paragraph:.0f} ms"
