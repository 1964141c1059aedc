// The reading switch: read the whole site as corrected (the default) or as published.
// The choice is remembered across pages (localStorage). Without this script the page
// shows the corrected reading, with the published wording under each corrected
// paragraph's "Corrected" marker. Material's `document$` re-runs it after each
// instant-navigation page change.
(function () {
  "use strict";

  var KEY = "qarabagh-edition.reading";

  function stored() {
    try { return window.localStorage.getItem(KEY) === "published" ? "published" : "corrected"; }
    catch (e) { return "corrected"; }
  }

  function store(reading) {
    try { window.localStorage.setItem(KEY, reading); } catch (e) { /* private mode: not remembered */ }
  }

  // Show one reading: swap each corrected paragraph's text with the text kept in its
  // <details>, so IDs, links and the ¶ buttons stay where they are.
  function show(reading) {
    document.documentElement.setAttribute("data-reading", reading);
    document.querySelectorAll("[data-reading=corrected]").forEach(function (paragraph) {
      var current = paragraph.getAttribute("data-showing") || "corrected";
      if (current === reading) return;
      var text = paragraph.querySelector(":scope > .reading-text");
      var details = paragraph.querySelector(":scope > details.published-reading") ||
        (paragraph.nextElementSibling && paragraph.nextElementSibling.matches("details.published-reading") ?
          paragraph.nextElementSibling : null);
      if (!text || !details) return;
      var other = details.querySelector(".published-reading__text");
      var swap = text.innerHTML;
      text.innerHTML = other.innerHTML;
      other.innerHTML = swap;
      paragraph.setAttribute("data-showing", reading);
      var label = details.querySelector(".published-reading__label");
      label.textContent = label.getAttribute(reading === "published" ? "data-published" : "data-corrected");
      details.querySelector(".corrected-marker").textContent = reading === "published" ? "As published" : "Corrected";
    });
    document.querySelectorAll(".reading-switch input").forEach(function (input) {
      input.checked = input.value === reading;
    });
  }

  function setUp() {
    var control = document.querySelector(".reading-switch");
    if (control) {
      control.querySelectorAll("input").forEach(function (input) {
        input.addEventListener("change", function () {
          store(input.value);
          show(input.value);
        });
      });
    }
    show(stored());
  }

  window.edition.onEveryPage(setUp);
})();
