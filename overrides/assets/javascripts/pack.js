// Syllabus pack. On the paper's pages: an "Add to pack" toggle beside each paragraph's
// ¶ number, an "Add whole section to pack" button under the section's title, and a
// link to the pack with the selection in its address (?p=id1,id2,…). On the pack page
// (docs/pack.md): the chosen paragraphs in the paper's order, from the data the build
// puts in the page (overrides/hooks/syllabus_pack.py), so it also works opened from
// disk, with no server and no request. The selection is kept in this browser
// (localStorage) and in the pack's address, never sent anywhere. Material's
// `document$` re-runs the set-up after each instant-navigation page change.
(function () {
  "use strict";

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
    // Not the editors' pages, nor the whole paper on one page (print-site), whose
    // paragraphs have their own pages.
    return !article.querySelector(".editorial-banner") && !document.getElementById("print-site-page") &&
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
      var toggle = paragraph.querySelector(":scope > .paragraph-tools > .pack-toggle");
      if (toggle) setToggle(toggle, selected);
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

  function setUpPaperPage(article, box) {
    var paragraphs = paperParagraphs(article);
    if (!paragraphs.length) return;
    paragraphs.forEach(function (paragraph) {
      var tools = paragraph.querySelector(":scope > .paragraph-tools");
      if (!tools) {  // cite.js absent: the toggle gets a tools box of its own
        tools = element("span", "paragraph-tools");
        paragraph.insertBefore(tools, paragraph.firstChild);
      }
      if (tools.querySelector(".pack-toggle")) return;
      var toggle = button("Add to pack", "pack-toggle");
      toggle.setAttribute("data-pack-number", PARAGRAPH_ID.exec(paragraph.id)[1]);
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
      // On the reading-time line under the title when there is one, so nothing moves.
      var line = heading.nextElementSibling;
      if (line && line.classList.contains("reading-time")) {
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
  // The pack page
  // ---------------------------------------------------------------------------
  function setUpPackPage(root, data) {
    var known = {};
    data.paragraphs.forEach(function (paragraph, index) { known[paragraph.id] = index; });
    var inReadingOrder = function (ids) {
      return ids.filter(function (id) { return id in known; })
        .sort(function (a, b) { return known[a] - known[b]; });
    };

    var requested = new URLSearchParams(window.location.search).get("p");
    if (requested !== null) {
      var asked = clean(requested.split(",").map(function (id) { return id.trim(); }).filter(Boolean));
      var unknown = asked.filter(function (id) { return !(id in known); });
      save(asked.filter(function (id) { return id in known; }));
      if (unknown.length) {
        announce("Not in the paper, left out: " + unknown.join(", "));
      }
    }

    root.textContent = "";

    var sectionsBox = element("fieldset", "pack-sections");
    sectionsBox.appendChild(element("legend", null, "Whole sections"));
    var sectionInputs = data.sections.map(function (section, index) {
      var ids = data.paragraphs.filter(function (p) { return p.path === section.path; })
        .map(function (p) { return p.id; });
      var label = element("label", "pack-sections__item");
      var input = element("input");
      input.type = "checkbox";
      input.id = "pack-section_" + index;
      input.addEventListener("change", function () {
        var current = load();
        save(input.checked ? add(current, ids) : remove(current, ids));
        announce((input.checked ? "Added the whole section “" : "Removed the whole section “") + section.title +
          "” " + (input.checked ? "to" : "from") + " the pack");
        render();
      });
      label.appendChild(input);
      label.appendChild(element("span", null, section.title + " (" + plural(ids.length, "paragraph", "paragraphs") + ")"));
      sectionsBox.appendChild(label);
      return { input: input, ids: ids };
    });

    var controls = element("div", "pack-controls");
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", "Syllabus pack actions");
    var printButton = button("Print", "pack-print md-button", "Print the excerpt");
    var copyButton = button("Copy links", "pack-copy-links md-button", "Copy links (the plain-text list)");
    var shareButton = button("Share this selection", "pack-share md-button", "Share this selection (copies its link)");
    var clearButton = button("Clear", "pack-clear md-button", "Clear the pack (remove every paragraph)");
    [printButton, copyButton, shareButton, clearButton].forEach(function (b) { controls.appendChild(b); });

    var excerpt = element("section", "pack-excerpt");
    excerpt.setAttribute("aria-label", "Excerpt");

    var linksBox = element("div", "pack-links");
    var linksLabel = element("label", "pack-links__label", "Links (plain text)");
    linksLabel.htmlFor = "pack-links-text";
    var linksText = element("textarea", "pack-links__text");
    linksText.id = "pack-links-text";
    linksText.readOnly = true;
    linksText.rows = 4;
    linksText.spellcheck = false;
    linksText.setAttribute("wrap", "off");
    linksBox.appendChild(linksLabel);
    linksBox.appendChild(linksText);

    root.appendChild(sectionsBox);
    root.appendChild(controls);
    root.appendChild(excerpt);
    root.appendChild(linksBox);

    function shareUrl(ids) {
      var query = ids.length ? "?p=" + ids.join(",") : "";
      if (window.location.protocol === "http:" || window.location.protocol === "https:") {
        return window.location.origin + window.location.pathname + query;
      }
      return data.pack_url + query;  // opened from disk: the published address
    }

    function render() {
      var ids = inReadingOrder(load());
      var chosen = ids.map(function (id) { return data.paragraphs[known[id]]; });

      // The address says what is shown, so it can be bookmarked or shared as it is.
      try {
        window.history.replaceState(window.history.state, "",
          window.location.pathname + (ids.length ? "?p=" + ids.join(",") : "") + window.location.hash);
      } catch (e) { /* some file:// set-ups refuse it; the Share button still works */ }

      sectionInputs.forEach(function (section) {
        var count = section.ids.filter(function (id) { return has(ids, id); }).length;
        section.input.checked = count > 0 && count === section.ids.length;
        section.input.indeterminate = count > 0 && count < section.ids.length;
      });
      copyButton.disabled = shareButton.disabled = clearButton.disabled = printButton.disabled = !chosen.length;

      excerpt.textContent = "";
      if (!chosen.length) {
        excerpt.appendChild(element("p", "pack-empty",
          "The pack is empty. Open a section of the paper and use “Add to pack” beside a paragraph, or " +
          "“Add whole section to pack” under its title, or tick whole sections above."));
        linksText.value = "";
        return;
      }

      var source = element("div", "pack-source");
      source.appendChild(element("p", "pack-source__label", "Excerpt from"));
      var citation = element("p", "pack-source__citation");
      citation.innerHTML = data.paper.chicago;
      source.appendChild(citation);
      var edition = element("p", "pack-source__edition");
      edition.innerHTML = "Text: " + data.paper.edition;
      source.appendChild(edition);
      var sectionCount = chosen.reduce(function (titles, p) {
        if (titles.indexOf(p.section) === -1) titles.push(p.section);
        return titles;
      }, []).length;
      source.appendChild(element("p", "pack-source__summary",
        plural(chosen.length, "paragraph", "paragraphs") + " from " + plural(sectionCount, "section", "sections") +
        ", in the paper's order."));
      excerpt.appendChild(source);

      var lastSection = null;
      chosen.forEach(function (paragraph) {
        if (paragraph.section !== lastSection) {
          excerpt.appendChild(element("h2", "pack-section-title", paragraph.section));
          lastSection = paragraph.section;
        }
        var item = element("div", "pack-paragraph");
        item.setAttribute("data-pack-id", paragraph.id);

        var head = element("p", "pack-paragraph__head");
        head.appendChild(element("span", "pack-paragraph__number", "¶ " + paragraph.number));
        if (paragraph.corrected) {
          head.appendChild(element("span", "pack-paragraph__corrected", "corrected reading"));
        }
        var removeButton = button("Remove", "pack-remove",
          "Remove ¶ " + paragraph.number + " of “" + paragraph.section + "” from the pack");
        removeButton.addEventListener("click", function () {
          var next = item.nextElementSibling;
          while (next && !next.classList.contains("pack-paragraph")) next = next.nextElementSibling;
          var nextId = next ? next.getAttribute("data-pack-id") : null;
          save(remove(load(), [paragraph.id]));
          announce("Removed ¶ " + paragraph.number + " of “" + paragraph.section + "” from the pack");
          render();
          // Focus stays in the list: on the next paragraph's Remove, else on the actions.
          var target = nextId && excerpt.querySelector('[data-pack-id="' + nextId + '"] .pack-remove');
          if (!target) target = printButton.disabled ? sectionsBox.querySelector("input") : printButton;
          if (target) target.focus();
        });
        head.appendChild(removeButton);
        item.appendChild(head);

        var text = element("div", "pack-paragraph__text");
        text.innerHTML = paragraph.html;
        text.querySelectorAll("a.footnote-ref[data-cite-key]").forEach(function (ref) {
          ref.href = "#pack-ref_" + paragraph.id + "_" + ref.getAttribute("data-cite-key");
        });
        item.appendChild(text);

        var link = element("p", "pack-paragraph__link");
        link.appendChild(document.createTextNode("Link: "));
        var anchor = element("a", null, paragraph.url);
        anchor.href = paragraph.url;
        link.appendChild(anchor);
        item.appendChild(link);

        if (paragraph.citations.length) {
          var citations = element("div", "pack-paragraph__citations");
          citations.appendChild(element("p", "pack-paragraph__citations-label", "Citations:"));
          var list = element("ul");
          paragraph.citations.forEach(function (reference) {
            var entry = element("li");
            entry.id = "pack-ref_" + paragraph.id + "_" + reference.key;
            entry.innerHTML = reference.html;
            list.appendChild(entry);
          });
          citations.appendChild(list);
          item.appendChild(citations);
        }
        excerpt.appendChild(item);
      });

      linksText.value = chosen.map(function (p) {
        return p.section + " ¶ " + p.number + ": " + p.url;
      }).join("\n");
      linksText.rows = Math.min(Math.max(chosen.length, 2), 12);
    }

    printButton.addEventListener("click", function () { window.print(); });
    copyButton.addEventListener("click", function () {
      copy(linksText.value, function () { announce("Copied the list of links"); });
    });
    shareButton.addEventListener("click", function () {
      copy(shareUrl(inReadingOrder(load())), function () { announce("Copied a link to this selection"); });
    });
    clearButton.addEventListener("click", function () {
      save([]);
      render();
      announce("The pack is empty");
      (sectionsBox.querySelector("input") || clearButton).focus();
    });

    root.rerender = render;
    render();
  }

  // ---------------------------------------------------------------------------
  // Every page
  // ---------------------------------------------------------------------------
  function setUp() {
    var root = document.getElementById("pack-root");
    var dataElement = document.getElementById("pack-data");
    var box = document.getElementById("cite-this");
    if (root && dataElement) {
      setUpPackLink(box, true);
      if (root.getAttribute("data-pack-ready")) return;
      var data;
      try { data = JSON.parse(dataElement.textContent); } catch (e) { return; }
      root.setAttribute("data-pack-ready", "true");
      setUpPackPage(root, data);
      return;
    }
    setUpPackLink(box, false);
    var article = document.querySelector("article.md-content__inner");
    if (!article || !box || !isPaperPage(article, box)) return;
    // After cite.js, whose ¶ buttons this joins, has run for this page.
    window.setTimeout(function () { setUpPaperPage(article, box); }, 0);
  }

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
