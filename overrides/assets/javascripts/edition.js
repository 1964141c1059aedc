// Helpers shared by the edition's scripts (readings.js, cite.js, pack.js,
// tooltips.js, accessibility.js): loaded first, as window.edition.
(function () {
  "use strict";

  // Say something to screen readers through a polite live region (one per id, so each
  // script keeps its own).
  function announce(message, id) {
    var status = document.getElementById(id);
    if (!status) {
      status = document.createElement("div");
      status.id = id;
      status.className = "visually-hidden-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  // Copy text to the clipboard; pages opened from disk or over plain http have no
  // Clipboard API, so fall back to a hidden text area. Calls done() either way.
  function copyText(text, done) {
    var fallback = function () {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing more can be done */ }
      area.remove();
      done();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  // Run a set-up on every page. Material's document$ announces every page, instant
  // navigation included, but not pages opened from disk (it completes without a value
  // there), so start on DOMContentLoaded too when it has not. Once per page: the set-ups
  // walk every paragraph, and the first page load is when time matters most.
  // The scripts are deferred: they run while the document is "interactive" but before
  // DOMContentLoaded, so the document's state alone does not say whether it has fired.
  var contentLoaded = document.readyState === "complete";
  if (!contentLoaded) document.addEventListener("DOMContentLoaded", function () { contentLoaded = true; });

  function onEveryPage(setUp) {
    var announced = false;
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function (page) { announced = true; setUp(page); });
    }
    var unlessAnnounced = function () { if (!announced) setUp(); };
    if (contentLoaded) {
      unlessAnnounced();
    } else {
      document.addEventListener("DOMContentLoaded", unlessAnnounced);
    }
  }

  // Load a script once, when it is first needed: a promise, shared by everyone who asks
  // for the same URL. A script element rather than fetch(), so that the offline copy
  // works from disk too. After a failure the next call tries again.
  var scripts = {};
  function loadScript(url) {
    if (!scripts[url]) {
      scripts[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = function () { delete scripts[url]; reject(new Error("could not load " + url)); };
        document.head.appendChild(script);
      });
    }
    return scripts[url];
  }

  // The first of `elements` (in page order) still in view: its bottom below the header and
  // the row of tools that stays above the text. The reading switch leads to it, and the
  // Cite box offers its tools.
  function firstInView(elements) {
    var top = 0;
    [".md-header", ".page-tools"].forEach(function (selector) {
      var bar = document.querySelector(selector);
      if (bar) top = Math.max(top, bar.getBoundingClientRect().bottom);
    });
    for (var i = 0; i < elements.length; i++) {
      if (elements[i].getBoundingClientRect().bottom > top + 4) return elements[i];
    }
    return null;
  }

  // A paragraph's tools (its ¶ link and "cite" from cite.js, "Add to pack" from pack.js)
  // are made when first wanted, by paragraphTools(paragraph), not for every paragraph when
  // the page loads: the longest section has 50 paragraphs, and their 200 buttons made it
  // slow to start. Each script adds its tool with addParagraphTool(make); make(box,
  // paragraph) puts its buttons into a box of tools, in the order the scripts run.
  var toolMakers = [];

  function addParagraphTool(make) {
    toolMakers.push(make);
    document.querySelectorAll(".paragraph-tools[data-for]").forEach(function (box) {
      var paragraph = document.getElementById(box.getAttribute("data-for"));
      if (paragraph) make(box, paragraph);
    });
  }

  // A new box of tools for the paragraph (the Cite box shows one for the paragraph in view).
  function makeParagraphTools(paragraph) {
    var box = document.createElement("span");
    box.className = "paragraph-tools";
    box.setAttribute("data-for", paragraph.id);
    toolMakers.forEach(function (make) { make(box, paragraph); });
    return box;
  }

  // The paragraph's own tools, made on first use, at its start.
  function paragraphTools(paragraph) {
    var box = paragraph.querySelector(":scope > .paragraph-tools");
    if (!box) {
      box = makeParagraphTools(paragraph);
      paragraph.insertBefore(box, paragraph.firstChild);
    }
    return box;
  }

  // On paper, a link to another site shows its address (the print style sheet). Material's
  // instant navigation makes every address on the page absolute, so only here, from its
  // origin, is it known which links leave the site.
  onEveryPage(function () {
    document.querySelectorAll(".md-typeset a[href]").forEach(function (link) {
      if (/^https?:$/.test(link.protocol) && link.origin !== window.location.origin) link.classList.add("leaves-site");
    });
  });

  // The whole paper on one page lays out a section only when it comes near the window
  // (content-visibility, edition.css). A jump to an anchor in a section not laid out yet,
  // as Material's instant navigation makes it (from a link, or from the address bar),
  // can stop short of its target; the browser's own scrollIntoView lays the target out
  // first. So, after such a jump, a target that is not drawn in the window is brought there.
  function bringIntoView(hash) {
    var id;
    try { id = decodeURIComponent((hash || "").slice(1)); } catch (error) { return; }  // a malformed "%"
    if (!id || !document.querySelector(".whole-paper__section")) return;
    window.setTimeout(function () {
      var target = document.getElementById(id);
      if (!target || !target.checkVisibility) return;
      var box = target.getBoundingClientRect();
      var shown = target.checkVisibility({ contentVisibilityAuto: true }) && box.bottom > 0 && box.top < window.innerHeight;
      if (!shown) target.scrollIntoView();
    }, 150);
  }
  document.addEventListener("click", function (event) {
    // Not a click that opens the link elsewhere (a new tab or window).
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a[href*='#']") : null;
    if (link && link.hash && link.pathname === window.location.pathname) bringIntoView(link.hash);
  });
  window.addEventListener("hashchange", function () { bringIntoView(window.location.hash); });
  // Arriving from another page by instant navigation, which jumps to the anchor itself.
  onEveryPage(function () { bringIntoView(window.location.hash); });

  window.edition = { announce: announce, copyText: copyText, onEveryPage: onEveryPage, loadScript: loadScript,
                     addParagraphTool: addParagraphTool, makeParagraphTools: makeParagraphTools,
                     paragraphTools: paragraphTools, firstInView: firstInView };
})();
