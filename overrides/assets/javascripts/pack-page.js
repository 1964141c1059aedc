// Syllabus pack, the pack page (docs/pack.md): the chosen paragraphs in the paper's
// order, from the data the build puts in the page (overrides/hooks/syllabus_pack.py),
// so it also works opened from disk, with no server and no request. Loaded by pack.js
// only on the pack page; shares pack.js's selection helpers (window.edition.pack).
(function () {
  "use strict";

  var pack = window.edition.pack;
  var load = pack.load, save = pack.save, clean = pack.clean, has = pack.has, add = pack.add,
    remove = pack.remove, plural = pack.plural, element = pack.element, button = pack.button,
    announce = pack.announce, copy = pack.copy;
  // ---------------------------------------------------------------------------
  // Download as Markdown: the excerpt the page shows, as text to paste into a course site
  // or a word processor, made here from the pack's data (no request: works from disk too).
  // ---------------------------------------------------------------------------
  function markdownOf(html, base) {
    var holder = document.createElement("template");  // inert: nothing in it loads or runs
    holder.innerHTML = html;
    function walk(node) {
      if (node.nodeType === 3) return node.data.replace(/[\\`*_[\]<]/g, "\\$&");  // literal, not Markdown
      // The edition's marks ("conj.") and markers are left out, as search leaves them out.
      if (node.nodeType === 1 && node.hasAttribute("data-search-exclude")) return "";
      var inner = Array.prototype.map.call(node.childNodes, walk).join("");
      var tag = node.nodeName.toLowerCase();
      // Emphasis hugs its words ("*a b*", not "* a b *", which Markdown would not read).
      if (/^(em|i|strong|b)$/.test(tag) && inner.trim()) {
        var mark = tag === "em" || tag === "i" ? "*" : "**";
        return inner.replace(/^(\s*)([\s\S]*?)(\s*)$/, "$1" + mark + "$2" + mark + "$3");
      }
      if (tag !== "a" || !node.getAttribute("href")) return inner;  // a citation: its words
      // Absolute, so the link works wherever the file goes; relative ones are the pack page's.
      var href = new URL(node.getAttribute("href"), base).href.replace(/\(/g, "%28").replace(/\)/g, "%29");
      return node.textContent.trim() === node.getAttribute("href") ? "<" + href + ">" : "[" + inner + "](" + href + ")";
    }
    return walk(holder.content).replace(/\s+/g, " ").trim();
  }

  function summaryOf(chosen) {
    var sectionCount = chosen.reduce(function (titles, p) {
      if (titles.indexOf(p.section) === -1) titles.push(p.section);
      return titles;
    }, []).length;
    return plural(chosen.length, "paragraph", "paragraphs") + " from " + plural(sectionCount, "section", "sections") +
      ", in the paper's order.";
  }

  function packMarkdown(data, chosen) {
    var md = function (html) { return markdownOf(html, data.pack_url); };
    var lines = ["# Syllabus pack", "", "Excerpt from: " + md(data.paper.chicago), "",
      "Text: " + md(data.paper.edition), "", summaryOf(chosen), ""];
    var references = {}, lastSection = null;
    chosen.forEach(function (p) {
      if (p.section !== lastSection) lines.push("## " + p.section, "");
      lastSection = p.section;
      lines.push("### ¶ " + p.number, "", md(p.html), "", "Link: <" + p.url + ">", "");
      p.citations.forEach(function (c) { references[c.key] = { text: c.text, md: md(c.html) }; });
    });
    var cited = Object.keys(references).map(function (key) { return references[key]; });
    if (cited.length) lines.push("## References", "");
    cited.sort(function (a, b) { return a.text.localeCompare(b.text); })
      .forEach(function (reference) { lines.push("- " + reference.md); });
    return lines.join("\n").replace(/\n*$/, "\n");
  }

  function download(text, name) {
    var link = element("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    link.download = name;
    link.click();  // not in the page, so instant navigation never sees the click
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
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
    // The browser's print dialog also saves as PDF: one control for both.
    var printButton = button("Print or save as PDF", "pack-print md-button", "Print or save as PDF (the excerpt)");
    var downloadButton = button("Download as Markdown", "pack-download md-button",
      "Download as Markdown (the excerpt, a .md file)");
    var copyButton = button("Copy links", "pack-copy-links md-button", "Copy links (the plain-text list)");
    var shareButton = button("Share this selection", "pack-share md-button", "Share this selection (copies its link)");
    var clearButton = button("Clear", "pack-clear md-button", "Clear the pack (remove every paragraph)");
    [printButton, downloadButton, copyButton, shareButton, clearButton].forEach(function (b) { controls.appendChild(b); });

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
      copyButton.disabled = shareButton.disabled = clearButton.disabled = printButton.disabled =
        downloadButton.disabled = !chosen.length;

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
      source.appendChild(element("p", "pack-source__summary", summaryOf(chosen)));
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
    downloadButton.addEventListener("click", function () {
      var chosen = inReadingOrder(load()).map(function (id) { return data.paragraphs[known[id]]; });
      download(packMarkdown(data, chosen), "qarabagh-syllabus-pack.md");
      announce("Downloaded the excerpt as Markdown (qarabagh-syllabus-pack.md)");
    });
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

  window.edition.setUpPackPage = setUpPackPage;
})();
