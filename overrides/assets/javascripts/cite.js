// Copy buttons: the citations in the "Cite" box, and for a paragraph its permanent
// link ("¶ 12") and its link with a citation, made when the paragraph is first hovered
// or focused, and in the opened Cite box for the paragraph in view. The page works
// without this script; it only adds the buttons. Material's `document$` re-runs it after
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

  // The ¶ link and "cite" of a paragraph, in a box of tools (edition.js makes the box).
  window.edition.addParagraphTool(function (tools, paragraph) {
    var box = document.getElementById("cite-this");
    var match = PARAGRAPH_ID.exec(paragraph.id);
    if (!box || !match || tools.querySelector(".paragraph-link")) return;
    var number = match[1];
    var url = box.getAttribute("data-page-url").split("#")[0] + "#" + paragraph.id;
    var link = button("Copy link to paragraph " + number, "¶ " + number, "paragraph-link");
    link.addEventListener("click", function () { copy(url, "link to paragraph " + number, link); });
    // The name starts with the word shown ("cite"), so speech users can say what they see.
    var cite = button("Cite paragraph " + number + ": copy its link with the citation", "cite", "paragraph-cite");
    cite.addEventListener("click", function () {
      copy(paragraphCitation(box, paragraph.id, number), "citation of paragraph " + number, cite);
    });
    tools.appendChild(link);
    tools.appendChild(cite);
  });

  // A paragraph of the text whose tools a reader may want: not on the whole paper on one
  // page (#whole-paper), read straight through or printed, whose paragraphs each have
  // their own page, where the tools are.
  function paragraphOf(node) {
    var paragraph = node && node.closest ? node.closest("p[id], li[id]") : null;
    if (!paragraph || !PARAGRAPH_ID.test(paragraph.id) || paragraph.closest(".footnote, .cite-this")) return null;
    if (!paragraph.closest("article.md-content__inner") || document.getElementById("whole-paper")) return null;
    return document.getElementById("cite-this") ? paragraph : null;
  }

  // A paragraph's tools come when the pointer first goes over it, or the keyboard into it.
  function offerTools(event) {
    var paragraph = paragraphOf(event.target);
    if (paragraph) window.edition.paragraphTools(paragraph);
  }
  document.addEventListener("pointerover", offerTools);
  document.addEventListener("focusin", offerTools);

  function paragraphInView() {
    return window.edition.firstInView(Array.prototype.filter.call(
      document.querySelectorAll("article.md-content__inner [data-paragraph][id]"), paragraphOf));
  }

  // The Cite box, opened, offers the tools of the paragraph in view: from the keyboard,
  // they are one Tab away from "Cite" for any paragraph.
  function offerParagraphInBox(box, paragraph) {
    var old = box.querySelector(".cite-this__paragraph");
    if (old) old.remove();
    if (!box.open || !paragraph) return;
    var part = document.createElement("div");
    part.className = "cite-this__paragraph";
    var heading = document.createElement("h2");
    heading.className = "cite-this__heading";
    heading.textContent = "The paragraph in view (¶ " + PARAGRAPH_ID.exec(paragraph.id)[1] + ")";
    part.appendChild(heading);
    part.appendChild(window.edition.makeParagraphTools(paragraph));
    var body = box.querySelector(".cite-this__body");
    body.insertBefore(part, body.querySelector(".cite-this__downloads"));
  }

  // The open box lies over the text (edition.css): it closes with its Close button, with
  // Escape, and with a click or tap outside it; the keyboard goes back to "Cite".
  function close(box, refocus) {
    if (!box.open) return;
    box.open = false;
    if (refocus) box.querySelector("summary").focus({ preventScroll: true });
  }

  function addCloseButton(box) {
    var closeButton = button("Close the Cite box", "Close", "cite-this__close");
    closeButton.addEventListener("click", function () { close(box, true); });
    var body = box.querySelector(".cite-this__body");
    body.insertBefore(closeButton, body.firstChild);
  }

  // Once for every page (instant navigation swaps the box, not the document).
  document.addEventListener("keydown", function (event) {
    var box = document.getElementById("cite-this");
    if (event.key === "Escape" && box && box.open) close(box, true);
  });
  document.addEventListener("click", function (event) {
    var box = document.getElementById("cite-this");
    if (box && box.open && !box.contains(event.target)) close(box, false);
  });

  function setUp() {
    var box = document.getElementById("cite-this");
    if (!box) return;
    setUpCiteBox(box);
    if (!box.hasAttribute("data-paragraph-offer")) {
      box.setAttribute("data-paragraph-offer", "");
      addCloseButton(box);
      // In view when "Cite" was asked for.
      var inView = null;
      box.querySelector("summary").addEventListener("click", function () {
        if (!box.open) inView = paragraphInView();
      });
      box.addEventListener("toggle", function () { offerParagraphInBox(box, inView || paragraphInView()); });
    }
  }

  window.edition.onEveryPage(setUp);
})();
