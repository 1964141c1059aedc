// One tooltip for the whole page, shown on hover or focus:
// - an actor's name in the paper (a.glossary-term): what the actor is. The descriptions
//   are fetched once, on the first hover or focus, from glossary-data.js (written by
//   overrides/hooks/glossary_links.py): a `title` on each of a section's 250 links cost
//   page weight and start-up time;
// - anything with a data-tooltip: a conjecture's mark (the published words), a heading's
//   "¶" permalink, a footnote's back-link, an editorial heading's badge. The build moves
//   their `title` there (qarabagh_edition.pages.tooltips).
// - a change where it stands (.change, while "Show changes" is on) and a conjecture's
//   "conj." when clicked or tapped: the change as its apparatus entry gives it (class,
//   printed words -> reading, reason), from the paragraph's changes that the "Corrected"
//   marker opens (readings.js, window.edition.changeEntry); a query's words (.queried,
//   shown with the changes): the question, from the query's note under the paragraph.
//   A click or tap keeps it open (touch has no hover) until Escape or a click elsewhere.
// - on touch, a tap on an actor's name or a citation previews it in place (the citation's
//   full reference from its footnote), with the link onward; a second tap follows it.
// Our own code, not Material's tooltips, because those are set up per element when the
// page loads: some 260 on the whole paper on one page.
// The tooltip stays while the pointer is over it and closes with Escape (WCAG 1.4.13).
(function () {
  "use strict";

  var DATA_URL = new URL("glossary-data.js", document.currentScript.src).href;
  var tooltip = null;
  var current = null;
  var hideTimer = null;
  var pinned = false;  // opened by a click or tap: stays until Escape or a click elsewhere

  function changesShown() {
    return document.documentElement.classList.contains("changes-shown") ||
      Boolean(document.querySelector(".show-changes__input:checked"));
  }

  // A change's entry (HTML of the edition's own changes JSON), or null: none to show.
  function changeOf(element) {
    var block = element.closest("p[id], li[id]");
    if (!block || !window.edition.changeEntry) return Promise.resolve(null);
    return window.edition.changeEntry(block.id, Number(element.getAttribute("data-change")))
      .catch(function () { return null; });
  }

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

  // A citation's full reference, as its footnote at the foot of the page gives it.
  function referenceOf(link) {
    var footnote = document.getElementById(decodeURIComponent((link.hash || "").slice(1)));
    if (!footnote) return null;
    var copy = footnote.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (backref) { backref.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim() || null;
  }

  // `onward`: previewed by a tap, the tooltip ends with the link the tap did not follow.
  function show(link, whole, onward) {
    window.clearTimeout(hideTimer);
    current = link;
    var change = link.classList.contains("change") || (whole && link.hasAttribute("data-change"));
    var note = link.hasAttribute("data-query") && document.getElementById(link.getAttribute("data-query"));
    var own = link.getAttribute("data-tooltip") || (note ? "Query: " + note.textContent : null) ||
      (link.matches(".footnote-ref") ? referenceOf(link) : null);
    (change ? changeOf(link) : own ? Promise.resolve(null) : descriptions()).then(function (data) {
      if (change && !data && !own) return;
      var text = change && data ? "" : own || data[actorOf(link)];
      if (current !== link || !(text || (change && data))) return;
      var box = element();
      box.textContent = "";
      if (change && data) {
        box.innerHTML = data;  // the entry's HTML, as the changes panel shows it
      } else {
        // "Name: what it is" shows the name in bold; a plain sentence stays plain.
        var split = text.indexOf(": ");
        if (split > 0) {
          var name = document.createElement("strong");
          name.textContent = text.slice(0, split);
          box.appendChild(name);
        }
        box.appendChild(document.createTextNode(split > 0 ? text.slice(split) : text));
      }
      if (onward) {
        var next = document.createElement("a");
        next.className = "edition-tooltip__onward";
        next.href = link.href;
        next.textContent = link.matches(".footnote-ref") ? "To the reference" : "To the glossary entry";
        box.appendChild(document.createElement("br"));
        box.appendChild(next);
      }
      box.hidden = false;
      place(box, link);
      // Not where the text is already the element's name (a "¶" permalink): said once.
      if (link.getAttribute("aria-label") !== text) link.setAttribute("aria-describedby", box.id);
    });
  }

  function hide() {
    window.clearTimeout(hideTimer);
    pinned = false;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (tooltip) tooltip.hidden = true;
  }

  // A short delay, so the pointer can travel from the link onto the tooltip.
  function scheduleHide() {
    if (pinned) return;
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 150);
  }

  function termOf(event) {
    if (!event.target || !event.target.closest) return null;
    var found = event.target.closest("a.glossary-term, [data-tooltip], .change[data-change], .queried[data-query]");
    // A change's or query's marks answer when "Show changes" is on; a query on the record's
    // pages always (they carry no other marks).
    if (found && found.matches(".change, .queried") && !changesShown() && !found.closest(".as-published")) {
      found = found.parentElement && found.parentElement.closest("a.glossary-term, [data-tooltip]");
    }
    return found;
  }

  // A conjecture's "conj.", or a shown change outside a link: a click or tap opens its
  // change and keeps it open (the "conj." link, to the Corrections page, is for readers
  // without the script, or where the changes cannot be fetched).
  document.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    // On touch (no hover), a glossary name or a citation previews in place, as Wikipedia's
    // do: the tap does not leave the page; the preview's link, or a second tap, goes on.
    var term = event.pointerType === "touch" && event.target.closest &&
      event.target.closest("a.glossary-term, .citation a.footnote-ref");
    if (term && !(pinned && current === term)) {
      event.preventDefault();
      event.stopPropagation();
      show(term, false, true);
      pinned = true;
      return;
    }
    var mark = event.target.closest && event.target.closest("a.conjecture-mark, .change[data-change], .queried[data-query]");
    if (mark && !mark.matches("a") && (mark.closest("a") || !(changesShown() || mark.closest(".as-published")))) {
      mark = null;
    }
    if (!mark) {
      if (pinned && !(tooltip && tooltip.contains(event.target))) hide();
      return;
    }
    event.preventDefault();
    event.stopPropagation();  // before Material's instant navigation, on the body, follows the link
    var link = mark;
    if (mark.matches(".queried")) { show(link); pinned = true; return; }
    changeOf(link).then(function (data) {
      if (!data && link.matches("a")) { window.location.href = link.href; return; }
      show(link, true);
      pinned = true;
    });
  }, true);  // the capture phase: see stopPropagation above

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch" || pinned) return;  // a tap is a click: see above
    var link = termOf(event);
    if (link && link !== current) show(link);
    else if (link) window.clearTimeout(hideTimer);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var link = termOf(event);
    if (link && !(event.relatedTarget && link.contains(event.relatedTarget))) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var link = termOf(event);
    if (link && !pinned) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event) && !pinned) hide();
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
