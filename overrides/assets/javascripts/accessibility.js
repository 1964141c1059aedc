// Accessible names that Material's templates leave out (axe-core reports them):
// its search overlay has role="dialog" without a name. Set once per page load.
(function () {
  "use strict";
  function name() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label") && !search.hasAttribute("aria-labelledby")) {
      search.setAttribute("aria-label", "Search this edition");
    }
  }
  window.edition.onEveryPage(name);
})();
