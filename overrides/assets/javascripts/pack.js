// Syllabus pack. On the paper's pages: an "Add to pack" toggle in each paragraph's tools
// (made when first wanted, see edition.js), beside its ¶ number; an "Add whole section to
// pack" button under the section's title; and a link to the pack with the selection in its address (?p=id1,id2,…). On the pack page
// (docs/pack.md), pack-page.js, loaded only there, assembles the chosen paragraphs.
// The selection is kept in this browser (localStorage) and in the pack's address,
// never sent anywhere. Material's `document$` re-runs the set-up after each
// instant-navigation page change.
(function () {
  "use strict";

  // Beside this file, named as it is: pack-page.js, or pack-page.min.js in the built site.
  var PACK_PAGE_SCRIPT = document.currentScript.src.replace(/\/pack((?:\.min)?\.js)(?=$|[?#])/, "/pack-page$1");

  var KEY = "qarabagh-edition.pack";
  // Paragraph IDs end in a number (social-12); headings and references do not. As in cite.js.
  var PARAGRAPH_ID = /^[a-z]+(?:-[a-z]+)*-(\d+)$/;
  var memory = [];  // where localStorage is refused (some private modes, some file:// set-ups)

  // ---------------------------------------------------------------------------
  // The selection: an ordered list of paragraph IDs, in the order they were added.
  // ---------------------------------------------------------------------------
  function clean(ids) {
    var seen = {};
    return (Array.isArray(ids) ? ids : []).filter(function (id) {
      if (typeof id !== "string" || !PARAGRAPH_ID.test(id) || seen[id]) return false;
      seen[id] = true;
      return true;
    });
  }

  function load() {
    try {
      var stored = window.localStorage.getItem(KEY);
      return stored === null ? memory.slice() : clean(JSON.parse(stored));
    } catch (e) {
      return memory.slice();
    }
  }

  function save(ids) {
    memory = clean(ids);
    try { window.localStorage.setItem(KEY, JSON.stringify(memory)); } catch (e) { /* kept for this page only */ }
  }

  function has(ids, id) { return ids.indexOf(id) !== -1; }

  function add(ids, more) {
    var result = ids.slice();
    more.forEach(function (id) { if (!has(result, id)) result.push(id); });
    return result;
  }

  function remove(ids, fewer) {
    return ids.filter(function (id) { return !has(fewer, id); });
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  // ---------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------
  function announce(message) {
    window.edition.announce(message, "pack-status");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, className, label) {
    var node = element("button", className, text);
    node.type = "button";
    if (label) node.setAttribute("aria-label", label);
    return node;
  }

  function copy(text, done) {
    window.edition.copyText(text, done);
  }

  // ---------------------------------------------------------------------------
  // The paper's pages
  // ---------------------------------------------------------------------------

  // The pack page's address relative to this page, from this page's depth below the
  // site's root: "../pack/" on /social-impacts/, "pack/" on the home page, and
  // "pack.html" in the offline edition, which has no directory URLs.
  function packHref(box) {
    var page = (box.getAttribute("data-page-url") || "").split("#")[0];
    var siteLink = box.querySelector("#cite-edition-chicago a[href]");
    var site = siteLink ? siteLink.getAttribute("href") : "";
    var prefix = null;
    if (site && page.indexOf(site) === 0) {
      var depth = page.slice(site.length).split("/").length - 1;
      prefix = new Array(depth + 1).join("../");
    } else {
      var bib = box.querySelector('a[download][href$=".bib"]');  // "../cite/<key>.bib"
      if (bib) prefix = bib.getAttribute("href").replace(/cite\/[^\/]*$/, "");
    }
    if (prefix === null) prefix = "../";
    if (/\.html?$/.test(page)) return prefix + "pack.html";
    // From disk a folder is not its index.html.
    return prefix + (window.location.protocol === "file:" ? "pack/index.html" : "pack/");
  }

  function linkFor(href, ids) { return href + (ids.length ? "?p=" + ids.join(",") : ""); }

  function paperParagraphs(article) {
    return Array.prototype.filter.call(article.querySelectorAll("p[id], li[id]"), function (paragraph) {
      return PARAGRAPH_ID.test(paragraph.id) && !paragraph.closest(".footnote");
    });
  }

  function isPaperPage(article, box) {
    // Not the editors' pages, nor the whole paper on one page (#whole-paper), whose
    // paragraphs have their own pages.
    // Nor the record's pages (the text as published): the pack reproduces the corrected reading.
    return !article.querySelector(".editorial-banner") && !article.querySelector(".record-banner") &&
      !document.getElementById("whole-paper") &&
      !/\/print_page(\/|\.html)?$/.test((box.getAttribute("data-page-url") || "").split("#")[0]);
  }

  function setToggle(toggle, pressed) {
    var number = toggle.getAttribute("data-pack-number");
    toggle.setAttribute("aria-pressed", pressed ? "true" : "false");
    toggle.textContent = pressed ? "In pack ✓" : "Add to pack";
    toggle.setAttribute("aria-label", (pressed ? "In pack ✓" : "Add to pack") + " (¶ " + number + ")");
  }

  function refreshPaperPage(article) {
    var ids = load();
    var paragraphs = paperParagraphs(article);
    paragraphs.forEach(function (paragraph) {
      var selected = has(ids, paragraph.id);
      paragraph.classList.toggle("is-in-pack", selected);
      // A paragraph in the pack shows its tools (pressed "In pack"): made now if not yet.
      if (selected) window.edition.paragraphTools(paragraph);
    });
    // Every toggle: in a paragraph's tools, and in the Cite box's for the paragraph in view.
    document.querySelectorAll(".paragraph-tools[data-for] > .pack-toggle").forEach(function (toggle) {
      setToggle(toggle, has(ids, toggle.parentNode.getAttribute("data-for")));
    });
    var whole = article.querySelector(".pack-section-toggle");
    if (whole) {
      var all = paragraphs.length > 0 && paragraphs.every(function (p) { return has(ids, p.id); });
      whole.setAttribute("aria-pressed", all ? "true" : "false");
      whole.textContent = all ? "Whole section in pack ✓" : "Add whole section to pack";
    }
    refreshPackLink(ids);
  }

  function refreshPackLink(ids) {
    var link = document.getElementById("pack-link");
    if (!link) return;
    link.hidden = ids.length === 0;
    link.textContent = "Syllabus pack (" + ids.length + ")";
    link.setAttribute("aria-label", "Syllabus pack: " + plural(ids.length, "paragraph", "paragraphs") + " chosen");
    link.href = linkFor(link.getAttribute("data-pack-href"), ids);
  }

  // "Add to pack" in a paragraph's box of tools, which edition.js makes when first wanted.
  window.edition.addParagraphTool(function (tools, paragraph) {
    var article = document.querySelector("article.md-content__inner");
    var box = document.getElementById("cite-this");
    var match = PARAGRAPH_ID.exec(paragraph.id);
    if (!article || !box || !match || !isPaperPage(article, box) || tools.querySelector(".pack-toggle")) return;
    var toggle = button("Add to pack", "pack-toggle");
    toggle.setAttribute("data-pack-number", match[1]);
    setToggle(toggle, has(load(), paragraph.id));
    toggle.addEventListener("click", function () {
      var ids = load();
      var number = toggle.getAttribute("data-pack-number");
      if (has(ids, paragraph.id)) {
        ids = remove(ids, [paragraph.id]);
        announce("Removed ¶ " + number + " from the syllabus pack (" + plural(ids.length, "paragraph", "paragraphs") + ")");
      } else {
        ids = add(ids, [paragraph.id]);
        announce("Added ¶ " + number + " to the syllabus pack (" + plural(ids.length, "paragraph", "paragraphs") + ")");
      }
      save(ids);
      refreshPaperPage(article);
    });
    tools.appendChild(toggle);
  });

  function setUpPaperPage(article, box) {
    var paragraphs = paperParagraphs(article);
    if (!paragraphs.length) return;

    var heading = article.querySelector("h1");
    if (heading && !article.querySelector(".pack-section-toggle")) {
      var whole = button("Add whole section to pack", "pack-section-toggle");
      var title = box.getAttribute("data-section-title") || "this section";
      whole.addEventListener("click", function () {
        var ids = load();
        var all = paperParagraphs(article).map(function (p) { return p.id; });
        if (all.every(function (id) { return has(ids, id); })) {
          ids = remove(ids, all);
          announce("Removed the whole section “" + title + "” from the syllabus pack (" +
            plural(ids.length, "paragraph", "paragraphs") + ")");
        } else {
          ids = add(ids, all);
          announce("Added the whole section “" + title + "” to the syllabus pack (" +
            plural(ids.length, "paragraph", "paragraphs") + ")");
        }
        save(ids);
        refreshPaperPage(article);
      });
      // On the reading-time line under the title when there is one, so nothing moves; on
      // the landing page after its last paragraph (the keywords), so that the abstract
      // still starts on a phone's first screen.
      var line = heading.nextElementSibling;
      var last = heading.closest(".paper-front") && paperParagraphs(article).slice(-1)[0];
      if (last) {
        var after = element("p", "pack-section-tools");
        after.appendChild(whole);
        last.parentNode.insertBefore(after, last.nextSibling);
      } else if (line && line.classList.contains("reading-time")) {
        line.classList.add("pack-section-tools");
        line.appendChild(whole);
      } else {
        var holder = element("p", "pack-section-tools");
        holder.appendChild(whole);
        heading.parentNode.insertBefore(holder, heading.nextSibling);
      }
    }
    refreshPaperPage(article);
  }

  function setUpPackLink(box, onPackPage) {
    var link = document.getElementById("pack-link");
    if (!link) {
      link = element("a", "pack-link md-typeset");
      link.id = "pack-link";
      document.body.appendChild(link);
    }
    if (onPackPage || !box) {
      link.hidden = true;
      link.setAttribute("data-pack-href", "");
      return;
    }
    link.setAttribute("data-pack-href", packHref(box));
    refreshPackLink(load());
  }

  // ---------------------------------------------------------------------------
  // Every page
  // ---------------------------------------------------------------------------
  function setUp() {
    var root = document.getElementById("pack-root");
    // The pack's data is the hidden element the build writes right after its root
    // (qarabagh_edition.pages.syllabus_pack), found from there, not by its ID: the first
    // element with an ID could be one the page's content put before it.
    var dataElement = root && root.nextElementSibling;
    if (dataElement && !dataElement.matches("div#pack-data[hidden]")) dataElement = null;
    var box = document.getElementById("cite-this");
    if (root && dataElement) {
      setUpPackLink(box, true);
      if (root.getAttribute("data-pack-ready") || root.getAttribute("data-pack-loading")) return;
      var data;
      try { data = JSON.parse(dataElement.textContent); } catch (e) { return; }
      root.setAttribute("data-pack-loading", "true");
      // The pack page's code, fetched only here: most visits never open the pack.
      window.edition.loadScript(PACK_PAGE_SCRIPT).then(function () {
        root.removeAttribute("data-pack-loading");
        if (!document.body.contains(root)) return;  // left the page meanwhile
        root.setAttribute("data-pack-ready", "true");
        window.edition.setUpPackPage(root, data);
      }, function () { root.removeAttribute("data-pack-loading"); });  // a later visit tries again
      return;
    }
    setUpPackLink(box, false);
    var article = document.querySelector("article.md-content__inner");
    if (!article || !box || !isPaperPage(article, box)) return;
    setUpPaperPage(article, box);
  }

  // What pack-page.js shares with this file.
  window.edition.pack = {
    load: load, save: save, clean: clean, has: has, add: add, remove: remove, plural: plural,
    element: element, button: button, announce: announce, copy: copy
  };

  // The selection changed in another tab: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key !== KEY) return;
    var root = document.querySelector("#pack-root[data-pack-ready]");
    var article = document.querySelector("article.md-content__inner");
    if (root && root.rerender) root.rerender();
    else if (article && article.querySelector(".pack-toggle")) refreshPaperPage(article);
    else refreshPackLink(load());
  });

  window.edition.onEveryPage(setUp);
})();
