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

  window.edition.setUpPackPage = setUpPackPage;
})();
