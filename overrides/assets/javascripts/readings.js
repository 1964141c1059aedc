// The two readings, each at its own pages: the corrected English reading and the record
// (the paper as published, under as-published/). Without this script the reading switch
// is a plain link to the other reading of the page, and a corrected paragraph's marker a
// link to the same paragraph in the record. With it:
//  * the switch leads to the paragraph in view, and the choice is remembered
//    (localStorage): the site's links then lead to the chosen reading;
//  * the marker opens the changes in place, with the published wording folded under
//    them, fetched from its record page's changes JSON (#edition-changes says which) when
//    first asked for (opened from disk, where nothing can be fetched, the marker goes to
//    the record instead);
//  * "Show changes" marks every change where it stands (the style sheet does, from the
//    ticked box), and the choice is remembered; one change's entry, for tooltips.js.
// Material's `document$` re-runs setUp after each instant-navigation page change.
(function () {
  "use strict";

  var KEY = "qarabagh-edition.reading";  // read also by main.html, before a page is drawn
  var fetched = {};  // changes JSON by URL: one request per page, however many markers

  function stored() {
    try { return window.localStorage.getItem(KEY) === "published" ? "published" : "corrected"; }
    catch (e) { return "corrected"; }
  }

  function store(reading) {
    try { window.localStorage.setItem(KEY, reading); } catch (e) { /* private mode: not remembered */ }
  }

  // The first paragraph or heading with a permanent ID still in view.
  function inView() {
    var first = window.edition.firstInView(document.querySelectorAll(
      "article [data-paragraph][id], article h1[id], article h2[id], article h3[id]"));
    return first ? first.id : "";
  }

  // A site path as the pairs name it: the home page is "./" (index.html offline).
  function normal(path) {
    return path === "" || path === "index.html" ? "./" : path;
  }

  // Site path ("social-impacts/") of a URL on this site, or null.
  function sitePath(url, root) {
    if (url.origin !== root.origin || url.pathname.indexOf(root.pathname) !== 0) return null;
    return normal(url.pathname.slice(root.pathname.length));
  }

  // Every link of the page to a page of the paper leads to the record's page of it (the
  // pairs are in #edition-readings, on every page).
  function followChoice() {
    var data = document.getElementById("edition-readings");
    var pairs, root;
    try {
      pairs = JSON.parse(data.textContent);
      root = new URL(data.getAttribute("data-root") + "/", window.location.href);
    } catch (e) { return; }
    var wanted = {};
    Object.keys(pairs).forEach(function (corrected) { wanted[normal(corrected)] = pairs[corrected]; });
    document.querySelectorAll("a[href]").forEach(function (link) {
      if (link.closest(".reading-switch") || link.classList.contains("corrected-marker")) return;
      var url = new URL(link.href, window.location.href);
      var path = sitePath(url, root);
      if (path === null || !(path in wanted)) return;
      var target = new URL(normal(wanted[path]) === "./" ? "" : wanted[path], root);
      target.hash = url.hash;
      link.href = target.href;
    });
  }

  function setUpSwitch() {
    // The site's own links lead to the corrected reading already: only a choice of the
    // record means going over them (a few hundred links, so not on every page for nothing).
    if (stored() === "published") followChoice();
    var control = document.querySelector(".reading-switch");
    if (!control) return;
    control.querySelectorAll("a[data-reading]").forEach(function (link) {
      link.addEventListener("click", function () {
        store(link.getAttribute("data-reading"));
        var here = inView();
        if (here) {
          var url = new URL(link.href, window.location.href);
          url.hash = here;
          link.href = url.href;
        }
      });
    });
  }

  // The changes JSON of the record page the marker links to: the page's template lists
  // them (#edition-changes, site paths, resolved like the pairs of #edition-readings).
  function changesUrl(marker) {
    var root = new URL(document.getElementById("edition-readings").getAttribute("data-root") + "/",
                       window.location.href);
    var changes = JSON.parse(document.getElementById("edition-changes").textContent);
    var path = sitePath(new URL(marker.href, window.location.href), root);
    if (!(path in changes)) throw new Error("no changes for " + path);
    return new URL(changes[path], root).href;
  }

  function changesOf(marker) {
    var url;
    try { url = changesUrl(marker); } catch (e) { return Promise.reject(e); }
    if (!fetched[url]) {
      fetched[url] = window.fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      fetched[url].catch(function () { delete fetched[url]; });
    }
    return fetched[url];
  }

  // What a marker opens: its paragraph's changes, each with its class and the editors'
  // reason, led by the one the reader came for when they came from a conjecture's mark;
  // the paragraph as published and the change word by word are folded (the longest ran
  // to six phone screens). A close control at either end.
  var SHOWN_ENTRIES = 8;  // a panel's changes shown before "N more"

  function panelFor(marker, entry, lead) {
    var panel = document.createElement("div");
    panel.className = "published-reading";
    panel.id = "published-" + marker.getAttribute("data-for");
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "¶ " + entry.number + " as published, and the changes");
    var close = '<button type="button" class="published-reading__close" aria-label="Close the changes of ¶ ' +
      entry.number + '">Close</button>';
    panel.innerHTML =
      '<div class="published-reading__bar"><span class="published-reading__heading">Changes to ¶ ' +
      entry.number + "</span>" + close + "</div>" +
      '<div class="published-reading__why"><ul class="apparatus-list">' + entry.apparatus + "</ul></div>" +
      '<details class="published-reading__fold"><summary>¶ ' + entry.number + " as published</summary>" +
      '<p class="published-reading__text">' + entry.published + "</p></details>" +
      '<details class="published-reading__fold"><summary>Every change in context, word by word</summary>' +
      '<p class="published-reading__diff">' + entry.changes + "</p></details>" +
      '<p class="published-reading__revised">' + entry.revised + " · " +
      '<a href="' + marker.getAttribute("href") + '">¶ ' + entry.number + " in the record</a></p>" +
      '<div class="published-reading__bar published-reading__bar--end">' + close + "</div>";
    var chosen = lead ? panel.querySelectorAll(".apparatus-entry--conjecture")[lead - 1] : null;
    if (chosen) {
      // The conjecture first, marked; the others after it, in the paragraph's order.
      chosen.classList.add("apparatus-entry--chosen");
      chosen.parentNode.insertBefore(chosen, chosen.parentNode.firstChild);
      panel.setAttribute("data-lead", String(lead));
    }
    // A fine apparatus is long (two dozen lines in a paragraph): the first lines shown, the
    // rest folded under one summary, so the panel stays a few phone screens long.
    var entries = panel.querySelectorAll(".published-reading__why .apparatus-entry");
    if (entries.length > SHOWN_ENTRIES + 2) {
      var more = document.createElement("details"), summary = document.createElement("summary");
      var rest = document.createElement("ul");
      more.className = "published-reading__fold published-reading__more";
      summary.textContent = (entries.length - SHOWN_ENTRIES) + " more changes and queries";
      rest.className = "apparatus-list";
      [].slice.call(entries, SHOWN_ENTRIES).forEach(function (item) { rest.appendChild(item); });
      more.appendChild(summary);
      more.appendChild(rest);
      panel.querySelector(".published-reading__why").appendChild(more);
    }
    panel.querySelectorAll(".published-reading__close").forEach(function (button) {
      button.addEventListener("click", function () {
        panel.hidden = true;
        marker.setAttribute("aria-expanded", "false");
        marker.focus();  // back where the panel began (scrolled to, from its end)
      });
    });
    return panel;
  }

  // The panel's start in the window: when the marker stands low on the screen, the
  // marker goes to the top (below the pinned row), the panel under it.
  function showStart(marker) {
    if (marker.getBoundingClientRect().bottom > window.innerHeight * 0.6) marker.scrollIntoView({ block: "start" });
  }

  // Opens or closes the marker's panel; `lead`: the number of the conjecture whose mark
  // asked for it (its entry leads), made afresh if it was made for another.
  function toggle(marker, lead) {
    var id = "published-" + marker.getAttribute("data-for");
    var panel = document.getElementById(id);
    if (marker.getAttribute("data-loading")) return;  // asked twice before the answer came
    if (panel && (!lead || panel.getAttribute("data-lead") === String(lead))) {
      panel.hidden = !panel.hidden;
      marker.setAttribute("aria-expanded", String(!panel.hidden));
      if (!panel.hidden) showStart(marker);
      return;
    }
    marker.setAttribute("data-loading", "true");
    changesOf(marker).then(function (changes) {
      marker.removeAttribute("data-loading");
      var entry = changes[marker.getAttribute("data-for")];
      if (!entry) throw new Error("no changes for " + id);
      var holder = marker.closest(".reading-marker");
      var old = document.getElementById(id);
      if (old) old.remove();
      holder.parentNode.insertBefore(panelFor(marker, entry, lead), holder.nextSibling);
      marker.setAttribute("aria-controls", id);
      marker.setAttribute("aria-expanded", "true");
      showStart(marker);
    }).catch(function () {
      window.location.href = marker.href;  // nothing to fetch (opened from disk): the record
    });
  }

  function setUpMarkers() {
    document.querySelectorAll("a.corrected-marker").forEach(function (marker) {
      // With the script, the marker discloses the changes in place: a button.
      marker.setAttribute("role", "button");
      marker.setAttribute("aria-expanded", "false");
    });
  }

  // One change of a paragraph, as its apparatus entry gives it (class, printed words ->
  // reading, reason): the HTML of the N-th entry of the paragraph's changes, for the
  // popover of a change's mark or a conjecture's "conj." (tooltips.js).
  function changeEntry(ident, number) {
    var marker = document.querySelector('a.corrected-marker[data-for="' + ident + '"]');
    if (!marker) return Promise.reject(new Error("no changes for " + ident));
    return changesOf(marker).then(function (changes) {
      var list = document.createElement("ul");
      list.innerHTML = (changes[ident] || {}).apparatus || "";
      var entry = list.querySelectorAll(".apparatus-entry")[number - 1];
      if (!entry) throw new Error("no change " + number + " in " + ident);
      return entry.innerHTML;
    });
  }
  window.edition.changeEntry = changeEntry;

  // "Show changes" (partials/show-changes.html): the choice on <html>, where main.html's
  // first script puts the remembered one before the page is drawn, and kept for the next
  // page. Shown, each change's first mark is reached with the Tab key.
  var CHANGES_KEY = "qarabagh-edition.changes";

  function showChanges(shown) {
    document.documentElement.classList.toggle("changes-shown", shown);
    var seen = {};
    document.querySelectorAll(".change[data-change], .queried[data-query]").forEach(function (mark) {
      var block = mark.closest("p[id], li[id]");
      var key = (block ? block.id : "") + "/" + (mark.getAttribute("data-change") || mark.getAttribute("data-query"));
      if (shown && !seen[key]) mark.setAttribute("tabindex", "0");
      else mark.removeAttribute("tabindex");
      seen[key] = true;
    });
  }

  function setUpChanges() {
    var box = document.querySelector(".show-changes__input");
    if (!box) return;
    box.checked = document.documentElement.classList.contains("changes-shown");
    if (box.checked) showChanges(true);
    box.addEventListener("change", function () {
      showChanges(box.checked);
      try { window.localStorage.setItem(CHANGES_KEY, box.checked ? "shown" : "hidden"); }
      catch (e) { /* private mode: not remembered */ }
    });
  }

  // Before Material's instant navigation sees the click (it listens on the body, and
  // would follow the marker's link to the record): in the capture phase, and no further.
  document.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    var marker = event.target.closest && event.target.closest("a.corrected-marker");
    if (marker) {
      event.preventDefault();
      event.stopPropagation();
      toggle(marker);
    }
  }, true);
  // A button answers the space bar too: on release, as buttons do (not scrolling on press).
  document.addEventListener("keydown", function (event) {
    if (event.key === " " && event.target.closest && event.target.closest("a.corrected-marker")) event.preventDefault();
  });
  document.addEventListener("keyup", function (event) {
    var marker = event.target.closest && event.target.closest("a.corrected-marker");
    if (marker && event.key === " ") toggle(marker);
  });

  // On the record's pages the editors' queries are the only marks, always shown (the
  // words are the printed ones): each query's words reached with the Tab key.
  function setUpRecordQueries() {
    var seen = {};
    document.querySelectorAll(".as-published .queried[data-query]").forEach(function (mark) {
      var key = mark.getAttribute("data-query");
      if (!seen[key]) mark.setAttribute("tabindex", "0");
      seen[key] = true;
    });
  }

  window.edition.onEveryPage(function () {
    setUpSwitch();
    setUpMarkers();
    setUpChanges();
    setUpRecordQueries();
  });
})();
