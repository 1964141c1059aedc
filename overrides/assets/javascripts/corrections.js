// The Corrections page (docs/corrections.md; qarabagh_edition/pages/corrections.py): a
// filter by section and by class, so that a reader on a phone sees the changes to one
// section, or the conjectures alone, not all of some 800 changes. Without JavaScript
// every change is shown, as before. The choice is kept in the address (?section=,
// &class=), so a filtered view can be linked. Nothing is built but the form: the page's
// own lists are shown or hidden.
(function () {
  "use strict";

  var CLASSES = [["normalisation", "Normalisations"], ["emendation", "Emendations"],
                 ["conjecture", "Conjectures"], ["supplied", "Supplied words"], ["query", "Queries"]];

  // The site's root: the Corrections page is one level down ("corrections/"), or beside
  // the others in the offline copy ("corrections.html").
  function siteRoot() {
    return new URL(/\.html$/.test(window.location.pathname) ? "./" : "../", window.location.href).pathname;
  }

  function sectionOf(link) {
    if (!link) return "";
    var base = siteRoot();
    var path = new URL(link.href, window.location.href).pathname;
    if (path.indexOf(base) === 0) path = path.slice(base.length);
    return path.replace(/^\/+/, "").replace(/(index)?\.html$|\/$/, "") || "home";
  }

  // Each element after a heading, up to the next heading of that level or higher.
  function following(heading) {
    var out = [], next = heading.nextElementSibling;
    while (next && !/^H[1-3]$/.test(next.tagName)) { out.push(next); next = next.nextElementSibling; }
    return out;
  }

  function option(value, text) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = text;
    return element;
  }

  function select(label, name, options) {
    var wrap = document.createElement("label"), box = document.createElement("select");
    wrap.className = "corrections-filter__field";
    wrap.appendChild(document.createTextNode(label + " "));
    box.name = name;
    box.appendChild(option("", name === "section" ? "All sections" : "All classes"));
    options.forEach(function (pair) { box.appendChild(option(pair[0], pair[1])); });
    wrap.appendChild(box);
    return wrap;
  }

  function setUp() {
    // The lists by class (pages/corrections.py marks their headings), each with its class.
    var lists = [].map.call(document.querySelectorAll("article h2.changes-by-class"), function (heading) {
      var kind = CLASSES.filter(function (pair) {
        return heading.classList.contains("changes-by-class--" + pair[0]);
      })[0];
      return { heading: heading, kind: kind ? kind[0] : "" };
    });
    if (!lists.length || document.querySelector(".corrections-filter")) return;
    var first = lists[0].heading, items = [], sections = [], seen = {};
    lists.forEach(function (list) {
      var heading = list.heading;
      following(heading).forEach(function (block) {
        block.querySelectorAll(":scope > li").forEach(function (item) {
          var link = item.querySelector("a"), section = sectionOf(link);
          if (link && !seen[section]) {
            seen[section] = true;
            sections.push([section, link.textContent.replace(/\s*¶\s*\d+$/, "")]);
          }
          items.push({ element: item, section: section, kind: list.kind, heading: heading });
        });
      });
    });
    var paragraphs = [];
    document.querySelectorAll("article h3.correction-heading").forEach(function (heading) {
      var blocks = following(heading);
      var context = blocks.map(function (b) { return b.querySelector("a[href*='#']"); }).filter(Boolean)[0];
      paragraphs.push({ heading: heading, blocks: blocks, section: sectionOf(context) });
    });

    var form = document.createElement("form");
    form.className = "corrections-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Show the changes of one section or one class");
    form.appendChild(select("Section", "section", sections));
    form.appendChild(select("Class", "class", CLASSES));
    var status = document.createElement("p");
    status.className = "corrections-filter__status";
    status.setAttribute("aria-live", "polite");
    form.appendChild(status);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    first.parentNode.insertBefore(form, first);

    function apply(keep) {
      var section = form.elements.section.value, kind = form.elements["class"].value, shown = 0;
      items.forEach(function (item) {
        var on = (!section || item.section === section) && (!kind || item.kind === kind);
        item.element.hidden = !on;
        if (on) shown += 1;
      });
      lists.forEach(function (list) {
        var on = !kind || list.kind === kind;
        list.heading.hidden = !on;
        following(list.heading).forEach(function (block) { block.hidden = !on; });
      });
      paragraphs.forEach(function (paragraph) {
        var on = !section || paragraph.section === section, any = false;
        paragraph.blocks.forEach(function (block) {
          block.querySelectorAll(".apparatus-entry").forEach(function (entry) {
            var match = !kind || entry.classList.contains("apparatus-entry--" + kind);
            entry.hidden = !match;
            any = any || match;
          });
        });
        on = on && any;
        paragraph.heading.hidden = !on;
        paragraph.blocks.forEach(function (block) { block.hidden = !on; });
      });
      status.textContent = section || kind
        ? shown + (shown === 1 ? " change or query shown" : " changes and queries shown") + ", and the paragraphs they are in"
        : "";
      if (!keep) {
        var address = new URL(window.location.href);
        ["section", "class"].forEach(function (name) {
          if (form.elements[name].value) address.searchParams.set(name, form.elements[name].value);
          else address.searchParams.delete(name);
        });
        history.replaceState(history.state, "", address.href);
      }
    }

    var asked = new URLSearchParams(window.location.search);
    ["section", "class"].forEach(function (name) {
      var value = asked.get(name), box = form.elements[name];
      if (value && [].some.call(box.options, function (o) { return o.value === value; })) box.value = value;
    });
    form.addEventListener("change", function () { apply(false); });
    apply(true);
  }

  window.edition.onEveryPage(setUp);
})();
