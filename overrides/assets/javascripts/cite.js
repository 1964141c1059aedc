// Copy buttons: the citations in the "Cite" box, and for every paragraph its
// permanent link ("¶ 12") and its link with a citation. The page works without
// this script; it only adds the buttons. Material's `document$` re-runs it after
// each instant-navigation page change.
(function () {
  "use strict";

  // Paragraph IDs end in a number (social-12); headings and references do not.
  var PARAGRAPH_ID = /^[a-z]+(?:-[a-z]+)*-(\d+)$/;

  function announce(message) {
    window.edition.announce(message, "copy-status");
  }

  function copy(text, what, button) {
    window.edition.copyText(text, function () {
      announce("Copied " + what);
      if (button) {
        button.classList.add("is-copied");
        window.setTimeout(function () { button.classList.remove("is-copied"); }, 1500);
      }
    });
  }

  function button(label, text, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.textContent = text;
    return element;
  }

  function setUpCiteBox(box) {
    box.querySelectorAll(".cite-this__text").forEach(function (citation) {
      if (citation.querySelector(".cite-copy")) return;
      var style = citation.previousElementSibling ? citation.previousElementSibling.textContent : "citation";
      var copyButton = button("Copy citation (" + style + ")", "Copy", "cite-copy");
      copyButton.addEventListener("click", function () {
        copy(citation.firstChild ? citation.textContent.replace(/\s*Copy$/, "").trim() : "", "citation", copyButton);
      });
      citation.appendChild(copyButton);
    });
  }

  function paragraphCitation(box, id, number) {
    var base = box.getAttribute("data-cite-chicago-base");
    var section = box.getAttribute("data-section-title");
    var url = box.getAttribute("data-page-url").split("#")[0] + "#" + id;
    return base + (section ? " Section “" + section + "”," : "") + " ¶ " + number + ". " + url;
  }

  function setUpParagraphs(box) {
    var article = document.querySelector("article.md-content__inner");
    // Not on the whole paper on one page (#whole-paper), read straight through or printed:
    // a tool set for each of its paragraphs made it slow to start, and each has its own
    // page, where they are.
    if (!article || document.getElementById("whole-paper")) return;
    article.querySelectorAll("p[id], li[id]").forEach(function (paragraph) {
      var match = PARAGRAPH_ID.exec(paragraph.id);
      if (!match || paragraph.querySelector(":scope > .paragraph-tools")) return;
      var number = match[1];
      var url = box.getAttribute("data-page-url").split("#")[0] + "#" + paragraph.id;
      var tools = document.createElement("span");
      tools.className = "paragraph-tools";
      var link = button("Copy link to paragraph " + number, "¶ " + number, "paragraph-link");
      link.addEventListener("click", function () { copy(url, "link to paragraph " + number, link); });
      // The name starts with the word shown ("cite"), so speech users can say what they see.
      var cite = button("Cite paragraph " + number + ": copy its link with the citation", "cite", "paragraph-cite");
      cite.addEventListener("click", function () {
        copy(paragraphCitation(box, paragraph.id, number), "citation of paragraph " + number, cite);
      });
      tools.appendChild(link);
      tools.appendChild(cite);
      paragraph.insertBefore(tools, paragraph.firstChild);
    });
  }

  function setUp() {
    var box = document.getElementById("cite-this");
    if (!box) return;
    setUpCiteBox(box);
    setUpParagraphs(box);
  }

  window.edition.onEveryPage(setUp);
})();
