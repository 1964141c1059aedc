// One tooltip for the whole page, shown on hover or focus:
// - an actor's name in the paper (a.glossary-term): what the actor is. The descriptions
//   are fetched once, on the first hover or focus, from glossary-data.js (written by
//   overrides/hooks/glossary_links.py): a `title` on each of a section's 250 links cost
//   page weight and start-up time;
// - anything with a data-tooltip: a conjecture's mark (the published words), a heading's
//   "¶" permalink, a footnote's back-link, an editorial heading's badge. The build moves
//   their `title` there (qarabagh_edition.pages.tooltips).
// Our own code, not Material's tooltips, because those are set up per element when the
// page loads: some 260 on the whole paper on one page.
// The tooltip stays while the pointer is over it and closes with Escape (WCAG 1.4.13).
(function () {
  "use strict";

  var DATA_URL = new URL("glossary-data.js", document.currentScript.src).href;
  var tooltip = null;
  var current = null;
  var hideTimer = null;

  function descriptions() {
    return window.edition.loadScript(DATA_URL).then(
      function () { return window.editionGlossary || {}; },
      function () { return {}; });  // no tooltip then; the link still leads to the entry
  }

  function actorOf(link) {
    var hash = link.hash || "";
    return decodeURIComponent(hash.slice(1));
  }

  function element() {
    if (tooltip && document.body.contains(tooltip)) return tooltip;
    tooltip = document.createElement("div");
    tooltip.id = "edition-tooltip";
    tooltip.className = "edition-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    tooltip.addEventListener("pointerenter", function () { window.clearTimeout(hideTimer); });
    tooltip.addEventListener("pointerleave", function () { scheduleHide(); });
    // Inside the page's main landmark, with the text it describes.
    (document.querySelector("main") || document.body).appendChild(tooltip);
    return tooltip;
  }

  // Fixed to the window, next to the link: below it, or above where there is no room.
  function place(box, link) {
    var rect = link.getBoundingClientRect();
    var gap = 6;
    var width = box.offsetWidth;
    var height = box.offsetHeight;
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    var below = rect.bottom + gap + height <= window.innerHeight || rect.top < height + gap;
    box.style.left = left + "px";
    box.style.top = (below ? rect.bottom + gap : rect.top - gap - height) + "px";
  }

  function show(link) {
    window.clearTimeout(hideTimer);
    current = link;
    var own = link.getAttribute("data-tooltip");
    (own ? Promise.resolve(null) : descriptions()).then(function (data) {
      var text = own || data[actorOf(link)];
      if (current !== link || !text) return;
      var box = element();
      // "Name: what it is" shows the name in bold; a plain sentence stays plain.
      var split = text.indexOf(": ");
      box.textContent = "";
      if (split > 0) {
        var name = document.createElement("strong");
        name.textContent = text.slice(0, split);
        box.appendChild(name);
      }
      box.appendChild(document.createTextNode(split > 0 ? text.slice(split) : text));
      box.hidden = false;
      place(box, link);
      // Not where the text is already the element's name (a "¶" permalink): said once.
      if (link.getAttribute("aria-label") !== text) link.setAttribute("aria-describedby", box.id);
    });
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (tooltip) tooltip.hidden = true;
  }

  // A short delay, so the pointer can travel from the link onto the tooltip.
  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 150);
  }

  function termOf(event) {
    return event.target && event.target.closest ? event.target.closest("a.glossary-term, [data-tooltip]") : null;
  }

  document.addEventListener("pointerover", function (event) {
    var link = termOf(event);
    if (link && link !== current) show(link);
    else if (link) window.clearTimeout(hideTimer);
  });
  document.addEventListener("pointerout", function (event) {
    var link = termOf(event);
    if (link && !(event.relatedTarget && link.contains(event.relatedTarget))) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) hide();
  });
  window.addEventListener("resize", hide);
  window.addEventListener("scroll", function () {
    if (current && tooltip && !tooltip.hidden) place(tooltip, current);
  }, { passive: true });
  // Instant navigation replaces the page under the tooltip.
  window.edition.onEveryPage(hide);
})();
